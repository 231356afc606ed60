"""Errors about a data file's format in Spanish: a catalog, a price list, the file of your
serums, a profile, the ingredient vocabulary. Each kind of error pydantic or the strict JSON
reader can find is said in SerumDesk's words, in the language in use, with no English left
but the file's own keys, ids and values (quoted)."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from serumdesk import i18n
from serumdesk.domain.catalog.catalog_file import parse_catalog
from serumdesk.domain.catalog.my_products_file import parse_my_products
from serumdesk.domain.catalog.price_list import parse_price_list
from serumdesk.domain.choices import UseCase
from serumdesk.domain.ingredients.vocabulary_file import parse_vocabulary
from serumdesk.domain.strict import pydantic_words
from serumdesk.domain.strict.data_files import DataFileError
from serumdesk.domain.strict.limits import allergens_problem
from serumdesk.domain.strict.numbers import FILE_DAY, NumberError
from serumdesk.storage.profile_model import parse_profile
from serumdesk.storage.profile_types import ProfileDataError
from tests.unit.factories import catalog_data, product_data, vocabulary_data

ENGLISH = re.compile(
    r"\b(field|entry|input|should|required|missing|unknown|must|valid|invalid|expected|the|is|not"
    r"|be|at (most|least)|characters?|items?|list|object|number|text|value|error|catalog|price"
    r"|serums?|file|product|top|level|whole|true or|date|written|between|and|or|holds?|needs?"
    r"|more|than|key|appears|twice)\b",
    re.IGNORECASE,
)
"""English words SerumDesk's messages about files use: none may remain in Spanish."""
QUOTED = re.compile(r"'[^'\n]*(?:'|…|$)|“[^”]*”|\"[^\"\n]*(?:\"|…|$)|<[^>]*>|`[^`]*`", re.MULTILINE)
"""What a message quotes from the file (keys, ids, values) and a file's default name."""


def english_left(message: str) -> list[str]:
    """The English words of `message` outside what it quotes from the file."""
    return [m[0] for m in ENGLISH.finditer(QUOTED.sub("", message))]


# --- bad files: each (what, how the file is read, the bytes) -------------------------------------

Change = Callable[[dict[str, Any]], object]


def _catalog(change: Change) -> bytes:
    products = [product_data(id="sample-one"), product_data(id="sample-two")]
    data = json.loads(json.dumps(catalog_data(products)))  # no dict shared between products
    change(data)
    return json.dumps(data).encode()


def _product(change: Callable[[dict[str, Any]], object]) -> bytes:
    return _catalog(lambda data: change(data["products"][1]))


def _set(path: str, value: object) -> Change:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for part in parents:
            data = data[part]
        data[last] = value

    return change


def _drop(key: str) -> Change:
    return lambda data: data.pop(key)


PRICE_LIST = {
    "schema_version": 1,
    "kind": "price-list",
    "name": "Riverside",
    "date": "2026-11-01",
    "prices": [{"id": "sample-one", "usd": 90}],
}
SERUM = {
    "id": "mine-sample",
    "brand": "Brand",
    "name": "Serum",
    "price_usd": 50,
    "size_ml": 30,
    "entered": "2026-11-01",
    "label": "Water, Glycerin",
}


def _price_list(change: Change) -> bytes:
    data = copy.deepcopy(PRICE_LIST)
    change(data)
    return json.dumps(data).encode()


def _serums(change: Change) -> bytes:
    data: dict[str, Any] = {"schema_version": 1, "products": [copy.deepcopy(SERUM)]}
    change(data)
    return json.dumps(data).encode()


def _vocabulary(change: Change) -> bytes:
    data = vocabulary_data()
    change(data)
    return json.dumps(data).encode()


def _profile(change: Change) -> bytes:
    data: dict[str, Any] = {
        "schema_version": 1,
        "id": "0123456789abcdef0123456789abcdef",
        "name": "Ana",
        "answers": {},
        "created": "2026-11-01T10:00:00+00:00",
        "updated": "2026-11-01T10:00:00+00:00",
    }
    change(data)
    return json.dumps(data).encode()


def _read_profile(raw: bytes) -> None:
    parse_profile(raw, default_id="p1")


READERS: dict[str, Callable[[bytes], object]] = {
    "catalog": parse_catalog,
    "price list": parse_price_list,
    "serums": parse_my_products,
    "vocabulary": parse_vocabulary,
    "profile": _read_profile,
}
TOO_MANY = ["x"] * 201

BAD_FILES: list[tuple[str, str, bytes]] = [
    ("not json", "catalog", b"{not json"),
    ("value expected", "catalog", b'{"products": }'),
    ("extra data", "catalog", b"{} {}"),
    ("trailing comma", "price list", b'{"a": 1,}'),
    ("not utf-8", "catalog", b'{"a": "\xff"}'),
    ("NaN", "catalog", b'{"a": NaN}'),
    ("huge float", "serums", b'{"a": 1e999}'),
    ("huge int", "serums", b'{"a": ' + b"9" * 700 + b"}"),
    ("repeated key", "catalog", b'{"a": 1, "a": 2}'),
    ("deep", "catalog", b"[" * 100_000 + b"]" * 100_000),
    ("dense", "catalog", b"[" + b"1," * 200_000 + b"1]"),
    ("top level a list", "catalog", b"[]"),
    ("top level a list", "price list", b"[1]"),
    ("top level a list", "serums", b"[]"),
    ("top level a list", "vocabulary", b"[]"),
    ("empty object", "catalog", b"{}"),
    ("products not a list", "catalog", _catalog(_set("products", {"a": 1}))),
    ("schema version text", "catalog", _catalog(_set("schema_version", "1"))),
    ("schema version true", "catalog", _catalog(_set("schema_version", True))),
    ("schema version 7", "catalog", _catalog(_set("schema_version", 7))),
    ("updated far ahead", "catalog", _catalog(_set("updated", "2999-01-01"))),
    ("updated not a date", "catalog", _catalog(_set("updated", "yesterday"))),
    ("updated a number", "catalog", _catalog(_set("updated", 20261125))),
    ("repeated ids", "catalog", _catalog(lambda d: d["products"].append(copy.deepcopy(d["products"][0])))),
    ("missing brand", "catalog", _product(_drop("brand"))),
    ("unknown key", "catalog", _product(_set("colour", "red"))),
    ("brand a number", "catalog", _product(_set("brand", 5))),
    ("brand blank", "catalog", _product(_set("brand", "   "))),
    ("brand too long", "catalog", _product(_set("brand", "x" * 2001))),
    ("brand invisible", "catalog", _product(_set("brand", "\u200b\u200b"))),
    ("bad id", "catalog", _product(_set("id", "Bad Id"))),
    ("price text", "catalog", _product(_set("price.usd", "100"))),
    ("price true", "catalog", _product(_set("price.usd", True))),
    ("price zero", "catalog", _product(_set("price.usd", 0))),
    ("price huge int", "catalog", _product(_set("price.usd", 10**30))),
    ("price an object", "catalog", _product(_set("price", 5))),
    ("price a list", "catalog", _product(_set("price", [1]))),
    ("flag text", "catalog", _product(_set("vegan", "no"))),
    ("flag number", "catalog", _product(_set("human_derived", 1))),
    ("subjects a fraction", "catalog", _product(_set("evidence.subjects", 1.5))),
    ("subjects text", "catalog", _product(_set("evidence.subjects", "12"))),
    ("provenance kind", "catalog", _product(_set("price.provenance.kind", "guess"))),
    ("seen not a date", "catalog", _product(_set("price.provenance.seen", "2026-13-45"))),
    ("seen a datetime", "catalog", _product(_set("price.provenance.seen", "2026-01-01T10:00:00"))),
    ("seen long ago", "catalog", _product(_set("price.provenance.seen", "1850-01-01"))),
    ("category", "catalog", _product(_set("source_category", "martian"))),
    ("use cases empty", "catalog", _product(_set("use_cases", []))),
    ("use cases too many", "catalog", _product(_set("use_cases", [u.value for u in UseCase] * 2))),
    ("ingredients a string", "catalog", _product(_set("key_ingredients", "peptides"))),
    ("ingredients too many", "catalog", _product(_set("key_ingredients", TOO_MANY))),
    ("vegan and human", "catalog", _product(lambda p: p.update(human_derived=True))),
    ("storage an object", "catalog", _product(_set("storage", "cold"))),
    ("price list kind", "price list", _price_list(_set("kind", "catalog"))),
    ("price list no kind", "price list", _price_list(_drop("kind"))),
    ("price list no prices", "price list", _price_list(_set("prices", []))),
    ("price list usd true", "price list", _price_list(_set("prices", [{"id": "sample-one", "usd": True}]))),
    ("price list twice", "price list", _price_list(lambda d: d["prices"].append(dict(d["prices"][0])))),
    ("price list date", "price list", _price_list(_set("date", "01/11/2026"))),
    ("price list unknown key", "price list", _price_list(_set("currency", "EUR"))),
    ("price list name empty", "price list", _price_list(_set("name", ""))),
    ("serum not mine", "serums", _serums(lambda d: d["products"][0].update(id="sample-one"))),
    ("serum no name", "serums", _serums(lambda d: d["products"][0].pop("name"))),
    ("serum blank name", "serums", _serums(lambda d: d["products"][0].update(name="\u3164"))),
    ("serum label long", "serums", _serums(lambda d: d["products"][0].update(label="x" * 20_001))),
    ("serum label empty", "serums", _serums(lambda d: d["products"][0].update(label=""))),
    ("serum size text", "serums", _serums(lambda d: d["products"][0].update(size_ml="30"))),
    ("serums too many", "serums", _serums(lambda d: d.update(products=[SERUM] * 201))),
    ("serums twice", "serums", _serums(lambda d: d["products"].append(SERUM))),
    ("serums not a list", "serums", _serums(_set("products", "none"))),
    (
        "vocabulary unknown family",
        "vocabulary",
        _vocabulary(lambda d: d["families"][1]["parents"].append("nope")),
    ),
    ("vocabulary repeated", "vocabulary", _vocabulary(lambda d: d["families"].append(d["families"][0]))),
    ("vocabulary no source", "vocabulary", _vocabulary(lambda d: d["families"][1].update(source="nope"))),
    ("vocabulary extra", "vocabulary", _vocabulary(lambda d: d["families"][1].update(colour="x"))),
    ("profile no name", "profile", _profile(_drop("name"))),
    ("profile notes long", "profile", _profile(_set("notes", "x" * 100_001))),
    ("profile overrides a list", "profile", _profile(_set("overrides", []))),
    ("profile budget text", "profile", _profile(_set("answers", {"budget_usd": "100"}))),
    ("profile unknown", "profile", _profile(_set("__class__", "x"))),
    ("profile id", "profile", _profile(_set("id", "nope"))),
    ("profile created without zone", "profile", _profile(_set("created", "2026-11-01T10:00:00"))),
    ("profile created text", "profile", _profile(_set("updated", "last week"))),
    ("profile created a number", "profile", _profile(_set("updated", [1]))),
    ("profile not json", "profile", b"{"),
    ("profile a list", "profile", b"[]"),
]


def _message(kind: str, raw: bytes) -> str:
    try:
        READERS[kind](raw)
    except (DataFileError, ProfileDataError) as exc:
        return str(exc)
    raise AssertionError(f"{kind} was read: {raw[:80]!r}")


@pytest.mark.usefixtures("locale")
@pytest.mark.parametrize(("what", "kind", "raw"), BAD_FILES, ids=[f"{k}: {w}" for w, k, _r in BAD_FILES])
def test_a_bad_data_file_is_explained_in_spanish(what: str, kind: str, raw: bytes) -> None:
    english = _message(kind, raw)
    with i18n.override("es"):
        spanish = _message(kind, raw)
    assert spanish != english
    assert not english_left(spanish), f"English left in: {spanish}"
    assert _message(kind, raw) == english  # outside the override, the English is unchanged
    assert not re.search(r"\b(campo|entrada|debe)\b", english), english


def test_every_kind_of_pydantic_error_met_in_a_file_has_serumdesks_words(
    monkeypatch: pytest.MonkeyPatch, locale: Path
) -> None:
    """No error a file can cause falls back to pydantic's English: its type is in the table."""
    met: set[str] = set()
    said = pydantic_words.said

    def recording(error: Any) -> str:
        met.add(error["type"])
        return said(error)

    monkeypatch.setattr(pydantic_words, "said", recording)
    for _what, kind, raw in BAD_FILES:
        _message(kind, raw)
    table = set(pydantic_words._PLAIN) | set(pydantic_words._WITH_CONTEXT)
    assert met <= table, met - table
    assert {
        "missing",
        "string_type",
        "int_type",
        "float_type",
        "bool_type",
        "literal_error",
        "list_type",
        "too_short",
        "too_long",
        "string_too_short",
        "string_too_long",
        "value_error",
        "dict_type",
        "dataclass_type",
    } <= met, met


# --- every type in the table, made by pydantic itself with its real context -----------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    text: str = Field(default="x", min_length=2, max_length=3)
    one: str = Field(default="x", min_length=1)
    count: int = Field(default=1, gt=0, lt=10)
    share: float = Field(default=0.5, ge=0, le=1)
    items: list[int] = Field(default_factory=lambda: [1], min_length=1, max_length=2)
    kind: Literal["a", "b", "c"] = "a"


class _Cat(BaseModel):
    kind: Literal["cat"]


class _Dog(BaseModel):
    kind: Literal["dog"]


PET = TypeAdapter(Annotated[_Cat | _Dog, Field(discriminator="kind")])


def _errors(make: Callable[[], object]) -> list[Any]:
    with pytest.raises(ValidationError) as info:
        make()
    return list(info.value.errors(include_url=False))


PYDANTIC_ERRORS: list[Callable[[], object]] = [
    lambda: _Strict.model_validate(
        {"text": "a", "one": "", "count": 0, "share": -1, "items": [], "kind": "z"}
    ),
    lambda: _Strict.model_validate({"text": "abcd", "count": 10, "share": 2, "items": [1, 2, 3], "x": 1}),
    lambda: _Strict.model_validate({"text": 1, "count": "1", "share": "1", "items": "1"}),
    lambda: _Strict.model_validate({"count": 1.5, "share": float("nan")}),
    lambda: TypeAdapter(bool).validate_python("maybe"),
    lambda: TypeAdapter(dict[str, int]).validate_python([]),
    lambda: TypeAdapter(_Strict).validate_python(5),
    lambda: TypeAdapter(int).validate_python("x"),
    lambda: TypeAdapter(float).validate_python("x"),
    lambda: PET.validate_python({"kind": "fish"}),
    lambda: PET.validate_python({}),
    lambda: TypeAdapter(_Strict).validate_json("{nope"),
    lambda: TypeAdapter(UseCase).validate_python("nope"),
    lambda: TypeAdapter(Any).validate_python(None) or TypeAdapter(None).validate_python(1),
]


def test_each_type_in_the_table_is_said_in_spanish(locale: Path) -> None:
    import datetime as dt

    errors = [e for make in PYDANTIC_ERRORS for e in _errors(make)]
    errors += _errors(lambda: TypeAdapter(dt.date).validate_python("someday"))
    errors += _errors(lambda: TypeAdapter(dt.date).validate_python(3.5))
    errors += _errors(lambda: TypeAdapter(dt.date).validate_python("2026-01-01T10:30:00"))
    met = {e["type"] for e in errors}
    table = set(pydantic_words._PLAIN) | set(pydantic_words._WITH_CONTEXT)
    assert met <= table, met - table
    for required in ("greater_than", "less_than", "greater_than_equal", "less_than_equal"):
        assert required in met
    for error in errors:
        english = pydantic_words.said(error)
        with i18n.override("es"):
            spanish = pydantic_words.said(error)
        assert spanish != english or error["type"] in ("value_error", "assertion_error"), error
        assert not english_left(spanish), (error["type"], spanish)
        assert "Input should" not in english and "should" not in english, english


def test_an_unknown_type_falls_back_to_pydantics_words() -> None:
    error: Any = {"type": "url_parsing", "loc": ("x",), "msg": "Input should be a valid URL.", "input": 1}
    assert pydantic_words.said(error) == "Input should be a valid URL"


@pytest.mark.usefixtures("locale")
def test_dates_and_allergens_in_spanish() -> None:
    import datetime as dt

    with i18n.override("es"):
        with pytest.raises(NumberError) as info:
            FILE_DAY.check(dt.date(2999, 1, 1), today=dt.date(2026, 12, 7))
        assert str(info.value) == (
            "Una fecha del archivo debe ser un valor entre 2000-01-01 y 2027-12-08, no 2999-01-01."
        )
        problem = allergens_problem(["x"] * 101)
        assert problem == "Indique como máximo 100 ingredientes."
    assert allergens_problem(["x"] * 101) == "Please list at most 100 ingredients."


@pytest.mark.usefixtures("locale")
def test_a_products_entry_and_field_in_spanish() -> None:
    raw = _product(_drop("brand"))
    with i18n.override("es"):
        message = _message("catalog", raw)
    assert "producto 'sample-two' (entrada 2), campo 'brand': falta este campo obligatorio" in message
    assert "product 'sample-two' (entry 2), field 'brand': required field is missing" in _message(
        "catalog", raw
    )


# --- any value in any field of a product, a price list or a serum --------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["", "   ", "2026-01-01", "2999-01-01", "sourced", "Bad Id", "mine-x", "\u200b"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["value", "x"]), inner, max_size=2)
    ),
    max_leaves=6,
)


def _paths(data: object, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in a JSON document a value can be put (and each key beside it)."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
        found.append((*prefix, "unexpected"))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _put(data: Any, path: tuple[str | int, ...], value: object) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


DOCUMENTS: dict[str, Callable[[], dict[str, Any]]] = {
    "catalog": lambda: catalog_data([product_data(id="sample-one")]),
    "price list": lambda: copy.deepcopy(PRICE_LIST),
    "serums": lambda: {"schema_version": 1, "products": [copy.deepcopy(SERUM)]},
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(DOCUMENTS)), where=st.integers(min_value=0), value=JSON_VALUES)
def test_any_bad_value_anywhere_is_explained_in_spanish(
    locale: Path, kind: str, where: int, value: object
) -> None:
    data = json.loads(json.dumps(DOCUMENTS[kind]()))
    paths = _paths(data)
    _put(data, paths[where % len(paths)], value)
    raw = json.dumps(data).encode()
    try:
        READERS[kind](raw)
    except (DataFileError, ProfileDataError):
        pass
    else:
        return  # a value the field accepts
    with i18n.override("es"):
        spanish = _message(kind, raw)
    assert not english_left(spanish), spanish


@pytest.mark.usefixtures("locale")
def test_a_price_from_a_clinics_list_says_where_it_comes_from_in_spanish() -> None:
    import datetime as dt

    from serumdesk.domain.catalog.price_list import ListedProvenance

    listed = ListedProvenance(
        kind="sourced", source="Riverside price list", seen=dt.date(2026, 11, 1), list_name="Riverside"
    )
    undated = ListedProvenance(kind="sourced", source="Riverside price list", list_name="Riverside")
    with i18n.override("es"):
        assert listed.describe() == "Lista de precios de Riverside (2026-11-01)"
        assert undated.describe() == "Lista de precios de Riverside"
    assert listed.describe() == "Riverside price list (2026-11-01)"
