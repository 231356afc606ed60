"""A clinic's details (name, address, phone, web address, logo) and the shared-computer setting.

Set once (the Clinic details dialog, `serumdesk clinic set`), kept in the config folder by
storage/clinic.py, printed at the head of the sheet. Every field is plain text checked here,
so the app and the command line refuse the same things with the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from serumdesk.domain.figures import whole
from serumdesk.domain.strict import strict_json
from serumdesk.domain.strict.data_files import DataFileError
from serumdesk.domain.strict.plain_text import has_visible_character, plain_line
from serumdesk.i18n import N_, _

SCHEMA_VERSION = 1
MAX_CLINIC_FILE_BYTES = 64 * 1024

LogoKind = Literal["png", "svg"]

FIELD_LIMITS = {"name": 120, "address": 300, "phone": 40, "web": 200}
"""The longest each field may be, in characters: what fits the sheet's header."""
FIELD_WORDS = {
    "name": N_("The clinic's name"),
    "address": N_("The address"),
    "phone": N_("The phone number"),
    "web": N_("The web address"),
}

_PHONE = re.compile(r"[0-9+()./\- ]*[0-9][0-9+()./\- ]*(?: ?(?:ext\.?|x) ?[0-9]{1,6})?", re.IGNORECASE)
_WEB = re.compile(
    r"(?:https?://)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*"
    r"[a-z0-9])?)+(?::[0-9]{1,5})?(?:/[^\s]*)?",
    re.IGNORECASE,
)


class ClinicDetailsError(ValueError):
    """A detail SerumDesk cannot keep; str() says which and why, in plain words."""


class ClinicFileError(DataFileError):
    heading = N_(
        "The clinic details file {path} cannot be used:"
    )  # the file-format errors (strict/) are not translated yet


@dataclass(frozen=True, slots=True)
class ClinicDetails:
    """What the sheet's header says about the clinic. Empty strings are details not given."""

    name: str
    address: str = ""
    phone: str = ""
    web: str = ""
    logo: LogoKind | None = None
    """The kind of logo kept beside the details file, or None."""

    def contact_lines(self) -> list[str]:
        """The address, then 'phone · web', as the header prints them (empty ones left out)."""
        lines = [self.address] if self.address else []
        reach = " · ".join(part for part in (self.phone, self.web) if part)
        return lines + ([reach] if reach else [])


@dataclass(frozen=True, slots=True)
class ClinicSettings:
    """Everything kept in the clinic file: the details (None when no clinic is set) and the
    shared-computer setting, which a person may want without being a clinic."""

    details: ClinicDetails | None = None
    shared_computer: bool = False


def clean_field(field: str, text: str | None) -> str:
    """One detail made plain, on one line, trimmed and checked; '' when not given."""
    if text is None:
        return ""
    cleaned = " ".join(plain_line(text).split())
    what = _(FIELD_WORDS[field])
    if cleaned and not has_visible_character(cleaned):
        cleaned = ""
    if field == "name" and not cleaned:
        raise ClinicDetailsError(_("{what} is empty; give it as words.").format(what=what))
    limit = FIELD_LIMITS[field]
    if len(cleaned) > limit:
        raise ClinicDetailsError(
            _("{what} is {len} characters long; it may be at most {limit}.").format(
                what=what, len=whole(len(cleaned)), limit=whole(limit)
            )
        )
    if cleaned and field == "phone" and not _PHONE.fullmatch(cleaned):
        raise ClinicDetailsError(
            _("{what}: '{cleaned}' is not a phone number; use digits, spaces and + ( ) - . / only.").format(
                what=what, cleaned=cleaned
            )
        )
    if cleaned and field == "web" and not _WEB.fullmatch(cleaned):
        raise ClinicDetailsError(
            _(
                "{what}: '{cleaned}' is not a web address; give it as "
                "example.com or https://example.com/page."
            ).format(what=what, cleaned=cleaned)
        )
    return cleaned


def make_details(
    name: str,
    address: str | None = None,
    phone: str | None = None,
    web: str | None = None,
    logo: LogoKind | None = None,
) -> ClinicDetails:
    """Checked details; ClinicDetailsError names the first detail that cannot be kept."""
    return ClinicDetails(
        name=clean_field("name", name),
        address=clean_field("address", address),
        phone=clean_field("phone", phone),
        web=clean_field("web", web),
        logo=logo,
    )


def settings_bytes(settings: ClinicSettings) -> bytes:
    """The clinic file: strict JSON, UTF-8."""
    d = settings.details
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "shared_computer": settings.shared_computer,
        "clinic": None,
    }
    if d is not None:
        document["clinic"] = {
            "name": d.name,
            "address": d.address,
            "phone": d.phone,
            "web": d.web,
            "logo": d.logo,
        }
    return (strict_json.dumps(document) + "\n").encode("utf-8")


def parse_settings(raw: bytes, path: Path | str) -> ClinicSettings:
    """The clinic file read back, every field checked again; ClinicFileError says what is wrong."""
    try:
        data = strict_json.loads(raw)
    except strict_json.JsonProblem as exc:
        raise ClinicFileError(path, [_("the file is {exc}").format(exc=exc)]) from None
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        raise ClinicFileError(
            path,
            [
                _("it is not a SerumDesk clinic file of version {SCHEMA_VERSION}").format(
                    SCHEMA_VERSION=SCHEMA_VERSION
                )
            ],
        )
    shared = data.get("shared_computer", False)
    if type(shared) is not bool:
        raise ClinicFileError(path, [_("'shared_computer' must be true or false")])
    clinic = data.get("clinic")
    if clinic is None:
        return ClinicSettings(None, shared)
    if not isinstance(clinic, dict):
        raise ClinicFileError(path, [_("'clinic' must be an object or null")])
    texts = {}
    for field in FIELD_LIMITS:
        value = clinic.get(field, "")
        if not isinstance(value, str):
            raise ClinicFileError(path, [_("'{field}' must be text").format(field=field)])
        texts[field] = value
    logo = clinic.get("logo")
    if logo not in (None, "png", "svg"):
        raise ClinicFileError(path, [_('\'logo\' must be "png", "svg" or null')])
    try:
        details = make_details(logo=logo, **texts)
    except ClinicDetailsError as exc:
        raise ClinicFileError(path, [str(exc)]) from None
    return ClinicSettings(details, shared)
