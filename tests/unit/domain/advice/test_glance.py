"""The results at a glance: each caution said once, the table's row per product, dose flags."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from serumdesk.domain.advice.cautions import CautionKind
from serumdesk.domain.advice.glance import (
    CLINICIAN_SHORT,
    PLAN_SAYS,
    comparison_rows,
    for_you_lines,
    own_cautions,
    shared_cautions,
)
from serumdesk.domain.advice.recommendation import recommend
from serumdesk.domain.answers import Answers, Overrides, ProductOverride
from serumdesk.domain.catalog.product import Catalog
from serumdesk.domain.choices import Active, Caution, Diet, Procedure, Sensitivity, UseCase
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.storage.data_files import load_catalog
from tests.unit.factories import PREGNANT_AFTER_NEEDLING


@pytest.fixture(scope="module")
def catalog(catalog_path: Path) -> Catalog:
    return load_catalog(catalog_path)


def test_the_person_in_the_issue_hears_the_harmful_things_first_and_once(
    catalog: Catalog, vocabulary: Vocabulary
) -> None:
    rec = recommend(catalog, PREGNANT_AFTER_NEEDLING, vocabulary=vocabulary)
    compared = rec.matches[:4]
    items = for_you_lines(rec, compared)
    texts = [i.text for i in items]
    assert texts[0].startswith("Pregnant and using a retinoid: pause it")  # the plan's lines
    assert any("microneedling" in t.lower() for t in texts[1:3])
    assert [i.severity for i in items] == sorted(i.severity for i in items)
    allergy = [t for t in texts if "lavender" in t and "allerg" in t.lower()]
    assert len(allergy) == 1  # said once, not once per card
    notices = [i for i in items if i.kind == "notice"]
    assert [i.text for i in notices] == [n.text for n in rec.notices]  # in full, once
    for match in compared:  # ... and not again on any card
        assert all(c.kind is not CautionKind.ALLERGY_CHECK for c in own_cautions(match, compared))


def test_a_caution_every_compared_product_shares_leaves_the_cards(catalog: Catalog) -> None:
    rec = recommend(catalog, Answers(cautions=frozenset({Caution.PREGNANT})))
    biologic = [m for m in rec.matches if any(c.kind is CautionKind.MEDICAL for c in m.cautions)]
    assert len(biologic) >= 2
    pair = biologic[:2]
    shared = shared_cautions(pair)
    assert CautionKind.MEDICAL in {c.kind for c in shared}
    assert all(c.kind is not CautionKind.MEDICAL for m in pair for c in own_cautions(m, pair))
    # With a plain product beside them, the medical caution sets them apart: it stays on them.
    plain = next(m for m in rec.matches if not m.cautions)
    mixed = [*pair, plain]
    assert shared_cautions(mixed) == []
    rows = comparison_rows(mixed)
    assert [r.caution for r in rows] == [CLINICIAN_SHORT, CLINICIAN_SHORT, ""]


def test_different_amounts_per_use_are_flagged(catalog: Catalog) -> None:
    rec = recommend(catalog, Answers())
    first, second = rec.matches[:2]
    same = Overrides(by_product={m.product.id: ProductOverride(dose_ml=0.25) for m in (first, second)})
    rec_same = recommend(catalog, Answers(), same)
    pair = [m for m in rec_same.matches if m.product.id in same.by_product]
    assert not any(r.dose_differs for r in comparison_rows(pair))
    differ = Overrides(
        by_product={
            first.product.id: ProductOverride(dose_ml=0.05),
            second.product.id: ProductOverride(dose_ml=0.25),
        }
    )
    rec_differ = recommend(catalog, Answers(), differ)
    pair = [m for m in rec_differ.matches if m.product.id in differ.by_product]
    rows = comparison_rows(pair)
    assert all(r.dose_differs and r.edited for r in rows)
    assert {r.per_use.split(" ml, ")[0] for r in rows} == {"0.05", "0.25"}


_ANSWERS = st.builds(
    Answers,
    use_case=st.sampled_from(list(UseCase)),
    sensitivity=st.sampled_from(list(Sensitivity)),
    diet=st.sampled_from(list(Diet)),
    cautions=st.frozensets(st.sampled_from(list(Caution))),
    actives=st.frozensets(st.sampled_from(list(Active))),
    allergens=st.lists(st.sampled_from(["lavender", "zinc", "mushroom"]), max_size=2).map(tuple),
    procedure=st.none() | st.sampled_from(list(Procedure)),
    days_since_procedure=st.none() | st.integers(0, 30),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(answers=_ANSWERS, data=st.data())
def test_every_caution_is_said_once_on_the_card_or_above(
    catalog: Catalog, vocabulary: Vocabulary, answers: Answers, data: st.DataObject
) -> None:
    # The products to compare are drawn before ranking: the draws never depend on the answers.
    picks = data.draw(st.lists(st.integers(0, 9), min_size=2, max_size=4, unique=True))
    rec = recommend(catalog, answers, vocabulary=vocabulary)
    compared = [rec.matches[i] for i in picks if i < len(rec.matches)]
    if len(compared) < 2:
        return
    above = {str(i.kind) for i in for_you_lines(rec, compared)}
    shared = {c.kind for c in shared_cautions(compared)}
    for match in compared:
        own = own_cautions(match, compared)
        for note in match.cautions:
            # On its card unless every compared product has one of its kind; then said once
            # above the cards (the plan's own line, or "Every product compared: …").
            assert (note in own) is (note.kind not in shared), (match.product.id, note)
            if note.kind in shared:
                assert note.kind.value in above or str(PLAN_SAYS.get(note.kind)) in above
    rows = comparison_rows(compared)
    assert [r.product_id for r in rows] == [m.product.id for m in compared]
    for row, match in zip(rows, compared, strict=True):
        own = own_cautions(match, compared)
        assert (row.caution == "") == (not own)


def test_a_fact_three_of_four_share_is_said_once_naming_the_exception(catalog: Catalog) -> None:
    from serumdesk.domain.advice import wording
    from serumdesk.domain.advice.glance import shared_facts

    rec = recommend(catalog, Answers())
    by_fragrance: dict[str, list[str]] = {}
    for m in rec.matches:
        by_fragrance.setdefault(wording.fragrance_words(m.product), []).append(m.product.id)
    common, many = max(by_fragrance.items(), key=lambda kv: len(kv[1]))
    odd = next(m for m in rec.matches if m.product.id not in many)
    assert len(many) >= 3
    four = [m for m in rec.matches if m.product.id in many[:3]] + [odd]
    facts = {f.text: f for f in shared_facts(four)}
    assert facts[common].not_of == (odd.product.name,)
    assert facts[common].words().endswith(f"(all but {odd.product.name})")
    assert wording.fragrance_words(odd.product) not in facts  # one product: said on its card
