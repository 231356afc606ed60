"""Card and sheet say "Clinic price (…)" for exactly the same products: those priced by the
clinic's list whose price the person has not overridden."""

from __future__ import annotations

import datetime as dt
import html
import re

from pytestqt.qtbot import QtBot

from serumdesk.domain.advice.recommendation import recommend
from serumdesk.domain.answers import Answers, Overrides, ProductOverride
from serumdesk.domain.catalog.price_list import ListedPrice, PriceList, apply_price_list
from serumdesk.ui.results.cost_panel import CostPanel
from serumdesk.ui.sheet.content import sheet_html
from tests.ui.sheet_helpers import bundled_catalog

WORDS = "Clinic price (Riverside Dermatology, 2026-11-01)"


def test_card_and_sheet_agree_on_every_clinic_price(qtbot: QtBot) -> None:
    catalog = bundled_catalog()
    listed = catalog.products[::2]  # every other product has a clinic price
    prices = PriceList(
        kind="price-list",
        name="Riverside Dermatology",
        date=dt.date(2026, 11, 1),
        prices=[ListedPrice(id=p.id, usd=150) for p in listed],
    )
    priced = apply_price_list(catalog, prices)
    overridden = {catalog.products[0].id: ProductOverride(price_usd=99.0)}
    rec = recommend(priced, Answers(), Overrides(overridden))
    checked = 0
    for match in rec.matches:
        panel = CostPanel(match)
        qtbot.addWidget(panel)
        on_card = WORDS in panel.clinic_price.text()
        sheet = " ".join(
            html.unescape(re.sub(r"<[^>]+>", " ", sheet_html(rec, [match], today=dt.date.today()))).split()
        )
        expected = match.product.id in {p.id for p in listed} and match.product.id not in overridden
        assert on_card == (WORDS in sheet) == expected, match.product.id
        checked += 1
    assert checked == len(rec.matches) >= 6
