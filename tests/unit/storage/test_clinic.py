"""The clinic's files: owner-only from the first byte, never written through a link, the logo
checked again whenever it is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from serumdesk.domain.clinic.details import ClinicFileError, ClinicSettings, make_details
from serumdesk.storage.clinic import ClinicStore, ClinicStoreError, read_logo_file
from serumdesk.storage.paths import UserPaths
from tests.hostile import NOT_REGULAR, finishes, make_hostile, mode_of, umask
from tests.unit.domain.clinic.test_logo import SVG, png

DETAILS = make_details("Riverside Dermatology", phone="555 0100", logo="png")


def test_details_and_logo_are_owner_only_in_owner_only_folders(tmp_path: Path) -> None:
    store = ClinicStore(tmp_path / "config" / "SerumDesk" / "clinic")
    with umask(0o000):
        store.save(ClinicSettings(DETAILS, shared_computer=True), png(2, 2))
    assert mode_of(store.folder) == 0o700 and mode_of(store.folder.parent) == 0o700
    assert mode_of(store.settings_path) == 0o600 and mode_of(store.logo_path("png")) == 0o600
    settings = store.settings()
    assert settings == ClinicSettings(DETAILS, shared_computer=True)
    assert store.logo(settings) == (png(2, 2), "png")


def test_the_clinic_lives_in_the_config_folder() -> None:
    paths = UserPaths.default()
    assert paths.config_dir is not None
    assert paths.clinic_dir == paths.config_dir / "clinic"
    assert paths.clinic_dir != paths.data_dir / "clinic"


def test_a_new_logo_kind_replaces_the_old_and_clear_forgets_both(tmp_path: Path) -> None:
    store = ClinicStore(tmp_path / "clinic")
    store.save(ClinicSettings(DETAILS), png(2, 2))
    svg_details = make_details("Riverside Dermatology", logo="svg")
    store.save(ClinicSettings(svg_details, shared_computer=True), SVG)
    assert not store.logo_path("png").exists()
    kept = store.clear(store.settings())
    assert kept == ClinicSettings(None, shared_computer=True) == store.settings()
    assert not store.logo_path("svg").exists()


def test_a_logo_changed_by_hand_is_not_printed(tmp_path: Path) -> None:
    store = ClinicStore(tmp_path / "clinic")
    store.save(ClinicSettings(make_details("R", logo="svg")), SVG)
    store.logo_path("svg").write_bytes(
        b'<svg xmlns="http://www.w3.org/2000/svg"><image href="http://x.example/a.png"/></svg>'
    )
    assert store.logo(store.settings()) is None


@pytest.mark.parametrize(("kind", "words"), NOT_REGULAR)
def test_a_non_regular_file_is_never_read_as_a_logo_or_written_through(
    tmp_path: Path, kind: str, words: str
) -> None:
    hostile = make_hostile(kind, tmp_path / "logo.png")
    outcome = finishes(lambda: read_logo_file(hostile))
    # A link the person chose is followed, like any file they pick; what it points to is checked.
    said = "neither a PNG nor an SVG" if kind == "link" else words
    assert isinstance(outcome, ClinicStoreError) and said in str(outcome)
    store = ClinicStore(tmp_path / "clinic")
    store.folder.mkdir(mode=0o700)
    make_hostile(kind, store.settings_path)
    saved = finishes(lambda: store.save(ClinicSettings(make_details("R"))))
    assert isinstance(saved, ClinicStoreError) and "Nothing was" in str(saved)
    if kind == "link":
        assert (store.folder / "victim.txt").read_bytes() == b"precious"
    read = finishes(store.settings)
    assert isinstance(read, ClinicFileError)


def test_details_naming_a_logo_that_is_not_kept_are_refused(tmp_path: Path) -> None:
    store = ClinicStore(tmp_path / "clinic")
    with pytest.raises(ClinicStoreError, match="choose the logo file again"):
        store.save(ClinicSettings(DETAILS))
    assert not store.settings_path.exists()
