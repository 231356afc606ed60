"""Palette-aware colours and small label helpers shared by pages and cards.

Colours come from the current palette (light or dark), never a fixed light scheme; the
caution colours have a light and a dark variant, both checked for contrast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QEnterEvent

# level -> (light background, light border, light text, dark background, dark border, dark text)
TONES: dict[str, tuple[str, str, str, str, str, str]] = {
    "clinician": ("#fde3e1", "#b3261e", "#410e0b", "#5c1a16", "#ff8a80", "#ffe4e0"),
    "irritation": ("#fff1d6", "#9a5b00", "#3d2400", "#4a3209", "#ffb74d", "#fff0d9"),
    "allergy": ("#f6e6f8", "#7b1fa2", "#33093f", "#3f1d4a", "#d99be6", "#f9e9fc"),
    "ethics": ("#e4effb", "#1f5fa8", "#0b2540", "#16324f", "#90c2f5", "#e6f1fd"),
    "warning": ("#fff1d6", "#9a5b00", "#3d2400", "#4a3209", "#ffb74d", "#fff0d9"),
}


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def tone(level: str, palette: QPalette | None = None) -> tuple[str, str, str]:
    """(background, border, text) for a caution level; 'info' and unknown use palette roles."""
    if level not in TONES:
        return ("palette(base)", "palette(mid)", "palette(text)")
    light_bg, light_border, light_text, dark_bg, dark_border, dark_text = TONES[level]
    if is_dark(palette):
        return (dark_bg, dark_border, dark_text)
    return (light_bg, light_border, light_text)


def boxed_style(object_name: str, level: str, border_px: int = 1, radius: int = 4) -> str:
    background, border, text = tone(level)
    return (
        f"#{object_name} {{ background: {background}; border: {border_px}px solid {border};"
        f" border-radius: {radius}px; color: {text}; }}"
        f" #{object_name} QLabel {{ color: {text}; background: transparent; border: none; }}"
    )


_MAX_WIDTHS = 16
_SIZE_CHANGES = frozenset(
    {QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange}
)
_PLAIN_TEXT = 0
"""Qt::PlainText, written through Qt's property system. Saying Qt.TextFormat.PlainText
would make PySide6 create all ~90 enums of the Qt namespace (~15 ms) before the first page
can paint; the tests check every label's format against the real enum."""


def make_plain(label: QLabel) -> QLabel:
    """Never interpret HTML in this label: catalog and profile text is shown literally."""
    label.setProperty("textFormat", _PLAIN_TEXT)
    return label


class WrappedLabel(QLabel):
    """A label that remembers its height for each width until its text, font or margins change.

    Qt lays a word-wrapped label's text out again for every width a layout asks about. Its
    layout item keeps the answers for three widths, but a card section is asked about four
    or five per update, so the same text would be laid out over and over.
    """

    def __init__(self) -> None:
        super().__init__()
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= _MAX_WIDTHS:  # a window being resized asks about many
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def setText(self, text: str) -> None:
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def setWordWrap(self, on: bool) -> None:
        self._heights.clear()
        super().setWordWrap(on)

    def setContentsMargins(self, *margins: Any) -> None:
        self._heights.clear()
        super().setContentsMargins(*margins)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _SIZE_CHANGES:
            self._heights.clear()
        super().changeEvent(event)


class SelectableLabel(WrappedLabel):
    """A plain-text label the mouse can select and copy from, once the pointer reaches it.

    Selection needs Qt's text control, which lays the text out again for every width the
    layout asks about: on a results page of a hundred labels that doubles the time to show
    new answers. Until the pointer first enters, the label lays out like any other (same
    height for every width), and it turns selectable before a click can land.
    """

    def enterEvent(self, event: QEnterEvent) -> None:
        from PySide6.QtCore import Qt

        by_mouse = Qt.TextInteractionFlag.TextSelectableByMouse
        if not self.textInteractionFlags() & by_mouse:
            self._heights.clear()
            self.setTextInteractionFlags(self.textInteractionFlags() | by_mouse)
        super().enterEvent(event)


def plain_label(text: str = "", *, wrap: bool = True, selectable: bool = False) -> QLabel:
    """A label that never interprets HTML: catalog and profile text is shown literally."""
    label = make_plain(SelectableLabel() if selectable else WrappedLabel() if wrap else QLabel())
    label.setText(text)
    label.setWordWrap(wrap)
    if wrap:
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip Qt shows literally, line breaks kept.

    Qt guesses whether a tooltip is rich text (Qt::mightBeRichText), so catalog provenance
    such as `<a href="javascript:…">` would show as a link. Escaped and wrapped in a
    paragraph that keeps white space, it is always rich text whose content is the literal
    characters; escapes and invisible characters are dropped first (plain_text.plain).
    """
    from serumdesk.domain.strict.plain_text import plain

    return _literal_tooltip(plain(text))


def _literal_tooltip(clean: str) -> str:
    """Text already made plain, as a tooltip Qt shows literally."""
    from html import escape  # here, not at the top: style.py is on the first page's path

    return f"<p style='white-space:pre-wrap'>{escape(clean)}</p>" if clean else ""


def reveal(widget: QWidget) -> None:
    """Scroll every scroll area around `widget` so it is on screen (focus moved to it)."""
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def show_focus(widget: QWidget) -> None:
    """A clear focus ring on a flat or auto-raised button, whose style may draw none."""
    widget.setStyleSheet(
        "*:focus { border: 2px solid palette(highlight); border-radius: 3px; padding: 1px 3px; }"
    )


def set_tip(widget: QWidget, text: str) -> None:
    """A tooltip shown literally, and the same words, without markup, as the widget's
    accessible description (Qt would otherwise read the tooltip's markup aloud)."""
    from serumdesk.domain.strict.plain_text import plain

    # Cards are refilled on every change of answers (benchmark row 3): the same words are
    # not made plain and set again.
    if widget.property("serumdesk_tip") == text:
        return
    widget.setProperty("serumdesk_tip", text)
    clean = plain(text)
    widget.setToolTip(_literal_tooltip(clean))
    widget.setAccessibleDescription(clean)


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font scaled relative to the system size (never a fixed pixel size)."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def heading(text: str, factor: float = 1.15) -> QLabel:
    label = plain_label(text)
    label.setFont(scaled_font(label, factor, bold=True))
    label.setAccessibleName(text)
    return label


def em(widget: QWidget) -> int:
    """One 'em' in pixels for the widget's font, for spacing that scales with the font."""
    return max(1, widget.fontMetrics().height())


def secondary_colour(palette: QPalette) -> QColor:
    """The text colour blended towards the background (2/3 text): readable in both schemes,
    unlike the disabled colour, which is too faint for reading."""
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    return QColor(
        (text.red() * 2 + back.red()) // 3,
        (text.green() * 2 + back.green()) // 3,
        (text.blue() * 2 + back.blue()) // 3,
    )


class SecondaryLabel(WrappedLabel):
    """Plain-text label in the secondary text colour, recomputed when the palette changes."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        make_plain(self)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setText(text)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._recolour()

    def _recolour(self) -> None:
        pal = self.palette()
        wanted = secondary_colour(pal)
        if pal.color(QPalette.ColorRole.PlaceholderText) != wanted:
            pal.setColor(QPalette.ColorRole.PlaceholderText, wanted)
            self.setPalette(pal)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()


def option_indicator_style(palette: QPalette | None = None) -> str:
    """In a dark scheme, option circles and boxes drawn with a clear outline (the default
    style draws an unchosen one barely darker than the window); '' in a light scheme."""
    pal = palette or QApplication.palette()
    if not is_dark(pal):
        return ""
    edge = secondary_colour(pal).name()
    base = pal.color(QPalette.ColorRole.Base).name()
    on = pal.color(QPalette.ColorRole.Highlight).name()
    ring = pal.color(QPalette.ColorRole.HighlightedText).name()
    return (
        f"QRadioButton::indicator, QCheckBox::indicator {{ width: 12px; height: 12px;"
        f" border: 2px solid {edge}; background: {base}; }}"
        " QRadioButton::indicator { border-radius: 8px; }"
        " QCheckBox::indicator { border-radius: 3px; }"
        f" QRadioButton::indicator:checked {{ background: qradialgradient(cx:0.5, cy:0.5,"
        f" radius:0.5, fx:0.5, fy:0.5, stop:0 {ring}, stop:0.45 {ring}, stop:0.55 {on},"
        f" stop:1 {on}); border-color: {on}; }}"
        f" QCheckBox::indicator:checked {{ background: {on}; border-color: {ring}; }}"
        f" QRadioButton::indicator:focus, QCheckBox::indicator:focus {{ border-color: {ring}; }}"
        " QRadioButton::indicator:disabled, QCheckBox::indicator:disabled { border-style: dotted; }"
    )


def apply_tone(widget: QWidget, level: str, border_px: int = 1, radius: int = 4) -> None:
    """Style a box (by its object name) in a caution tone, and remember it for restyling."""
    widget.setProperty("serumdesk_tone", (level, border_px, radius))
    widget.setStyleSheet(boxed_style(widget.objectName(), level, border_px, radius))


def restyle_tones(root: QWidget) -> None:
    """Re-apply every tone under `root` after the colour scheme changed (light ↔ dark)."""
    for widget in [root, *root.findChildren(QWidget)]:
        spec = widget.property("serumdesk_tone")
        if isinstance(spec, tuple) and len(spec) == 3:
            level, border_px, radius = spec
            widget.setStyleSheet(boxed_style(widget.objectName(), level, border_px, radius))
