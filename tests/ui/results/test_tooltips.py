"""Every tooltip shows its text literally: catalog provenance is data, never a link (issue #13, case 5)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import UseCase
from tests.ui.text_helpers import shown_tooltip, tooltip_links
from tests.ui.wizard_helpers import CATALOG, compare, drive_to_results, open_window

LINK = '<a href="javascript:alert(1)">Click for the source</a>'
TNS = "skinmedica-tns-advanced-plus"


def _hostile_catalog(tmp_path: Path) -> Path:
    data = json.loads(CATALOG.read_text("utf-8"))
    for product in data["products"]:
        for figure in (
            product["price"],
            product["price"]["size_ml"],
            product["dose_ml"],
            product["applications_per_day"],
        ):
            figure["provenance"]["source"] = f"{LINK} <b>bold</b>\u202e"
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_no_tooltip_on_the_results_is_a_link_or_rich_text(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, _hostile_catalog(tmp_path))
    page = drive_to_results(qtbot, window, Answers(use_case=UseCase.TEXTURE_FIRMNESS))
    compare(window, [TNS, "neocutis-bio-serum-firm"])
    card = page.cards[TNS]
    tipped = [w for w in window.findChildren(QWidget) if w.toolTip()]
    assert len(tipped) >= 10
    for widget in tipped:
        assert tooltip_links(widget) == [], widget.toolTip()
        assert "<b>" not in widget.toolTip() or "&lt;b&gt;" in widget.toolTip()
    dose_tag = card.cost.field_tags["dose_ml"]
    assert shown_tooltip(dose_tag) == f"Estimate: {LINK} <b>bold</b>"  # literally, no U+202E
    assert shown_tooltip(card.cost.spins["applications_per_day"]).endswith(
        "\n0.5 means every other day."
    )  # line breaks are kept


def test_the_helper_sees_a_link_in_a_rich_tooltip(qtbot: QtBot) -> None:
    """Control: tooltip_links would find the link the fix removed."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setToolTip(f"Estimate: {LINK}")
    assert tooltip_links(widget) == ["javascript:alert(1)"]
