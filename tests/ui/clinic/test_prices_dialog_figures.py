"""The Clinic prices table shows figures as the app's language writes them, and reads back
exactly what it showed, in every language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serumdesk import i18n
from serumdesk.domain.clinic.amounts import parse_decimal
from serumdesk.domain.strict.numbers import PRICE_USD, SIZE_ML
from serumdesk.ui.clinic.prices_dialog import _figure


@pytest.fixture(scope="module")
def locale(spanish_catalogues: Path) -> Iterator[Path]:
    """The session's compiled catalogues (tests/conftest.py), for this module's fixtures."""
    yield spanish_catalogues
    i18n.install("en", spanish_catalogues)  # the next module starts in English


CENTS = st.integers(min_value=round(PRICE_USD.minimum * 100), max_value=round(PRICE_USD.maximum * 100))
TENTHS = st.integers(min_value=round(SIZE_ML.minimum * 10), max_value=round(SIZE_ML.maximum * 10))


@given(cents=CENTS, tenths=TENTHS, language=st.sampled_from(["en", "es"]))
def test_a_shown_figure_reads_back_as_itself(locale: Path, cents: int, tenths: int, language: str) -> None:
    with i18n.override(language, locale):
        for value in (cents / 100, tenths / 10):
            shown = _figure(value)
            assert parse_decimal(shown) == value, shown


def test_spanish_writes_a_decimal_comma(locale: Path) -> None:
    with i18n.override("es", locale):
        assert _figure(28.4) == "28,4" and _figure(295.0) == "295" and _figure(12345.5) == "12.345,5"
    assert _figure(28.4) == "28.4" and _figure(None) == ""
