"""Composition root: builds the app's objects and passes them down. The only place that wires."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from serumdesk.i18n import N_, _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from serumdesk.storage.catalog_loader import CatalogExtras
    from serumdesk.storage.paths import UserPaths
    from serumdesk.storage.user_stores import UserStores
    from serumdesk.ui.main_window import MainWindow

XCB_LIBRARIES = {
    # soname: Debian/Ubuntu package
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
}


def missing_xcb_packages() -> list[str]:
    """Debian packages Qt's xcb plugin needs but cannot load here ([] when fine or not xcb).

    Qt aborts the whole process when the plugin fails to load, so this is checked first.
    """
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []
    if not platform and (os.environ.get("WAYLAND_DISPLAY") or not os.environ.get("DISPLAY")):
        return []
    import ctypes

    missing = []
    for soname, package in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def skip_pyside_source_scan() -> None:
    """Stop PySide6 from reading the source of every module imported after it.

    PySide6 wraps `__import__` so that `from __feature__ import snake_case` can switch its
    features module by module. To know which modules use PySide, the wrapper reads the source
    of each newly imported module and searches it for "PySide6" (shibokensupport/feature.py,
    `feature_imported`; PYSIDE-2029), and linecache keeps every file it read. SerumDesk never
    imports `__feature__` (a test checks), so the scan only costs time: ~4 ms before the first
    paint and ~15 ms after it, mostly pydantic's modules. This puts back the import function
    PySide6 wrapped; it does nothing if PySide6 names these differently.
    """
    import builtins

    wrapped = getattr(builtins, "__orig_import__", None)
    if wrapped is not None and builtins.__import__ is getattr(builtins, "__feature_import__", None):
        builtins.__import__ = wrapped


def configure_application(app: QApplication) -> None:
    """Names and desktop id: what the desktop and QSettings know the app by."""
    from serumdesk.storage.paths import APP_ID, APP_NAME

    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)


def set_window_icon(app: QApplication) -> None:
    """The app icon (an SVG: loading it wakes Qt's SVG plugin, so it waits for the first paint)."""
    from PySide6.QtGui import QIcon

    from serumdesk.storage.paths import APP_ID, resources_dir

    icon = resources_dir() / "icons" / f"{APP_ID}.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def use_language_numbers(language: str) -> None:
    """Spin boxes and date fields write numbers and dates as SerumDesk's text does in
    `language` ("150,00" in Spanish), not as the session's locale would: an English app on a
    German desktop showed "150,00" in a spin box beside "$150.00" in its text. (Here, not in
    ui/translations.py, so English imports nothing more before the first paint: row 1.)"""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(language))


def install_languages(app: QApplication, asked: str | None) -> str:
    """SerumDesk's and Qt's own text in the language asked for (`--language`), else the one
    chosen in the Language menu, else the session's (English when SerumDesk has no catalogue
    for it). Returns the language in use."""
    from serumdesk import i18n
    from serumdesk.storage.paths import locale_dir
    from serumdesk.ui.window_settings import saved_language

    folder = locale_dir()
    wanted = asked or saved_language() or i18n.language_from_environment()
    if i18n.normalize(wanted) == i18n.SOURCE_LANGUAGE:
        use_language_numbers(i18n.SOURCE_LANGUAGE)
        return i18n.install(i18n.SOURCE_LANGUAGE, folder)  # nothing to load before the paint
    try:
        language = i18n.install(i18n.check_language(wanted, folder), folder)
    except i18n.LanguageError as exc:
        if asked:
            sys.stderr.write(_("serumdesk: {exc}; the app opens in English.\n").format(exc=exc))
        language = i18n.install(i18n.SOURCE_LANGUAGE, folder)
    use_language_numbers(language)
    if language != i18n.SOURCE_LANGUAGE:
        from serumdesk.ui.translations import install_qt_translations

        install_qt_translations(app, language)
    return language


def open_user_stores(paths: UserPaths) -> UserStores:
    """Take the single-instance guard and open the person's stores: read-only when another
    SerumDesk holds the guard, so two windows never overwrite each other's changes."""
    from serumdesk.storage.lock import InstanceGuard
    from serumdesk.storage.profiles import ProfileStore
    from serumdesk.storage.user_catalog import UserCatalogStore
    from serumdesk.storage.user_stores import UserStores

    guard = InstanceGuard(paths.data_dir / "instance.lock")
    # A folder the person made read-only is not a second window: each store says it is.
    read_only = not guard.acquired and not guard.folder_read_only
    stores = UserStores(
        guard,
        ProfileStore(paths.profiles_dir, read_only=read_only),
        UserCatalogStore(paths.catalog_dir, read_only=read_only),
    )
    for store in (stores.profiles, stores.serums):  # temp files of writes a SIGKILL cut short
        store.clean_up()
    return stores


def build_main_window(catalog_path: Path | None = None, user_paths: UserPaths | None = None) -> MainWindow:
    """Build the catalog, the person's work, the stores and the main window, and wire them.

    Only the first question is built before it is on screen; the user's folders and stores,
    the icon, the menus and the catalog follow right after the first paint.
    """
    from PySide6.QtWidgets import QApplication

    from serumdesk.storage.catalog_loader import CatalogLoader
    from serumdesk.storage.paths import bundled_catalog_path, bundled_ingredients_path
    from serumdesk.storage.vocabulary_loader import VocabularyLoader
    from serumdesk.ui.catalog_model import CatalogModel
    from serumdesk.ui.main_window import MainWindow
    from serumdesk.ui.work_state import WorkState

    stores: UserStores | None = None

    def user_stores() -> UserStores:
        """Opened on first need, after the first paint (the catalog's extras or the menus)."""
        nonlocal stores
        if stores is None:
            from serumdesk.storage.paths import UserPaths

            if window.user_paths is None:
                window.user_paths = user_paths or UserPaths.default()
            stores = open_user_stores(window.user_paths)
        return stores

    def catalog_extras() -> CatalogExtras:
        """A clinic's catalog or price list and the person's own serums, from their folder."""
        return user_stores().serums.extras()

    bundled = bundled_catalog_path()
    catalog = CatalogModel(
        CatalogLoader(
            catalog_path or bundled,
            VocabularyLoader(bundled_ingredients_path()),
            None if catalog_path else catalog_extras,
        )
    )
    state = WorkState()
    window = MainWindow(state, catalog, user_paths)
    state.setParent(window)
    catalog.setParent(window)

    def finish_start_up() -> None:
        from serumdesk.ui.my_serums.actions import install_my_serums_actions
        from serumdesk.ui.profiles.actions import install_profile_actions

        app = QApplication.instance()
        if isinstance(app, QApplication) and app.windowIcon().isNull():
            set_window_icon(app)
        from serumdesk.storage.clinic import ClinicStore
        from serumdesk.ui.clinic.actions import ClinicActions, install_clinic_actions

        opened = user_stores()
        clinic: ClinicActions | None = None  # asked only after start-up, when it is set

        def shared_computer() -> bool:
            return clinic is not None and clinic.shared_computer()

        install_profile_actions(window, state, catalog, opened, shared_computer=shared_computer)
        install_my_serums_actions(window, state, catalog, opened.serums, bundled)
        assert window.user_paths is not None  # opened with the stores
        clinic = install_clinic_actions(
            window, catalog, ClinicStore(window.user_paths.clinic_dir), opened.serums, bundled
        )

    window.run_after_first_paint(finish_start_up)
    return window


def no_display() -> bool:
    """True on Linux with no X11 or Wayland session and no platform chosen: Qt would abort."""
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def _say_before_qt(message: str, language: str | None, **values: str) -> None:
    """`message` (marked with N_) on standard error, in the language asked for or the
    session's: Qt, and the app's own choice of language, never started."""
    from serumdesk import i18n
    from serumdesk.storage.paths import locale_dir

    folder = locale_dir()
    i18n.install(language or i18n.language_from_environment(), folder)
    sys.stderr.write(_(message).format(**values))


def run_gui(argv: Sequence[str], language: str | None = None) -> int:
    if no_display():
        _say_before_qt(
            N_(
                "SerumDesk cannot open a window: no graphical session was found (DISPLAY and "
                "WAYLAND_DISPLAY are not set).\nStart it from your desktop, or use the command "
                "line: serumdesk recommend --help\n"
            ),
            language,
        )
        return 1
    missing = missing_xcb_packages()
    if missing:
        _say_before_qt(
            N_(
                "SerumDesk cannot open a window: Qt's X11 (xcb) support needs system libraries "
                "that are not installed:\n  {packages}\nOn Debian or Ubuntu install them with:\n"
                "  sudo apt-get install {packages}\n"
            ),
            language,
            packages=" ".join(missing),
        )
        return 1
    from PySide6.QtWidgets import QApplication

    skip_pyside_source_scan()  # before the app's own modules are imported
    app = QApplication(list(argv))
    configure_application(app)
    install_languages(app, language)
    from serumdesk.ui.error_hook import install_error_hook

    install_error_hook()
    window = build_main_window()
    window.show()
    return app.exec()
