"""Catalog ▸ Add a serum…, Your serums…, a clinic's price list, in the app (issue #14): the label
read as it is typed, the serum on a card marked "your entry", edits, removal, read-only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Caution, Diet, Procedure, UseCase
from serumdesk.storage.catalog_loader import CatalogLoader
from serumdesk.storage.paths import UserPaths
from serumdesk.storage.user_catalog import UserCatalogStore
from serumdesk.storage.vocabulary_loader import VocabularyLoader
from serumdesk.ui.catalog_model import CatalogModel
from serumdesk.ui.main_window import MainWindow
from serumdesk.ui.my_serums.actions import MySerumsActions, install_my_serums_actions
from serumdesk.ui.my_serums.add_serum_dialog import AddSerumDialog
from serumdesk.ui.results.results_page import ResultsPage
from serumdesk.ui.work_state import WorkState
from tests.ui.profile_helpers import ScriptedPrompts
from tests.ui.wizard_helpers import (
    card_texts,
    compare,
    drive_to_results,
    status_text,
    wait_for_start_up,
)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

LABEL = (
    "Ingredients: Water (Aqua), Glycerin, Human Adipose Derived Stem Cell Conditioned "
    "Media, Sodium Hyaluronate, Phenoxyethanol, Zorblatine"
)
MINE_ID = "mine-glow-lab-exo-ampoule"


@pytest.fixture
def paths(user_dirs: Path) -> UserPaths:
    return UserPaths(user_dirs)


def build(
    qtbot: QtBot,
    catalog_path: Path,
    ingredients_path: Path,
    paths: UserPaths,
    prompts: ScriptedPrompts,
    *,
    read_only: bool = False,
) -> MySerumsActions:
    store = UserCatalogStore(paths.catalog_dir, read_only=read_only)
    loader = CatalogLoader(
        catalog_path, VocabularyLoader(ingredients_path), UserCatalogStore(paths.catalog_dir).extras
    )
    window = MainWindow(WorkState(), CatalogModel(loader), paths)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    wait_for_start_up(qtbot, window)
    return install_my_serums_actions(window, window.state, window.catalog, store, catalog_path, prompts)


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def actions(
    qtbot: QtBot, catalog_path: Path, ingredients_path: Path, paths: UserPaths, prompts: ScriptedPrompts
) -> Iterator[MySerumsActions]:
    yield build(qtbot, catalog_path, ingredients_path, paths, prompts)


def fill(qtbot: QtBot, dialog: AddSerumDialog, label: str = LABEL) -> None:
    qtbot.keyClicks(dialog.brand, "Glow Lab")
    qtbot.keyClicks(dialog.name, "Exo Ampoule")
    dialog.price.setValue(89)
    dialog.bottle_size.setValue(30)
    dialog.label.setPlainText(label)


def save_a_serum_from_the_results(
    qtbot: QtBot, actions: MySerumsActions
) -> tuple[ResultsPage, AddSerumDialog]:
    """Results for a fresh microneedling, then Catalog ▸ Add a serum…, filled and saved."""
    page = drive_to_results(
        qtbot,
        actions.window,
        Answers(use_case=UseCase.POST_PROCEDURE, procedure=Procedure.MICRONEEDLING, days_since_procedure=3),
    )
    actions.add_serum()
    dialog = actions.add_dialog
    assert dialog is not None
    fill(qtbot, dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    return page, dialog


def test_the_label_is_read_as_it_is_typed(qtbot: QtBot, actions: MySerumsActions) -> None:
    actions.add_action.trigger()
    dialog = actions.add_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Paste a label" in dialog.analysis.text()
    fill(qtbot, dialog)
    qtbot.waitUntil(lambda: "Human Adipose" in dialog.analysis.text())  # after a short pause
    text = dialog.analysis.text()
    assert "Zorblatine → not in SerumDesk's vocabulary" in text  # unknowns listed, not guessed
    assert "Human-derived: yes" in text and "Unknown: Zorblatine" in text


def test_a_saved_serum_is_compared_on_a_card_marked_your_entry(
    qtbot: QtBot, actions: MySerumsActions, paths: UserPaths
) -> None:
    window = actions.window
    page, dialog = save_a_serum_from_the_results(qtbot, actions)
    assert not dialog.isVisible()
    assert MINE_ID in window.state.compared_ids
    card = page.cards[MINE_ID]
    assert card.yours_label.isVisibleTo(card)
    assert "Your entry" in card_texts(card) and "Exo Ampoule" in card_texts(card)
    assert "(your entry)" in card.name_label.accessibleName()
    assert status_text(window).startswith("Added “Glow Lab Exo Ampoule”: #")
    assert status_text(window).endswith("and compared on your results.")
    stored = json.loads((paths.catalog_dir / "my-products.json").read_text())
    assert [p["id"] for p in stored["products"]] == [MINE_ID]


def test_what_to_fix_is_said_and_nothing_is_kept(
    qtbot: QtBot, actions: MySerumsActions, paths: UserPaths
) -> None:
    actions.add_serum()
    dialog = actions.add_dialog
    assert dialog is not None
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and "brand" in dialog.problem.text()
    fill(qtbot, dialog, label=" , ; ")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and "ingredient list" in dialog.problem.text()
    assert not (paths.catalog_dir / "my-products.json").exists()


def test_a_serum_left_out_by_the_answers_is_not_on_a_card(qtbot: QtBot, actions: MySerumsActions) -> None:
    window = actions.window
    page = drive_to_results(qtbot, window, Answers(diet=Diet.VEGAN))
    actions.add_serum()
    dialog = actions.add_dialog
    assert dialog is not None
    fill(qtbot, dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert MINE_ID not in page.cards  # human-derived: excluded for a vegan, and said why
    assert page.advice is not None and "Exo Ampoule" in page.advice.excluded.text()


def test_an_edit_that_keeps_the_price_keeps_the_day_it_was_seen(
    qtbot: QtBot, actions: MySerumsActions
) -> None:
    import datetime as dt

    from serumdesk.domain.catalog.my_products import MyProduct

    kept = actions.store.add(
        MyProduct(
            "",
            "Glow Lab",
            "Exo Ampoule",
            89.0,
            30.0,
            LABEL,
            seen=dt.date(2025, 3, 1),
            entered=dt.date(2025, 3, 1),
        )
    )
    actions._open_editor(kept)
    editor = actions.add_dialog
    assert editor is not None
    editor.label.setPlainText(LABEL + ", Glycerin")
    entry = editor.entry()
    assert not isinstance(entry, str) and entry.seen == dt.date(2025, 3, 1)
    editor.price.setValue(75)
    entry = editor.entry()
    assert not isinstance(entry, str) and entry.seen == dt.date.today()


def test_edit_and_remove_from_your_serums(
    qtbot: QtBot, actions: MySerumsActions, prompts: ScriptedPrompts, paths: UserPaths
) -> None:
    actions.add_serum()
    dialog = actions.add_dialog
    assert dialog is not None
    fill(qtbot, dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    actions.list_action.trigger()
    listing = actions.list_dialog
    assert listing is not None and listing.list.count() == 1
    assert "Glow Lab Exo Ampoule" in listing.list.item(0).text()
    listing.edit_button.click()
    editor = actions.add_dialog
    assert editor is not None and editor is not dialog and editor.label.toPlainText() == LABEL
    editor.price.setValue(75)
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert "$75.00" in listing.list.item(0).text()
    catalog = actions.catalog.catalog()
    assert catalog.by_id()[MINE_ID].price.usd == 75
    prompts.confirms.append(True)
    listing.remove_button.click()
    assert listing.list.count() == 0 and listing.empty.isVisible()
    assert MINE_ID not in actions.catalog.catalog().by_id()
    stored = json.loads((paths.catalog_dir / "my-products.json").read_text())
    assert stored["products"] == []


def test_a_clinic_price_list_from_the_menu(
    qtbot: QtBot, actions: MySerumsActions, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    prices = tmp_path / "riverside.json"
    prices.write_text(
        json.dumps(
            {
                "kind": "price-list",
                "name": "Riverside",
                "date": "2026-11-01",
                "prices": [{"id": "symbiome-the-answer", "usd": 150}],
            }
        )
    )
    prompts.files.append(prices)
    actions.import_action.trigger()
    assert "Riverside (2026-11-01)" in prompts.texts("inform")[-1]
    catalog = actions.catalog.catalog()
    assert catalog.prices_from == "Riverside (2026-11-01)"
    assert catalog.by_id()["symbiome-the-answer"].price.usd == 150
    # A second one asks before replacing the first; declining keeps it.
    prompts.files.append(prices)
    actions.import_action.trigger()
    assert "already in use" in prompts.texts("confirm")[-1]
    # A bad one says why and changes nothing.
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "price-list", "name": "X", "date": "2026-11-01", "prices": []}')
    prompts.files.append(bad)
    actions.import_action.trigger()
    assert "Nothing was changed" in prompts.texts("warn")[-1]
    assert actions.catalog.catalog().prices_from == "Riverside (2026-11-01)"
    actions.reset_action.trigger()
    assert actions.catalog.catalog().prices_from is None


def test_a_second_window_cannot_change_your_serums(
    qtbot: QtBot, catalog_path: Path, ingredients_path: Path, paths: UserPaths, prompts: ScriptedPrompts
) -> None:
    actions = build(qtbot, catalog_path, ingredients_path, paths, prompts, read_only=True)
    assert not actions.add_action.isEnabled() and not actions.import_action.isEnabled()
    assert actions.list_action.isEnabled()
    actions.show_serums()
    listing = actions.list_dialog
    assert listing is not None
    assert not listing.add_button.isEnabled() and not listing.remove_button.isEnabled()


def test_a_damaged_file_of_serums_is_reported_and_kept(
    qtbot: QtBot, catalog_path: Path, ingredients_path: Path, paths: UserPaths, prompts: ScriptedPrompts
) -> None:
    paths.catalog_dir.mkdir(parents=True)
    damaged = paths.catalog_dir / "my-products.json"
    damaged.write_text("{oops")
    actions = build(qtbot, catalog_path, ingredients_path, paths, prompts)
    assert len(actions.catalog.catalog().products) == 10
    assert "file of your serums" in actions.catalog.loader.problems[0]
    banner = actions.window.banner  # said on screen at start, not only when asked
    assert banner.isVisible() and "my-products.json" in banner.text()
    assert "has not been changed" in banner.text()
    actions.show_serums()
    assert "has not changed the file" in prompts.texts("warn")[-1]
    actions.add_serum()
    dialog = actions.add_dialog
    assert dialog is not None
    fill(qtbot, dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and "does not write over" in dialog.problem.text()
    assert damaged.read_text() == "{oops"
    dialog.reject()
    damaged.unlink()  # the person moved it aside
    actions.catalog_changed()
    assert not actions.window.banner.isVisible()


def test_adding_a_serum_to_a_full_comparison_drops_nothing_and_says_so(
    qtbot: QtBot, actions: MySerumsActions
) -> None:
    window = actions.window
    page = drive_to_results(qtbot, window, Answers())
    four = [m.product.id for m in page.recommendation.matches[:4]]  # type: ignore[union-attr]
    compare(window, four)
    actions.add_serum()
    dialog = actions.add_dialog
    assert dialog is not None
    fill(qtbot, dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert sorted(window.state.compared_ids) == sorted(four)  # nothing dropped unasked
    assert sorted(page.cards) == sorted(four)
    assert "tick it under “Choose what to compare”" in status_text(window)


def test_a_serum_your_answers_leave_out_is_not_said_to_be_ranked(
    qtbot: QtBot, actions: MySerumsActions
) -> None:
    window = actions.window
    drive_to_results(qtbot, window, Answers(diet=Diet.VEGAN))  # the label is human-derived
    actions.add_serum()
    dialog = actions.add_dialog
    assert dialog is not None
    fill(qtbot, dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    status = status_text(window)
    assert "but your answers leave it out" in status and "ranked" not in status
    assert MINE_ID not in window.state.compared_ids


def _hostile_files(folder: Path, catalog_path: Path) -> dict[str, Path]:
    """Files a clinic could send that earlier broke the app (issue #19), by what they hold."""
    data = json.loads(catalog_path.read_text(encoding="utf-8"))
    far = json.loads(json.dumps(data))
    far["products"][0]["price"]["provenance"]["seen"] = "9999-12-31"
    year_one = json.loads(json.dumps(data))
    year_one["updated"] = "0001-01-01"
    texts = {
        "a price seen in 9999": json.dumps(far),
        "a catalog updated in year 1": json.dumps(year_one),
        "a 401-digit price": json.dumps(data).replace('"usd": ', '"usd": ' + "9" * 401 + ', "was": ', 1),
        "a price of 401 digits in a price list": (
            '{"kind": "price-list", "name": "X", "date": "2026-11-01", "prices": '
            '[{"id": "symbiome-the-answer", "usd": ' + "9" * 401 + "}]}"
        ),
        "a key given twice": (
            '{"kind": "price-list", "name": "X", "name": "Y", "date": '
            '"2026-11-01", "prices": [{"id": "symbiome-the-answer", "usd": 1}]}'
        ),
        "products of ones": '{"catalog_version": "x", "updated": "2026-01-01", "products": ['
        + ",".join(["1"] * 2_000_000)
        + "]}",
        "empty products": '{"catalog_version": "x", "updated": "2026-01-01", "products": ['
        + ",".join(["{}"] * 100_000)
        + "]}",
    }
    paths = {}
    for n, (what, text) in enumerate(texts.items()):
        paths[what] = folder / f"hostile-{n}.json"
        paths[what].write_text(text, encoding="utf-8")
    return paths


def test_a_hostile_clinic_file_is_refused_plainly_and_the_app_goes_on(
    qtbot: QtBot,
    actions: MySerumsActions,
    prompts: ScriptedPrompts,
    tmp_path: Path,
    catalog_path: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    for what, path in _hostile_files(tmp_path, catalog_path).items():
        warned = len(prompts.texts("warn"))
        prompts.files.append(path)
        actions.import_action.trigger()
        said = prompts.texts("warn")[warned:]
        assert len(said) == 1, what
        assert "Nothing was changed" in said[0], (what, said[0])
        assert "pydantic" not in said[0] and "Error" not in said[0].split(":")[0], said[0]
        assert len(said[0]) < 3000, what
    assert "Traceback" not in capfd.readouterr().err
    assert not (actions.store.folder / "catalog.json").exists()
    assert not (actions.store.folder / "price-list.json").exists()
    page = drive_to_results(
        qtbot,
        actions.window,
        Answers(use_case=UseCase.POST_PROCEDURE, procedure=Procedure.LASER, days_since_procedure=5),
    )
    assert page.cards  # the last question's Next shows the results: no crash


def test_a_cut_label_says_so_in_the_dialog_and_on_the_card(qtbot: QtBot, actions: MySerumsActions) -> None:
    window = actions.window
    page = drive_to_results(qtbot, window, Answers(cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING})))
    actions.add_serum()
    dialog = actions.add_dialog
    assert dialog is not None
    cut = ", ".join(["Aqua"] * 1000 + ["Human Fibroblast Conditioned Media", "Fish Oil"])
    fill(qtbot, dialog, cut)
    qtbot.waitUntil(lambda: "The label was cut" in dialog.analysis.text())
    text = dialog.analysis.text()
    assert "1001. " not in text  # the first 1,000 explained one by one
    assert "Human-derived: yes (Human Fibroblast Conditioned Media)" in text  # read past the cut
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    card = page.cards[MINE_ID]
    listed = card.full_list.body.text()
    assert "The label was cut" in listed and listed.startswith("Partial list")
    assert "Talk to your clinician" in card_texts(card)  # the biologic after the cut counts


def test_a_change_after_the_list_of_serums_is_closed_and_deleted(
    qtbot: QtBot, actions: MySerumsActions, prompts: ScriptedPrompts
) -> None:
    """Closing Your serums deletes it; Reset prices afterwards raised "Internal C++ object
    (YourSerumsDialog) already deleted" into the error dialog."""
    from PySide6.QtCore import QCoreApplication, QEvent

    actions.show_serums()
    listing = actions.list_dialog
    assert listing is not None
    listing.reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    actions.reset_action.trigger()  # reads the catalog again and refreshes an open list
    assert actions.list_dialog is None
    actions.show_serums()  # and the list opens again
    assert actions.list_dialog is not None and actions.list_dialog.isVisible()


def test_a_sheet_in_spanish_words_your_serum_in_spanish(
    qtbot: QtBot, actions: MySerumsActions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Your serum's facts are worded when its label is read, in the app's language; a sheet
    in the patient's language reads them again inside that language."""
    pytest.importorskip("babel")
    from serumdesk import i18n
    from serumdesk.domain.advice.recommendation import Recommendation
    from serumdesk.domain.catalog.product_text import description
    from serumdesk.ui.sheet.language import recommendation_in
    from tests.spanish_catalogue import compiled_locale

    page, _dialog = save_a_serum_from_the_results(qtbot, actions)
    rec = page.recommendation
    assert rec is not None

    def mine(r: Recommendation) -> str:
        return next(description(m.product) for m in r.matches if m.product.id == MINE_ID)

    assert mine(rec).startswith("Your entry, read from the ingredient label")
    folder = compiled_locale(tmp_path)
    monkeypatch.setattr("serumdesk.storage.paths.locale_dir", lambda: folder)
    try:
        spanish = recommendation_in("es", rec, page._recommend_again)
        with i18n.override("es", folder):
            assert not mine(spanish).startswith("Your entry")
        assert mine(rec).startswith("Your entry")  # the app's own stays English
        assert mine(page._recommend_again()).startswith("Your entry")
    finally:
        i18n.install("en", folder)
