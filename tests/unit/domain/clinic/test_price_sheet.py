"""The price sheet: written for a spreadsheet, read back as real spreadsheets save it."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from serumdesk.domain.catalog.price_list import apply_price_list, clinic_price_words
from serumdesk.domain.catalog.product import Catalog, Product
from serumdesk.domain.clinic.price_sheet import (
    MAX_PRICE_SHEET_ROWS,
    PriceSheetError,
    price_list_from_sheet,
    price_sheet_csv,
    read_price_sheet,
    read_price_table,
)
from tests.unit.factories import make_product

PRODUCTS = [
    make_product(id="alpha-serum", brand="Alpha", name="Serum One"),
    make_product(id="beta-serum", brand="Beta", name="Serum Two"),
]


def read(
    text: str, products: list[Product] = PRODUCTS
) -> dict[str, tuple[float, float | None, dt.date | None]]:
    rows = read_price_sheet(text.encode("utf-8"), "p.csv", products)
    return {r.product.id: (r.usd, r.size_ml, r.seen) for r in rows}


def problems(text: str | bytes) -> list[str]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(PriceSheetError) as caught:
        read_price_sheet(raw, "p.csv", PRODUCTS)
    return caught.value.problems


def test_an_excel_file_from_europe_reads_by_id_and_by_brand_and_name() -> None:
    text = (
        "\ufeffID;Brand;NAME;Clinic Price (USD);Size (ml);Price date;Notes\r\n"
        'alpha-serum;;;"1.234,50";30 ml;01.11.2026;ours\r\n'
        ";;;;;;\r\n"
        ";beta;  serum   two ;89,00;;;\r\n"
    )
    assert read(text) == {
        "alpha-serum": (1234.5, 30.0, dt.date(2026, 11, 1)),
        "beta-serum": (89.0, None, None),
    }


def test_a_us_file_with_quoted_dollars_and_a_short_header_reads() -> None:
    text = 'id,price\n"beta-serum","$1,234.50"\n'
    assert read(text) == {"beta-serum": (1234.5, None, None)}


def test_a_row_without_a_price_keeps_the_catalogs() -> None:
    assert read("id,price\nalpha-serum,\nbeta-serum,120\n") == {"beta-serum": (120.0, None, None)}


def test_each_bad_row_says_row_column_and_what_is_wrong_in_plain_words() -> None:
    said = problems(
        "id,price,size,date\n"
        "Alpha-Serum!,100,,\n"  # row 2: not an id
        "alpha-serum,abc,,\n"  # row 3
        "beta-serum,100,0,\n"  # row 4: size 0
        "beta-serum,,30,\n"  # row 5: a size without a price
        ",,,\n"  # row 6: empty, skipped
        "alpha-serum,10,,2999-01-01\n"
    )  # row 7: a future date
    assert said[0].startswith("row 2, column 'id': no product has the id 'Alpha-Serum!'")
    assert said[1] == "row 3, column 'price': 'abc' is not a number"
    assert said[2].startswith("row 4, column 'size': A bottle size must be between 0.1")
    assert said[3].startswith("row 5, column 'price': empty, but the row has a size")
    assert said[4].startswith("row 7, column 'date': 2999-01-01 is in the future")
    for line in said:
        assert not re.search(r"pattern|String should|\^\[|validation error", line)


def test_a_price_date_keeps_to_a_price_lists_dates() -> None:
    said = problems("id,price,date\nalpha-serum,10,1999-12-31\n")
    assert said == [
        "row 2, column 'date': A date in the file must be between 2000-01-01 and "
        f"{(dt.date.today() + dt.timedelta(days=366)).isoformat()}, not 1999-12-31"
    ]


def test_a_product_priced_twice_names_both_rows() -> None:
    said = problems("id,price\nalpha-serum,10\nALPHA-SERUM,11\n")
    assert said == ["row 3: Alpha Serum One is also priced in row 2; keep one of the two"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "the file is empty"),
        ("\n\n", "the file is empty"),
        ("product,cost\nalpha-serum,10\n", "row 1 must name the columns"),
        ("id,price\nalpha-serum,\n", "no row has a clinic price"),
        ("id,price\n\x00\x01\x02", "not a text file"),
    ],
)
def test_a_file_that_is_not_a_price_sheet_says_what_to_do(text: str, words: str) -> None:
    assert words in " ".join(problems(text))


def test_size_and_rows_are_bounded() -> None:
    many = "id,price\n" + "alpha-serum,10\n" * (MAX_PRICE_SHEET_ROWS + 5)
    assert "more than 5,000 rows" in " ".join(problems(many[: 1024 * 1024]))
    assert "larger than 1024 KB" in " ".join(problems(b"id,price\n" + b" " * 1024 * 1024))


def test_the_export_reads_back_and_lays_over_the_catalog(tmp_path: object) -> None:
    exported = price_sheet_csv(PRODUCTS, None).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(exported)))
    rows[1][3] = "$250.00"  # staff fill in the clinic price of the first product
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)  # saved by Excel (EU)
    prices = read_price_sheet(out.getvalue().encode("utf-8-sig"), "p.csv", PRODUCTS)
    price_list = price_list_from_sheet(prices, "Riverside Dermatology", dt.date(2026, 11, 1))
    catalog = Catalog(catalog_version="t", updated=dt.date(2026, 1, 1), products=PRODUCTS)
    priced = apply_price_list(catalog, price_list).by_id()
    assert priced["alpha-serum"].price.usd == 250.0
    assert clinic_price_words(priced["alpha-serum"]) == ("Clinic price (Riverside Dermatology, 2026-11-01)")
    assert clinic_price_words(priced["beta-serum"]) is None
    again = price_sheet_csv(PRODUCTS, price_list).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(again)))[1][3:6] == ["250", "", "2026-11-01"]


def test_the_export_is_safe_to_open_in_a_spreadsheet() -> None:
    hostile = dataclasses.replace(PRODUCTS[0], brand='=HYPERLINK("http://x")', name="@SUM(1+1)")
    exported = price_sheet_csv([hostile], None)
    assert exported.startswith(b"\xef\xbb\xbf") and b"\r\n" in exported
    row = list(csv.reader(io.StringIO(exported.decode("utf-8-sig"))))[1]
    assert row[1].startswith("'=") and row[2].startswith("'@")
    for cell in row:
        assert not cell.startswith(("=", "+", "-", "@"))
    # ...and the quote is taken off again when the file comes back.
    assert read_price_sheet(exported.replace(b",,,,", b",10,,,"), "p.csv", [hostile])[0].product is hostile


def test_the_table_is_read_with_the_same_rules_naming_the_product() -> None:
    rows = [(PRODUCTS[0], "89,00", "", ""), (PRODUCTS[1], "lots", "", "")]
    with pytest.raises(PriceSheetError) as caught:
        read_price_table(rows)
    assert caught.value.problems == ["Beta Serum Two, column 'clinic price': 'lots' is not a number"]
    assert [p.usd for p in read_price_table(rows[:1])] == [89.0]


@settings(max_examples=150)
@given(st.binary(max_size=600) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_any_bytes_give_a_price_list_or_a_plain_refusal(raw: bytes) -> None:
    try:
        read_price_sheet(b"id;brand;name;price;size;date\n" + raw, "p.csv", PRODUCTS)
    except PriceSheetError as exc:
        assert str(exc).startswith("The price sheet p.csv cannot be used")
