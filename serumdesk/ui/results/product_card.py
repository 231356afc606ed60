"""One product in the side-by-side comparison: a column of aligned sections.

A card is a background frame plus one widget per section row; the results page places
them in a shared grid so the same section lines up across every compared product.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from serumdesk.domain.advice import wording
from serumdesk.domain.advice.background import transparency_questions
from serumdesk.domain.advice.cautions import CautionLevel, CautionNote
from serumdesk.domain.advice.ranking import Match
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog import product_text
from serumdesk.domain.catalog.product import Product
from serumdesk.i18n import N_, _, ngettext
from serumdesk.ui.results.cost_panel import CostPanel
from serumdesk.ui.widgets.expander import Expander
from serumdesk.ui.widgets.style import (
    SecondaryLabel,
    apply_tone,
    em,
    plain_label,
    scaled_font,
    set_tip,
)

SECTIONS = ("header", "cautions", "cost", "source", "match", "buying", "care", "ingredients", "evidence")
SECTION_TITLES = {
    "cautions": N_("Cautions"),
    "cost": N_("Cost"),
    "source": N_("Active source"),
    "match": N_("Match and why (points from the guide's rules)"),
    "buying": N_("Before you buy"),
    "care": N_("Stability, packaging and storage"),
    "ingredients": N_("Key ingredients and irritants"),
    "evidence": N_("Evidence"),
}


def caution_title(level: CautionLevel) -> str:
    """The one label of each level (the sheet uses the same), in the current language."""
    return level.label


NO_OWN_CAUTIONS = N_("None beyond those for you above.")
_LEVEL_ORDER = {level: i for i, level in enumerate(CautionLevel)}


class CautionBox(QFrame):
    """A caution, styled by level; clinician cautions get the strongest border.

    Cards keep their boxes and refill them as answers and products change: restyling a box
    only when its level changes is much cheaper than building a new one.
    """

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        layout = QVBoxLayout(self)
        m = em(self) // 3
        layout.setContentsMargins(m * 2, m, m * 2, m)
        layout.setSpacing(m // 2)
        self.title = plain_label()
        self.text = plain_label(selectable=True)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self.level: CautionLevel | None = None

    def show_note(self, note: CautionNote) -> None:
        strongest = note.level is CautionLevel.CLINICIAN
        if note.level is not self.level:
            self.level = note.level
            apply_tone(self, note.level.value, 2 if strongest else 1)
            self.title.setFont(scaled_font(self, 1.05 if strongest else 1.0, bold=True))
        self.title.setText(("⚠ " if strongest else "") + caution_title(note.level))
        self.text.setText(note.text)
        self.setAccessibleName(f"{caution_title(note.level)}: {note.text}")
        set_tip(self, _("Source: {source}").format(source=note.source.cite()))


SAME_FOR_ALL = N_("Said under the table above.")


def _unshared(lines: list[tuple[str, str]], shared: Collection[str]) -> str:
    """The lines whose fact differs between the compared products (prefix, fact)."""
    kept = [f"{prefix}{fact}" for prefix, fact in lines if fact not in shared]
    return "\n".join(kept) if kept else _(SAME_FOR_ALL)


def care_text(product: Product, shared: Collection[str] = ()) -> str:
    return _unshared(
        [
            ("", wording.packaging_words(product)),
            ("", wording.storage_words(product)),
            ("", wording.concentration_words(product)),
        ],
        shared,
    )


def ingredients_text(product: Product, shared: Collection[str] = ()) -> str:
    rest = [
        f"{prefix}{fact}"
        for prefix, fact in (
            (_("Possible irritants: "), wording.irritants_words(product)),
            ("", wording.fragrance_words(product)),
            ("", wording.checked_words(product)),
        )
        if fact not in shared
    ]
    return "\n".join([f"Key: {wording.key_ingredients_words(product)}", *rest])


def source_text(product: Product) -> str:
    """Where the active comes from, what is inferred, and the brand's own ethics claims."""
    return "\n".join(
        [
            f"{wording.origin_words(product)} {wording.vegan_words(product)}",
            *wording.inferred_words(product),
            *wording.claims_words(product),
        ]
    )


def buying_text(product: Product) -> str:
    notes = wording.buyer_note_words(product)
    return "\n".join(f"• {n}" for n in notes) if notes else _("Nothing special noted.")


def questions_text(product: Product) -> str:
    """The guide's questions for a human-derived or biologic product, then their sources."""
    asked = transparency_questions(product)
    if not asked:
        return ""
    sources = "; ".join(dict.fromkeys(q.source.cite() for q in asked))
    return "\n".join(f"• {q.text}" for q in asked) + f"\n(Sources: {sources})"


def ingredient_list_text(product: Product) -> str:
    listed = product.ingredient_list
    if listed is None:
        return ""
    extent = _("Full list") if listed.complete else _("Partial list")
    source = _("Source: {source}").format(source=listed.provenance.describe())
    note = product_text.ingredient_list_note(product)
    return f"{extent}: {', '.join(listed.inci)}.\n{source}" + (f"\n{note}" if note else "")


def reasons_text(match: Match) -> str:
    """Each contribution with its points and the guide section it comes from."""
    return "\n".join(f"{r.points:+d}  {r.text}\n      ({r.source.cite()})" for r in match.reasons)


class ProductCard(QFrame):
    """The background of one card; its section widgets are placed beside it in the grid."""

    override_edited = Signal(str, object)
    """(product id, ProductOverride) when the person edits the cost figures."""

    def __init__(
        self,
        match: Match,
        answers: Answers,
        today: dt.date,
        parent: QWidget,
        cautions: Sequence[CautionNote] | None = None,
        shared: Collection[str] = (),
    ) -> None:
        super().__init__(parent)
        self.product_id = match.product.id
        self.setObjectName("productCard")
        self.setStyleSheet(
            "#productCard { background: palette(alternate-base); border: "
            "1px solid palette(mid); border-radius: 6px; }"
        )
        self.cells: dict[str, QWidget] = {}
        self.said_above: set[str] = set()
        """Sections left out of this card: every compared product says the same (above)."""
        self.bodies: dict[str, QVBoxLayout] = {}
        for name in SECTIONS:
            cell = QWidget(parent)
            layout = QVBoxLayout(cell)
            m = em(cell)
            layout.setContentsMargins(m, m // 2, m, m // 2)
            layout.setSpacing(m // 4)
            if name in SECTION_TITLES:
                title = SecondaryLabel(_(SECTION_TITLES[name]))
                title.setFont(scaled_font(title, 0.95, bold=True))
                layout.addWidget(title)
            body = QVBoxLayout()
            body.setSpacing(m // 3)
            layout.addLayout(body)
            layout.addStretch(1)  # rows are as tall as the tallest card's: keep text at the top
            self.cells[name] = cell
            self.bodies[name] = body
        self.rank_label = plain_label(wrap=False)
        self.brand_label = plain_label()
        self.name_label = plain_label(selectable=True)
        self.name_label.setFont(scaled_font(self.name_label, 1.25, bold=True))
        self.yours_label = plain_label(_("Your entry — its facts are read from the label you gave."))
        self.yours_label.setObjectName("yourEntry")
        apply_tone(self.yours_label, "info")
        self.fit_label = plain_label()
        for label in (self.rank_label, self.brand_label, self.name_label, self.yours_label, self.fit_label):
            self.bodies["header"].addWidget(label)
        self.cost = CostPanel(match)
        self.cost.override_edited.connect(
            lambda override: self.override_edited.emit(self.product_id, override)
        )
        self.bodies["cost"].addWidget(self.cost)
        self.source_label = plain_label(selectable=True)
        self.source_label.setFont(scaled_font(self.source_label, 1.0, bold=True))
        self.source_detail = plain_label(selectable=True)
        self.origin_label = plain_label()
        for label in (self.source_label, self.source_detail, self.origin_label):
            self.bodies["source"].addWidget(label)
        self.score_label = plain_label()
        self.why = Expander(_("Why"))
        self.bodies["match"].addWidget(self.score_label)
        self.bodies["match"].addWidget(self.why)
        self.care_label = plain_label(selectable=True)
        self.bodies["care"].addWidget(self.care_label)
        self.ingredients_label = plain_label(selectable=True)
        self.bodies["ingredients"].addWidget(self.ingredients_label)
        self.evidence_label = plain_label(selectable=True)
        self.evidence_more = Expander(_("Study details"))
        self.bodies["evidence"].addWidget(self.evidence_label)
        self.bodies["evidence"].addWidget(self.evidence_more)
        self.buying_label = plain_label(selectable=True)
        self.questions = Expander(_("Questions to ask the brand"))
        self.bodies["buying"].addWidget(self.buying_label)
        self.bodies["buying"].addWidget(self.questions)
        self.full_list = Expander(_("Ingredient list"))
        self.bodies["ingredients"].addWidget(self.full_list)
        self.no_cautions = plain_label(_(NO_OWN_CAUTIONS))
        self.no_cautions.setObjectName("noCautions")
        self.no_cautions.setAccessibleName(_(NO_OWN_CAUTIONS))
        self.bodies["cautions"].addWidget(self.no_cautions)
        self._caution_pool: list[CautionBox] = []
        self.caution_boxes: list[QFrame] = []
        """The caution boxes shown, strongest first (or the 'no cautions' line)."""
        self.show_match(match, answers, today, cautions, shared)

    def place(self, grid: QGridLayout, column: int, band: int = 0) -> None:
        """Put the card in `column` of the `band`-th row of cards (when they wrap)."""
        first = band * len(SECTIONS)
        grid.addWidget(self, first, column, len(SECTIONS), 1)
        for row, name in enumerate(SECTIONS):
            grid.addWidget(self.cells[name], first + row, column)
        self.lower()

    def remove(self, grid: QGridLayout) -> None:
        for widget in (self, *self.cells.values()):
            grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()

    def show_match(
        self,
        match: Match,
        answers: Answers,
        today: dt.date,
        cautions: Sequence[CautionNote] | None = None,
        shared: Collection[str] = (),
        title: str | None = None,
    ) -> None:
        """Show `match`; `cautions` are the ones that set it apart (all of its own if None);
        `shared` facts read the same for several compared products and are said once above;
        `title` is the plan's heading for it (a closest option when nothing suits)."""
        p = match.product
        self.product_id = p.id  # cards are reused for other products as the comparison changes
        self.rank_label.setText(title or _("#{rank} of your matches").format(rank=match.rank))
        self.brand_label.setText(p.brand)
        self.name_label.setText(p.name)
        self.name_label.setAccessibleName(wording.listed_title(p))
        self.yours_label.setVisible(p.entered_by_you)
        self.fit_label.setText(wording.fit_words(match, answers))
        shown = match.cautions if cautions is None else cautions
        none = _(NO_OWN_CAUTIONS) if match.cautions else _("No cautions for your answers.")
        self.no_cautions.setText(none)
        self.no_cautions.setAccessibleName(none)
        self._show_cautions(shown)
        self.cost.show_match(match, answers.budget_usd_per_month, answers.in_recovery_window, today, shared)
        self.source_label.setText(p.source_category.label)
        self.source_detail.setText(product_text.source_detail(p))
        self.origin_label.setText(source_text(p))
        self.score_label.setText(
            _("Score {score}").format(score=match.score)
        )  # the section title says what it is
        self.why.set_title(
            ngettext("Why ({count} reason)", "Why ({count} reasons)", len(match.reasons)).format(
                count=len(match.reasons)
            )
        )
        self.why.set_body(reasons_text(match))
        care = care_text(p, shared)
        self.care_label.setText(care)
        # A section whose every fact is shared by all compared products is said once, above.
        self.said_above = {"care"} if care == _(SAME_FOR_ALL) else set()
        self.ingredients_label.setText(ingredients_text(p, shared))
        listed = ingredient_list_text(p)
        self.full_list.set_body(listed)
        self.full_list.setVisible(bool(listed))
        self.buying_label.setText(buying_text(p))
        questions = questions_text(p)
        self.questions.set_body(questions)
        self.questions.setVisible(bool(questions))
        evidence = wording.evidence_words(p)
        self.evidence_label.setText(evidence)
        self.evidence_label.setVisible(evidence not in shared)  # said once, above
        summary = product_text.evidence_summary(p)
        source = _("Source: {source}").format(source=p.evidence.provenance.describe())
        self.evidence_more.set_body(f"{summary}\n{source}")

    def _show_cautions(self, cautions: Sequence[CautionNote]) -> None:
        notes = sorted(cautions, key=lambda c: _LEVEL_ORDER[c.level])
        body = self.bodies["cautions"]
        while len(self._caution_pool) < len(notes):
            box = CautionBox(f"caution_{len(self._caution_pool)}")
            self._caution_pool.append(box)
            body.addWidget(box)
        for box, note in zip(self._caution_pool, notes, strict=False):
            box.show_note(note)
            box.show()
        for box in self._caution_pool[len(notes) :]:
            box.hide()
        self.no_cautions.setVisible(not notes)
        self.caution_boxes = [*self._caution_pool[: len(notes)]] or [self.no_cautions]

    def focus_order(self) -> list[QWidget]:
        """The card's controls in reading order, for a Tab order that follows the columns."""
        expanders = (self.why, self.questions, self.full_list, self.evidence_more)
        update = [self.cost.update_price] if not self.cost.update_price.isHidden() else []
        reset = [self.cost.reset] if not self.cost.reset.isHidden() else []
        return [
            *reset,
            *update,
            *self.cost.spins.values(),
            *(e.button for e in expanders if not e.isHidden()),
        ]
