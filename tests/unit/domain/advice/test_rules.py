"""Every rule from the guide, each with a case that fails when the rule breaks."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import pytest

from serumdesk.domain import guide, medical
from serumdesk.domain.advice.cautions import CautionLevel
from serumdesk.domain.advice.ranking import Match, rank
from serumdesk.domain.advice.recommendation import recommend
from serumdesk.domain.answers import Answers, Overrides, ProductOverride
from serumdesk.domain.catalog.product import Catalog, Product
from serumdesk.domain.choices import Active, Caution, Diet, Sensitivity, UseCase
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.sources import Source, SourceKind
from serumdesk.storage.data_files import load_catalog, load_vocabulary
from tests.unit.factories import make_product

HUMAN = {"source_category": "human-fibroblast-conditioned-media", "human_derived": True, "vegan": False}
GLYCOLIC = [{"kind": "exfoliating-acid", "ingredient": "glycolic acid"}]


@functools.cache
def bundled_vocabulary() -> Vocabulary:
    return load_vocabulary(Path(__file__).parents[4] / "catalog" / "ingredients.json")


def vocabulary_for(answers: Answers) -> Vocabulary | None:
    """Allergies are matched on the bundled vocabulary (there is no other matcher)."""
    return bundled_vocabulary() if answers.allergens else None


def only_match(product: Product, answers: Answers) -> Match:
    ranking = rank([product], answers, vocabulary=vocabulary_for(answers))
    assert not ranking.excluded, ranking.excluded
    return ranking.matches[0]


def excluded_reasons(product: Product, answers: Answers) -> list[str]:
    ranking = rank([product], answers, vocabulary=vocabulary_for(answers))
    assert not ranking.matches
    return [r.text for r in ranking.excluded[0].reasons]


@pytest.fixture(scope="module")
def catalog(catalog_path: Path) -> Catalog:
    return load_catalog(catalog_path)


# --- Vegan and ethics -----------------------------------------------------------------


def test_vegan_excludes_human_derived_with_a_reason() -> None:
    reasons = excluded_reasons(make_product(**HUMAN), Answers(diet=Diet.VEGAN))
    assert any("human-derived" in r for r in reasons)


def test_vegan_excludes_animal_derived() -> None:
    product = make_product(animal_derived=True, vegan=False)
    reasons = excluded_reasons(product, Answers(diet=Diet.VEGAN))
    assert any("animal-derived" in r for r in reasons)


def test_no_human_derived_is_separate_from_vegan() -> None:
    animal = make_product(animal_derived=True, vegan=False)
    assert rank([animal], Answers(diet=Diet.NO_HUMAN_DERIVED)).matches  # stays in
    assert excluded_reasons(make_product(**HUMAN), Answers(diet=Diet.NO_HUMAN_DERIVED))


def test_vegan_with_unconfirmed_status_is_kept_but_flagged() -> None:
    match = only_match(make_product(vegan=False), Answers(diet=Diet.VEGAN))
    assert any(c.level is CautionLevel.ETHICS and "not confirmed" in c.text for c in match.cautions)


def test_plant_culture_gets_the_guides_ethical_compromise_credit() -> None:
    plant = make_product(source_category="plant-cell-culture")
    vegan = only_match(plant, Answers(diet=Diet.VEGAN))
    anyone = only_match(plant, Answers())
    assert vegan.score > anyone.score
    assert any("vegan" in r.text for r in vegan.reasons)


def test_ethics_notes_are_always_shown(catalog: Catalog) -> None:
    neocutis = catalog.by_id()["neocutis-bio-serum-firm"]
    match = only_match(neocutis, Answers())
    assert any("fetal" in c.text and c.level is CautionLevel.ETHICS for c in match.cautions)


# --- Medical cautions: shown, never hidden --------------------------------------------


@pytest.mark.parametrize(
    "caution, word",
    [
        (Caution.PREGNANT_OR_BREASTFEEDING, "pregnancy"),
        (Caution.AUTOIMMUNE, "autoimmune"),
        (Caution.IMMUNOSUPPRESSED, "transplant"),
    ],
)
def test_medical_cautions_put_a_clinician_note_on_human_derived(caution: Caution, word: str) -> None:
    match = only_match(make_product(**HUMAN), Answers(cautions=frozenset({caution})))
    clinician = [c for c in match.cautions if c.level is CautionLevel.CLINICIAN]
    assert len(clinician) == 1
    assert word in clinician[0].text and (
        "clinician" in clinician[0].text
        or "specialist" in clinician[0].text
        or "dermatologist" in clinician[0].text
    )


def test_medical_cautions_cover_lab_made_growth_factors_too() -> None:
    # Not human-derived, but a novel biological active: the guide's pregnancy caution applies.
    match = only_match(make_product(), Answers(cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING})))
    assert any(c.level is CautionLevel.CLINICIAN for c in match.cautions)


def test_medical_cautions_do_not_flag_non_biologic_alternatives() -> None:
    plain = make_product(source_category="non-biologic-alternative")
    match = only_match(plain, Answers(cautions=frozenset({Caution.AUTOIMMUNE})))
    assert not any(c.level is CautionLevel.CLINICIAN for c in match.cautions)


def test_medical_cautions_never_exclude_anything(catalog: Catalog) -> None:
    everyone = frozenset({Caution.PREGNANT_OR_BREASTFEEDING, Caution.AUTOIMMUNE, Caution.IMMUNOSUPPRESSED})
    ranking = rank(catalog.products, Answers(cautions=everyone))
    assert not ranking.excluded
    assert len(ranking.matches) == len(catalog.products)
    for match in ranking.matches:
        if match.product.human_derived:
            # One clinician caution that names all three reasons (the guide's "Who should
            # avoid or use caution"), worded the same for every product it applies to.
            clinician = [c for c in match.cautions if c.level is CautionLevel.CLINICIAN]
            assert len(clinician) == 1, match.product.id
            for word in ("pregnancy", "autoimmune", "transplant"):
                assert word in clinician[0].text


# --- Allergens and fragrance ----------------------------------------------------------


def test_a_typed_allergen_excludes_a_product_listing_it_case_insensitively() -> None:
    product = make_product(key_ingredients=["Snow Mushroom Extract", "hyaluronic acid"])
    reasons = excluded_reasons(product, Answers(allergens=(" mushroom ",)))
    assert reasons == [
        "Lists “Snow Mushroom Extract” (mushrooms and fungi), which matches your allergy “mushroom”."
    ]


def test_allergens_are_matched_against_irritants_too() -> None:
    product = make_product(irritants=GLYCOLIC)
    assert excluded_reasons(product, Answers(allergens=("glycolic acid",)))


def test_any_allergen_adds_a_check_the_full_label_caution() -> None:
    match = only_match(make_product(), Answers(allergens=("lanolin",)))
    assert any("lanolin" in c.text and c.level is CautionLevel.ALLERGY for c in match.cautions)


def test_fragrance_sensitivity_excludes_scented_formulas() -> None:
    scented = make_product(irritants=[{"kind": "fragrance", "ingredient": "parfum"}], fragrance_free=False)
    answers = Answers(cautions=frozenset({Caution.FRAGRANCE_SENSITIVE}))
    assert any("parfum" in r for r in excluded_reasons(scented, answers))


def test_fragrance_sensitivity_flags_unknown_fragrance_status() -> None:
    answers = Answers(cautions=frozenset({Caution.FRAGRANCE_SENSITIVE}))
    unknown = only_match(make_product(fragrance_free=None), answers)
    known = only_match(make_product(fragrance_free=True), answers)
    assert any("fragrance" in c.text.lower() for c in unknown.cautions)
    assert not any("fragrance" in c.text.lower() for c in known.cautions)


# --- Sensitive skin and post-procedure ------------------------------------------------


@pytest.mark.parametrize(
    "answers",
    [
        Answers(sensitivity=Sensitivity.HIGH),
        Answers(use_case=UseCase.SENSITIVE_BARRIER),
        Answers(use_case=UseCase.POST_PROCEDURE, days_since_procedure=3),
    ],
)
def test_sensitive_skin_prefers_minimal_fragrance_free_and_penalises_acids(answers: Answers) -> None:
    minimal = make_product(id="minimal", minimal_formula=True, fragrance_free=True)
    acid = make_product(id="acid", irritants=GLYCOLIC)
    plain = make_product(id="plain")
    order = [m.product.id for m in rank([acid, plain, minimal], answers).matches]
    assert order == ["minimal", "plain", "acid"]
    acid_match = next(m for m in rank([acid], answers).matches)
    assert any("glycolic acid" in c.text for c in acid_match.cautions)


def test_acids_are_not_penalised_for_resilient_skin() -> None:
    acid = make_product(irritants=GLYCOLIC)
    low = only_match(acid, Answers(sensitivity=Sensitivity.LOW))
    high = only_match(acid, Answers(sensitivity=Sensitivity.HIGH))
    assert low.score > high.score
    assert not any(c.level is CautionLevel.IRRITATION for c in low.cautions)


def test_post_procedure_window_ends_after_two_weeks() -> None:
    acid = make_product(irritants=GLYCOLIC)
    fresh = only_match(
        acid, Answers(use_case=UseCase.POST_PROCEDURE, days_since_procedure=5, sensitivity=Sensitivity.LOW)
    )
    later = only_match(
        acid, Answers(use_case=UseCase.POST_PROCEDURE, days_since_procedure=30, sensitivity=Sensitivity.LOW)
    )
    assert any("freshly treated" in c.text for c in fresh.cautions)
    assert not any("freshly treated" in c.text for c in later.cautions)


def test_post_procedure_favours_conditioned_media(catalog: Catalog) -> None:
    # Guide: recovery is the high-value use; Symbiome and Angela Caglia are its recovery picks.
    ranking = rank(catalog.products, Answers(use_case=UseCase.POST_PROCEDURE, sensitivity=Sensitivity.HIGH))
    top_two = {m.product.id for m in ranking.matches[:2]}
    assert top_two == {"symbiome-the-answer", "angela-caglia-cell-forte"}
    assert ranking.matches[0].product.id == "symbiome-the-answer"  # minimal formula


def test_post_procedure_puts_the_exfoliating_serum_last(catalog: Catalog) -> None:
    ranking = rank(catalog.products, Answers(use_case=UseCase.POST_PROCEDURE, days_since_procedure=2))
    assert ranking.matches[-1].product.id == "eighth-day-regenerative-serum"


# --- Current actives -------------------------------------------------------------------


def test_acid_on_acid_and_acid_with_retinoid_are_flagged() -> None:
    acid = make_product(irritants=GLYCOLIC)
    both = only_match(
        acid, Answers(actives=frozenset({Active.ACIDS, Active.RETINOID}), sensitivity=Sensitivity.LOW)
    )
    texts = " ".join(c.text for c in both.cautions)
    assert "already use an exfoliating acid" in texts
    assert "retinoid" in texts and "alternate" in texts


# --- Standing: use case, stability, transparency, evidence, clinicians, budget -------


def test_use_case_fit_ranks_first() -> None:
    fits = make_product(id="fits", use_cases=["brightening"])
    other = make_product(id="other", use_cases=["hydration"])
    ranking = rank([other, fits], Answers(use_case=UseCase.BRIGHTENING))
    assert [m.product.id for m in ranking.matches] == ["fits", "other"]
    assert ranking.matches[0].fits_use_case and not ranking.matches[1].fits_use_case


@pytest.mark.parametrize(
    "better, field",
    [
        ({"packaging": ["dual-chamber"]}, "packaging"),
        ({"concentration_disclosed": "50%"}, "concentration"),
        ({"clinician_use": True}, "clinicians"),
        (
            {
                "evidence": {
                    "kind": "peer-reviewed-trial",
                    "summary": "trial",
                    "peer_reviewed": True,
                    "subjects": 66,
                    "duration_weeks": 24,
                    "funded_by": "the brand",
                    "provenance": {"kind": "sourced", "source": "journal"},
                }
            },
            "evidence",
        ),
    ],
)
def test_quality_signals_raise_standing(better: dict[str, object], field: str) -> None:
    base = only_match(make_product(), Answers())
    improved = only_match(make_product(**better), Answers())
    assert improved.score > base.score, field


def test_roller_and_dropper_are_not_stability_features() -> None:
    base = only_match(make_product(), Answers())
    roller = only_match(make_product(packaging=["roller", "dropper"]), Answers())
    assert roller.score == base.score


def test_peer_reviewed_beats_brand_study_beats_none() -> None:
    def with_kind(kind: str, peer: bool = False) -> int:
        ev = {
            "kind": kind,
            "summary": "s",
            "peer_reviewed": peer,
            "provenance": {"kind": "sourced", "source": "x"},
        }
        return only_match(make_product(evidence=ev), Answers()).score

    assert with_kind("peer-reviewed-trial", True) > with_kind("brand-study") > with_kind("none")


def test_over_budget_is_marked_and_ranked_down_not_hidden() -> None:
    src = {"kind": "sourced", "source": "x"}
    dear = make_product(
        id="dear", price={"usd": 300.0, "provenance": src, "size_ml": {"value": 30, "provenance": src}}
    )
    cheap = make_product(
        id="cheap", price={"usd": 20.0, "provenance": src, "size_ml": {"value": 30, "provenance": src}}
    )
    ranking = rank([dear, cheap], Answers(budget_usd_per_month=50))
    assert [m.product.id for m in ranking.matches] == ["cheap", "dear"]
    assert ranking.matches[1].over_budget and not ranking.matches[0].over_budget
    assert any("over your $50 budget" in r.text for r in ranking.matches[1].reasons)


def test_a_zero_budget_marks_everything_over_budget(catalog: Catalog) -> None:
    ranking = rank(catalog.products, Answers(budget_usd_per_month=0))
    assert ranking.matches and all(m.over_budget for m in ranking.matches)


def test_override_moves_a_product_within_budget() -> None:
    dear = make_product(id="dear")
    assert rank([dear], Answers(budget_usd_per_month=10)).matches[0].over_budget
    cheaper = Overrides({"dear": ProductOverride(price_usd=10.0)})
    assert not rank([dear], Answers(budget_usd_per_month=10), cheaper).matches[0].over_budget


def test_mild_concerns_prefer_the_guides_cheaper_alternatives(catalog: Catalog) -> None:
    ranking = rank(catalog.products, Answers(use_case=UseCase.MILD_CONCERNS))
    assert ranking.matches[0].product.alternative
    assert ranking.alternatives and all(m.product.alternative for m in ranking.alternatives)
    premium = next(m for m in ranking.matches if m.product.id == "skinmedica-tns-advanced-plus")
    assert any("Premium price" in r.text for r in premium.reasons)


def test_brightening_on_a_small_budget(catalog: Catalog) -> None:
    ranking = rank(catalog.products, Answers(use_case=UseCase.BRIGHTENING, budget_usd_per_month=30))
    eighth = next(m for m in ranking.matches if m.product.id == "eighth-day-regenerative-serum")
    assert eighth.fits_use_case and eighth.over_budget  # the guide's brightening pick, but $160+/month


# --- Every decision explains itself; same answers, same order --------------------------

GUIDE_SECTIONS = {s.title for s in vars(guide).values() if isinstance(s, Source)}
MEDICAL_SOURCES = {s for s in vars(medical).values() if isinstance(s, Source)}


def known_source(source: Source) -> bool:
    """A guide section, a named medical source, the product facts, or an inference that says
    what it rests on."""
    if source.kind is SourceKind.GUIDE:
        return source.title in GUIDE_SECTIONS
    if source.kind is SourceKind.MEDICAL:
        return source in MEDICAL_SOURCES
    return bool(source.title)


def test_every_guide_section_cited_is_one_of_the_guides_headings(guide_text: str) -> None:
    for title in GUIDE_SECTIONS:
        heading = title.split(":")[0].replace("stem cell-derived", "stem cell–derived")
        assert heading in guide_text, title


@pytest.mark.parametrize(
    "answers",
    [
        Answers(
            use_case=UseCase.POST_PROCEDURE,
            sensitivity=Sensitivity.HIGH,
            cautions=frozenset(Caution),
            allergens=("mushroom",),
            actives=frozenset(Active),
            budget_usd_per_month=100,
        ),
        Answers(
            diet=Diet.VEGAN,
            cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING}),
            actives=frozenset(Active),
        ),
        Answers(
            use_case=UseCase.POST_PROCEDURE,
            days_since_procedure=30,
            actives=frozenset(Active),
            diet=Diet.NO_FETAL_CELL_LINE,
        ),
    ],
)
def test_every_reason_caution_and_note_names_its_source(catalog: Catalog, answers: Answers) -> None:
    rec = recommend(catalog, answers, vocabulary=vocabulary_for(answers))
    for match in rec.matches:
        assert match.reasons
        assert all(r.text and known_source(r.source) for r in match.reasons)
        assert all(c.text and known_source(c.source) for c in match.cautions)
        assert match.score == sum(r.points for r in match.reasons)
    for exclusion in rec.excluded:
        assert all(r.text and known_source(r.source) for r in exclusion.reasons)
    for note in (*rec.routine.notes, rec.patch_test, *rec.about):
        assert note.text and known_source(note.source)


def test_vegan_persona_on_the_bundled_catalog(catalog: Catalog) -> None:
    ranking = rank(catalog.products, Answers(diet=Diet.VEGAN))
    excluded = {e.product.id for e in ranking.excluded}
    # product-facts.md: these four are human-derived, so never vegan.
    assert {
        "skinmedica-tns-advanced-plus",
        "neocutis-bio-serum-firm",
        "angela-caglia-cell-forte",
        "symbiome-the-answer",
    } <= excluded
    assert "kate-somerville-supercell" in {m.product.id for m in ranking.matches}


def test_a_copy_does_not_inherit_the_originals_reasons() -> None:
    original = make_product(concentration_disclosed="50%")
    rank([original], Answers())  # fills the original's caches
    plain = replace(original, concentration_disclosed=None)
    reasons = [r.text for r in rank([plain], Answers()).matches[0].reasons]
    assert not any("concentration" in text for text in reasons)
