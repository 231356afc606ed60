"""Loads the ingredient vocabulary once, on first use, and remembers a failure as a message."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from serumdesk.domain.ingredients.vocabulary import Vocabulary


class VocabularyUnavailable(Exception):
    """The vocabulary could not be loaded; str() is written for a person."""


class VocabularyLoader:
    """Reads, checks and indexes the vocabulary at `path` the first time it is asked for.

    The composition root (or a command) makes one and passes it to whatever reads labels or
    matches allergies; pydantic and the file are paid for only when someone does.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._vocabulary: Vocabulary | None = None
        self._error: str | None = None

    @property
    def loaded(self) -> bool:
        """Whether the vocabulary was read (what start-up with your serums avoids)."""
        return self._vocabulary is not None

    @property
    def error(self) -> str | None:
        """The failure message, once loading was tried and failed."""
        return self._error

    def load(self) -> Vocabulary:
        """The vocabulary, loaded on the first call; raises VocabularyUnavailable on failure."""
        if self._vocabulary is not None:
            return self._vocabulary
        if self._error is not None:
            raise VocabularyUnavailable(self._error)
        from serumdesk.domain.ingredients.vocabulary_file import VocabularyError
        from serumdesk.storage.data_files import load_vocabulary

        try:
            self._vocabulary = load_vocabulary(self.path)
        except VocabularyError as exc:
            self._error = str(exc)
            raise VocabularyUnavailable(self._error) from None
        return self._vocabulary
