"""The sheet's content decisions, without Qt: what is compared, escaped, and left out of a shared copy."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from serumdesk.domain.advice.cautions import CautionLevel
from serumdesk.domain.advice.compare import select_compared
from serumdesk.domain.advice.recommendation import Recommendation, recommend
from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Caution, Diet, UseCase
from serumdesk.ui.sheet.content import GENERIC_CLINICIAN_CAUTION, SHARED_EXCLUSIONS_NOTE, sheet_html
from tests.ui.sheet_helpers import HUMAN_DERIVED, VOCABULARY, bundled_catalog, rec_for

TODAY = dt.date(2026, 11, 25)


def recommend_bundled(answers: Answers) -> Recommendation:
    """The bundled catalog's recommendation; allergies are matched on the bundled vocabulary."""
    return recommend(bundled_catalog(), answers, vocabulary=VOCABULARY.load())


def sheet_with_first_product(**changes: object) -> str:
    """The sheet comparing the bundled catalog's first product, with `changes` made to it."""
    catalog = bundled_catalog()
    product = replace(catalog.products[0], **changes)  # type: ignore[arg-type]
    rec = recommend(replace(catalog, products=[product, *catalog.products[1:]]), Answers())
    return sheet_html(rec, select_compared(rec, [product.id]), today=TODAY)


def test_catalog_text_is_escaped() -> None:
    html = sheet_with_first_product(brand="A&B", name="<b>x</b> Serum", key_ingredients=["<img src=x>"])
    assert "<b>x</b>" not in html and "<img" not in html
    assert "&lt;b&gt;x&lt;/b&gt; Serum" in html
    assert "A&amp;B" in html


def test_catalog_text_cannot_reorder_or_hide_itself_on_the_sheet() -> None:
    """Issue #13: a right-to-left override would print a name reversed; escapes and zero-width
    characters have no place on paper either."""
    html = sheet_with_first_product(
        brand="Good\u202eCo", name="Se\u200brum\x1b[31m", key_ingredients=["pep\u2066tides"]
    )
    assert "GoodCo Serum" in html and "peptides" in html
    assert not any(ch in html for ch in "\u202e\u200b\x1b\u2066")


def test_profile_allergen_text_is_escaped() -> None:
    rec = recommend_bundled(Answers(allergens=("<script>",)))
    html = sheet_html(rec, select_compared(rec, []), today=TODAY)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_shared_copy_keeps_a_caution_line_but_names_no_condition() -> None:
    answers = Answers(
        cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING, Caution.AUTOIMMUNE}), allergens=("latex",)
    )
    rec = recommend_bundled(answers)
    compared = select_compared(rec, ["skinmedica-tns-advanced-plus"])
    assert any(c.level is CautionLevel.CLINICIAN for c in compared[0].cautions)
    full = sheet_html(rec, compared, today=TODAY)
    shared = sheet_html(rec, compared, today=TODAY, include_medical=False).casefold()
    assert "pregnan" in full.casefold() and "latex" in full
    for word in ("pregnan", "breastfeeding", "autoimmune", "latex"):
        assert word not in shared
    assert GENERIC_CLINICIAN_CAUTION.casefold() in shared
    # Two conditions, one product: one generic line, not a repeated one.
    assert shared.count(GENERIC_CLINICIAN_CAUTION.casefold()) == 1


def test_shared_copy_does_not_let_an_allergy_be_inferred() -> None:
    # Angela Caglia lists snow mushroom extract (catalog): that allergy excludes it.
    rec = recommend_bundled(Answers(allergens=("snow mushroom",)))
    assert any(e.product.id == "angela-caglia-cell-forte" for e in rec.excluded)
    shared = sheet_html(rec, select_compared(rec, []), today=TODAY, include_medical=False)
    without = recommend_bundled(Answers())
    shared_without = sheet_html(without, select_compared(without, []), today=TODAY, include_medical=False)
    assert "snow mushroom" not in shared.casefold()
    left_out = shared.split("Left out, and why")[1].split("<h2>")[0]
    left_out_without = shared_without.split("Left out, and why")[1].split("<h2>")[0]
    # The same words whether or not an allergy left something out: nothing to infer from.
    assert left_out == left_out_without
    assert "Angela Caglia" not in left_out and SHARED_EXCLUSIONS_NOTE in left_out


def test_shared_copy_does_not_name_fragrance_sensitivity() -> None:
    rec = recommend_bundled(Answers(cautions=frozenset({Caution.FRAGRANCE_SENSITIVE})))
    shared = sheet_html(rec, select_compared(rec, []), today=TODAY, include_medical=False)
    assert "sensitive to fragrance" not in shared.casefold()
    full = sheet_html(rec, select_compared(rec, []), today=TODAY)
    assert "Sensitive to fragrance" in full


def test_vegan_sheet_lists_exclusions_with_reasons() -> None:
    rec = recommend_bundled(Answers(diet=Diet.VEGAN))
    html = sheet_html(rec, select_compared(rec, []), today=TODAY)
    left_out = html.split("Left out, and why")[1].split("<h2>")[0]
    for pid in HUMAN_DERIVED:
        title = bundled_catalog().by_id()[pid].title
        assert title.replace("&", "&amp;") in left_out
    assert left_out.count("Not vegan") >= len(HUMAN_DERIVED)


def test_date_is_in_english_whatever_the_c_locale() -> None:
    rec = rec_for("vegan")
    html = sheet_html(rec, select_compared(rec, []), today=dt.date(2026, 3, 5))
    assert "Prepared with SerumDesk on 5 March 2026" in html


def test_closest_options_show_no_rank_or_score_on_the_sheet() -> None:
    """Issue 20, case 7: nothing suits recovery once human-derived serums are left out."""
    rec = recommend_bundled(
        Answers(
            use_case=UseCase.POST_PROCEDURE,
            days_since_procedure=3,
            diet=Diet.NO_HUMAN_DERIVED,
            budget_usd_per_month=20,
        )
    )
    assert rec.plan.closest_options
    html = sheet_html(rec, select_compared(rec, []), today=TODAY)
    assert "A closest option: nothing suits your goal." in html
    assert "Rank " not in html and "score" not in html.casefold().replace("scored", "")
    assert ">#1 " not in html
    suited = recommend_bundled(Answers(use_case=UseCase.POST_PROCEDURE, days_since_procedure=3))
    html = sheet_html(suited, select_compared(suited, []), today=TODAY)
    assert "Good fit." in html and "Rank " not in html  # a patient's sheet: fit in words


def test_the_sheets_routine_carries_the_gate_of_the_product_it_leads_with() -> None:
    rec = recommend_bundled(
        Answers(
            use_case=UseCase.POST_PROCEDURE,
            days_since_procedure=2,
            cautions=frozenset({Caution.IMMUNOSUPPRESSED}),
        )
    )
    gated = rec.plan.gates[0].match
    html = sheet_html(rec, select_compared(rec, [gated.product.id, rec.matches[0].product.id]), today=TODAY)
    routine = html.split("<h2>Routine</h2>")[1]
    assert f"{gated.product.title}" in routine.replace("&#x27;", "'")
    assert "after your specialist says yes" in routine
