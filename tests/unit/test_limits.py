"""One set of limits on what a person types: the profile file and the command line refuse
exactly what the wizard refuses (its widgets are held to the same numbers in
tests/ui/test_number_bounds.py)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from serumdesk.domain.strict.limits import ALLERGEN_CHARS, ALLERGENS, allergens_problem
from serumdesk.storage.profile_model import AnswersModel
from tests.in_process import run_main

LONGEST = "a" * ALLERGEN_CHARS


def test_the_most_allergens_are_kept_and_one_more_is_refused() -> None:
    assert allergens_problem([LONGEST] * ALLERGENS) is None
    assert allergens_problem([LONGEST] * (ALLERGENS + 1)) == (f"Please list at most {ALLERGENS} ingredients.")
    assert "too long" in (allergens_problem([LONGEST + "a"]) or "")
    assert "does not look like" in (allergens_problem(["123"]) or "")


def test_the_profile_file_holds_the_same_allergen_limits() -> None:
    AnswersModel(allergens=[f"{LONGEST[:-2]}{i:02}" for i in range(ALLERGENS)])
    with pytest.raises(ValidationError):
        AnswersModel(allergens=[f"x{i}" for i in range(ALLERGENS + 1)])
    with pytest.raises(ValidationError):
        AnswersModel(allergens=[LONGEST + "a"])


@pytest.mark.parametrize(
    ("allergens", "words"),
    [
        ([f"x{i}" for i in range(ALLERGENS + 1)], f"at most {ALLERGENS} ingredients"),
        ([LONGEST + "a"], "too long"),
    ],
)
def test_the_command_line_refuses_what_the_wizard_refuses(allergens: list[str], words: str) -> None:
    result = run_main(["recommend", *(a for name in allergens for a in ("--allergen", name))])
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr


def test_the_command_line_takes_the_most_allergens() -> None:
    names = [f"{LONGEST[:-2]}{i:02}" for i in range(ALLERGENS)]
    result = run_main(["recommend", *(a for name in names for a in ("--allergen", name))])
    assert result.returncode == 0, result.stderr
