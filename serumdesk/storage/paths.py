"""Every path SerumDesk uses comes from here, so tests can redirect them all to tmp_path."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "SerumDesk"
APP_ID = "org.serumdesk.SerumDesk"
"""Reverse-DNS id shared by the desktop entry, AppStream metainfo and Qt."""

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def bundled_data_dir() -> Path:
    """The folder holding catalog/ and resources/.

    A wheel carries them inside the package (serumdesk/_data); a source checkout or an
    editable install has them at the top of the checkout.
    """
    installed = _PACKAGE_DIR / "_data"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent


def bundled_catalog_path() -> Path:
    return bundled_data_dir() / "catalog" / "catalog.json"


def bundled_ingredients_path() -> Path:
    """The ingredient vocabulary that labels are read with and allergies matched against."""
    return bundled_data_dir() / "catalog" / "ingredients.json"


def resources_dir() -> Path:
    return bundled_data_dir() / "resources"


def locale_dir() -> Path:
    """SerumDesk's translation catalogues: <lang>/LC_MESSAGES/serumdesk.mo (serumdesk/i18n.py)."""
    return resources_dir() / "locale"


@dataclass(frozen=True, slots=True)
class UserPaths:
    """The person's own folders (profiles, settings); created 0700 on first use."""

    data_dir: Path
    config_dir: Path | None = None
    """<user config folder>/SerumDesk; None puts what it holds under `data_dir`/config."""

    @classmethod
    def default(cls) -> UserPaths:
        # platformdirs honours XDG_DATA_HOME on Linux; imported here to keep start-up lean.
        from platformdirs import user_config_path, user_data_path

        override = os.environ.get("SERUMDESK_DATA_DIR")
        config = os.environ.get("SERUMDESK_CONFIG_DIR")
        return cls(
            Path(override) if override else user_data_path(APP_NAME, appauthor=False),
            Path(config) if config else user_config_path(APP_NAME, appauthor=False),
        )

    @property
    def clinic_dir(self) -> Path:
        """A clinic's details and logo, and the shared-computer setting (storage/clinic.py)."""
        config = self.config_dir if self.config_dir is not None else self.data_dir / "config"
        return config / "clinic"

    @property
    def profiles_dir(self) -> Path:
        return self.data_dir / "profiles"

    @property
    def catalog_dir(self) -> Path:
        """Your own serums, and a clinic's catalog or price list (storage/user_catalog.py)."""
        return self.data_dir / "catalog"


def settings_file() -> Path:
    """<user config folder>/SerumDesk/SerumDesk.ini (window size and position), read from the
    environment on every call.

    QSettings' own UserScope path is computed once per process, so it would miss a later
    XDG_CONFIG_HOME change (tests redirect it per test); naming the file ourselves does not.
    Qt's QStandardPaths (QtCore, no widgets) rather than platformdirs: the window is
    restored before the first paint, and importing platformdirs there costs milliseconds.
    """
    from PySide6.QtCore import QStandardPaths

    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(config) / APP_NAME / f"{APP_NAME}.ini"
