"""Issue 23: the advice's own words in Spanish, for every answer: the reasons, the exclusions,
the notes, the "For you" lines and the budget lines that rules.py, plan.py, ranking.py and
recommendation.py make are never left in English, and English stays as it was around them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from serumdesk import i18n
from serumdesk.domain.advice.compare import CompareError, select_compared
from serumdesk.domain.advice.recommendation import Recommendation, recommend, relax_hints
from serumdesk.domain.advice.rules import ExclusionKind
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import Catalog
from serumdesk.domain.choices import (
    Active,
    Caution,
    Diet,
    LaserType,
    Procedure,
    Sensitivity,
    UseCase,
)
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.sources import SourceKind
from serumdesk.storage.data_files import load_catalog
from tests.spanish_catalogue import REPO

SPANISH_PO = REPO / "resources" / "locale" / "es" / "LC_MESSAGES" / "serumdesk.po"
AREA = (
    *(
        f"serumdesk/domain/advice/{name}.py"
        for name in ("rules", "points", "plan", "ranking", "recommendation", "compare", "cost")
    ),
    "serumdesk/domain/catalog/product.py",
)
"""The files whose text this test holds to Spanish (product.py for the evidence brief a
reason quotes); the other advice files have their own."""


@pytest.fixture(scope="module")
def locale(spanish_catalogues: Path) -> Iterator[Path]:
    """The session's compiled catalogues (tests/conftest.py), for this module's fixtures."""
    yield spanish_catalogues
    i18n.install("en", spanish_catalogues)  # the next module starts in English


@pytest.fixture(scope="module")
def catalog(catalog_path: Path) -> Catalog:
    return load_catalog(catalog_path)


class Phrases:
    """The words of every message this area marks, cut at its placeholders: a phrase of three
    words or more, or one with a word of six letters or more ('clinician', 'Evidence'), so
    that a short one ('a month') does not stand for another area's words. Any of them in a
    Spanish text is a message of this area that fell back to English."""

    def __init__(self, msgids: list[str]) -> None:
        phrases: set[str] = set()
        for msgid in msgids:
            for part in re.split(r"\{[^}]*\}", msgid):
                words = re.findall(r"[A-Za-z][A-Za-z'’-]*", part)
                if len(words) >= 3 or any(len(word) >= 6 for word in words):
                    phrases.add(part.strip(" .,:;()“”#'"))
        self.patterns = {p: re.compile(rf"(?<![\w-]){re.escape(p)}(?![\w-])") for p in phrases if p}

    def __repr__(self) -> str:  # hypothesis shows its arguments: a short name, not the list
        return f"<{len(self.patterns)} English phrases>"

    def found_in(self, text: str) -> list[str]:
        return [phrase for phrase, pattern in self.patterns.items() if pattern.search(text)]


@pytest.fixture(scope="module")
def english(locale: Path) -> Phrases:
    pofile = pytest.importorskip("babel.messages.pofile")
    with SPANISH_PO.open("rb") as handle:
        catalogue = pofile.read_po(handle)
    return Phrases(
        [
            msgid
            for message in catalogue
            if message.id and any(path in AREA for path, _line in message.locations)
            for msgid in (message.id if isinstance(message.id, tuple) else (message.id,))
        ]
    )


@pytest.fixture(scope="module")
def advise(catalog: Catalog, vocabulary: Vocabulary) -> Callable[[Answers], list[str]]:
    """made_here for answers, in the current language (a function: hypothesis shows its
    arguments, and the catalog's repr is long)."""

    def advise(answers: Answers) -> list[str]:
        return made_here(recommend(catalog, answers, vocabulary=vocabulary))

    return advise


def made_here(rec: Recommendation) -> list[str]:
    """Every text this area makes for a recommendation, in a fixed order (the ranking's order
    does not depend on the language, so two languages line up one to one)."""
    plan = rec.plan
    texts = [rec.goal_words]
    for m in rec.matches:
        texts.append(plan.title(m))
        texts += [r.text for r in m.reasons]
        texts += [r.source.cite() for r in m.reasons if r.source.kind is SourceKind.INFERENCE]
    for e in rec.excluded:  # an allergy's wording is allergy.py's
        texts += [r.text for r in e.reasons if r.kind is not ExclusionKind.ALLERGY]
    texts += [item.text for item in plan.for_you]
    texts += [hold.why for hold in plan.held]
    texts += [pick.condition for pick in plan.picks if pick.condition]
    texts += [note.text for note in rec.notices]
    if not rec.matches:
        texts += relax_hints(rec)
    return texts


answers_space = st.builds(
    Answers,
    use_case=st.sampled_from(list(UseCase)),
    sensitivity=st.sampled_from(list(Sensitivity)),
    diet=st.sampled_from(list(Diet)),
    cautions=st.frozensets(st.sampled_from(list(Caution))),
    actives=st.frozensets(st.sampled_from(list(Active))),
    budget_usd_per_month=st.none() | st.sampled_from([0.0, 1.0, 20.0, 60.0, 150.0, 500.0, 12_345.0]),
    procedure=st.none() | st.sampled_from(list(Procedure)),
    days_since_procedure=st.none() | st.integers(0, 60),
    laser_type=st.none() | st.sampled_from(list(LaserType)),
    allergens=st.lists(
        st.sampled_from(["fish", "peptide", "water", "glycolic acid", "linalool", "qwzx-unknown"]),
        max_size=3,
        unique=True,
    ).map(tuple),
)
"""Every answer, allergens that leave out one product, many or all, and one nobody knows."""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=answers_space)
@example(  # every product left out: the hints to relax an answer
    answers=Answers(
        diet=Diet.VEGAN,
        allergens=("water", "peptide", "glycolic acid"),
        cautions=frozenset({Caution.FRAGRANCE_SENSITIVE}),
    )
)
@example(  # nothing within the budget, a specialist's OK, stacked actives, a fresh peel
    answers=Answers(
        use_case=UseCase.POST_PROCEDURE,
        procedure=Procedure.PEEL,
        days_since_procedure=2,
        cautions=frozenset(Caution),
        actives=frozenset(Active),
        budget_usd_per_month=1.0,
    )
)
def test_the_advice_is_all_in_spanish_and_english_is_untouched(
    locale: Path, english: Phrases, advise: Callable[[Answers], list[str]], answers: Answers
) -> None:
    before = advise(answers)
    with i18n.override("es", locale) as used:
        assert used == "es"
        spanish = advise(answers)
    assert len(spanish) == len(before)
    untranslated = [es for en, es in zip(before, spanish, strict=True) if es == en]
    assert not untranslated, "made in English inside override('es')"
    left = {es: english.found_in(es) for es in spanish if english.found_in(es)}
    assert not left, f"English words of this area's messages in Spanish text: {left}"
    assert advise(answers) == before


def test_the_phrases_looked_for_are_this_areas_own(english: Phrases) -> None:
    """The scan above would pass on nothing: it looks for the area's own messages."""
    for phrase in ("clinician", "Ranked lower: with your medical caution, ask your", "Evidence"):
        assert phrase in english.patterns
    assert english.found_in("Not vegan: its active is human-derived (x).")
    assert english.found_in("consulte a su clinician antes") == ["clinician"]
    assert not english.found_in("No es vegano: su activo es de origen humano (x); un retinoide.")


def test_a_match_made_in_english_words_its_cautions_and_evidence_in_the_language_asked(
    locale: Path, catalog: Catalog
) -> None:
    """What a match and a product keep for later (benchmark row 4) is kept per language: a
    sheet in Spanish made from the app's English ranking never gets the English words, and
    the app's English never gets the Spanish ones."""
    answers = Answers(
        cautions=frozenset({Caution.PREGNANT, Caution.FRAGRANCE_SENSITIVE}), actives=frozenset(Active)
    )
    rec = recommend(catalog, answers)
    cautions = [[c.text for c in m.cautions] for m in rec.matches]
    briefs = [m.product.evidence.brief() for m in rec.matches]
    assert any(cautions)
    with i18n.override("es", locale):
        assert [[c.text for c in m.cautions] for m in rec.matches] != cautions
        spanish = [m.product.evidence.brief() for m in rec.matches]
    assert all(es != en for es, en in zip(spanish, briefs, strict=True))
    assert [[c.text for c in m.cautions] for m in rec.matches] == cautions
    assert [m.product.evidence.brief() for m in rec.matches] == briefs


def test_what_cannot_be_compared_is_said_in_spanish(locale: Path, english: Phrases, catalog: Catalog) -> None:
    vegan = recommend(catalog, Answers(diet=Diet.VEGAN))
    left_out = vegan.excluded[0].product.id
    asked = [["nope"], [left_out], [m.product.id for m in vegan.matches[:5]] + ["a", "b"]]
    in_english: list[str] = []
    for ids in asked:
        with pytest.raises(CompareError) as said:
            select_compared(vegan, ids)
        in_english.append(str(said.value))
    with i18n.override("es", locale):
        spanish_rec = recommend(catalog, Answers(diet=Diet.VEGAN))
        for ids, en in zip(asked, in_english, strict=True):
            with pytest.raises(CompareError) as said:
                select_compared(spanish_rec, ids)
            assert str(said.value) != en
            assert not english.found_in(str(said.value))
