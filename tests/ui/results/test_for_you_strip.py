"""The "For you" strip renders any sequence of lines with a text, a kind and a harm order:
the domain's lines today, the plan's (StrEnum kinds, IntEnum severities) as they land."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from pytestqt.qtbot import QtBot

from serumdesk.ui.results.for_you_strip import ForYouStrip, line_tone


class Harm(IntEnum):
    STOP_AND_ASK = 0
    PROTECT_SKIN = 1
    ASK_FIRST = 2
    TAKE_CARE = 3
    KNOW = 4


class Kind(StrEnum):
    PREGNANCY = "pregnancy"
    ALLERGY = "allergy"
    BUDGET = "budget"


@dataclass(frozen=True)
class Line:
    kind: Kind
    severity: Harm
    text: str


def test_plan_shaped_lines_show_in_order_with_their_words(qtbot: QtBot) -> None:
    strip = ForYouStrip()
    qtbot.addWidget(strip)
    lines = [
        Line(Kind.PREGNANCY, Harm.STOP_AND_ASK, "Pregnant and using a retinoid: pause it."),
        Line(Kind.ALLERGY, Harm.TAKE_CARE, "Allergy to lavender: 1 left out."),
        Line(Kind.BUDGET, Harm.KNOW, "Nothing fits $20 a month."),
    ]
    strip.show_items(lines)
    strip.show()
    assert strip.texts() == [line.text for line in lines]
    first = strip.lines[0]
    assert first.text().startswith("⚠ ") and first.accessibleName() == lines[0].text
    assert not strip.lines[1].text().startswith("⚠")
    strip.show_items(lines[2:])  # fewer lines: the rest are hidden, not left behind
    assert strip.texts() == [lines[2].text]
    strip.show_items([])
    assert strip.isHidden()


def test_tones_follow_kind_and_harm_not_words() -> None:
    assert line_tone("pregnancy", Harm.STOP_AND_ASK) == "clinician"
    assert line_tone("budget", Harm.KNOW) == "warning"
    assert line_tone("notice", Harm.KNOW) == "warning"
    assert line_tone("allergy", Harm.TAKE_CARE) == "allergy"
    assert line_tone("stack", Harm.TAKE_CARE) == "irritation"
    assert line_tone("procedure", Harm.KNOW) == "info"
