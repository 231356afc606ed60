"""The person's own serums and a clinic's catalog or price list, kept in their data folder
(issue #14): owner-only files, nothing lost to a damaged file, nothing changed by a bad one."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from serumdesk.domain.catalog.my_products import MyProduct
from serumdesk.storage.catalog_loader import CatalogLoader
from serumdesk.storage.user_catalog import (
    AlreadyInstalled,
    Installed,
    UserCatalogError,
    UserCatalogStore,
    profile_adopter,
)
from serumdesk.storage.vocabulary_loader import VocabularyLoader
from tests.hostile import NOT_REGULAR, finishes, make_hostile, mode_of

LABEL = (
    "Aqua, Glycerin, Human Adipose Derived Stem Cell Conditioned Media, Sodium Hyaluronate, Phenoxyethanol"
)
PLANT_LABEL = "Water, Malus Domestica Fruit Cell Culture Extract, Glycerin, Xanthan Gum"


def serum(
    brand: str = "Glow Lab", name: str = "Exo Ampoule", label: str = LABEL, **changes: Any
) -> MyProduct:
    data: dict[str, Any] = {
        "id": "",
        "brand": brand,
        "name": name,
        "price_usd": 89.0,
        "size_ml": 30.0,
        "label": label,
        "seen": dt.date(2026, 11, 1),
        "entered": dt.date(2026, 11, 2),
    }
    data.update(changes)
    return MyProduct(**data)


def price_list(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "price-list",
        "name": "Riverside Dermatology",
        "date": "2026-11-01",
        "prices": [{"id": "skinmedica-tns-advanced-plus", "usd": 260}],
    }
    data.update(changes)
    return data


@pytest.fixture
def store(tmp_path: Path) -> UserCatalogStore:
    return UserCatalogStore(tmp_path / "data" / "catalog")


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def loader_for(store: UserCatalogStore, catalog_path: Path, ingredients_path: Path) -> CatalogLoader:
    return CatalogLoader(catalog_path, VocabularyLoader(ingredients_path), store.extras)


def test_added_serums_are_kept_owner_only_with_ids_of_their_own(store: UserCatalogStore) -> None:
    first = store.add(serum())
    second = store.add(serum())  # the same brand and name again: a second entry, numbered
    assert (first.id, second.id) == ("mine-glow-lab-exo-ampoule", "mine-glow-lab-exo-ampoule-2")
    assert [p.id for p in store.my_products()] == [first.id, second.id]
    assert mode_of(store.folder) == 0o700 and mode_of(store.folder.parent) == 0o700
    assert mode_of(store.my_products_path) == 0o600
    kept = store.my_products()[0]
    assert (kept.label, kept.price_usd, kept.seen, kept.entered) == (
        LABEL,
        89.0,
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 2),
    )


def test_edit_and_remove_act_on_one_serum_and_name_the_others(store: UserCatalogStore) -> None:
    kept = store.add(serum())
    other = store.add(serum("Plant Co", "Apple", PLANT_LABEL))
    store.update(replace(kept, price_usd=75.0))
    assert store.my_products()[0].price_usd == 75.0
    assert store.remove(kept.id).id == kept.id
    assert [p.id for p in store.my_products()] == [other.id]
    with pytest.raises(UserCatalogError, match=f"No serum of yours has the id 'mine-x'. Yours: {other.id}"):
        store.remove("mine-x")


@pytest.mark.parametrize(
    "damage",
    [b"{not json", b'{"schema_version": 1, "products": [{}]}', b'{"schema_version": true, "products": []}'],
)
def test_a_damaged_file_of_serums_is_never_written_over(store: UserCatalogStore, damage: bytes) -> None:
    store.add(serum())
    store.my_products_path.write_bytes(damage)
    with pytest.raises(UserCatalogError, match="does not write over a file it cannot read"):
        store.add(serum("Plant Co", "Apple", PLANT_LABEL))
    with pytest.raises(UserCatalogError, match="Nothing was changed"):
        store.remove("mine-glow-lab-exo-ampoule")
    assert store.my_products_path.read_bytes() == damage
    # The catalog goes on without them, and says why.
    extras = store.extras()
    assert extras.my_products == () and "file of your serums" in extras.problems[0]


READ_REFUSED = [(kind, words) for kind, words in NOT_REGULAR if kind != "link"]
"""A link to a regular file is read like the file (only writes never go through a link)."""


@pytest.mark.parametrize(("kind", "words"), READ_REFUSED)
def test_a_non_regular_file_of_serums_is_refused_at_once(
    store: UserCatalogStore, kind: str, words: str
) -> None:
    store.folder.mkdir(parents=True)
    make_hostile(kind, store.my_products_path)
    extras = finishes(store.extras)
    assert not isinstance(extras, BaseException)
    assert extras.my_products == () and words in extras.problems[0]
    refused = finishes(lambda: store.add(serum()))
    assert isinstance(refused, UserCatalogError) and words in str(refused)


def test_a_link_in_place_of_the_file_of_serums_is_never_written_through(store: UserCatalogStore) -> None:
    store.folder.mkdir(parents=True)
    make_hostile("link", store.my_products_path)  # to a file that is not a file of serums
    with pytest.raises(UserCatalogError, match="does not write over a file it cannot read"):
        store.add(serum())
    assert (store.folder / "victim.txt").read_bytes() == b"precious"


def test_loader_ranks_your_serums_beside_the_catalog(
    store: UserCatalogStore, catalog_path: Path, ingredients_path: Path
) -> None:
    store.add(serum())
    catalog = loader_for(store, catalog_path, ingredients_path).load()
    mine = catalog.by_id()["mine-glow-lab-exo-ampoule"]
    assert mine.entered_by_you and mine.human_derived
    assert len(catalog.products) == 11


def test_a_price_list_is_checked_installed_and_laid_over(
    store: UserCatalogStore, tmp_path: Path, catalog_path: Path, ingredients_path: Path
) -> None:
    source = write_json(tmp_path / "clinic.json", price_list())
    result = store.install(source, catalog_path, replace_existing=False)
    assert result.kind is Installed.PRICE_LIST and not result.replaced
    assert result.description == "Riverside Dermatology (2026-11-01), 1 price"
    assert mode_of(store.price_list_path) == 0o600
    assert store.price_list_path.read_bytes() == source.read_bytes()
    catalog = loader_for(store, catalog_path, ingredients_path).load()
    assert catalog.prices_from == "Riverside Dermatology (2026-11-01)"
    assert catalog.by_id()["skinmedica-tns-advanced-plus"].price.usd == 260
    # A second list replaces it only when asked.
    newer = write_json(tmp_path / "newer.json", price_list(name="Newer"))
    with pytest.raises(AlreadyInstalled):
        store.install(newer, catalog_path, replace_existing=False)
    assert store.price_list_path.read_bytes() == source.read_bytes()
    assert store.install(newer, catalog_path, replace_existing=True).replaced


@pytest.mark.parametrize(
    ("document", "words"),
    [
        (price_list(prices=[{"id": "no-such-serum", "usd": 10}]), "no-such-serum"),
        (price_list(prices=[{"id": "symbiome-the-answer", "usd": True}]), "field 'usd'"),
        (price_list(prices=[{"id": "symbiome-the-answer", "usd": 1e309}]), "Infinity is not a number"),
        (price_list(prices=[{"id": "symbiome-the-answer", "usd": 10**400}]), "field 'usd'"),
        ({"kind": "price-list"}, "field 'name'"),
        ({"products": [{"id": "x"}]}, "catalog"),
        ([1, 2], "the top level must be an object"),
    ],
)
def test_a_file_that_fails_changes_nothing(
    store: UserCatalogStore, tmp_path: Path, catalog_path: Path, document: object, words: str
) -> None:
    good = write_json(tmp_path / "good.json", price_list())
    store.install(good, catalog_path, replace_existing=False)
    before = store.price_list_path.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document))
    with pytest.raises(UserCatalogError, match="Nothing was changed") as info:
        store.install(bad, catalog_path, replace_existing=True)
    assert words in str(info.value)
    assert store.price_list_path.read_bytes() == before
    assert not store.installed_catalog_path.exists()


@pytest.mark.parametrize(("kind", "words"), READ_REFUSED)
def test_a_non_regular_file_is_not_imported(
    store: UserCatalogStore, tmp_path: Path, catalog_path: Path, kind: str, words: str
) -> None:
    source = make_hostile(kind, tmp_path / "clinic.json")
    refused = finishes(lambda: store.install(source, catalog_path, replace_existing=True))
    assert isinstance(refused, UserCatalogError) and words in str(refused)
    assert not store.price_list_path.exists() and not store.installed_catalog_path.exists()


def test_a_link_where_the_price_list_goes_is_never_written_through(
    store: UserCatalogStore, tmp_path: Path, catalog_path: Path
) -> None:
    store.folder.mkdir(parents=True)
    make_hostile("link", store.price_list_path)
    source = write_json(tmp_path / "clinic.json", price_list())
    with pytest.raises(UserCatalogError, match="symbolic link"):
        store.install(source, catalog_path, replace_existing=True)
    assert (store.folder / "victim.txt").read_bytes() == b"precious"


def test_a_whole_catalog_replaces_the_bundled_one_until_reset(
    store: UserCatalogStore, tmp_path: Path, catalog_path: Path, ingredients_path: Path
) -> None:
    data = json.loads(catalog_path.read_text())
    data["catalog_version"] = "clinic-7"
    data["products"] = data["products"][:3]
    source = write_json(tmp_path / "clinic-catalog.json", data)
    result = store.install(source, catalog_path, replace_existing=False)
    assert result.kind is Installed.CATALOG and "clinic-7" in result.description
    catalog = loader_for(store, catalog_path, ingredients_path).load()
    assert (catalog.catalog_version, len(catalog.products)) == ("clinic-7", 3)
    store.add(serum())
    assert store.reset() == ["the installed catalog"]
    catalog = loader_for(store, catalog_path, ingredients_path).load()
    assert catalog.catalog_version != "clinic-7" and len(catalog.products) == 11  # yours stay
    assert store.reset() == []


def test_a_price_list_that_no_longer_fits_is_reported_not_fatal(
    store: UserCatalogStore, tmp_path: Path, catalog_path: Path, ingredients_path: Path
) -> None:
    store.install(write_json(tmp_path / "prices.json", price_list()), catalog_path, replace_existing=False)
    data = json.loads(catalog_path.read_text())
    data["products"] = [p for p in data["products"] if p["id"] != "skinmedica-tns-advanced-plus"]
    result = store.install(write_json(tmp_path / "catalog.json", data), catalog_path, replace_existing=False)
    assert "does not fit this catalog" in result.warnings[0]
    loader = loader_for(store, catalog_path, ingredients_path)
    catalog = loader.load()
    assert catalog.prices_from is None and "is not used" in loader.problems[0]


def test_an_installed_catalog_that_breaks_falls_back_to_the_bundled_one(
    store: UserCatalogStore, catalog_path: Path, ingredients_path: Path
) -> None:
    store.folder.mkdir(parents=True)
    store.installed_catalog_path.write_text("{broken")
    loader = loader_for(store, catalog_path, ingredients_path)
    assert len(loader.load().products) == 10
    assert "bundled catalog is used instead" in loader.problems[0]


def test_serums_an_imported_profile_carries_are_merged_not_duplicated(store: UserCatalogStore) -> None:
    kept = store.add(serum())
    same = serum(id="mine-glow-lab-exo-ampoule")  # exported from another computer
    clash = serum(id="mine-glow-lab-exo-ampoule", label=PLANT_LABEL)  # same id, other serum
    fresh = serum("Plant Co", "Apple", PLANT_LABEL, id="mine-plant-co-apple")
    adopt = profile_adopter(store)
    assert adopt([same]) == {"mine-glow-lab-exo-ampoule": kept.id}
    renamed = adopt([clash, fresh])
    assert renamed == {
        "mine-glow-lab-exo-ampoule": "mine-glow-lab-exo-ampoule-2",
        "mine-plant-co-apple": "mine-plant-co-apple",
    }
    assert [p.id for p in store.my_products()] == [
        kept.id,
        "mine-glow-lab-exo-ampoule-2",
        "mine-plant-co-apple",
    ]


def test_a_read_only_store_changes_nothing(tmp_path: Path, catalog_path: Path) -> None:
    store = UserCatalogStore(tmp_path / "catalog", read_only=True)
    with pytest.raises(UserCatalogError, match="read-only"):
        store.add(serum())
    with pytest.raises(UserCatalogError, match="read-only"):
        store.reset()
    assert not store.folder.exists()


def test_the_labels_of_your_serums_are_bounded_in_all(
    store: UserCatalogStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every command reads every label again: 200 serums of 20,000-character labels took
    20 s each (issue #19). Adding past the bound, or importing past it, is refused."""
    from serumdesk.domain.catalog import my_products_file
    from serumdesk.storage.user_catalog import UserCatalogError

    monkeypatch.setattr(my_products_file, "LABEL_CHARS_IN_ALL", 1000)  # the rule, not the number
    label = ", ".join(f"Zorblatine {n}" for n in range(300))[:300]
    for n in range(3):
        store.add(serum(name=f"Serum {n}", label=label))
    with pytest.raises(UserCatalogError, match="characters in all"):
        store.add(serum(name="One more", label=label))
    with pytest.raises(UserCatalogError, match="characters in all"):
        store.merge([replace(serum(name="Carried", label=label), id="mine-carried")])
    assert len(store.my_products()) == 3
