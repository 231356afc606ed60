"""The profile file format: a pydantic model that validates every field, and JSON I/O.

Profile files and imports are data, never code: strict JSON only (domain/strict/strict_json.py),
unknown keys rejected, sizes bounded, every number strict, finite and within the bounds of
domain/strict/numbers.py. Imported lazily by the store so pydantic stays off the GUI's start-up path.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from serumdesk.domain.answers import Answers, Overrides, ProductOverride
from serumdesk.domain.bottles import Bottle
from serumdesk.domain.catalog.my_products_file import MyProductEntry
from serumdesk.domain.catalog.product import ProductId
from serumdesk.domain.choices import (
    Active,
    Caution,
    Diet,
    LaserType,
    PatchResult,
    Procedure,
    Sensitivity,
    UseCase,
)
from serumdesk.domain.figures import whole
from serumdesk.domain.strict import strict_json
from serumdesk.domain.strict.field_rules import Bounded, DayRule, error_words, repeated
from serumdesk.domain.strict.limits import ALLERGEN_CHARS, ALLERGENS
from serumdesk.domain.strict.numbers import (
    BUDGET_USD,
    DAYS_SINCE_PROCEDURE,
    DOSE_ML,
    MONTHS_AFTER_OPENING,
    NOTED_DAY,
    PRICE_USD,
    REVISION,
    SIZE_ML,
    USES_A_DAY,
)
from serumdesk.domain.strict.plain_text import plain, plain_line
from serumdesk.domain.strict.strict_model import StrictModel
from serumdesk.i18n import _, ngettext
from serumdesk.storage.migrations import (
    CURRENT_SCHEMA_VERSION,
    MigrationError,
    NewerVersionError,
    migrate,
)
from serumdesk.storage.profile_types import (
    MAX_PROFILE_BYTES,
    Profile,
    ProfileDataError,
    ProfileError,
    ProfileTooNew,
    clean_name,
)

AllergenText = Annotated[str, StringConstraints(max_length=ALLERGEN_CHARS)]
Day = Annotated[dt.date, DayRule(NOTED_DAY)]


class AnswersModel(StrictModel):
    use_case: UseCase = UseCase.MILD_CONCERNS
    sensitivity: Sensitivity = Sensitivity.MODERATE
    diet: Diet = Diet.ANY
    cautions: list[Caution] = Field(default_factory=list, max_length=len(Caution))
    allergens: list[AllergenText] = Field(default_factory=list, max_length=ALLERGENS)
    actives: list[Active] = Field(default_factory=list, max_length=len(Active))
    budget_usd_per_month: Annotated[float, Bounded(BUDGET_USD)] | None = None
    procedure: Procedure | None = None
    days_since_procedure: Annotated[int, Bounded(DAYS_SINCE_PROCEDURE)] | None = None
    laser_type: LaserType | None = None

    @classmethod
    def from_domain(cls, a: Answers) -> AnswersModel:
        return cls(
            use_case=a.use_case,
            sensitivity=a.sensitivity,
            diet=a.diet,
            cautions=sorted(a.cautions),
            allergens=list(a.allergens),
            actives=sorted(a.actives),
            budget_usd_per_month=a.budget_usd_per_month,
            procedure=a.procedure,
            days_since_procedure=a.days_since_procedure,
            laser_type=a.laser_type,
        )

    def to_domain(self) -> Answers:
        return Answers(
            use_case=self.use_case,
            sensitivity=self.sensitivity,
            diet=self.diet,
            cautions=frozenset(self.cautions),
            allergens=tuple(dict.fromkeys(a for a in map(plain_line, self.allergens) if a.strip())),
            actives=frozenset(self.actives),
            budget_usd_per_month=self.budget_usd_per_month,
            procedure=self.procedure,
            days_since_procedure=self.days_since_procedure,
            laser_type=self.laser_type,
        )


class OverrideModel(StrictModel):
    price_usd: Annotated[float, Bounded(PRICE_USD)] | None = None
    size_ml: Annotated[float, Bounded(SIZE_ML)] | None = None
    dose_ml: Annotated[float, Bounded(DOSE_ML)] | None = None
    applications_per_day: Annotated[float, Bounded(USES_A_DAY)] | None = None


class BottleModel(StrictModel):
    product_id: ProductId
    opened: Day | None = None
    months_after_opening: Annotated[int, Bounded(MONTHS_AFTER_OPENING)] | None = None
    patch_started: Day | None = None
    patch_result: PatchResult = PatchResult.WAITING

    @classmethod
    def from_domain(cls, b: Bottle) -> BottleModel:
        return cls(
            product_id=b.product_id,
            opened=b.opened,
            months_after_opening=b.months_after_opening,
            patch_started=b.patch_started,
            patch_result=b.patch_result,
        )

    def to_domain(self) -> Bottle:
        return Bottle(
            self.product_id, self.opened, self.months_after_opening, self.patch_started, self.patch_result
        )


MAX_CARRIED = 50
"""An exported profile carries only the person's own serums it refers to: a few at most."""


class ProfileModel(StrictModel):
    schema_version: Literal[4]
    id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
    name: str = Field(max_length=2000)
    answers: AnswersModel
    overrides: dict[ProductId, OverrideModel] = Field(default_factory=dict, max_length=500)
    compared_ids: list[ProductId] = Field(default_factory=list, max_length=100)
    notes: str = Field(default="", max_length=100_000)
    bottles: list[BottleModel] = Field(default_factory=list, max_length=500)
    created: AwareDatetime
    updated: AwareDatetime
    revision: Annotated[int, Bounded(REVISION)] = 0
    my_products: list[MyProductEntry] = Field(default_factory=list, max_length=MAX_CARRIED)
    """Serums the person entered from labels, carried by an exported profile."""

    @field_validator("my_products")
    @classmethod
    def _one_of_each(cls, value: list[MyProductEntry]) -> list[MyProductEntry]:
        if repeated(p.id for p in value):
            raise ValueError(_("a serum of yours appears more than once"))
        return value

    @field_validator("name")
    @classmethod
    def _name_is_usable(cls, value: str) -> str:
        try:
            return clean_name(value)
        except ProfileError as exc:
            raise ValueError(str(exc)) from None


def profile_to_bytes(profile: Profile) -> bytes:
    """The file content; ProfileDataError when a field is out of bounds (say, huge notes)."""
    try:
        model = _model_of(profile)
    except ValidationError as exc:
        raise ProfileDataError(_describe(exc)) from None
    data = (strict_json.dumps(model.model_dump(mode="json")) + "\n").encode("utf-8")
    if len(data) > MAX_PROFILE_BYTES:  # it could not be read back: never written
        raise ProfileDataError(
            _(
                "it would take {len} bytes, more than the "
                "{MAX_PROFILE_BYTES} a profile may hold (shorten its "
                "notes, or carry fewer serums of your own)"
            ).format(len=whole(len(data)), MAX_PROFILE_BYTES=whole(MAX_PROFILE_BYTES))
        )
    return data


def _model_of(profile: Profile) -> ProfileModel:
    return ProfileModel(
        schema_version=CURRENT_SCHEMA_VERSION,
        id=profile.id,
        name=profile.name,
        answers=AnswersModel.from_domain(profile.answers),
        overrides={
            pid: OverrideModel(
                price_usd=o.price_usd,
                size_ml=o.size_ml,
                dose_ml=o.dose_ml,
                applications_per_day=o.applications_per_day,
            )
            for pid, o in sorted(profile.overrides.by_product.items())
        },
        compared_ids=list(profile.compared_ids),
        notes=profile.notes,
        bottles=[BottleModel.from_domain(b) for b in profile.bottles],
        created=profile.created,
        updated=profile.updated,
        revision=profile.revision,
        my_products=[MyProductEntry.of(p) for p in profile.carried],
    )


def profile_from_model(m: ProfileModel) -> Profile:
    return Profile(
        id=m.id,
        name=m.name,
        answers=m.answers.to_domain(),
        overrides=Overrides(
            {
                pid: ProductOverride(
                    price_usd=o.price_usd,
                    size_ml=o.size_ml,
                    dose_ml=o.dose_ml,
                    applications_per_day=o.applications_per_day,
                )
                for pid, o in m.overrides.items()
            }
        ),
        compared_ids=tuple(dict.fromkeys(m.compared_ids)),
        notes=plain(m.notes),  # a shared profile's text reaches widgets only as plain text
        bottles=tuple({b.product_id: b.to_domain() for b in m.bottles}.values()),
        created=m.created,
        updated=m.updated,
        revision=m.revision,
        carried=tuple(p.to_domain() for p in m.my_products),
    )


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err["loc"]) or _("the file")
        parts.append(f"{where}: {error_words(err)}")
    more = len(exc.errors()) - 3
    if more > 0:
        parts.append(ngettext("and {more} more problem", "and {more} more problems", more).format(more=more))
    return "; ".join(parts)


def read_json_object(raw: bytes) -> dict[str, Any]:
    """Parse bytes as one JSON object; ProfileDataError (never anything else) when not."""
    if len(raw) > MAX_PROFILE_BYTES:
        raise ProfileDataError(
            _("it is {len} bytes; a profile is at most {MAX_PROFILE_BYTES}").format(
                len=whole(len(raw)), MAX_PROFILE_BYTES=whole(MAX_PROFILE_BYTES)
            )
        )
    try:
        data = strict_json.loads(raw)
    except strict_json.JsonProblem as exc:
        raise ProfileDataError(_("it is {exc}").format(exc=exc)) from None
    if not isinstance(data, dict):
        raise ProfileDataError(_("it is not a JSON object with a profile's fields"))
    return data


def parse_profile(raw: bytes, *, default_id: str) -> tuple[Profile, int]:
    """A validated Profile from file bytes, upgraded if older; with the version it had.

    `default_id` fills in the id for files from before ids were stored.
    """
    data = read_json_object(raw)
    try:
        data, version = migrate(data)
    except NewerVersionError as exc:
        raise ProfileTooNew(str(exc)) from None
    except MigrationError as exc:
        raise ProfileDataError(str(exc)) from None
    except (TypeError, AttributeError, ValueError) as exc:
        raise ProfileDataError(
            _("it could not be upgraded from an older version ({exc})").format(exc=exc)
        ) from None
    data.setdefault("id", default_id)
    try:
        model = ProfileModel.model_validate(data)
        return profile_from_model(model), version
    except ValidationError as exc:
        raise ProfileDataError(_describe(exc)) from None
    except ValueError as exc:  # a domain check the model did not already make
        raise ProfileDataError(str(exc)) from None
