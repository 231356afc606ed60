"""Clinic details: what is kept, what is refused, and the file read back."""

from __future__ import annotations

import pytest

from serumdesk.domain.clinic.details import (
    ClinicDetailsError,
    ClinicFileError,
    ClinicSettings,
    make_details,
    parse_settings,
    settings_bytes,
)


def test_details_are_kept_as_typed_on_one_line_and_read_back_the_same() -> None:
    details = make_details(
        " Riverside  Dermatology ",
        "12 River Rd,\nSpringfield",
        "+1 (555) 010-2030",
        "https://riverside-derm.example/visit",
        "svg",
    )
    assert details.name == "Riverside Dermatology"
    assert details.address == "12 River Rd, Springfield"
    assert details.contact_lines() == [
        "12 River Rd, Springfield",
        "+1 (555) 010-2030 · https://riverside-derm.example/visit",
    ]
    settings = ClinicSettings(details, shared_computer=True)
    assert parse_settings(settings_bytes(settings), "clinic.json") == settings


def test_escape_sequences_and_direction_tricks_never_reach_the_header() -> None:
    details = make_details("Clinic\x1b]52;c;aGk=\x07 \u202eevil", web="example.com")
    assert "\x1b" not in details.name and "\u202e" not in details.name
    assert details.name.startswith("Clinic")


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("name", "   ", "name is empty"),
        ("name", "x" * 121, "at most 120"),
        ("phone", "call us", "not a phone number"),
        ("web", "javascript:alert(1)", "not a web address"),
        ("web", "not a site", "not a web address"),
    ],
)
def test_a_detail_that_cannot_be_printed_is_refused_in_plain_words(
    field: str, value: str, words: str
) -> None:
    texts = {"name": "Riverside", field: value}
    with pytest.raises(ClinicDetailsError, match=words):
        make_details(**texts)


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b"[]",
        b'{"schema_version": 2, "clinic": null}',
        b'{"schema_version": 1, "shared_computer": "yes", "clinic": null}',
        b'{"schema_version": 1, "clinic": {"name": ""}}',
        b'{"schema_version": 1, "clinic": {"name": "A", "logo": "gif"}}',
        b'{"schema_version": 1, "clinic": {"name": 3}}',
    ],
)
def test_a_damaged_clinic_file_is_named_not_guessed(raw: bytes) -> None:
    with pytest.raises(ClinicFileError, match=r"clinic details file x\.json cannot be used"):
        parse_settings(raw, "x.json")


def test_no_clinic_but_a_shared_computer_is_a_setting_of_its_own() -> None:
    settings = ClinicSettings(None, shared_computer=True)
    assert parse_settings(settings_bytes(settings), "c.json") == settings
