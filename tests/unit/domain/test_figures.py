"""Numbers in each language's own separators (serumdesk/domain/figures.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serumdesk.domain.figures import decimal, figure, money, whole


@pytest.mark.parametrize(
    ("value", "places", "english", "spanish"),
    [
        (0, 2, "0.00", "0,00"),
        (5.05, 2, "5.05", "5,05"),
        (1234.5, 2, "1,234.50", "1234,50"),
        (12345.5, 2, "12,345.50", "12.345,50"),
        (1234567, 0, "1,234,567", "1.234.567"),
        (-1234.5, 1, "-1,234.5", "-1234,5"),
        (-0.001, 2, "0.00", "0,00"),
    ],
)
def test_separators_by_language(value: float, places: int, english: str, spanish: str) -> None:
    assert decimal(value, places, "en") == english
    assert decimal(value, places, "es") == spanish


def test_money_whole_and_figure() -> None:
    assert money(295, language="es") == "$295,00"
    assert money(1050.7, language="en") == "$1,050.70"
    assert whole(16000, "es") == "16.000"
    assert whole(16000, "en") == "16,000"
    assert figure(28.4, "es") == "28,4"
    assert figure(30.0, "es") == "30"
    assert decimal(3.5, 2, "fr") == "3.50"  # a language SerumDesk cannot show reads as English


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(min_value=0, max_value=4))
def test_spanish_reads_back_to_the_english_figure(value: float, places: int) -> None:
    english, spanish = decimal(value, places, "en"), decimal(value, places, "es")
    assert float(english.replace(",", "")) == float(spanish.replace(".", "").replace(",", "."))
    assert spanish.count(",") == (1 if places else 0)
