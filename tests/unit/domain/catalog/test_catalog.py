"""The bundled catalog loads, every figure is sourced or a reasoned estimate, and broken
catalogs give errors that name the file, the product and the field — never a crash."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from serumdesk.domain.catalog.catalog_file import CatalogError, catalog_json_schema, parse_catalog
from serumdesk.domain.catalog.product import Catalog
from serumdesk.domain.choices import AlternativeKind, InferredFact, IrritantKind
from serumdesk.storage.data_files import load_catalog
from tests.unit.factories import catalog_data, product_data

SEED_IDS = {
    "skinmedica-tns-advanced-plus",
    "neocutis-bio-serum-firm",
    "angela-caglia-cell-forte",
    "kate-somerville-supercell",
    "eighth-day-regenerative-serum",
    "symbiome-the-answer",
}


@pytest.fixture(scope="module")
def bundled(catalog_path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(catalog_path.read_text(encoding="utf-8"))
    return data


def test_bundled_catalog_has_the_guides_six_and_four_alternatives(catalog_path: Path) -> None:
    catalog = load_catalog(catalog_path)
    ids = {p.id for p in catalog.products}
    assert ids >= SEED_IDS
    # The guide's lower-cost kinds ("Cost-saving and alternatives"): peptide serums and
    # hyaluronic acid + niacinamide; an EGF serum at $220 a bottle is not one of them.
    assert {p.id: p.alternative for p in catalog.products if p.alternative} == {
        "the-ordinary-multi-peptide-ha": AlternativeKind.PEPTIDE,
        "the-ordinary-hyaluronic-acid-b5": AlternativeKind.HYALURONIC_ACID,
        "the-ordinary-niacinamide-zinc": AlternativeKind.NIACINAMIDE,
    }
    # Only the six the guide describes are "named in the guide".
    assert {p.id for p in catalog.products if p.named_in_guide} == SEED_IDS
    # The guide's vegan option is the plant-derived one; human-derived ones are never vegan.
    by_id = catalog.by_id()
    assert by_id["kate-somerville-supercell"].vegan
    assert not any(p.vegan for p in catalog.products if p.human_derived)


def test_seed_facts_match_product_facts(catalog_path: Path) -> None:
    by_id = load_catalog(catalog_path).by_id()
    tns = by_id["skinmedica-tns-advanced-plus"]
    assert (tns.price.usd, tns.price.size_ml.value) == (295, 28.4)
    assert tns.evidence.subjects == 66 and tns.evidence.duration_weeks == 24
    assert tns.evidence.peer_reviewed and "dual-chamber" in tns.packaging
    assert by_id["symbiome-the-answer"].price.usd == 200
    assert by_id["angela-caglia-cell-forte"].price.usd == 395
    assert by_id["eighth-day-regenerative-serum"].irritant_names(IrritantKind.EXFOLIATING_ACID)
    assert "fetal" in " ".join(by_id["neocutis-bio-serum-firm"].ethics_notes)
    # product-facts: no trustworthy Kate Somerville price was found, so it must be an estimate.
    assert by_id["kate-somerville-supercell"].price.provenance.is_estimate


def test_every_figure_is_dated_or_a_reasoned_estimate(catalog_path: Path) -> None:
    for product in load_catalog(catalog_path).products:
        figures = {
            "price": product.price.provenance,
            "size": product.price.size_ml.provenance,
            "dose": product.dose_ml.provenance,
            "applications": product.applications_per_day.provenance,
            "evidence": product.evidence.provenance,
        }
        for name, prov in figures.items():
            if prov.is_estimate:
                assert len(prov.source) > 30, f"{product.id} {name}: an estimate needs its reasoning"
            else:
                assert prov.source, f"{product.id} {name}: a sourced figure needs its source"
        if not product.price.provenance.is_estimate and product.price.provenance.seen is None:
            assert "undated" in product.price.provenance.source.lower(), product.id


def test_shipped_schema_matches_the_models() -> None:
    shipped = json.loads((Path(__file__).parents[4] / "catalog" / "catalog.schema.json").read_text())
    regenerate = "run: serumdesk catalog schema --output catalog/catalog.schema.json"
    assert shipped == catalog_json_schema(), regenerate


def test_the_light_build_is_exactly_what_pydantic_validates(
    catalog_path: Path, bundled: dict[str, Any]
) -> None:
    from serumdesk.domain.catalog.catalog_file import catalog_adapter
    from serumdesk.domain.catalog.light_validation import build_checked

    light = build_checked(Catalog, copy.deepcopy(bundled))
    assert light == catalog_adapter().validate_python(copy.deepcopy(bundled))
    assert light == load_catalog(catalog_path)


def _mutations(bundled: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """The bundled catalog with one value somewhere swapped for another JSON value."""
    paths: list[tuple[Any, ...]] = []

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        paths.append(path)
        if isinstance(node, dict):
            for key, item in node.items():
                walk(item, (*path, key))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, (*path, index))

    walk(bundled["products"][0], ("products", 0))
    walk({k: v for k, v in bundled.items() if k != "products"}, ())
    values = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-5, 10**6),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(
            [
                "",
                "  ",
                " x ",
                "2026-01-02",
                "20260102",
                "2026-1-2",
                "sourced",
                "estimate",
                "none",
                "vegan",
                "mild-concerns",
                "a-b",
                "A b",
                "x\n",
                "airless",
                "retinoid",
                "USD",
            ]
        ),
        st.lists(st.sampled_from(["a", " ", "mild-concerns"]), max_size=3),
        st.just({}),
    )

    @st.composite
    def mutated(draw: st.DrawFn) -> dict[str, Any]:
        data = copy.deepcopy(bundled)
        path = draw(st.sampled_from([p for p in paths if p]))
        node = data
        for step in path[:-1]:
            node = node[step]
        if draw(st.booleans()) and isinstance(node, dict):
            node.pop(path[-1], None)
        else:
            node[path[-1]] = draw(values)
        return data

    return mutated()


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_whatever_the_light_build_accepts_pydantic_accepts_the_same(
    bundled: dict[str, Any], data: st.DataObject
) -> None:
    from pydantic import ValidationError

    from serumdesk.domain.catalog.catalog_file import catalog_adapter
    from serumdesk.domain.catalog.light_validation import build_checked

    mutated = data.draw(_mutations(bundled))
    try:
        light = build_checked(Catalog, copy.deepcopy(mutated))
    except (TypeError, ValueError):
        return  # pydantic then words the problem (or accepts a form the light build does not)
    try:
        validated = catalog_adapter().validate_python(copy.deepcopy(mutated))
    except ValidationError as exc:
        raise AssertionError(f"the light build accepted what pydantic refuses: {exc}") from None
    assert light == validated


def test_reading_the_bundled_catalog_does_not_import_pydantic(catalog_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from serumdesk.storage.data_files import load_catalog\n"
        "from serumdesk.domain.advice.recommendation import recommend\n"
        "from serumdesk.domain.answers import Answers\n"
        "from serumdesk.storage.paths import bundled_catalog_path\n"
        "c = load_catalog(bundled_catalog_path())\n"
        "recommend(c, Answers())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', "
        "'pydantic_core')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_missing_field_names_file_product_and_field(bundled: dict[str, Any]) -> None:
    data = copy.deepcopy(bundled)
    del data["products"][2]["price"]["usd"]
    with pytest.raises(CatalogError) as info:
        parse_catalog(json.dumps(data), "my-catalog.json")
    message = str(info.value)
    pid = bundled["products"][2]["id"]
    assert "my-catalog.json" in message
    assert f"product '{pid}' (entry 3)" in message
    assert "price.usd" in message and "required field is missing" in message


def test_unknown_field_and_bad_choice_are_named(bundled: dict[str, Any]) -> None:
    data = copy.deepcopy(bundled)
    data["products"][0]["colour"] = "blue"
    data["products"][1]["source_category"] = "unicorn tears"
    with pytest.raises(CatalogError) as info:
        parse_catalog(json.dumps(data))
    message = str(info.value)
    assert "field 'colour': unknown field" in message
    assert "field 'source_category'" in message and "human-fibroblast-conditioned-media" in message


def test_inconsistent_vegan_claim_is_refused() -> None:
    bad = product_data(human_derived=True, vegan=True, source_category="human-fibroblast-conditioned-media")
    with pytest.raises(CatalogError, match="cannot be vegan"):
        parse_catalog(json.dumps(catalog_data([bad])))


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(CatalogError, match="more than once"):
        parse_catalog(json.dumps(catalog_data([product_data(), product_data()])))


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[]", "top level must be an object"),
        (b"{}", "required field is missing"),
    ],
)
def test_unreadable_catalogs_say_why(raw: bytes, expected: str) -> None:
    with pytest.raises(CatalogError, match=expected):
        parse_catalog(raw)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="does not exist"):
        load_catalog(tmp_path / "nope.json")
    with pytest.raises(CatalogError, match="folder"):
        load_catalog(tmp_path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)


@st.composite
def broken_catalogs(draw: st.DrawFn) -> dict[str, Any]:
    """A valid catalog with one product field replaced, deleted or added."""
    data = catalog_data([product_data(id="a-serum"), product_data(id="b-serum")])
    product = data["products"][draw(st.integers(0, 1))]
    key = draw(st.sampled_from(sorted(product)))
    action = draw(st.sampled_from(["replace", "delete", "extra"]))
    if action == "replace":
        product[key] = draw(json_values)
    elif action == "delete":
        del product[key]
    else:
        product[draw(st.text(min_size=1, max_size=12).filter(lambda k: k not in product))] = 1
    return data


def _has_infinity(value: object) -> bool:
    if isinstance(value, float):
        return math.isinf(value)
    if isinstance(value, dict):
        return any(_has_infinity(v) for v in value.values())
    return isinstance(value, list) and any(_has_infinity(v) for v in value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_catalogs())
def test_broken_catalogs_give_named_errors_never_a_crash(data: dict[str, Any]) -> None:
    text = json.dumps(data)  # Python writes an infinite float as Infinity, which is not JSON
    try:
        catalog = parse_catalog(text, "fuzz.json")
    except CatalogError as exc:
        assert "fuzz.json" in str(exc)
        assert exc.problems
        if _has_infinity(data):
            assert exc.problems[0].startswith("the file is not valid JSON: "), exc.problems
            assert "Infinity is not a number JSON allows" in exc.problems[0]
            return
        named = ("product '", "product (no id)", "catalog")
        assert all(p.startswith(named) for p in exc.problems), exc.problems
    else:  # some replacements are still valid (e.g. another valid string)
        assert len(catalog.products) == 2


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(raw: bytes) -> None:
    with pytest.raises(CatalogError):
        parse_catalog(raw)


def test_undated_sources_say_so_once(catalog_path: Path) -> None:
    for product in load_catalog(catalog_path).products:
        text = product.price.provenance.describe()
        assert text.lower().count("undated") <= 1, text


def test_vegan_status_never_calls_a_human_derived_serum_unconfirmed(catalog_path: Path) -> None:
    by_id = load_catalog(catalog_path).by_id()
    assert by_id["symbiome-the-answer"].vegan_status == "no"  # human-derived
    # product-facts: the brand says "plant-based", not "vegan": likely, but not confirmed.
    assert by_id["kate-somerville-supercell"].vegan_status == "not confirmed"
    assert InferredFact.VEGAN in by_id["kate-somerville-supercell"].inferred
    # product-facts: The Ordinary lists these two as vegan and cruelty-free.
    assert by_id["the-ordinary-niacinamide-zinc"].vegan_status == "yes"
    assert by_id["the-ordinary-hyaluronic-acid-b5"].vegan_status == "yes"
    assert by_id["eighth-day-regenerative-serum"].vegan_status == "not confirmed"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("schema_version", True, "schema_version': must be a whole number, not True"),
        ("schema_version", 1.0, "schema_version': must be a whole number, not 1.0"),
        ("human_derived", "no", "human_derived': must be true or false"),
        ("vegan", 1, "vegan': must be true or false"),
    ],
)
def test_flags_and_versions_are_strict_too(field: str, value: object, words: str) -> None:
    """Issue #13: "usd": true was taken as $1; a flag given as "no" or 1 is no better."""
    data = catalog_data([product_data()])
    (data if field == "schema_version" else data["products"][0])[field] = value
    with pytest.raises(CatalogError) as info:
        parse_catalog(json.dumps(data))
    assert any(words in problem for problem in info.value.problems), info.value.problems
