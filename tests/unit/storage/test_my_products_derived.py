"""Your serums cost nothing at start-up (issue #22): the facts derived from their labels are
kept beside them, used while entry, vocabulary and SerumDesk are unchanged, and derived again
otherwise; a damaged file of facts is never trusted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from serumdesk.storage.catalog_loader import CatalogLoader
from serumdesk.storage.my_products_derived import DERIVED_FILE
from serumdesk.storage.user_catalog import UserCatalogStore
from serumdesk.storage.vocabulary_loader import VocabularyLoader
from tests.hostile import mode_of
from tests.unit.storage.test_user_catalog import PLANT_LABEL, serum


def load(
    store: UserCatalogStore, catalog_path: Path, ingredients: Path
) -> tuple[CatalogLoader, VocabularyLoader]:
    vocabulary = VocabularyLoader(ingredients)
    loader = CatalogLoader(catalog_path, vocabulary, store.extras)
    loader.load()
    return loader, vocabulary


def mine(loader: CatalogLoader) -> dict[str, object]:
    return {p.id: p for p in loader.load().products if p.id.startswith("mine-")}


def test_the_second_start_reads_no_label_and_loads_no_vocabulary(
    tmp_path: Path, catalog_path: Path, ingredients_path: Path
) -> None:
    store = UserCatalogStore(tmp_path / "data" / "catalog")
    store.add(serum())
    store.add(serum(name="Apple", label=PLANT_LABEL))
    first, vocabulary = load(store, catalog_path, ingredients_path)
    assert vocabulary.loaded  # derived from the labels the first time
    derived = store.folder / DERIVED_FILE
    assert derived.is_file() and mode_of(derived) == 0o600
    second, vocabulary = load(store, catalog_path, ingredients_path)
    assert not vocabulary.loaded  # the kept facts were enough
    assert mine(second) == mine(first)


def test_a_changed_label_or_vocabulary_is_derived_again(
    tmp_path: Path, catalog_path: Path, ingredients_path: Path
) -> None:
    store = UserCatalogStore(tmp_path / "data" / "catalog")
    added = store.add(serum())
    first, _ = load(store, catalog_path, ingredients_path)
    assert mine(first)[added.id].human_derived  # type: ignore[attr-defined]
    store.update(serum(id=added.id, label=PLANT_LABEL))
    second, vocabulary = load(store, catalog_path, ingredients_path)
    assert vocabulary.loaded
    assert not mine(second)[added.id].human_derived  # type: ignore[attr-defined]
    copy = tmp_path / "ingredients.json"
    shutil.copyfile(ingredients_path, copy)
    copy.write_bytes(copy.read_bytes() + b"\n")  # other bytes: another vocabulary
    _, vocabulary = load(store, catalog_path, copy)
    assert vocabulary.loaded


def test_a_damaged_or_forged_file_of_facts_is_not_trusted(
    tmp_path: Path, catalog_path: Path, ingredients_path: Path
) -> None:
    store = UserCatalogStore(tmp_path / "data" / "catalog")
    added = store.add(serum())
    load(store, catalog_path, ingredients_path)
    derived = store.folder / DERIVED_FILE
    for damaged in (
        b"",
        b"{",
        b"[]",
        b'{"facts": {"x": 1}}',
        derived.read_bytes().replace(b'"human_derived": true', b'"human_derived": 7'),
    ):
        derived.write_bytes(damaged)
        loader, _ = load(store, catalog_path, ingredients_path)
        assert mine(loader)[added.id].human_derived  # type: ignore[attr-defined]


def test_a_file_of_serums_with_a_byte_order_mark_still_shows_them(
    tmp_path: Path, catalog_path: Path, ingredients_path: Path
) -> None:
    store = UserCatalogStore(tmp_path / "data" / "catalog")
    added = store.add(serum())
    store.my_products_path.write_bytes(b"\xef\xbb\xbf" + store.my_products_path.read_bytes())
    loader, _ = load(store, catalog_path, ingredients_path)
    assert added.id in mine(loader)


def test_facts_kept_in_one_language_are_worded_again_in_another(
    tmp_path: Path, catalog_path: Path, ingredients_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A serum read while SerumDesk spoke English stayed English after a switch to Spanish."""
    pytest.importorskip("babel")
    from serumdesk import i18n
    from tests.spanish_catalogue import compiled_locale

    store = UserCatalogStore(tmp_path / "data" / "catalog")
    added = store.add(serum())
    english, _ = load(store, catalog_path, ingredients_path)
    folder = compiled_locale(tmp_path)
    monkeypatch.setattr("serumdesk.storage.paths.locale_dir", lambda: folder)
    with i18n.override("es", folder):
        spanish, vocabulary = load(store, catalog_path, ingredients_path)
        assert vocabulary.loaded  # not the English facts kept
        worded = mine(spanish)[added.id].description  # type: ignore[attr-defined]
    assert worded != mine(english)[added.id].description  # type: ignore[attr-defined]
    assert not worded.startswith("Your entry")
