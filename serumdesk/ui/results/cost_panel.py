"""A card's cost section: cost per month, months per bottle, and the editable assumptions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from serumdesk.domain.advice import wording
from serumdesk.domain.advice.wording import COST_FIELDS, money
from serumdesk.domain.answers import NO_OVERRIDE, ProductOverride
from serumdesk.domain.catalog.freshness import stale_words
from serumdesk.domain.catalog.price_list import clinic_price_sentence
from serumdesk.domain.strict.numbers import COST_QUANTITIES
from serumdesk.i18n import _
from serumdesk.ui.widgets.style import (
    apply_tone,
    em,
    plain_label,
    reveal,
    scaled_font,
    set_tip,
    show_focus,
)
from serumdesk.ui.widgets.wheel_guard import wheel_only_when_focused

if TYPE_CHECKING:
    from serumdesk.domain.advice.ranking import Match
    from serumdesk.domain.catalog.product import Product, Provenance


def catalog_figure(product: Product, name: str) -> tuple[float, Provenance]:
    """The catalog's value for one cost input, with where it comes from."""
    if name == "price_usd":
        return product.price.usd, product.price.provenance
    if name == "size_ml":
        return product.price.size_ml.value, product.price.size_ml.provenance
    if name == "dose_ml":
        return product.dose_ml.value, product.dose_ml.provenance
    return product.applications_per_day.value, product.applications_per_day.provenance


def tag(text: str, level: str, object_name: str) -> QLabel:
    label = plain_label(text, wrap=False)
    label.setObjectName(object_name)
    apply_tone(label, level, radius=8)
    label.setFont(scaled_font(label, 0.9))
    font = label.font()
    font.setItalic(level == "info")
    label.setFont(font)
    label.setContentsMargins(6, 0, 6, 0)
    label.setAccessibleName(text)
    return label


class CostPanel(QWidget):
    """Shows the monthly cost and lets the person change the figures behind it."""

    override_edited = Signal(object)
    """A ProductOverride with the person's figures (None fields keep the catalog's)."""

    def __init__(self, match: Match) -> None:
        super().__init__()
        self.product = match.product
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(em(self) // 4)
        top = QHBoxLayout()
        self.monthly = plain_label(wrap=False)
        self.monthly.setFont(scaled_font(self.monthly, 1.3, bold=True))
        self.estimate_tag = tag(_("estimate"), "info", "estimateTag")
        self.reset = QPushButton(_("Reset"))
        self.reset.setObjectName("resetFigures")
        self.reset.setFlat(True)
        show_focus(self.reset)
        self.reset.setAccessibleName(
            _("Reset to the catalog figures for {title}").format(title=self.product.title)
        )
        set_tip(self.reset, _("Go back to the catalog's figures"))
        self.reset.clicked.connect(self._on_reset)
        self.yours = plain_label(_("— your figures ·"), wrap=False)
        self.yours.setObjectName("yourFigures")
        top.addWidget(self.monthly)
        top.addWidget(self.yours)
        top.addWidget(self.estimate_tag)
        top.addWidget(self.reset)
        top.addStretch(1)
        layout.addLayout(top)
        # One of the two shows whenever there is a budget, so the rows below line up.
        self.over_budget = tag("", "warning", "overBudget")
        self.within_budget = tag("", "info", "withinBudget")
        budget_row = QHBoxLayout()
        budget_row.addWidget(self.over_budget)
        budget_row.addWidget(self.within_budget)
        budget_row.addStretch(1)
        layout.addLayout(budget_row)
        stale_row = QHBoxLayout()
        self.stale = plain_label()
        self.stale.setObjectName("staleFigures")
        self.stale.setContentsMargins(6, 2, 6, 2)
        apply_tone(self.stale, "warning", radius=8)
        self.update_price = QPushButton(_("Update price"))
        self.update_price.setFlat(True)
        show_focus(self.update_price)
        self.update_price.setAccessibleName(_("Update the price of {title}").format(title=self.product.title))
        self.update_price.clicked.connect(self.edit_price)
        stale_row.addWidget(self.stale, 1)
        stale_row.addWidget(self.update_price, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(stale_row)
        self.clinic_price = plain_label()
        self.clinic_price.setObjectName("clinicPrice")
        self.months = plain_label()
        self.window_cost = plain_label()
        for line in (self.clinic_price, self.months, self.window_cost):
            layout.addWidget(line)

        form = QFormLayout()
        form.setContentsMargins(0, em(self) // 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.field_tags: dict[str, QLabel] = {}
        for name, quantity in COST_QUANTITIES.items():  # the bounds every surface shares
            label = _(COST_FIELDS[name])
            spin = wheel_only_when_focused(QDoubleSpinBox())
            spin.setDecimals(quantity.decimals)
            spin.setRange(quantity.lowest(), quantity.maximum)
            spin.setSuffix(quantity.suffix)
            spin.setPrefix(quantity.prefix)
            spin.setKeyboardTracking(False)  # recompute on Enter, arrows or leaving the field
            spin.setAccessibleName(_("{label} for {title}").format(label=label, title=self.product.title))
            spin.valueChanged.connect(self._on_value)
            self.spins[name] = spin
            field_tag = tag(_("estimate"), "info", f"tag_{name}")
            self.field_tags[name] = field_tag
            row = QHBoxLayout()
            row.addWidget(spin)
            row.addWidget(field_tag)
            row.addStretch(1)
            row_label = plain_label(label, wrap=False)
            row_label.setBuddy(spin)
            form.addRow(row_label, row)
        set_tip(self.spins["applications_per_day"], _("0.5 means every other day."))
        layout.addLayout(form)
        self.show_match(match, None, False, dt.date.today())

    def show_match(
        self,
        match: Match,
        budget: float | None,
        in_recovery: bool,
        today: dt.date,
        said_above: Collection[str] = (),
    ) -> None:
        """`said_above`: words said once above the cards (a budget line most of them share)."""
        self.product = match.product  # a card may be reused for another product
        cost = match.cost
        stale = stale_words(self.product, cost, today)
        self.stale.setText(" ".join(stale))
        self.stale.setAccessibleName(" ".join(stale))
        for widget in (self.stale, self.update_price):
            widget.setVisible(bool(stale))
        inputs = cost.inputs
        edited = bool(inputs.overridden_fields)
        self.monthly.setText(wording.monthly_words(cost))
        self.yours.setVisible(edited)
        self.monthly.setAccessibleName(
            _("Cost per month {money}").format(money=money(cost.cost_per_month_usd))
            + (_(", with your figures") if edited else "")
        )
        estimated = [catalog_figure(self.product, f)[1].describe() for f in inputs.estimated_fields]
        self.estimate_tag.setVisible(cost.is_estimate and not edited)
        set_tip(self.estimate_tag, "\n".join(estimated))
        budget_line = None if budget is None else wording.budget_words(match.over_budget, budget)
        shown = budget_line is not None and budget_line not in said_above
        self.over_budget.setVisible(match.over_budget and shown)
        self.within_budget.setVisible(budget is not None and not match.over_budget and shown)
        if budget is not None:
            self.over_budget.setText(wording.budget_words(True, budget))
            self.within_budget.setText(wording.budget_words(False, budget))
            for label in (self.over_budget, self.within_budget):
                label.setAccessibleName(label.text())
        self.months.setText(f"{wording.per_ml_words(cost)}. {wording.bottle_words(cost)}")
        self.window_cost.setText(wording.recovery_window_words(cost))
        self.window_cost.setVisible(in_recovery)
        clinic_price = clinic_price_sentence(self.product, "price_usd" in inputs.overridden_fields)
        self.clinic_price.setText(clinic_price.strip())
        self.clinic_price.setVisible(bool(clinic_price))
        for name, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(getattr(inputs, name))
            spin.blockSignals(False)
            _value, provenance = catalog_figure(self.product, name)
            field_tag = self.field_tags[name]
            if name in inputs.overridden_fields:
                field_tag.setText(_("your figure"))
                set_tip(field_tag, _("Catalog: {source}").format(source=provenance.describe()))
                field_tag.show()
            elif name in inputs.estimated_fields:
                field_tag.setText(_("estimate"))
                set_tip(field_tag, provenance.describe())
                field_tag.show()
            else:
                field_tag.hide()
            set_tip(
                spin,
                provenance.describe()
                if name != "applications_per_day"
                else _("{describe}\n0.5 means every other day.").format(describe=provenance.describe()),
            )
        self.reset.setVisible(edited)

    def edit_price(self) -> None:
        """Put the cursor in the price, selected, so typing replaces it."""
        spin = self.spins["price_usd"]
        spin.setFocus()
        spin.selectAll()
        reveal(spin)

    def current_override(self) -> ProductOverride:
        values: dict[str, float | None] = {}
        for name, spin in self.spins.items():
            catalog_value, _provenance = catalog_figure(self.product, name)
            mine = spin.value()
            same = round(catalog_value, spin.decimals()) == round(mine, spin.decimals())
            values[name] = None if same else mine
        return ProductOverride(**values)

    def _on_value(self, _value: float) -> None:
        self.override_edited.emit(self.current_override())

    def _on_reset(self) -> None:
        self.override_edited.emit(NO_OVERRIDE)
