"""The advice in Spanish over the whole answer space: cautions, the routine, the results at a
glance, the glossary, the recovery window, allergy findings and the background statements.

Inside `i18n.override("es")` no text these modules make may return one of their English
msgids as it is, whole or as a piece of a sentence (a fragment assembled into a Spanish
sentence, a clause left in English); outside it the English is what it was before, with no
Spanish left behind by a cache.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from serumdesk import i18n
from serumdesk.domain.advice.background import transparency_questions
from serumdesk.domain.advice.cautions import CautionKind, CautionLevel
from serumdesk.domain.advice.glance import NOTICE, ForYouItem, comparison_rows, for_you_lines, shared_facts
from serumdesk.domain.advice.glossary import GLOSSARY, Explainer
from serumdesk.domain.advice.ranking import Match
from serumdesk.domain.advice.recommendation import Recommendation, recommend
from serumdesk.domain.advice.recovery import ABLATIVE_WINDOW, GUIDE_WINDOW
from serumdesk.domain.advice.routine import actives_words, procedure_words
from serumdesk.domain.advice.rules import ExclusionKind
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import Catalog
from serumdesk.domain.choices import Active, Caution, Diet, LaserType, Procedure, Sensitivity, UseCase
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.label.reading import read_label
from serumdesk.domain.label.verdict import check_label
from serumdesk.domain.sources import SourceKind
from serumdesk.storage.data_files import load_catalog

REPO = Path(__file__).resolve().parents[4]
MODULES = tuple(
    f"serumdesk/domain/advice/{name}.py"
    for name in (
        "cautions",
        "glance",
        "glossary",
        "routine",
        "wording",
        "recovery",
        "background",
        "allergy",
    )
)
"""The modules whose text this file checks."""
PLACEHOLDER = re.compile(r"\{[^}]*\}")


@pytest.fixture(scope="module")
def locale(spanish_catalogues: Path) -> Iterator[Path]:
    """The session's compiled catalogues (tests/conftest.py), for this module's fixtures."""
    yield spanish_catalogues
    i18n.install("en", spanish_catalogues)  # the next module starts in English


class Data:
    """The bundled catalog and ingredient vocabulary, shown briefly in a failing example."""

    def __init__(self, catalog: Catalog, vocabulary: Vocabulary) -> None:
        self.catalog = catalog
        self.vocabulary = vocabulary

    def __repr__(self) -> str:
        return "Data(bundled catalog and vocabulary)"


@pytest.fixture(scope="module")
def data(catalog_path: Path, vocabulary: Vocabulary) -> Data:
    return Data(load_catalog(catalog_path), vocabulary)


WORDS = re.compile(r"[\w'’-]+")
RUN = 3
"""Three words in a row of an English message, found in a Spanish text, are English left in it."""


def _pieces(text: str) -> set[str]:
    """Every run of RUN words in a text (a message's runs never cross its placeholders)."""
    runs = set()
    for part in PLACEHOLDER.split(text):
        words = WORDS.findall(part.lower())
        runs |= {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}
    return runs


class Messages:
    """These modules' messages, shown briefly in a failing example."""

    def __init__(self, english: frozenset[str], english_runs: frozenset[str], spanish_runs: frozenset[str]):
        self.english = english
        """The English msgids of these modules."""
        self.english_runs = english_runs
        """Runs of RUN words of those msgids."""
        self.spanish_runs = spanish_runs
        """Runs of RUN words of their Spanish."""

    def __repr__(self) -> str:  # hypothesis shows the arguments of a failing example
        return f"Messages({len(self.english)} msgids)"


SAME_IN_SPANISH = frozenset({"No", "{ingredient} ({kind})", "{dose} ml, {how_often}"})
"""Messages whose Spanish is written as the English is."""


@pytest.fixture(scope="module")
def messages() -> Messages:
    """(The English msgids of these modules, the English pieces, the Spanish pieces), from
    the .po itself."""
    from babel.messages.pofile import read_po

    with (REPO / "resources/locale/es/LC_MESSAGES/serumdesk.po").open("rb") as handle:
        catalogue = read_po(handle, locale="es", domain="serumdesk")
    translated: dict[str, str] = {}
    for message in catalogue:
        if not message.id or isinstance(message.id, tuple):
            continue
        if not any(path in MODULES for path, _line in message.locations):
            continue
        if message.context == "glossary term":
            continue  # English forms are meant to be found in Spanish text (INCI names)
        if message.id not in SAME_IN_SPANISH:
            translated[message.id] = str(message.string)
    # Not one run is shared: a Spanish message that kept English words is caught.
    english = {p for m in translated for p in _pieces(m)}
    spanish = {p for s in translated.values() for p in _pieces(s)}
    assert len(translated) > 150 and english and spanish  # the .po was read, not an empty one
    return Messages(frozenset(translated), frozenset(english), frozenset(spanish))


def _catalog_words(match: Match) -> list[str]:
    """The cautions whose words are the catalog's own (a product's ethics note, a brand's
    directions), not these modules'."""
    return [
        note.text
        for note in match.cautions
        if note.kind is CautionKind.ETHICS or note.source.kind is SourceKind.PRODUCT_FACTS
    ]


def advice_texts(rec: Recommendation, picks: list[int]) -> list[str]:
    """Every text the advice modules make for this recommendation, in reading order."""
    texts: list[str] = []
    for match in rec.matches:
        for note in match.cautions:
            texts.append(note.level.label)
            if note.text not in _catalog_words(match):
                texts.append(note.text)
        texts += [q.text for q in transparency_questions(match.product)]
    for exclusion in rec.excluded:
        texts += [r.text for r in exclusion.reasons if r.kind is ExclusionKind.ALLERGY]
    routine = rec.routine
    texts += [s.text for s in routine.steps] + [s.condition or "" for s in routine.steps]
    texts += [n.text for n in routine.notes]
    texts += [rec.patch_test.text] + [t for stage in rec.timeline for t in (stage.when, stage.expect)]
    texts += [s.text for s in rec.about]
    compared = [rec.matches[i] for i in picks if i < len(rec.matches)]
    catalog_words = [words for m in compared for words in _catalog_words(m)]
    texts += [
        item.text
        for item in for_you_lines(rec, compared)
        if isinstance(item, ForYouItem)
        and item.kind != NOTICE
        and not any(words in item.text for words in catalog_words)
    ]
    for row in comparison_rows(compared):
        texts += [row.fit, row.evidence, row.source, row.vegan, row.per_use]
        if row.caution_level is CautionLevel.CLINICIAN:
            texts.append(row.caution)
    texts += [f.words() for f in shared_facts(compared, rec.answers.budget_usd_per_month)]
    explain = Explainer()
    return [explain(t) for t in texts if t]


def untranslated(texts: list[str], messages: Messages) -> list[str]:
    """The texts that are one of the English msgids, or hold RUN of its words in a row."""
    english = messages.english_runs
    found = [t for t in texts if t in messages.english]
    found += [f"{sorted(_pieces(t) & english)} in {t!r}" for t in texts if _pieces(t) & english]
    return found


answers_space = st.builds(
    Answers,
    use_case=st.just(UseCase.POST_PROCEDURE) | st.sampled_from(list(UseCase)),
    sensitivity=st.sampled_from(list(Sensitivity)),
    diet=st.sampled_from(list(Diet)),
    cautions=st.frozensets(st.sampled_from(list(Caution))),
    actives=st.frozensets(st.sampled_from(list(Active))),
    budget_usd_per_month=st.none() | st.sampled_from([0.0, 20.0, 60.0, 150.0]),
    procedure=st.none() | st.sampled_from(list(Procedure)),
    days_since_procedure=st.none() | st.integers(0, 45),
    laser_type=st.none() | st.sampled_from(list(LaserType)),
    allergens=st.lists(
        st.sampled_from(["fish", "linalool", "hyaluronic acid", "snow mushroom", "nuts", "glycolic acid"]),
        max_size=3,
        unique=True,
    ).map(tuple),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answers_space, picks=st.lists(st.integers(0, 9), min_size=2, max_size=4, unique=True))
def test_the_advice_is_all_spanish_inside_an_override_and_english_outside(
    locale: Path,
    data: Data,
    messages: Messages,
    answers: Answers,
    picks: list[int],
) -> None:
    i18n.install("en", locale)
    before = advice_texts(recommend(data.catalog, answers, vocabulary=data.vocabulary), picks)
    with i18n.override("es", locale):
        spanish = advice_texts(recommend(data.catalog, answers, vocabulary=data.vocabulary), picks)
    after = advice_texts(recommend(data.catalog, answers, vocabulary=data.vocabulary), picks)

    assert untranslated(spanish, messages) == []
    assert after == before  # nothing of the Spanish run stays behind in a cache
    spanish_pieces = messages.spanish_runs
    assert [
        f"{sorted(_pieces(t) & spanish_pieces)} in {t!r}" for t in after if _pieces(t) & spanish_pieces
    ] == []
    assert spanish != before


LABEL_INGREDIENTS = (
    "Aqua",
    "Live Stem Cells",
    "Human Fibroblast Conditioned Media",
    "Plant Stem Cell Extract",
    "Retinol",
    "Glycolic Acid",
    "Ascorbic Acid",
    "Parfum",
    "Linalool",
    "Lavandula Angustifolia Oil",
    "Chamomilla Recutita Flower Extract",
    "Sodium Hyaluronate",
    "sh-Oligopeptide-1",
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answers=answers_space,
    listed=st.lists(st.sampled_from(LABEL_INGREDIENTS), min_size=1, max_size=8, unique=True),
)
def test_a_labels_cautions_are_all_spanish_inside_an_override(
    locale: Path,
    data: Data,
    messages: Messages,
    answers: Answers,
    listed: list[str],
) -> None:
    label = ", ".join(listed)

    def cautions() -> list[str]:
        verdict = check_label(read_label(label, data.vocabulary), data.vocabulary, answers)
        return [t for n in verdict.cautions for t in (n.text, n.level.label)]

    i18n.install("en", locale)
    before = cautions()
    with i18n.override("es", locale):
        spanish = cautions()
    assert untranslated(spanish, messages) == []
    assert cautions() == before
    if "Live Stem Cells" in listed:
        assert "células madre vivas" in spanish[0]


def test_the_glossary_explains_spanish_and_english_terms_once(locale: Path) -> None:
    with i18n.override("es", locale):
        explain = Explainer()
        said = explain("Contiene factores de crecimiento y Human Cord Blood Conditioned Media.")
        again = explain("Más factores de crecimiento y medio condicionado.")
        meaning = i18n._(GLOSSARY["growth factor"])
        media = i18n._(GLOSSARY["conditioned media"])
    assert meaning != GLOSSARY["growth factor"] and media != GLOSSARY["conditioned media"]
    assert (
        said
        == f"Contiene factores de crecimiento ({meaning}) y Human Cord Blood Conditioned Media ({media})."
    )
    assert again == "Más factores de crecimiento y medio condicionado."  # each term once per document
    english = Explainer()("Growth factors and conditioned media.")
    growth, conditioned = GLOSSARY["growth factor"], GLOSSARY["conditioned media"]
    assert english == f"Growth factors ({growth}) and conditioned media ({conditioned})."


def test_the_words_sentences_are_built_from_are_spanish(locale: Path, messages: Messages) -> None:
    """Every procedure, set of paused actives and recovery window, as the plan's and the
    routine's sentences take them."""
    texts = []
    with i18n.override("es", locale):
        for procedure in (None, *Procedure):
            for laser in (None, *LaserType):
                texts.append(procedure_words(Answers(procedure=procedure, laser_type=laser)))
        for n in range(1, len(Active) + 1):
            texts += [actives_words(set(some)) for some in itertools.combinations(Active, n)]
        texts += [GUIDE_WINDOW.words, ABLATIVE_WINDOW.words, *(level.label for level in CautionLevel)]
    assert untranslated(texts, messages) == []
    assert not {"microneedling", "exfoliating acids", "retinoid", "7–14 days", "about a month"} & set(texts)


def test_every_caution_a_label_can_get_is_spanish(locale: Path, data: Data, messages: Messages) -> None:
    """Every set of cautions and actives, fresh skin or not, for a label with an ingredient of
    every kind the caution rules read: each caution rule is met in Spanish."""
    label = ", ".join(LABEL_INGREDIENTS)
    reading = read_label(label, data.vocabulary)
    said: set[str] = set()
    with i18n.override("es", locale):
        for n in range(len(Caution) + 1):
            for cautions in itertools.combinations(Caution, n):
                for actives in (frozenset(), frozenset(Active)):
                    for days in (None, 60):
                        answers = Answers(
                            cautions=frozenset(cautions),
                            actives=actives,
                            allergens=("linalool",),
                            diet=Diet.VEGAN,
                            sensitivity=Sensitivity.HIGH,
                            use_case=UseCase.POST_PROCEDURE,
                            procedure=Procedure.MICRONEEDLING,
                            days_since_procedure=days,
                        )
                        verdict = check_label(reading, data.vocabulary, answers)
                        said |= {t for c in verdict.cautions for t in (c.text, c.level.label)}
    assert untranslated(sorted(said), messages) == []
    assert len(said) > 20  # the rules were met: many different cautions
