"""Hypothesis: any file content gives a Profile or a named error, never a crash."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from serumdesk.domain.answers import Answers, Overrides, ProductOverride
from serumdesk.domain.bottles import Bottle
from serumdesk.domain.choices import Active, Caution, Diet, PatchResult, Procedure, Sensitivity, UseCase
from serumdesk.domain.strict.numbers import (
    BUDGET_USD,
    DAYS_SINCE_PROCEDURE,
    DOSE_ML,
    PRICE_USD,
    SIZE_ML,
    USES_A_DAY,
    Quantity,
)
from serumdesk.storage.migrations import CURRENT_SCHEMA_VERSION
from serumdesk.storage.profile_model import parse_profile, profile_to_bytes
from serumdesk.storage.profile_types import Profile, ProfileDataError, ProfileError, clean_name
from serumdesk.storage.profiles import ProfileStore

ID = "0" * 32
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _usable_name(name: str) -> bool:
    try:
        return clean_name(name) == name
    except ProfileError:
        return False


def amounts(quantity: Quantity) -> st.SearchStrategy[float | None]:
    """None, or any value numbers.py accepts for `quantity` (0 where it accepts 0)."""
    inside = st.floats(min_value=quantity.minimum, max_value=quantity.maximum)
    return st.none() | (st.just(0.0) | inside if quantity.zero else inside)


names = st.text(min_size=1, max_size=300).filter(_usable_name)
product_ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
answers = st.builds(
    Answers,
    use_case=st.sampled_from(UseCase),
    sensitivity=st.sampled_from(Sensitivity),
    diet=st.sampled_from(Diet),
    cautions=st.frozensets(st.sampled_from(Caution)),
    allergens=st.lists(
        st.text(min_size=1, max_size=30).map(str.strip).filter(bool), max_size=5, unique=True
    ).map(tuple),
    actives=st.frozensets(st.sampled_from(Active)),
    budget_usd_per_month=amounts(BUDGET_USD),
    procedure=st.none() | st.sampled_from(Procedure),
    days_since_procedure=st.none() | st.integers(0, int(DAYS_SINCE_PROCEDURE.maximum)),
)
overrides = st.dictionaries(
    product_ids,
    st.builds(
        ProductOverride,
        price_usd=amounts(PRICE_USD),
        dose_ml=amounts(DOSE_ML),
        applications_per_day=amounts(USES_A_DAY),
        size_ml=amounts(SIZE_ML),
    ),
    max_size=3,
).map(Overrides)
days = st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date.today())
bottles = st.lists(
    st.builds(
        Bottle,
        product_id=product_ids,
        opened=days,
        patch_started=days,
        months_after_opening=st.none() | st.integers(1, 60),
        patch_result=st.sampled_from(PatchResult),
    ),
    max_size=3,
    unique_by=lambda b: b.product_id,
).map(tuple)
profiles = st.builds(
    Profile,
    name=names,
    answers=answers,
    overrides=overrides,
    compared_ids=st.lists(product_ids, max_size=4, unique=True).map(tuple),
    notes=st.text(max_size=200),
    bottles=bottles,
    revision=st.integers(0, 10_000),
)


def _parse_or_named_error(raw: bytes) -> Profile | None:
    try:
        return parse_profile(raw, default_id=ID)[0]
    except ProfileDataError as exc:
        assert str(exc), "an error must say why"
        return None


@given(st.binary(max_size=2000))
def test_any_bytes(raw: bytes) -> None:
    _parse_or_named_error(raw)


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "schema_version",
                "id",
                "name",
                "answers",
                "overrides",
                "compared_ids",
                "notes",
                "bottles",
                "created",
                "updated",
                "revision",
                "x",
            ]
        ),
        json_values,
    )
)
def test_any_json_object_with_profile_keys(data: dict[str, Any]) -> None:
    _parse_or_named_error(json.dumps(data).encode())


@given(profiles)
def test_profiles_round_trip(profile: Profile) -> None:
    assert parse_profile(profile_to_bytes(profile), default_id=ID) == (profile, CURRENT_SCHEMA_VERSION)


@given(profiles, st.data())
def test_hand_edits_never_crash(profile: Profile, data: st.DataObject) -> None:
    doc = json.loads(profile_to_bytes(profile))
    section = data.draw(st.sampled_from([doc, doc["answers"]]))
    key = data.draw(st.sampled_from(sorted(section)))
    section[key] = data.draw(json_values)
    parsed = _parse_or_named_error(json.dumps(doc).encode())
    if parsed is not None:  # an edit that is still valid must read back stably
        assert parse_profile(profile_to_bytes(parsed), default_id=ID)[0] == parsed


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=500) | json_values.map(lambda v: json.dumps(v).encode()))
def test_store_reports_bad_files_by_name_and_keeps_the_rest(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = ProfileStore(Path(tmp) / "profiles")
        good = store.create("Good")
        bad = store.folder / ("f" * 32 + ".json")
        bad.write_bytes(raw)
        listing = store.listing()
        assert good in listing.profiles
        if len(listing.profiles) == 1:
            [problem] = listing.problems
            assert problem.file_name == bad.name
            assert problem.reason
