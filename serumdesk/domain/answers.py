"""A person's answers to the wizard, and their overrides of catalog figures.

Plain frozen dataclasses (no pydantic) so the wizard can hold a draft without
paying pydantic's import cost before the first page is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from serumdesk.domain.choices import Active, Caution, Diet, Procedure, Sensitivity, UseCase
from serumdesk.domain.recovery import in_recovery_window


@dataclass(frozen=True, slots=True)
class Answers:
    """Everything the rules need to know about a person. Defaults are the wizard's defaults."""

    use_case: UseCase = UseCase.MILD_CONCERNS
    sensitivity: Sensitivity = Sensitivity.MODERATE
    diet: Diet = Diet.ANY
    cautions: frozenset[Caution] = frozenset()
    allergens: tuple[str, ...] = ()
    actives: frozenset[Active] = frozenset()
    budget_usd_per_month: float | None = None
    procedure: Procedure | None = None
    days_since_procedure: int | None = None

    def __post_init__(self) -> None:
        if self.budget_usd_per_month is not None and self.budget_usd_per_month < 0:
            raise ValueError("A monthly budget cannot be negative.")
        if self.days_since_procedure is not None and self.days_since_procedure < 0:
            raise ValueError("Days since the procedure cannot be negative.")
        cleaned = tuple(dict.fromkeys(a.strip() for a in self.allergens if a.strip()))
        object.__setattr__(self, "allergens", cleaned)

    @property
    def has_medical_caution(self) -> bool:
        return any(c.is_medical for c in self.cautions)

    @property
    def in_recovery_window(self) -> bool:
        """Freshly treated skin: post-procedure within the guide's recovery window."""
        return self.use_case is UseCase.POST_PROCEDURE and in_recovery_window(
            self.days_since_procedure)

    @property
    def is_sensitive(self) -> bool:
        """Skin the guide says should get minimal, fragrance-free formulas without acids."""
        return (
            self.sensitivity is Sensitivity.HIGH
            or self.use_case is UseCase.SENSITIVE_BARRIER
            or self.in_recovery_window
        )


@dataclass(frozen=True, slots=True)
class ProductOverride:
    """A person's own figures for one product; None keeps the catalog's value."""

    price_usd: float | None = None
    size_ml: float | None = None
    dose_ml: float | None = None
    applications_per_day: float | None = None

    def __post_init__(self) -> None:
        for name in ("price_usd", "size_ml", "dose_ml", "applications_per_day"):
            value = getattr(self, name)
            if value is not None and not value >= 0:
                raise ValueError(f"{name.replace('_', ' ')} must be zero or more.")
        if self.size_ml is not None and self.size_ml == 0:
            raise ValueError("size ml must be more than zero.")


NO_OVERRIDE = ProductOverride()
"""The catalog's own figures for every field."""


@dataclass(frozen=True, slots=True)
class Overrides:
    """Per-product overrides keyed by product id."""

    by_product: dict[str, ProductOverride] = field(default_factory=dict)

    def for_product(self, product_id: str) -> ProductOverride:
        return self.by_product.get(product_id, NO_OVERRIDE)
