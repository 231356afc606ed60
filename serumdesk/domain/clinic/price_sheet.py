"""A clinic's prices as a spreadsheet: the sheet staff fill in, and reading it back.

`price_sheet_csv` writes one row per catalog product (id, brand, name, the clinic's price,
size and date where one is set, and the catalog's own price and size for reference);
`read_price_sheet` turns the file a spreadsheet saved back into a price list, finding each
product by its id or by brand and name. It takes what spreadsheets really write: a byte
order mark, CRLF line ends, semicolons (Excel in much of Europe), quoted fields, "$1,234.50"
and "89,00", empty rows, extra columns and headers in any case. Each bad row gets a line
naming the row, the column and what is wrong, in plain words.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from serumdesk.domain.catalog.price_list import ListedPrice, PriceList
from serumdesk.domain.catalog.product import Product
from serumdesk.domain.clinic.amounts import AmountError, parse_day, parse_decimal, parse_price
from serumdesk.domain.figures import whole
from serumdesk.domain.strict.data_files import DataFileError
from serumdesk.domain.strict.numbers import FILE_DAY, PRICE_USD, SIZE_ML, NumberError
from serumdesk.domain.strict.plain_text import plain_line
from serumdesk.i18n import N_, _

_T = TypeVar("_T")

MAX_PRICE_SHEET_BYTES = 1024 * 1024
MAX_PRICE_SHEET_ROWS = 5000
MAX_PROBLEMS = 50
"""Past this many bad rows the file is surely not a price sheet: stop reading it."""

HEADERS = (
    "id",
    "brand",
    "name",
    "clinic price (USD)",
    "size (ml)",
    "price date",
    "catalog price (USD)",
    "catalog size (ml)",
)
"""The columns the export writes; the last two are for reference and never read back."""
_ALIASES = {
    "id": "id",
    "productid": "id",
    "brand": "brand",
    "name": "name",
    "product": "name",
    "productname": "name",
    "clinicpriceusd": "price",
    "clinicprice": "price",
    "price": "price",
    "priceusd": "price",
    "usd": "price",
    "sizeml": "size",
    "size": "size",
    "ml": "size",
    "pricedate": "date",
    "date": "date",
    "seen": "date",
}
_INJECTION_STARTS = ("=", "+", "-", "@", "\t", "\r")


class PriceSheetError(DataFileError):
    heading = N_("The price sheet {path} cannot be used:")


@dataclass(frozen=True, slots=True)
class SheetPrice:
    """One row read back: the product, its price, and its size and date when given."""

    row: int
    product: Product
    usd: float
    size_ml: float | None
    seen: dt.date | None


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula gets a quote first
    (CSV injection: "=HYPERLINK(...)" in a brand name would otherwise run)."""
    text = plain_line(value)
    return "'" + text if text.startswith(_INJECTION_STARTS) else text


def _figure(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def price_sheet_csv(products: Sequence[Product], current: PriceList | None) -> bytes:
    """The sheet to fill in: UTF-8 with a byte order mark (so Excel reads accents right),
    CRLF line ends, commas."""
    listed = {entry.id: entry for entry in current.prices} if current else {}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for p in products:
        entry = listed.get(p.id)
        seen = (entry.seen or (current.date if current else None)) if entry else None
        writer.writerow(
            [
                _cell(p.id),
                _cell(p.brand),
                _cell(p.name),
                _figure(entry.usd) if entry else "",
                _figure(entry.size_ml) if entry else "",
                seen.isoformat() if seen else "",
                _figure(p.price.usd),
                _figure(p.price.size_ml.value),
            ]
        )
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _decode(raw: bytes, path: Path | str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise PriceSheetError(path, [_("the file is damaged UTF-16 text")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # An older Excel saves "CSV" in the Windows code page; every byte means something there.
        return raw.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _key(header: str) -> str | None:
    return _ALIASES.get(re.sub(r"[^a-z]", "", header.lower()))


def _unquoted(text: str) -> str:
    """A cell as typed: without the quote the export put before a formula-like start."""
    cleaned = plain_line(text).strip()
    if cleaned.startswith("'") and cleaned[1:2] in ("=", "+", "-", "@"):
        return cleaned[1:]
    return cleaned


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def read_price_sheet(raw: bytes, path: Path | str, products: Sequence[Product]) -> list[SheetPrice]:
    """Every row with a price, each matched to one of `products`. PriceSheetError lists every
    bad row (row number, column, what is wrong); nothing is taken from a file with one."""
    if len(raw) > MAX_PRICE_SHEET_BYTES:
        raise PriceSheetError(
            path,
            [
                _("it is larger than {value} KB; a price sheet is a few rows per product").format(
                    value=MAX_PRICE_SHEET_BYTES // 1024
                )
            ],
        )
    text = _decode(raw, path)
    if "\x00" in text:
        raise PriceSheetError(
            path, [_("it is not a text file (it holds binary data); save the spreadsheet as CSV")]
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    by_id = {p.id: p for p in products}
    by_name: dict[tuple[str, str], Product] = {}
    for p in products:
        by_name.setdefault((_fold(p.brand), _fold(p.name)), p)
    columns: dict[str, tuple[int, str]] | None = None
    problems: list[str] = []
    found: list[SheetPrice] = []
    rows_of: dict[str, int] = {}
    try:
        for cells in reader:
            row = reader.line_num
            if row > MAX_PRICE_SHEET_ROWS:
                raise PriceSheetError(
                    path,
                    [
                        _("it has more than {MAX_PRICE_SHEET_ROWS} rows").format(
                            MAX_PRICE_SHEET_ROWS=whole(MAX_PRICE_SHEET_ROWS)
                        )
                    ],
                )
            if not any(c.strip() for c in cells):
                continue
            if columns is None:
                columns = _header(cells, path)
                continue
            try:
                price = _row(cells, row, columns, by_id, by_name)
            except _RowProblem as exc:
                problems.append(str(exc))
                if len(problems) >= MAX_PROBLEMS:
                    break
                continue
            if price is None:
                continue
            if price.product.id in rows_of:
                problems.append(
                    _("row {row}: {title} is also priced in row {rows_of}; keep one of the two").format(
                        row=row, title=price.product.title, rows_of=rows_of[price.product.id]
                    )
                )
                continue
            rows_of[price.product.id] = row
            found.append(price)
    except csv.Error as exc:
        raise PriceSheetError(
            path,
            [
                _(
                    "row {line_num}: the file is not valid CSV ({exc}); save the spreadsheet as CSV again"
                ).format(line_num=reader.line_num, exc=exc)
            ],
        ) from None
    if columns is None:
        raise PriceSheetError(
            path,
            [
                _(
                    "the file is empty; export the price sheet with "
                    "`serumdesk catalog export-prices` and fill it in"
                )
            ],
        )
    if problems:
        raise PriceSheetError(path, problems)
    if not found:
        raise PriceSheetError(
            path,
            [
                _(
                    "no row has a clinic price; fill in the 'clinic price "
                    "(USD)' column for at least one product"
                )
            ],
        )
    return found


class _RowProblem(ValueError):
    pass


def _header(cells: list[str], path: Path | str) -> dict[str, tuple[int, str]]:
    """Each known column's index and its header as written (errors name it so)."""
    columns: dict[str, tuple[int, str]] = {}
    for index, cell in enumerate(cells):
        header = " ".join(plain_line(cell).split())[:40]
        key = _key(header)
        if key is not None and key not in columns:
            columns[key] = (index, header)
    if "price" not in columns or not ("id" in columns or {"brand", "name"} <= columns.keys()):
        raise PriceSheetError(
            path,
            [
                _(
                    "row 1 must name the columns: 'id' (or 'brand' and 'name') and 'clinic price "
                    "(USD)'; optional 'size (ml)' and 'price date'. Start from the file `serumdesk "
                    "catalog export-prices` writes"
                )
            ],
        )
    return columns


def _get(cells: list[str], columns: dict[str, tuple[int, str]], key: str) -> str:
    index = columns[key][0] if key in columns else len(cells)
    return _unquoted(cells[index]) if index < len(cells) else ""


def _row(
    cells: list[str],
    row: int,
    columns: dict[str, tuple[int, str]],
    by_id: dict[str, Product],
    by_name: dict[tuple[str, str], Product],
) -> SheetPrice | None:
    product = _product(cells, row, columns, by_id, by_name)
    price_name, size_name, date_name = (
        columns[k][1] if k in columns else k for k in ("price", "size", "date")
    )
    texts = (_get(cells, columns, "price"), _get(cells, columns, "size"), _get(cells, columns, "date"))
    return _figures(_("row {row}").format(row=row), row, product, texts, (price_name, size_name, date_name))


def _figures(
    where: str, row: int, product: Product, texts: tuple[str, str, str], names: tuple[str, str, str]
) -> SheetPrice | None:
    """The price, size and date typed for `product` (None when no price is), checked."""
    price_text, size_text, date_text = texts
    price_column, size_column, date_column = names
    if not price_text:
        if size_text or date_text:
            raise _RowProblem(
                _(
                    "{where}, column '{price_column}': empty, but the row has a "
                    "size or date; give the price too, or clear the row"
                ).format(where=where, price_column=price_column)
            )
        return None
    usd = _checked(where, price_column, lambda: PRICE_USD.check(parse_price(price_text), zero=False))
    size = (
        None
        if not size_text
        else _checked(where, size_column, lambda: SIZE_ML.check(parse_decimal(size_text, "ml")))
    )
    seen = None
    if date_text:
        seen = _checked(where, date_column, lambda: _past_day(date_text))
    return SheetPrice(row, product, usd, size, seen)


def read_price_table(rows: Sequence[tuple[Product, str, str, str]]) -> list[SheetPrice]:
    """The Clinic prices table's rows (product, price, size, date as typed), read with the
    same rules as a price sheet; PriceSheetError names each product with a problem."""
    found: list[SheetPrice] = []
    problems: list[str] = []
    for index, (product, *texts) in enumerate(rows, start=1):
        price_text, size_text, date_text = (plain_line(t).strip() for t in texts)
        try:
            price = _figures(
                product.title,
                index,
                product,
                (price_text, size_text, date_text),
                (_("clinic price"), _("size"), _("price date")),
            )
        except _RowProblem as exc:
            problems.append(str(exc))
            continue
        if price is not None:
            found.append(price)
    if problems:
        raise PriceSheetError(_("the Clinic prices table"), problems)
    return found


def _product(
    cells: list[str],
    row: int,
    columns: dict[str, tuple[int, str]],
    by_id: dict[str, Product],
    by_name: dict[tuple[str, str], Product],
) -> Product:
    product_id = _get(cells, columns, "id")
    if product_id:
        found = by_id.get(product_id.lower())
        if found is None:
            raise _RowProblem(
                _(
                    "row {row}, column '{columns}': no product has the id "
                    "'{product_id}' (`serumdesk catalog list` shows every id)"
                ).format(row=row, columns=columns["id"][1], product_id=product_id[:80])
            )
        return found
    brand, name = _get(cells, columns, "brand"), _get(cells, columns, "name")
    if not brand or not name:
        raise _RowProblem(_("row {row}: give the product's id, or its brand and name").format(row=row))
    found = by_name.get((_fold(brand), _fold(name)))
    if found is None:
        raise _RowProblem(
            _(
                "row {row}, columns 'brand' and 'name': no product is called "
                "'{brand} {name}' (`serumdesk catalog list` shows every product)"
            ).format(row=row, brand=brand[:60], name=name[:80])
        )
    return found


def _checked(where: str, column: str, read: Callable[[], _T]) -> _T:
    try:
        return read()
    except (AmountError, NumberError) as exc:
        raise _RowProblem(
            _("{where}, column '{column}': {rstrip}").format(
                where=where, column=column, rstrip=str(exc).rstrip(".")
            )
        ) from None


def _past_day(text: str) -> dt.date:
    """The day a price was set: not in the future, and within a price list's dates."""
    day = parse_day(text)
    if day > dt.date.today():
        raise AmountError(
            _("{isoformat} is in the future; give the day the price was set").format(
                isoformat=day.isoformat()
            )
        )
    return FILE_DAY.check(day)


def price_list_from_sheet(prices: Sequence[SheetPrice], name: str, today: dt.date) -> PriceList:
    """The price list the rows make, named for the clinic and dated today."""
    return PriceList(
        kind="price-list",
        name=name,
        date=today,
        prices=[ListedPrice(id=p.product.id, usd=p.usd, size_ml=p.size_ml, seen=p.seen) for p in prices],
    )
