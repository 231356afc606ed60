"""The label corpus: published ingredient lists (data/labels, each with the address it came
from) checked against what a chemist reads in them, written by hand in each file's
'# Expect:' line: source, human- and animal-derived, vegan, the EU fragrance allergens
listed, and whether typed allergies match ('match' for a definite, possible or by-name
match; 'none' for no match at all)."""

from __future__ import annotations

from pathlib import Path

import pytest

from serumdesk.domain.answers import Answers
from serumdesk.domain.ingredients.model import Flag
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.label.reading import read_label
from serumdesk.domain.label.verdict import check_label

LABELS = Path(__file__).parents[1] / "data" / "labels"
CORPUS = sorted(p for p in LABELS.glob("*.txt") if not p.name.startswith("synthetic-"))


def expectations(path: Path) -> tuple[str, dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    expect = next(line for line in lines if line.startswith("# Expect: "))
    fields = dict(part.strip().split("=", 1) for part in expect[len("# Expect: ") :].split(";"))
    return "\n".join(line for line in lines if not line.startswith("# ")), fields


def test_the_corpus_is_real_and_sourced() -> None:
    # Issue #22 asks for 40 published lists (never invented; a cut-off copy is named -PARTIAL).
    assert len(CORPUS) >= 40
    for path in CORPUS:
        header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# ")]
        assert any(line.startswith("# URL: http") for line in header), path.name
        assert any(line.startswith("# Seen: ") for line in header), path.name
        assert any(line.startswith("# Expect: ") for line in header), path.name


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_each_label_reads_as_a_chemist_reads_it(vocabulary: Vocabulary, path: Path) -> None:
    text, want = expectations(path)
    allergies = [a.split(":") for a in want.get("allergy", "").split(",") if a.strip()]
    answers = Answers(allergens=tuple(a.strip() for a, _ in allergies))
    reading = read_label(text, vocabulary)
    verdict = check_label(reading, vocabulary, answers)
    source = reading.source_category.value if reading.source_category else "open"
    assert source == want["source"], ("source", [i.written for i in reading.source_reason])
    human, animal = reading.human_origin, reading.animal_origin
    assert human.known.value == want["human"], [i.written for i in human.reason]
    assert animal.known.value == want["animal"], [i.written for i in animal.reason]
    assert reading.vegan.value == want["vegan"], [i.written for i in reading.vegan_reason]
    listed = {i.written for i in reading.flagged(Flag.FRAGRANCE_ALLERGEN)}
    expected = set() if want["eu-allergens"] == "none" else set(want["eu-allergens"].split("|"))
    assert listed == expected
    for typed, outcome in allergies:
        found = [m for m in verdict.allergen_matches if m.match.query.text == typed.strip()]
        found += [m for m in verdict.name_matches if m.allergen.text == typed.strip()]
        assert bool(found) == (outcome.strip() == "match"), (typed, outcome)


def test_the_vocabulary_reads_all_but_three_in_a_hundred_corpus_ingredients(vocabulary: Vocabulary) -> None:
    # Issue #22: the share read as unknown across the real labels stays at or under 3%; names
    # no reader can know ('Cress Ivy Extract', 'Polysorbate 606') are the rest.
    unknown = total = 0
    for path in CORPUS:
        reading = read_label(expectations(path)[0], vocabulary)
        unknown += len(reading.unknown)
        total += len(reading.ingredients)
    assert total >= 800
    assert unknown / total <= 0.03, (unknown, total)
