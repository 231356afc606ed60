"""A person's answers to the wizard, and their overrides of catalog figures.

Plain frozen dataclasses (no pydantic) so the wizard can hold a draft without
paying pydantic's import cost before the first page is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from serumdesk.domain.advice.recovery import Phase, Window, phase_for, window_for
from serumdesk.domain.choices import (
    Active,
    Caution,
    Diet,
    LaserType,
    Procedure,
    Sensitivity,
    UseCase,
)


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
    laser_type: LaserType | None = None
    """Asked when the procedure is a laser."""

    def __post_init__(self) -> None:
        """Numbers are checked against numbers.py (NumberError, a ValueError); allergens lose
        escapes and control characters (they are printed on terminals), then blanks and repeats.

        The checks are imported when there is something to check: the wizard's first page
        holds default answers and paints without them.
        """
        if self.budget_usd_per_month is not None or self.days_since_procedure is not None:
            from serumdesk.domain.strict.numbers import BUDGET_USD, DAYS_SINCE_PROCEDURE

            if self.budget_usd_per_month is not None:
                BUDGET_USD.check(self.budget_usd_per_month)
            if self.days_since_procedure is not None:
                DAYS_SINCE_PROCEDURE.check(self.days_since_procedure)
        if self.allergens:
            from serumdesk.domain.strict.plain_text import plain_line

            shown = (plain_line(a).strip() for a in self.allergens)
            object.__setattr__(self, "allergens", tuple(dict.fromkeys(a for a in shown if a)))

    @property
    def has_medical_caution(self) -> bool:
        """A caution for which the guide says to ask a clinician before a biologic product."""
        return any(c.gates_biologics for c in self.cautions)

    @property
    def has_procedure(self) -> bool:
        """A procedure was named or dated, whatever the goal; recovery as the goal implies one."""
        return (
            self.use_case is UseCase.POST_PROCEDURE
            or self.procedure is not None
            or self.days_since_procedure is not None
        )

    @property
    def window(self) -> Window:
        return window_for(self.procedure, self.laser_type)

    @property
    def phase(self) -> Phase | None:
        """Fresh, recovering or maintenance after a procedure; None without one."""
        if not self.has_procedure:
            return None
        return phase_for(self.days_since_procedure, self.window)

    @property
    def in_recovery_window(self) -> bool:
        """Freshly treated or recovering skin, after any procedure whatever the goal."""
        phase = self.phase
        return phase is not None and phase.healing

    @property
    def is_sensitive(self) -> bool:
        """Skin the guide says should get minimal, fragrance-free formulas without acids."""
        return (
            self.sensitivity is Sensitivity.HIGH
            or self.use_case is UseCase.SENSITIVE_BARRIER
            or Caution.SKIN_CONDITION in self.cautions
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
        from serumdesk.domain.strict.numbers import COST_QUANTITIES  # see Answers.__post_init__

        for name, quantity in COST_QUANTITIES.items():
            value = getattr(self, name)
            if value is not None:
                quantity.check(value)


NO_OVERRIDE = ProductOverride()
"""The catalog's own figures for every field."""


@dataclass(frozen=True, slots=True)
class Overrides:
    """Per-product overrides keyed by product id."""

    by_product: dict[str, ProductOverride] = field(default_factory=dict)

    def for_product(self, product_id: str) -> ProductOverride:
        return self.by_product.get(product_id, NO_OVERRIDE)
