"""SerumDesk's main window: the question wizard as its content, a menu bar and a status line.

What it offers the rest of the app (profiles, printing):

- ``state`` (WorkState) — the person's work, as app.py passed it in; edit it there.
- Menus, all built in ``_build_menus`` (one place, so additions merge cleanly):
  File (profile files, Your bottles, Quit) · Profiles (rename, duplicate, delete, restore)
  · Catalog · Help (the manual, About). ``add_file_actions(actions)`` puts profile actions in
  File; ``add_profile_actions(actions)`` in Profiles; ``add_catalog_actions(actions)`` in
  Catalog. ``file_menu``, ``profiles_menu``, ``catalog_menu``, ``help_menu`` are the QMenus.
- ``catalog`` (CatalogModel) — the catalog, as app.py passed it in; call its ``reload()``
  after changing the files it is read from (the banner and the results follow its signal).
- ``close_guards`` (list of callables returning bool) — each is asked before the window
  closes; one returning False keeps it open (for an unsaved-changes prompt).
- ``user_paths`` (UserPaths) — what app.py passed in.
- ``edit_bottles()`` — File ▸ Your bottles; OK writes the bottles to the state.
- ``show_status(text)`` — a passing message at the foot of the window.
- ``run_after_first_paint(fn)`` — run `fn` once the first page is on screen (at once if it
  already is): start-up work the first page does not need waits for it.
- ``start_up_finished`` (signal) — that work has all run, and so has what it queued for the
  next event-loop turn (the profile offer): the app is ready.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMenuBar, QVBoxLayout, QWidget

from serumdesk.i18n import _
from serumdesk.storage.catalog_loader import CatalogUnavailable
from serumdesk.storage.paths import APP_NAME, UserPaths
from serumdesk.ui.questions.question_page import QuestionPage
from serumdesk.ui.questions.wizard import AdvisorWizard
from serumdesk.ui.widgets.style import (
    apply_tone,
    em,
    option_indicator_style,
    plain_label,
    restyle_tones,
)
from serumdesk.ui.window_settings import restore_geometry, save_geometry

if TYPE_CHECKING:
    # Only for annotations: touching a Qt class initialises its type and enums, which
    # costs start-up time (QAction and QKeySequence alone ~20 ms); menus wait for paint.
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QStatusBar

    from serumdesk.domain.advice.cost import CostEstimate
    from serumdesk.domain.catalog.product import Product
    from serumdesk.ui.bottles.bottles_dialog import BottlesDialog
    from serumdesk.ui.catalog_model import CatalogModel
    from serumdesk.ui.help_dialog import HelpDialog
    from serumdesk.ui.work_state import WorkState

DEFAULT_SIZE = (1180, 780)


class MainWindow(QWidget):
    start_up_finished = Signal()
    """The work run after the first paint is done, and what it queued: the app is ready."""

    def __init__(self, state: WorkState, catalog: CatalogModel, user_paths: UserPaths | None) -> None:
        """`user_paths` may be None until the first paint (app.py fills it in then)."""
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.state = state
        self.catalog = catalog
        self.user_paths = user_paths
        self.close_guards: list[Callable[[], bool]] = []
        self.wizard = AdvisorWizard(state, catalog)
        self.wizard.setAccessibleName(_("SerumDesk questions"))
        self.wizard.setStyleSheet(option_indicator_style())  # '' unless the scheme is dark
        # A plain window rather than a QMainWindow: its dock layout moves the central widget
        # with a zero-length animation, so the first page waited for an animation tick.
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.menu_bar = QMenuBar(self)
        layout.setMenuBar(self.menu_bar)
        self.banner = plain_label()  # made selectable when it has something to say
        self.banner.setObjectName("catalogBanner")
        self.banner.setAccessibleName(_("Catalog problem"))
        self.banner.setContentsMargins(em(self), em(self) // 2, em(self), em(self) // 2)
        self.banner.hide()
        layout.addWidget(self.banner)
        catalog.changed.connect(self._show_catalog_problem)
        layout.addWidget(self.wizard, 1)
        self._status_bar: QStatusBar | None = None
        self.bottles_dialog: BottlesDialog | None = None
        self.help_dialog: HelpDialog | None = None
        self._build_menus()
        self._after_first_paint: list[Callable[[], None]] | None = [
            self.wizard.add_remaining_pages,
            self._add_menu_actions,
            catalog.read,
        ]
        first = self.wizard.page(self.wizard.startId())
        assert isinstance(first, QuestionPage)
        # On the next event-loop turn, so the painted page reaches the screen first.
        first.first_painted.connect(lambda: QTimer.singleShot(0, self._run_after_first_paint))
        if not restore_geometry(self):
            self._default_geometry()

    # -- start-up: only the first page before it is on screen ---------------------------------
    def run_after_first_paint(self, fn: Callable[[], None]) -> None:
        """Run `fn` once the first page has been painted, or now if it already has."""
        if self._after_first_paint is None:
            fn()
        else:
            self._after_first_paint.append(fn)

    def _run_after_first_paint(self) -> None:
        pending, self._after_first_paint = self._after_first_paint or [], None
        for fn in pending:
            fn()
        # Queued behind what that work queued for the next turn (the profile offer).
        QTimer.singleShot(0, self.start_up_finished.emit)

    # -- menus: every menu is laid out here ---------------------------------------------------
    def _build_menus(self) -> None:
        """File · Profiles · Catalog · Help. Others add their actions through add_*_actions;
        the order of groups within a menu is decided here."""
        bar = self.menu_bar
        self.file_menu = bar.addMenu(_("&File"))
        # File: the profile's file actions, then Your bottles, then Quit.
        self._bottles_separator = self.file_menu.addSeparator()
        self._file_separator = self.file_menu.addSeparator()
        self.profiles_menu = bar.addMenu(_("&Profiles"))
        self.catalog_menu = bar.addMenu(_("&Catalog"))
        self.clinic_menu = bar.addMenu(_("C&linic"))
        self.help_menu = bar.addMenu(_("&Help"))
        for menu in (self.profiles_menu, self.catalog_menu, self.clinic_menu):
            menu.menuAction().setVisible(False)  # shown once something is added to it

    def _add_menu_actions(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        bottles_action = QAction(_("Your &bottles…"), self)
        bottles_action.setShortcut(QKeySequence("Ctrl+B"))
        bottles_action.triggered.connect(self.edit_bottles)
        self.file_menu.insertAction(self._file_separator, bottles_action)
        self.bottles_action = bottles_action
        help_action = QAction(_("SerumDesk &help"), self)
        help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        help_action.triggered.connect(self.show_help)
        about_action = QAction(_("&About SerumDesk"), self)
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self.show_about)
        self.help_menu.addActions([help_action, about_action])
        self.help_action, self.about_action = help_action, about_action
        quit_action = QAction(_("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        if quit_action.shortcut().isEmpty():  # some platforms define no standard Quit key
            quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)
        self.quit_action = quit_action
        from PySide6.QtWidgets import QMenu

        from serumdesk.ui.language_menu import add_language_menu

        # TRANSLATORS: the menu that chooses the language SerumDesk is shown in.
        self.language_menu = QMenu(_("&Language"), self)
        self.menu_bar.insertMenu(self.help_menu.menuAction(), self.language_menu)  # Help last
        self.language_group = add_language_menu(self.language_menu, self.show_status)

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        """A passing message at the bottom of the window (the bar appears on first use)."""
        if self._status_bar is None:
            from PySide6.QtWidgets import QStatusBar

            self._status_bar = QStatusBar(self)
            self._status_bar.setSizeGripEnabled(False)
            self._layout.addWidget(self._status_bar)
        self._status_bar.showMessage(text, timeout_ms)

    def add_file_actions(self, actions: Iterable[QAction]) -> None:
        """Insert actions into the File menu's first group (the profile's file actions)."""
        for action in actions:
            self.file_menu.insertAction(self._bottles_separator, action)

    def add_clinic_menu(self, actions: Iterable[QAction]) -> None:
        """Add actions to the Clinic menu (Clinic details…, Clinic prices…, Shared computer)."""
        self.clinic_menu.addActions(list(actions))
        self.clinic_menu.menuAction().setVisible(True)

    def add_profile_actions(self, actions: Iterable[QAction]) -> None:
        """Add actions to the Profiles menu (managing saved profiles)."""
        self.profiles_menu.addActions(list(actions))
        self.profiles_menu.menuAction().setVisible(True)

    def add_catalog_actions(self, actions: Iterable[QAction]) -> None:
        """Add actions to the Catalog menu."""
        self.catalog_menu.addActions(list(actions))
        self.catalog_menu.menuAction().setVisible(True)

    def show_help(self) -> None:
        """Help ▸ SerumDesk help: the user's manual in a window."""
        from serumdesk.ui.help_dialog import HelpDialog

        dialog = self.help_dialog = HelpDialog(self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_about(self) -> None:
        from serumdesk.ui.help_dialog import show_about

        show_about(self)

    def _default_geometry(self) -> None:
        width, height = DEFAULT_SIZE
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width())
            height = min(height, available.height())
        self.resize(width, height)

    def _show_catalog_problem(self) -> None:
        """The catalog was read: say what is wrong with it, if anything (the app stays usable)."""
        problem = self.catalog.problem()
        if problem is None:
            self.banner.hide()
        else:
            self._show_banner(*problem)

    def _show_banner(self, text: str, level: str) -> None:
        from PySide6.QtCore import Qt

        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setText(text)
        self.banner.setAccessibleName(_("Catalog problem"))
        self.banner.setAccessibleDescription(text)
        apply_tone(self.banner, level)
        self.banner.show()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The system switched light/dark: the caution colours have a variant for each.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            restyle_tones(self)
            self.wizard.setStyleSheet(option_indicator_style())

    def closeEvent(self, event: QCloseEvent) -> None:
        for guard in self.close_guards:
            if not guard():
                event.ignore()
                return
        save_geometry(self)
        event.accept()

    def edit_bottles(self) -> None:
        """Open Your bottles; OK writes the changes to the state."""
        import datetime as dt

        from serumdesk.domain.advice.cost import estimate_cost
        from serumdesk.domain.advice.rules import ROUTINE_USES_PER_DAY
        from serumdesk.ui.bottles.bottles_dialog import BottlesDialog

        by_id: dict[str, Product] = {}
        with contextlib.suppress(CatalogUnavailable):  # then kept bottles show by id only
            by_id = self.catalog.catalog().by_id()
        overrides = self.state.overrides

        def cost_for(product_id: str) -> CostEstimate | None:
            product = by_id.get(product_id)
            return (
                None
                if product is None
                else estimate_cost(product, overrides.for_product(product_id), ROUTINE_USES_PER_DAY)
            )

        dialog = self.bottles_dialog = BottlesDialog(
            self.state.bottles, [(pid, p.title) for pid, p in by_id.items()], cost_for, dt.date.today(), self
        )
        dialog.accepted.connect(lambda: self.state.edit_bottles(dialog.bottles()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
