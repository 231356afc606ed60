"""Clinic ▸ Clinic details…: the name, address, phone, web address and logo the sheet prints."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from serumdesk.domain.clinic.details import (
    FIELD_LIMITS,
    ClinicDetails,
    ClinicDetailsError,
    ClinicSettings,
    LogoKind,
    make_details,
)
from serumdesk.i18n import N_, _
from serumdesk.storage.clinic import ClinicStore, ClinicStoreError, read_logo_file
from serumdesk.ui.sheet.clinic_logo import logo_image
from serumdesk.ui.widgets.plain_dialogs import confirm, warn
from serumdesk.ui.widgets.style import em, plain_label

LOGO_FILTER = N_("Logo (*.png *.svg);;All files (*)")
PREVIEW_HEIGHT = 48


class ClinicDetailsDialog(QDialog):
    """Edits the kept details; Save keeps them (through the store), Clear forgets them."""

    def __init__(
        self,
        store: ClinicStore,
        settings: ClinicSettings,
        logo: tuple[bytes, LogoKind] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Clinic details"))
        self.store = store
        self.settings = settings
        self.logo = logo
        self.logo_changed = False
        details = settings.details
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "Printed at the head of every comparison sheet. Choose Clear details to print "
                    "personal sheets again."
                )
            )
        )
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key, label in (
            ("name", _("&Name")),
            ("address", _("&Address")),
            ("phone", _("&Phone")),
            ("web", _("&Web address")),
        ):
            edit = QLineEdit(getattr(details, key) if details else "")
            edit.setMaxLength(FIELD_LIMITS[key])
            edit.setAccessibleName(label.replace("&", ""))
            self.fields[key] = edit
            form.addRow(label, edit)
        self.fields["web"].setPlaceholderText("riverside-derm.example")
        logo_row = QHBoxLayout()
        self.preview = QLabel()
        self.preview.setAccessibleName(_("Logo preview"))
        self.preview.setMinimumHeight(PREVIEW_HEIGHT)
        self.choose = QPushButton(_("&Choose logo…"))
        self.choose.clicked.connect(self.choose_logo)
        self.remove = QPushButton(_("&Remove logo"))
        self.remove.clicked.connect(self.remove_logo)
        logo_row.addWidget(self.preview, 1)
        logo_row.addWidget(self.choose)
        logo_row.addWidget(self.remove)
        form.addRow(_("Logo"), logo_row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.clear_button = buttons.addButton(
            _("C&lear details"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.clear_button.setEnabled(details is not None)
        self.clear_button.clicked.connect(self.clear)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(34 * em(self))
        self._show_logo()

    def _show_logo(self) -> None:
        image = logo_image(*self.logo) if self.logo else None
        if image is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("No logo"))
        else:
            self.preview.setPixmap(
                QPixmap.fromImage(image).scaledToHeight(
                    PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation
                )
            )
        self.remove.setEnabled(self.logo is not None)

    def choose_logo(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the clinic's logo"), str(Path.home()), _(LOGO_FILTER)
        )
        if name:
            self.use_logo_file(Path(name))

    def use_logo_file(self, path: Path) -> bool:
        """Check and show the logo at `path` (kept on Save); a warning says why not."""
        try:
            self.logo = read_logo_file(path)
        except ClinicStoreError as exc:
            warn(self, _("Logo not used"), str(exc))
            return False
        self.logo_changed = True
        self._show_logo()
        return True

    def remove_logo(self) -> None:
        self.logo = None
        self.logo_changed = True
        self._show_logo()

    def details(self) -> ClinicDetails:
        """The details as typed; ClinicDetailsError names the first that cannot be kept."""
        texts = {key: edit.text() for key, edit in self.fields.items()}
        return make_details(
            texts["name"],
            texts["address"],
            texts["phone"],
            texts["web"],
            logo=self.logo[1] if self.logo else None,
        )

    def save(self) -> None:
        try:
            details = self.details()
        except ClinicDetailsError as exc:
            warn(self, _("Details not saved"), str(exc))
            return
        new = ClinicSettings(details, self.settings.shared_computer)
        try:
            self.store.save(new, self.logo[0] if self.logo and self.logo_changed else None)
        except ClinicStoreError as exc:
            warn(self, _("Details not saved"), str(exc))
            return
        self.settings = new
        self.accept()

    def clear(self) -> None:
        if not confirm(
            self,
            _("Clear the clinic's details?"),
            _("Forget the clinic's name, contact and logo? Sheets are personal ones again."),
            _("Clear"),
        ):
            return
        try:
            self.settings = self.store.clear(self.settings)
        except ClinicStoreError as exc:
            warn(self, _("Details not cleared"), str(exc))
            return
        self.accept()
