"""Which products are compared: the default, the order asked, the limits and the errors."""

from __future__ import annotations

import pytest

from serumdesk.domain.advice.compare import (
    MAX_COMPARED,
    CompareError,
    compare_selection,
    select_compared,
)
from tests.ui.sheet_helpers import HUMAN_DERIVED, rec_for


def test_default_compare_is_the_top_three() -> None:
    rec = rec_for("vegan")
    assert [m.rank for m in select_compared(rec, [])] == [1, 2, 3]


def test_compare_keeps_the_order_asked_and_drops_repeats() -> None:
    rec = rec_for("pregnant")
    ids = [
        "the-ordinary-hyaluronic-acid-b5",
        "skinmedica-tns-advanced-plus",
        "the-ordinary-hyaluronic-acid-b5",
    ]
    assert [m.product.id for m in select_compared(rec, ids)] == ids[:2]


def test_unknown_id_names_the_valid_ones() -> None:
    rec = rec_for("pregnant")
    with pytest.raises(CompareError) as err:
        select_compared(rec, ["no-such-serum"])
    message = str(err.value)
    assert "no-such-serum" in message
    assert all(m.product.id in message for m in rec.matches)


def test_excluded_id_says_why() -> None:
    rec = rec_for("vegan")
    with pytest.raises(CompareError, match=r"excluded.*Not vegan") as err:
        select_compared(rec, ["skinmedica-tns-advanced-plus"])
    valid = str(err.value).split("Products you can compare:")[1]
    assert not any(pid in valid for pid in HUMAN_DERIVED)


def test_at_most_four_products() -> None:
    rec = rec_for("pregnant")
    with pytest.raises(CompareError, match="at most 4"):
        select_compared(rec, [m.product.id for m in rec.matches[:5]])


def test_after_new_answers_kept_picks_stay_and_fewer_than_two_fill_up_to_three() -> None:
    rec = rec_for("vegan")
    ranked = [m.product.id for m in rec.matches]
    assert compare_selection(rec, [ranked[4], ranked[1]]) == [ranked[1], ranked[4]]
    # One pick left (the other is excluded now): the best-ranked others fill up to three.
    assert compare_selection(rec, [ranked[4], "skinmedica-tns-advanced-plus"]) == [
        ranked[0],
        ranked[1],
        ranked[4],
    ]
    assert len(compare_selection(rec, ranked)) == MAX_COMPARED
