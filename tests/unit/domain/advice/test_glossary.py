"""Jargon is followed by plain words the first time, and only the first time."""

from __future__ import annotations

from serumdesk.domain.advice.glossary import GLOSSARY, Explainer


def test_a_term_is_explained_once_in_reading_order() -> None:
    explain = Explainer()
    first = explain("Non-biologic alternative. Not human-derived.")
    assert first == f"Non-biologic alternative ({GLOSSARY['non-biologic alternative']}). Not human-derived."
    assert explain("Another non-biologic alternative") == "Another non-biologic alternative"


def test_plurals_and_case_are_recognised_and_longer_terms_win() -> None:
    explain = Explainer()
    text = explain("Human fibroblast conditioned media with Growth Factors and sh-Oligopeptide-1.")
    assert f"fibroblast ({GLOSSARY['fibroblast']})" in text
    assert f"conditioned media ({GLOSSARY['conditioned media']})" in text
    assert f"Growth Factors ({GLOSSARY['growth factor']})" in text
    assert f"sh-Oligopeptide-1 ({GLOSSARY['sh-oligopeptide-1']})" in text


def test_words_that_only_contain_a_term_are_left_alone() -> None:
    assert Explainer()("Peptidesque retinoidal") == "Peptidesque retinoidal"


def test_a_term_inside_a_hyphenated_word_waits_for_its_own_use() -> None:
    explain = Explainer()
    assert explain("Exosome-rich conditioned media").startswith("Exosome-rich conditioned media (")
    assert explain("exosomes").startswith("exosomes (")
