"""JSON as the standard defines it, in and out: no NaN or Infinity, no numbers Python cannot hold.

Python's json module reads `NaN`, `Infinity` and `1e999` (as inf), gives up on integers of
more than 4,300 digits with advice about `sys.set_int_max_str_digits()`, and refuses a
UTF-8 byte order mark with advice to "decode using utf-8-sig", and keeps the last of two
values for the same key. SerumDesk's catalogs and profiles are read with `loads` instead: a
BOM is accepted, the rest is refused in plain words.

Memory stays a small multiple of the file: before parsing, the values a file holds are
counted (a linear scan that builds nothing) and a file with more than one value per
BYTES_PER_VALUE bytes is refused. SerumDesk's own files hold one per 20-35 bytes; a crafted
`[1,1,1,…]` or `[{},{},…]` would become Python objects tens of times its size.

`dumps` never writes NaN or Infinity and writes characters a terminal would act on
(C1 controls, bidi and other format characters, lone surrogates, line and paragraph
separators) as \\u escapes.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from serumdesk.domain.figures import whole
from serumdesk.domain.strict.numbers import BYTES_PER_VALUE, FEWEST_VALUES
from serumdesk.domain.strict.plain_text import is_unsafe
from serumdesk.i18n import N_, _

_NOT_PLAIN_ASCII = re.compile(r"[^\x20-\x7e\n]")
_MAX_INT_DIGITS = 640
"""Python's lowest setting of its own limit. Shorter integers reach the models, which say
which field is out of bounds (numbers.py); longer ones are refused here, in plain words."""


_DECODER_WORDS = {
    "Expecting value": N_("a value was expected"),
    "Expecting property name enclosed in double quotes": N_("a key in double quotes was expected"),
    "Expecting ':' delimiter": N_("a ':' was expected"),
    "Expecting ',' delimiter": N_("a ',' was expected"),
    "Unterminated string starting at": N_("a text in quotes is not closed"),
    "Invalid control character at": N_("a text holds a control character"),
    "Invalid \\escape": N_("a text holds an invalid \\ escape"),
    "Invalid \\uXXXX escape": N_("a text holds an invalid \\u escape"),
    "Extra data": N_("there is more after the end of the JSON"),
    "Illegal trailing comma before end of object": N_("a ',' comes before the closing '}'"),
    "Illegal trailing comma before end of array": N_("a ',' comes before the closing ']'"),
}
"""Python's json module's messages (json/decoder.py, json/scanner.c) in SerumDesk's words; one
not here (a later Python's) is shown as Python words it."""


def _decoder_words(message: str) -> str:
    return _(_DECODER_WORDS[message]) if message in _DECODER_WORDS else message


class JsonProblem(ValueError):
    """Text that is not strict JSON; str() completes "the file is …" ("not UTF-8 text").
    Translated, it completes the file's subject alone, its verb included ("el archivo no es
    texto UTF-8"): the texts that quote it ("the file is {problem}", "it is {exc}") say no
    verb of their own in Spanish."""


class _NotANumber(ValueError):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(text)


class _DuplicateKey(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotANumber(_("{name} is not a number JSON allows").format(name=name))


def _bounded_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    try:
        if digits <= _MAX_INT_DIGITS:
            return int(text)
    except ValueError:  # Python's own digit limit, set lower still
        pass
    raise _NotANumber(_("a number of {digits} digits is too long").format(digits=whole(digits)))


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        shown = text if len(text) <= 20 else text[:16] + "…"
        raise _NotANumber(_("{shown} is too large a number").format(shown=shown))
    return value


def count_values(raw: bytes) -> int:
    """An upper bound of the values and containers in JSON text, without parsing it or
    building anything: its commas, brackets and braces (those inside strings too), plus one."""
    return raw.count(b",") + raw.count(b"[") + raw.count(b"{") + 1


def value_budget(size: int) -> int:
    """How many values a file of `size` bytes may hold."""
    return max(FEWEST_VALUES, size // BYTES_PER_VALUE)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        twice = ""
        for key, _value in pairs:
            if key in seen:
                twice = key
                break
            seen.add(key)
        shown = twice if len(twice) <= 40 else twice[:36] + "…"
        raise _DuplicateKey(
            _(
                "ambiguous: the key {key} appears twice in one object, "
                "and SerumDesk does not guess which value was meant"
            ).format(key=repr(shown))
        )
    return found


def loads(raw: bytes | str) -> Any:
    """Parse UTF-8 JSON text (a byte order mark is fine); JsonProblem says what is wrong."""
    encoded = raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass")
    values = count_values(encoded)
    if values > value_budget(len(encoded)):
        raise JsonProblem(
            _(
                "not a SerumDesk file: it holds about {values} values in "
                "{size} bytes, far more than any SerumDesk file does"
            ).format(values=whole(values), size=whole(len(encoded)))
        )
    del encoded
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise JsonProblem(_("not UTF-8 text")) from None
    else:
        text = raw.removeprefix("\ufeff")
    try:
        return json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_int=_bounded_int,
            parse_float=_finite_float,
            object_pairs_hook=_unique_keys,
        )
    except _NotANumber as exc:
        raise JsonProblem(_("not valid JSON: {problem}").format(problem=exc.text)) from None
    except _DuplicateKey as exc:
        raise JsonProblem(str(exc)) from None
    except json.JSONDecodeError as exc:
        raise JsonProblem(
            _("not valid JSON: {problem} at line {line}, column {column}").format(
                problem=_decoder_words(exc.msg), line=whole(exc.lineno), column=whole(exc.colno)
            )
        ) from None
    except RecursionError:
        raise JsonProblem(_("nested too deeply")) from None


def _escaped(ch: str) -> str:
    code = ord(ch)
    if code > 0xFFFF:  # as a UTF-16 surrogate pair, the only way JSON spells it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def dumps(document: Any, *, indent: int | None = 2) -> str:
    """`document` as strict JSON; ValueError (never bare NaN) for a number that is not finite.

    Characters that are unsafe on a terminal can only be inside strings (JSON's own syntax
    is ASCII), where a \\u escape means the same character.
    """
    text = json.dumps(document, indent=indent, ensure_ascii=False, allow_nan=False)
    return _NOT_PLAIN_ASCII.sub(lambda m: _escaped(m[0]) if _escape(m[0]) else m[0], text)


def _escape(ch: str) -> bool:
    # U+2028 and U+2029 are valid in JSON strings but break lines (and older JavaScript).
    return ch in "\u2028\u2029" or is_unsafe(ch)
