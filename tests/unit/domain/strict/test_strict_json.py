"""Strict JSON in and out: no NaN or Infinity, a BOM accepted, no Python internals in errors."""

from __future__ import annotations

import json
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serumdesk.domain.strict.strict_json import JsonProblem, dumps, loads


def _refuse(name: str) -> object:
    raise ValueError(name)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b'{"usd": Infinity}', "Infinity is not a number JSON allows"),
        (b'{"usd": -Infinity}', "-Infinity is not a number JSON allows"),
        (b'{"usd": NaN}', "NaN is not a number JSON allows"),
        (b'{"usd": 1e999}', "1e999 is too large a number"),
        (b'{"usd": ' + b"9" * 5000 + b"}", "a number of 5,000 digits is too long"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b"[" * 90_000, "nested too deeply"),
        (b"{not json", "not valid JSON: a key in double quotes was expected at line 1"),
    ],
)
def test_what_is_not_strict_json_is_said_plainly(raw: bytes, words: str) -> None:
    with pytest.raises(JsonProblem) as info:
        loads(raw)
    assert str(info.value).endswith(words) or words in str(info.value)
    assert "sys.set_int_max_str_digits" not in str(info.value)
    assert "utf-8-sig" not in str(info.value)


def test_a_byte_order_mark_is_accepted() -> None:
    """Case 12: a UTF-8 file with a BOM was refused ("decode using utf-8-sig")."""
    assert loads(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}
    assert loads('\ufeff{"a": 1}') == {"a": 1}


def test_long_integers_within_reason_reach_the_model() -> None:
    assert loads(b"[" + b"9" * 100 + b"]") == [int("9" * 100)]


def test_a_lower_python_digit_limit_is_still_a_plain_refusal() -> None:
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        assert loads(b"[" + b"9" * 640 + b"]")[0] > 0
        with pytest.raises(JsonProblem, match="641 digits is too long"):
            loads(b"[" + b"9" * 641 + b"]")
    finally:
        sys.set_int_max_str_digits(old)


def test_output_is_never_nan_or_infinity() -> None:
    with pytest.raises(ValueError, match="not JSON compliant"):
        dumps({"cost": float("inf")})


@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.text()
        | st.floats(allow_nan=False, allow_infinity=False),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
        max_leaves=20,
    )
)
def test_output_parses_strictly_to_the_same_data_and_holds_no_terminal_controls(document: object) -> None:
    text = dumps(document)
    assert json.loads(text, parse_constant=_refuse) == document
    assert not any(ch in text for ch in "\x1b\x9b\x9d\u202e\x7f")


# --- issue #19: repeated keys, and files built to fill memory --------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a": 1, "a": 1}',
        b'{"a": 1, "b": {"c": 1, "c": 2}}',
        b'[{"x": 1}, {"y": 1, "y": 1}]',
        b'{"a": 1, "\\u0061": 2}',  # the same key, spelled with an escape
    ],
)
def test_a_key_given_twice_is_refused_plainly(raw: bytes) -> None:
    with pytest.raises(JsonProblem, match="appears twice in one object"):
        loads(raw)


@given(st.dictionaries(st.text(max_size=5), st.integers(), max_size=8))
def test_objects_with_distinct_keys_are_read_as_before(document: dict[str, int]) -> None:
    assert loads(json.dumps(document).encode()) == document


@pytest.mark.parametrize("item", [b"1", b"{}", b"[]", b'""', b"null", b"true", b'"ab"', b"[[]]"])
@pytest.mark.parametrize("size", [2_000_000, 20_000_000])
def test_a_file_far_denser_than_any_of_ours_is_refused_before_parsing(item: bytes, size: int) -> None:
    count = size // (len(item) + 1)
    raw = b'{"products": [' + b",".join([item] * count) + b"]}"
    with pytest.raises(JsonProblem, match="far more than any SerumDesk file does"):
        loads(raw)


def test_a_small_file_may_be_dense() -> None:
    assert len(loads(b"[" + b",".join([b"1"] * 50_000) + b"]")) == 50_000


def test_a_real_catalog_is_well_within_the_budget() -> None:
    from serumdesk.domain.strict.numbers import BYTES_PER_VALUE
    from serumdesk.domain.strict.strict_json import count_values
    from serumdesk.storage.paths import bundled_catalog_path, bundled_ingredients_path

    for path in (bundled_catalog_path(), bundled_ingredients_path()):
        compact = json.dumps(json.loads(path.read_bytes()), separators=(",", ":")).encode()
        assert len(compact) / count_values(compact) > BYTES_PER_VALUE * 1.15, path
