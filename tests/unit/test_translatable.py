"""Every user-facing string is marked for translation (an AST scan of serumdesk/), and every
language's catalogue holds exactly the marked strings, each translated (Babel's extractor)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.spanish_catalogue import catalogues_script

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "serumdesk"

TEXT_CALLS = frozenset(
    {
        # Qt's text setters and the widgets and actions built with their text
        "setText",
        "setWindowTitle",
        "setToolTip",
        "setStatusTip",
        "setPlaceholderText",
        "setTitle",
        "setSubTitle",
        "setLabelText",
        "setInformativeText",
        "setDetailedText",
        "setButtonText",
        "setHeaderLabels",
        "setHorizontalHeaderLabels",
        "addMenu",
        "addItem",
        "addTab",
        "setSpecialValueText",
        "setSuffix",
        "setPrefix",
        "showMessage",
        "setAccessibleName",
        "setAccessibleDescription",
        "addRow",
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
        "addAction",
        "QMessageBox",
        "information",
        "warning",
        "critical",
        "question",
        "getText",
        "getItem",
        "getSaveFileName",
        "getOpenFileName",
        "getExistingDirectory",
        "addButton",
        # SerumDesk's own carriers of text a person reads
        "say",
        "tell",
        "Note",
        "Reason",
        "ExclusionReason",
        "UserError",
        "UsageError",
        "plain_label",
        "plain_tooltip",
        "warn",
        "confirm",
        "message_box",
        "show_status",
        "inform",
        "ask_name",
        "open_file",
        "save_file",
        "text_option",
        "_action",
        "heading",
        "section_label",
        "Expander",
        "set_tip",
        "RadioChoice",
        "CheckChoice",
    }
)
"""Calls whose string arguments a person reads."""

TEXT_KEYWORDS = frozenset(
    {"help", "description", "epilog", "text", "title", "tooltip", "decline", "intro", "metavar"}
)
"""Keyword arguments a person reads, whatever the call (argparse's help and description…)."""

PROGRAMMING_ERRORS = frozenset({"RuntimeError", "TypeError", "NotImplementedError", "AssertionError"})
"""Raised for a bug in SerumDesk, never for something the person did: their text is for us.
Every other exception raised with a message says what went wrong to the person."""

FOR_DEVELOPERS = frozenset({"Field", "Doc"})
"""A data file's JSON Schema descriptions (pydantic's Field, field_rules.Doc): for whoever
writes a catalog file, in English like the file's keys."""

MARKERS = frozenset({"_", "N_", "ngettext", "pgettext"})

NOT_WORDS = frozenset(
    {
        "SerumDesk",  # the product's name, the same in every language
        "riverside-derm.example",  # an example web address (a reserved .example name)
    }
)
"""Literals that are names, not words to translate."""
KEY_SEQUENCE = re.compile(r"^((Ctrl|Shift|Alt|Meta)\+)+\w+$")
"""A shortcut ("Ctrl+Shift+A"): Qt shows it in the person's language itself."""

NOT_YET_MARKED: tuple[str, ...] = (
    # Areas whose text is still to be marked (issue #23, Spanish): each leaves this list when
    # its text is marked and translated. The scan covers everything else.
)


def _files() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        if not any(relative.startswith(area) for area in NOT_YET_MARKED):
            yield path


def _callee(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _is_words(node: ast.expr) -> bool:
    """A literal a person would read: a string with a letter in it, or an f-string."""
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant) and any(c.isalpha() for c in str(part.value))
            for part in node.values
        )
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (
            any(c.isalpha() for c in node.value)
            and node.value not in NOT_WORDS
            and not KEY_SEQUENCE.match(node.value)
        )
    if isinstance(node, ast.BinOp):  # "…" + "…", "…" % x
        return _is_words(node.left) or _is_words(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_is_words(element) for element in node.elts)
    if isinstance(node, ast.IfExp):
        return _is_words(node.body) or _is_words(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        # "… {x}".format(x=…): the literal before .format is what is read
        return node.func.attr in ("format", "join") and _is_words(node.func.value)
    return False


def _read_arguments(node: ast.AST) -> list[ast.expr]:
    """The arguments of `node` whose text a person reads."""
    if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
        call = node.exc
        return call.args[:1] if _callee(call) not in PROGRAMMING_ERRORS else []
    if not isinstance(node, ast.Call) or _callee(node) in MARKERS | FOR_DEVELOPERS:
        return []
    arguments = list(node.args) if _callee(node) in TEXT_CALLS else []
    return arguments + [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]


def unmarked(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of each literal passed unmarked to a call whose text a person reads, or
    an exception's message."""
    found = {
        id(argument): argument
        for node in ast.walk(ast.parse(source))
        for argument in _read_arguments(node)
        if _is_words(argument)
    }
    for argument in sorted(found.values(), key=lambda a: (a.lineno, a.col_offset)):
        yield argument.lineno, (ast.get_source_segment(source, argument) or "")[:70]


def marked_inside_fstrings(source: str) -> Iterator[int]:
    """Lines where `_("…")` is called inside an f-string: Babel's extractor does not look
    inside f-strings, so the text never reaches the catalogue."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and _callee(inner) in MARKERS
                    and inner.args
                    and isinstance(inner.args[0], ast.Constant)
                ):
                    yield inner.lineno


def test_no_marked_literal_hides_in_an_fstring() -> None:
    found = [
        f"{path.relative_to(REPO)}:{line}"
        for path in PACKAGE.rglob("*.py")
        for line in marked_inside_fstrings(path.read_text(encoding="utf-8"))
    ]
    assert not found, "marked text inside an f-string (Babel cannot extract it): " + str(found)
    assert list(marked_inside_fstrings('x = f"{_(\'Routine\')}"\ny = f"{_(NAME)}"\n')) == [1]


def test_every_string_a_person_reads_is_marked_for_translation() -> None:
    found = [
        f"{path.relative_to(REPO)}:{line}: {text}"
        for path in _files()
        for line, text in unmarked(path.read_text(encoding="utf-8"))
    ]
    assert not found, "not marked for translation (wrap in _() or N_(); see CONTRIBUTING.md):\n" + "\n".join(
        found
    )


def test_the_scan_finds_unmarked_text_and_passes_marked_text() -> None:
    flagged = (
        'label.setText("Next step")\nsay(f"{n} products")\n'
        'parser.add_argument("--x", help="the x")\n'
        'Note("Patch test first", guide.ROUTINE)\n'
        'raise UserError(f"{path} is not a profile")\n'
    )
    passed = (
        'label.setText(_("Next step"))\nsay(ngettext("{n} product", '
        '"{n} products", n).format(n=n))\nlabel.setText(name)\n'
        'label.setText("—")\nNote(_("Patch test first"), guide.ROUTINE)\n'
        'raise RuntimeError("needs a QApplication")\n'
    )
    assert [line for line, _text in unmarked(flagged)] == [1, 2, 3, 4, 5]
    assert list(unmarked(passed)) == []


def made_at_import(source: str) -> Iterator[int]:
    """Lines of module constants translated when the module is imported: the language may
    change after that (a sheet in the patient's language), so they are marked with N_ and
    translated with _() where they are shown."""
    tree = ast.parse(source)
    bodies = [tree.body] + [node.body for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    for statement in (statement for body in bodies for statement in body):
        if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None:
            for node in ast.walk(statement.value):
                if isinstance(node, ast.Call) and _callee(node) in ("_", "ngettext", "pgettext"):
                    yield statement.lineno
                    break


def test_no_text_is_translated_at_import() -> None:
    found = [
        f"{path.relative_to(REPO)}:{line}"
        for path in PACKAGE.rglob("*.py")
        for line in made_at_import(path.read_text(encoding="utf-8"))
    ]
    assert not found, "translated at import (use N_ and _() where shown): " + ", ".join(found)
    assert list(
        made_at_import('A = _("x")\nB = N_("y")\ndef f():\n    c = _("z")\nclass P:\n    title = _("t")\n')
    ) == [1, 6]


def _catalogues_script() -> ModuleType:
    return catalogues_script()


@pytest.fixture(scope="module")
def catalogues() -> ModuleType:
    pytest.importorskip("babel")
    return _catalogues_script()


def test_there_is_a_spanish_catalogue(catalogues: ModuleType) -> None:
    languages = [po.parent.parent.name for po in catalogues.po_files()]
    assert "es" in languages


def test_each_catalogue_holds_every_marked_string_translated_and_no_stale_one(catalogues: ModuleType) -> None:
    marked = {
        message.id if isinstance(message.id, str) else message.id[0]: message
        for message in catalogues.extract()
        if message.id
    }
    assert len(marked) > 100
    for po in catalogues.po_files():
        catalog = catalogues.read(po)
        entries = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
        where = po.relative_to(REPO)
        missing = sorted(set(marked) - set(entries))
        stale = sorted(set(entries) - set(marked))
        untranslated = sorted(
            i for i, m in entries.items() if not (m.string if isinstance(m.string, str) else all(m.string))
        )
        fuzzy = sorted(i for i, m in entries.items() if m.fuzzy)
        plural_mismatch = sorted(
            i for i, m in entries.items() if m.pluralizable != marked.get(i, m).pluralizable
        )
        problems = [f"{message!r}: {error}" for message, errors in catalog.check() for error in errors]
        assert not missing, f"{where}: marked but not in the catalogue: {missing[:20]}"
        assert not stale, f"{where}: no longer marked: {stale[:20]}"
        assert not untranslated, f"{where}: not translated: {untranslated[:20]}"
        assert not fuzzy, f"{where}: fuzzy: {fuzzy[:20]}"
        assert not catalog.obsolete, f"{where}: obsolete entries: {list(catalog.obsolete)[:20]}"
        assert not plural_mismatch, f"{where}: plural forms differ: {plural_mismatch[:20]}"
        assert not problems, f"{where}: {problems[:20]}"


def test_each_translated_manual_follows_the_readme(catalogues: ModuleType) -> None:
    """Help shows resources/locale/<lang>/manual.md in that language: it is stale when the
    README's sections for using the app changed after it was last brought up to date."""
    manuals = sorted((REPO / "resources" / "locale").glob("*/manual.md"))
    for manual in manuals:
        fingerprint = manual.with_name("manual.fingerprint")
        recorded = fingerprint.read_text(encoding="utf-8").strip() if fingerprint.is_file() else None
        assert recorded == catalogues.manual_fingerprint(), (
            f"README.md changed since {manual.relative_to(REPO)} was translated: carry the "
            f"change into it, then run: python scripts/catalogues.py manual {manual.parent.name}"
        )
        headings = [
            line for line in manual.read_text(encoding="utf-8").splitlines() if line.startswith("## ")
        ]
        assert len(headings) == len(catalogues.MANUAL_SECTIONS) + 1  # and one pointing to the README


def test_the_manual_source_is_the_readmes_sections_for_using_the_app(
    catalogues: ModuleType, tmp_path: Path
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# SerumDesk\nIntro.\n## Install\npip\n## Printing\nPrint it.\n## License\nMIT\n")
    assert catalogues.manual_source(readme) == "# SerumDesk\nIntro.\n## Printing\nPrint it."
    before = catalogues.manual_fingerprint(readme)
    readme.write_text(readme.read_text().replace("pip", "pipx"))  # not a section Help shows
    assert catalogues.manual_fingerprint(readme) == before
    readme.write_text(readme.read_text().replace("Print it.", "Print it twice."))
    assert catalogues.manual_fingerprint(readme) != before
    assert {"Using the app", "How it decides"} <= set(catalogues.MANUAL_SECTIONS)
    for section in catalogues.MANUAL_SECTIONS:  # each still a heading of the real README
        assert f"\n## {section}\n" in (REPO / "README.md").read_text(encoding="utf-8")
