"""Catalog ▸ Add a serum…: paste a label, see it read ingredient by ingredient as you type, give
the price and size, and save it beside the catalog's products.

Imported when the person first opens it, never at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.my_products import MyProduct, name_problem
from serumdesk.domain.figures import whole
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.label.parse import parse_label, printable
from serumdesk.domain.label.reading import read_label
from serumdesk.domain.label.report import ingredient_line, verdict_lines
from serumdesk.domain.label.verdict import check_label
from serumdesk.domain.strict.limits import BRAND_CHARS, LABEL_CHARS, PRODUCT_NAME_CHARS
from serumdesk.domain.strict.numbers import PRICE_USD, SIZE_ML, Quantity
from serumdesk.i18n import _
from serumdesk.ui.widgets.style import SecondaryLabel, apply_tone, em, plain_label
from serumdesk.ui.widgets.wheel_guard import wheel_only_when_focused

Save = Callable[[MyProduct], str | None]
"""Keeps the entry; returns None when saved, else what went wrong in plain words."""
ANALYSE_DELAY_MS = 150
"""Typing or pasting settles before the label is read again."""


def _figure_spin(quantity: Quantity) -> QDoubleSpinBox:
    """A spin box for `quantity` from 0 ("not given yet", refused on Save) to its maximum."""
    spin = wheel_only_when_focused(QDoubleSpinBox())
    spin.setRange(0.0, quantity.maximum)
    spin.setDecimals(quantity.decimals)
    spin.setPrefix(quantity.prefix)
    spin.setSuffix(quantity.suffix)
    return spin


class AddSerumDialog(QDialog):
    """Add (or, given `editing`, change) a serum from its label."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        answers: Answers,
        save: Save,
        editing: MyProduct | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit your serum") if editing else _("Add a serum"))
        self.resize(em(self) * 52, em(self) * 36)
        self._vocabulary, self._answers, self._save, self._editing = (vocabulary, answers, save, editing)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "Paste the ingredient list as printed on the pack. SerumDesk reads each "
                    "ingredient and what the label says about the serum; it stays on this computer."
                )
            )
        )
        form = QFormLayout()
        self.brand = QLineEdit()
        self.brand.setMaxLength(BRAND_CHARS)
        self.brand.setAccessibleName(_("Brand"))
        self.name = QLineEdit()
        self.name.setMaxLength(PRODUCT_NAME_CHARS)
        self.name.setAccessibleName(_("Product name"))
        self.price = _figure_spin(PRICE_USD)
        self.price.setAccessibleName(_("Price in US dollars"))
        self.bottle_size = _figure_spin(SIZE_ML)
        self.bottle_size.setAccessibleName(_("Bottle size in ml"))
        for label, widget in (
            (_("&Brand"), self.brand),
            (_("&Name"), self.name),
            (_("&Price"), self.price),
            (_("Bottle si&ze"), self.bottle_size),
        ):
            form.addRow(label, widget)
        layout.addLayout(form)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.label = QPlainTextEdit()
        self.label.setAccessibleName(_("Ingredient label"))
        self.label.setPlaceholderText(_("Ingredients: Water, Glycerin, …"))
        self.label.textChanged.connect(self._later)
        self.analysis = plain_label(selectable=True)
        self.analysis.setAccessibleName(_("What the label says"))
        self.analysis.setAlignment(Qt.AlignmentFlag.AlignTop)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.analysis)
        holder_layout.addStretch(1)
        from PySide6.QtWidgets import QScrollArea

        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setWidget(holder)
        splitter.addWidget(self.label)
        splitter.addWidget(scroller)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self._split_set = False
        self.label.setMinimumHeight(em(self) * 5)
        layout.addWidget(splitter, 1)
        self.problem = plain_label()
        self.problem.setObjectName("addSerumProblem")
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addWidget(
            SecondaryLabel(
                _(
                    "Facts read from a label are marked “from your label” wherever they appear; "
                    "the amount per use and uses a day follow SerumDesk's usual estimates until "
                    "you edit them on the card."
                )
            )
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ANALYSE_DELAY_MS)
        self._timer.timeout.connect(self.analyse)
        if editing is not None:
            self.brand.setText(editing.brand)
            self.name.setText(editing.name)
            self.price.setValue(editing.price_usd)
            self.bottle_size.setValue(editing.size_ml)
            self.label.setPlainText(editing.label)
        self.analyse()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_set:  # a label is a few lines; its reading is the long part
            self._split_set = True
            total = max(sum(self.splitter.sizes()), em(self) * 20)
            self.splitter.setSizes([total // 4, total - total // 4])

    def _later(self) -> None:
        self._timer.start()

    def analyse(self) -> None:
        """Read the label now and show it, ingredient by ingredient, then the verdict."""
        self._timer.stop()
        text = self.label.toPlainText()
        parsed = parse_label(text[:LABEL_CHARS])
        if not parsed.items:
            self.analysis.setText(_("Paste a label to see what each ingredient is."))
            return
        verdict = check_label(read_label(parsed, self._vocabulary), self._vocabulary, self._answers)
        lines = [f"{n}. {printable(ingredient_line(i))}" for n, i in enumerate(verdict.reading.listed, 1)]
        lines.append("")
        if len(text) > LABEL_CHARS:
            lines.append(
                _(
                    "The label was cut: only its first {chars} characters are read (a label "
                    "is a few hundred)."
                ).format(chars=whole(LABEL_CHARS))
            )
        lines += [printable(line) for line in verdict_lines(verdict, self._answers)]
        self.analysis.setText("\n".join(lines))

    def entry(self) -> MyProduct | str:
        """The entry as typed, or what to fix first."""
        brand, name = self.brand.text().strip(), self.name.text().strip()
        label = self.label.toPlainText().strip()
        if not brand or not name:
            return _("Give the brand and the product's name.")
        problem = name_problem(brand, name)
        if problem is not None:
            return problem
        if self.price.value() <= 0 or self.bottle_size.value() < SIZE_ML.minimum:
            return _("Give the price you pay and the bottle's size in ml.")
        if not parse_label(label[:LABEL_CHARS]).items:
            return _("Paste the ingredient list from the pack.")
        if len(label) > LABEL_CHARS:
            return _("The label is longer than {chars} characters: paste only the list.").format(
                chars=whole(LABEL_CHARS)
            )
        old = self._editing
        price, size = round(self.price.value(), 2), self.bottle_size.value()
        # The price was seen today when it is new or changed; an edit of the label alone
        # keeps the day the price was seen (it still ages, and is flagged after a year).
        same_price = old is not None and (old.price_usd, old.size_ml) == (price, size)
        mine = MyProduct(
            id=old.id if old else "",
            brand=brand,
            name=name,
            price_usd=price,
            size_ml=size,
            label=label,
            dose_ml=old.dose_ml if old else None,
            per_day=old.per_day if old else None,
            seen=old.seen if old is not None and same_price else dt.date.today(),
            entered=old.entered if old else dt.date.today(),
        )
        if not mine.brand or not mine.name:  # pasted escapes or controls only
            return _("Give the brand and the product's name.")
        return mine

    def _on_save(self) -> None:
        entry = self.entry()
        problem = entry if isinstance(entry, str) else self._save(entry)
        if problem is None:
            self.accept()
            return
        self.problem.setText(problem)
        apply_tone(self.problem, "clinician")
        self.problem.show()
