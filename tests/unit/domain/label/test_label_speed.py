"""Label text is handled in linear time: the worst case of each shape at 5,000 and 20,000
characters, compared in one run (a ratio, never a deadline), and hypothesis looking for a
shape that grows faster (issue #19)."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings, target
from hypothesis import strategies as st

from serumdesk.domain.answers import Answers
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.label.reading import read_label
from serumdesk.domain.label.verdict import check_label
from tests.unit.domain.label.worst_cases import WORST_CASES

LINEAR = 4.0
"""20,000 / 5,000 characters: what linear growth gives."""
ROOM = 3.0
"""Room for a busy machine's noise; quadratic growth gives 16, past LINEAR × ROOM. Times are
the process's CPU time, best of several runs, so other programs' load counts little."""
FLOOR = 0.005
"""Below 5 ms a ratio measures the timer and the caches, not the code."""
ANSWERS = Answers(allergens=("fish", "zorblax"))


def _seconds(text: str, vocabulary: Vocabulary, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        check_label(read_label(text, vocabulary), vocabulary, ANSWERS)
        best = min(best, time.process_time() - start)
    return max(best, FLOOR)


@pytest.mark.parametrize("shape", sorted(WORST_CASES))
def test_each_shape_grows_no_faster_than_linear(vocabulary: Vocabulary, shape: str) -> None:
    grow = WORST_CASES[shape]
    small, large = grow(5_000), grow(20_000)
    assert 4_500 <= len(small) <= 5_500 and 19_000 <= len(large) <= 21_000
    _seconds(small, vocabulary, runs=1)  # warm caches, as a running app has them
    ratio = _seconds(large, vocabulary) / _seconds(small, vocabulary)
    assert ratio <= LINEAR * ROOM, f"{shape}: 4× the text took {ratio:.1f}× the time"


PIECES = [
    "A",
    "a",
    " ",
    ".",
    ",",
    "(",
    ")",
    "[",
    "]",
    "/",
    "-",
    "+",
    "%",
    "1",
    "\n",
    "*",
    "may contain ",
    "and ",
    "Oils",
    "Ingredients:",
    "human ",
    "at ",
    "C.I. ",
    "±",
    "ppm",
]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
def test_hypothesis_finds_no_shape_that_grows_faster(vocabulary: Vocabulary, pieces: list[str]) -> None:
    unit = "".join(pieces)
    small = (unit * (5_000 // len(unit) + 1))[:5_000]
    large = (unit * (20_000 // len(unit) + 1))[:20_000]
    ratio = _seconds(large, vocabulary, runs=3) / _seconds(small, vocabulary, runs=3)
    target(ratio)
    assert ratio <= LINEAR * ROOM, f"{unit!r}: 4× the text took {ratio:.1f}× the time"
