"""The clinic's details, its logo and the shared-computer setting, kept in the config folder.

Layout of <config>/SerumDesk/clinic/ (0700, files 0600 from their first byte, like profiles):
  clinic.json      the details and the setting (domain/clinic/details.py reads and writes it)
  logo.png | logo.svg   the logo, checked again every time it is read
  .lock            held around every change

Reads go through storage/files.py (regular files only, bounded), writes through the write
rule (atomic.py): a link, FIFO or device under one of these names is refused, never followed.
"""

from __future__ import annotations

from pathlib import Path

from serumdesk.domain.clinic.details import (
    MAX_CLINIC_FILE_BYTES,
    ClinicFileError,
    ClinicSettings,
    LogoKind,
    parse_settings,
    settings_bytes,
)
from serumdesk.domain.clinic.logo import MAX_LOGO_BYTES, LogoError, logo_kind
from serumdesk.i18n import N_, _
from serumdesk.storage.atomic import SaveError, atomic_write_bytes
from serumdesk.storage.files import ReadError, describe_os_error, read_regular_file
from serumdesk.storage.private_folder import PrivateFolderStore

LOGO_NAMES: dict[LogoKind, str] = {"png": "logo.png", "svg": "logo.svg"}


class ClinicStoreError(Exception):
    """A change to the clinic's details that did not happen; str() says why in plain words."""


def read_logo_file(path: Path) -> tuple[bytes, LogoKind]:
    """A logo a person chose: its bytes and kind; ClinicStoreError says why it cannot be used."""
    try:
        data = read_regular_file(path, MAX_LOGO_BYTES)
    except ReadError as exc:
        raise ClinicStoreError(
            _("Could not read the logo {path}: {reason}. Nothing was changed.").format(
                path=path, reason=exc.reason
            )
        ) from None
    try:
        return data, logo_kind(data)
    except LogoError as exc:
        raise ClinicStoreError(
            _("The logo {path} cannot be used: {exc}. Nothing was changed.").format(path=path, exc=exc)
        ) from None


class ClinicStore(PrivateFolderStore):
    """Reads and changes the files in <config>/SerumDesk/clinic/."""

    error = ClinicStoreError
    busy_message = N_(
        "Another SerumDesk is changing the clinic's details; try again in a moment. Nothing was changed."
    )
    folder_words = N_("the clinic folder")

    @property
    def settings_path(self) -> Path:
        return self.folder / "clinic.json"

    def logo_path(self, kind: LogoKind) -> Path:
        return self.folder / LOGO_NAMES[kind]

    def settings(self) -> ClinicSettings:
        """What is kept (no clinic and not shared when nothing is); ClinicFileError when the
        file cannot be read or used."""
        path = self.settings_path
        if not (path.exists() or path.is_symlink()):
            return ClinicSettings()
        try:
            raw = read_regular_file(path, MAX_CLINIC_FILE_BYTES)
        except ReadError as exc:
            raise ClinicFileError(
                path, [_("it cannot be read: {reason}").format(reason=exc.reason)]
            ) from None
        return parse_settings(raw, path)

    def logo(self, settings: ClinicSettings) -> tuple[bytes, LogoKind] | None:
        """The kept logo, checked again (a file changed by hand is not trusted); None when
        there is none or it can no longer be used."""
        details = settings.details
        if details is None or details.logo is None:
            return None
        try:
            data = read_regular_file(self.logo_path(details.logo), MAX_LOGO_BYTES)
            kind = logo_kind(data)
        except (ReadError, LogoError):
            return None
        return (data, kind) if kind == details.logo else None

    def save(self, settings: ClinicSettings, logo: bytes | None = None) -> None:
        """Keep `settings`; with `logo`, keep it as the logo its details name (and remove
        the other kind). A logo-less detail removes any kept logo."""
        with self._locked():
            details = settings.details
            keep = details.logo if details is not None else None
            if logo is not None:
                if keep is None or logo_kind(logo) != keep:
                    raise ValueError(_("the logo's kind must match the details' logo"))
                self._write(self.logo_path(keep), logo)
            elif keep is not None and not self.logo_path(keep).is_file():
                raise ClinicStoreError(
                    _(
                        "The details name a logo, but none is kept; choose "
                        "the logo file again. Nothing was changed."
                    )
                )
            self._write(self.settings_path, settings_bytes(settings))
            for kind in LOGO_NAMES:
                if kind != keep:
                    self._remove(self.logo_path(kind))

    def clear(self, settings: ClinicSettings) -> ClinicSettings:
        """Forget the clinic's details and logo; the shared-computer setting stays. Returns
        what is kept."""
        kept = ClinicSettings(None, settings.shared_computer)
        self.save(kept)
        return kept

    def _write(self, path: Path, data: bytes) -> None:
        try:
            atomic_write_bytes(path, data, replace=True, private=True)
        except SaveError as exc:
            raise ClinicStoreError(_("{exc} Nothing was changed.").format(exc=exc)) from None

    def _remove(self, path: Path) -> None:
        if not (path.exists() or path.is_symlink()):
            return
        try:
            path.unlink()
        except OSError as exc:
            raise ClinicStoreError(
                _("Could not remove {path}: {reason}.").format(
                    path=path, reason=describe_os_error(exc, reading=False)
                )
            ) from None
