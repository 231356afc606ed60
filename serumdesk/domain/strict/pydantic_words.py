"""What pydantic found wrong with a field, in SerumDesk's words and the language in use.

pydantic words its errors in English ("Input should be a valid number"). Each error also
carries a `type` and its `ctx` (the bound, the expected values), and the errors a person can
meet in SerumDesk's files are few: each type here is said in SerumDesk's own words, from
those. A type not in the table falls back to pydantic's English message, so an error is
never lost, only less well said.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from serumdesk.domain.figures import figure, whole
from serumdesk.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

MISSING = N_("required field is missing")
UNKNOWN_FIELD = N_("unknown field (check its spelling)")
_PLAIN: dict[str, str] = {
    "missing": MISSING,
    "missing_argument": MISSING,
    "missing_keyword_only_argument": MISSING,
    "missing_positional_only_argument": MISSING,
    "extra_forbidden": UNKNOWN_FIELD,
    "unexpected_keyword_argument": UNKNOWN_FIELD,
    "unexpected_positional_argument": UNKNOWN_FIELD,
    "string_type": N_("must be text in quotes"),
    "int_type": N_("must be a whole number"),
    "int_parsing": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "float_type": N_("must be a number"),
    "float_parsing": N_("must be a number"),
    "finite_number": N_("must be a finite number"),
    "bool_type": N_("must be true or false"),
    "bool_parsing": N_("must be true or false"),
    "date_type": N_("must be a date written YYYY-MM-DD"),
    "date_parsing": N_("must be a date written YYYY-MM-DD"),
    "date_from_datetime_parsing": N_("must be a date written YYYY-MM-DD"),
    "date_from_datetime_inexact": N_("must be a date written YYYY-MM-DD"),
    "datetime_type": N_("must be a date and time with its time zone, as 2026-12-07T10:30:00+00:00"),
    "datetime_parsing": N_("must be a date and time with its time zone, as 2026-12-07T10:30:00+00:00"),
    "datetime_from_date_parsing": N_(
        "must be a date and time with its time zone, as 2026-12-07T10:30:00+00:00"
    ),
    "timezone_aware": N_("must be a date and time with its time zone, as 2026-12-07T10:30:00+00:00"),
    "list_type": N_("must be a list (in square brackets)"),
    "tuple_type": N_("must be a list (in square brackets)"),
    "set_type": N_("must be a list (in square brackets)"),
    "dict_type": N_("must be an object (in curly braces)"),
    "model_type": N_("must be an object (in curly braces)"),
    "model_attributes_type": N_("must be an object (in curly braces)"),
    "dataclass_type": N_("must be an object (in curly braces)"),
    "dataclass_args_type": N_("must be an object (in curly braces)"),
    "none_required": N_("must be null"),
    "json_invalid": N_("is not valid JSON"),
    "json_type": N_("must be JSON text"),
    "string_unicode": N_("must be text in quotes"),
    "frozen_instance": N_("cannot be changed"),
    "frozen_field": N_("cannot be changed"),
}
"""Errors said the same whatever their context (each marked with N_, said with _())."""


def _choices(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" with the language's own "or"."""
    head, sep, last = expected.rpartition(" or ")
    if not sep:
        return expected
    return _("{choices} or {last}").format(choices=head, last=last)


def _number(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return whole(value) if isinstance(value, int) else figure(value)


def _bound(template: str) -> Callable[[Mapping[str, Any]], str]:
    def say(ctx: Mapping[str, Any]) -> str:
        (value,) = (ctx[key] for key in ("gt", "ge", "lt", "le") if key in ctx)
        return _(template).format(bound=_number(value))

    return say


def _items(ctx: Mapping[str, Any], *, most: bool) -> str:
    limit = int(ctx["max_length" if most else "min_length"])
    actual = ctx.get("actual_length")
    if most:
        text = ngettext("holds at most {limit} item", "holds at most {limit} items", limit)
    else:
        text = ngettext("needs at least {limit} item", "needs at least {limit} items", limit)
    if isinstance(actual, int) and most:
        text = ngettext(
            "holds {actual} item, more than the {limit} it may hold",
            "holds {actual} items, more than the {limit} it may hold",
            actual,
        )
        return text.format(actual=whole(actual), limit=whole(limit))
    return text.format(limit=whole(limit))


def _characters(ctx: Mapping[str, Any], *, most: bool) -> str:
    limit = int(ctx["max_length" if most else "min_length"])
    if not most and limit == 1:
        return _("must not be empty")
    if most:
        text = ngettext(
            "must be at most {limit} character long", "must be at most {limit} characters long", limit
        )
    else:
        text = ngettext(
            "must be at least {limit} character long", "must be at least {limit} characters long", limit
        )
    return text.format(limit=whole(limit))


def _tag_invalid(ctx: Mapping[str, Any]) -> str:
    return _("{tag} is not one of {expected} (field {field})").format(
        tag=repr(ctx.get("tag", "")),
        expected=ctx.get("expected_tags", ""),
        field=ctx.get("discriminator", ""),
    )


def _tag_missing(ctx: Mapping[str, Any]) -> str:
    return _("needs the field {field}, which says what kind of entry it is").format(
        field=ctx.get("discriminator", "")
    )


def _literal(ctx: Mapping[str, Any]) -> str:
    return _("must be {choices}").format(choices=_choices(str(ctx["expected"])))


def _enum(ctx: Mapping[str, Any]) -> str:
    return _("must be one of {choices}").format(choices=_choices(str(ctx["expected"])))


def _own_words(ctx: Mapping[str, Any]) -> str:
    """Our own validators' words (a ValueError raised in a validator): already in the
    language in use, as they were made by _() when the check ran."""
    return str(ctx["error"])


_WITH_CONTEXT: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "greater_than": _bound(N_("must be more than {bound}")),
    "greater_than_equal": _bound(N_("must be at least {bound}")),
    "less_than": _bound(N_("must be less than {bound}")),
    "less_than_equal": _bound(N_("must be at most {bound}")),
    "too_short": lambda ctx: _items(ctx, most=False),
    "too_long": lambda ctx: _items(ctx, most=True),
    "string_too_short": lambda ctx: _characters(ctx, most=False),
    "string_too_long": lambda ctx: _characters(ctx, most=True),
    "literal_error": _literal,
    "enum": _enum,
    "union_tag_invalid": _tag_invalid,
    "union_tag_not_found": _tag_missing,
    "value_error": _own_words,
    "assertion_error": _own_words,
}
"""Errors whose words need their context: a bound, the values allowed."""


def said(error: ErrorDetails) -> str:
    """One pydantic error as a clause in SerumDesk's words, without a final full stop."""
    kind = error["type"]
    if kind in _PLAIN:
        return _(_PLAIN[kind])
    ctx = error.get("ctx") or {}
    if kind in _WITH_CONTEXT:
        try:
            return _WITH_CONTEXT[kind](ctx).rstrip(".")
        except (KeyError, ValueError, TypeError):
            pass  # a context of another shape: pydantic's own words below
    # A type SerumDesk does not expect in its files: pydantic's English message, which at
    # least says what is wrong, rather than nothing.
    return str(error["msg"]).removeprefix("Value error, ").rstrip(".")
