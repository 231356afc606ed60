"""Extract SerumDesk's marked text with Babel and bring each language's .po up to date.

    python scripts/catalogues.py            # update every resources/locale/<lang>/.../serumdesk.po
    python scripts/catalogues.py init fr    # start a new language from the marked text
    python scripts/catalogues.py manual es  # record that es's manual.md follows the README now

tests/unit/test_translatable.py extracts the same way (`extract`) and fails when a .po misses a
marked string, keeps one no longer marked, or has one untranslated or fuzzy. Babel is a
development and build tool only (installed with `.[test]`), never a runtime dependency.

The bundled data files' prose is extracted too (`data_messages`): a product's description,
evidence, notes for buyers… in catalog/catalog.json, and (with TRANSLATE_INGREDIENTS) each
explanation, family label and origin reason of catalog/ingredients.json. SerumDesk shows that
text through `_()` where it is shown (serumdesk/domain/catalog/product_text.py and the
vocabulary's Entry), so a data string added or changed without its translation fails the
same test as a code string. Names (brands, products, INCI) and cited sources are not prose
and are not extracted.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "serumdesk"
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "serumdesk"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
"""serumdesk/i18n.py's functions, as Babel's extractor takes them."""
COMMENT_TAG = "TRANSLATORS:"
"""A comment starting so, just above a marked string, is shown to translators."""
CATALOG = ROOT / "catalog" / "catalog.json"
INGREDIENTS = ROOT / "catalog" / "ingredients.json"
TRANSLATE_INGREDIENTS = True
"""Whether catalog/ingredients.json's prose (explanations, family labels, origin reasons) is
extracted, and so must be translated in every catalogue. Off until the Spanish of its ~900
strings is in serumdesk.po: switch it on, run this script, fill the new entries."""


def extract(package: Path = PACKAGE) -> Catalog:
    """Every string marked in `package`, as a template catalogue."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(project="SerumDesk", domain=DOMAIN, fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(package),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=(COMMENT_TAG,),
        strip_comment_tags=True,
    ):
        where = f"serumdesk/{filename}"
        template.add(message, None, [(where, lineno)], auto_comments=comments, context=context)
    for message, where, comment in data_messages():
        template.add(message, None, [(where, 0)], auto_comments=[comment])
    return template


def data_messages(ingredients: bool | None = None) -> Iterator[tuple[str, str, str]]:
    """(text, file, what it is) for each prose string of the bundled data files: the text
    SerumDesk shows through `_()` in a person's language."""
    catalog = _json(CATALOG)
    where = CATALOG.relative_to(ROOT).as_posix()
    for product in catalog["products"]:
        for field, text in product_prose(product):
            yield text, where, f"{product['id']}: {field}"
    if TRANSLATE_INGREDIENTS if ingredients is None else ingredients:
        vocabulary = _json(INGREDIENTS)
        where = INGREDIENTS.relative_to(ROOT).as_posix()
        for item in vocabulary["ingredients"]:
            yield item["explanation"], where, f"ingredient {item['inci']}: explanation"
        for pattern in vocabulary["patterns"]:
            yield pattern["explanation"], where, f"name pattern {pattern['match']}: explanation"
        for family in vocabulary["families"]:
            yield family["label"], where, f"family {family['id']}: label"
        for rule in vocabulary["origin_words"]:
            yield rule["reason"], where, f"origin words {rule['id']}: reason"


def product_prose(product: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(field, text) for each prose string of one catalog product, as a person reads it:
    descriptions, evidence, ethics, notes for buyers, key ingredients as common words, and
    the reasoning of estimates and inferences. Citations ("sourced" provenance) stay as
    cited, and `notes` are research remarks for maintainers that no surface shows."""
    yield "description", product["description"]
    yield "source_detail", product["source_detail"]
    for text in product["key_ingredients"]:
        yield "key_ingredients", text
    for irritant in product.get("irritants", ()):
        yield "irritants", irritant["ingredient"]
    for field in ("ethics_notes", "ethics_claims"):
        for text in product.get(field, ()):
            yield field, text
    for note in product.get("buyer_notes", ()):
        yield "buyer_notes", note["text"]
    for fact, why in product.get("inferred", {}).items():
        yield f"inferred {fact}", why
    evidence = product["evidence"]
    yield "evidence.summary", evidence["summary"]
    if evidence.get("funded_by"):
        yield "evidence.funded_by", evidence["funded_by"]
    listed = product.get("ingredient_list") or {}
    if listed.get("note"):
        yield "ingredient_list.note", listed["note"]
    if product.get("storage", {}).get("note"):
        yield "storage.note", product["storage"]["note"]
    if product.get("concentration_disclosed"):
        yield "concentration_disclosed", product["concentration_disclosed"]
    price = product["price"]
    for field, provenance in (
        ("price", price["provenance"]),
        ("size_ml", price["size_ml"]["provenance"]),
        ("dose_ml", product["dose_ml"]["provenance"]),
        ("applications_per_day", product["applications_per_day"]["provenance"]),
        ("evidence", evidence["provenance"]),
        ("ingredient_list", listed.get("provenance")),
    ):
        if provenance and provenance["kind"] == "estimate":
            yield f"{field}: the estimate's reasoning", provenance["source"]


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8-sig"))


def po_files(locale: Path = LOCALE) -> list[Path]:
    return sorted(locale.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(po: Path) -> Catalog:
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        return read_po(handle, locale=po.parent.parent.name, domain=DOMAIN)


def write(po: Path, catalog: Catalog) -> None:
    from babel.messages.pofile import write_po

    with po.open("wb") as handle:
        # File names without line numbers: a moved line does not churn the catalogue.
        write_po(handle, catalog, width=100, include_lineno=False, ignore_obsolete=True, sort_by_file=False)


def _translated(string: str | tuple[str, ...]) -> bool:
    """A message, or every plural form of one, has its translation."""
    return all(string) if isinstance(string, tuple) else bool(string)


def update(locale: Path = LOCALE) -> None:
    """Add new marked strings to every .po (untranslated), drop those no longer marked."""
    template = extract()
    for po in po_files(locale):
        catalog = read(po)
        created = catalog.creation_date  # kept: an update changes entries, not the header
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.creation_date = created
        write(po, catalog)
        missing = sum(1 for message in catalog if message.id and not _translated(message.string))
        print(f"{po.relative_to(ROOT)}: {missing} to translate")


def init(language: str, locale: Path = LOCALE) -> None:
    """Start `language`'s catalogue from the marked text (every entry untranslated)."""
    from babel.messages.catalog import Catalog

    po = locale / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if po.exists():
        raise SystemExit(f"{po} already exists; run without arguments to update it")
    catalog = Catalog(locale=language, domain=DOMAIN, project="SerumDesk", fuzzy=False)
    catalog.update(extract(), no_fuzzy_matching=True)
    po.parent.mkdir(parents=True)
    write(po, catalog)
    print(f"{po.relative_to(ROOT)}: started")


MANUAL_SECTIONS = (
    "Using the app",
    "A serum that is not in the catalog",
    "Clinics",
    "Printing",
    "Profiles",
    "Privacy and files",
    "How it decides",
    "Troubleshooting",
)
"""The README's sections a translated manual (resources/locale/<lang>/manual.md) carries,
after the introduction: what a person using the app reads in Help. Installing, the command
line and the licence stay in the English README."""


def manual_source(readme: Path = ROOT / "README.md") -> str:
    """The README's introduction and MANUAL_SECTIONS, as a translated manual renders them."""
    text = readme.read_text(encoding="utf-8")
    parts = text.split("\n## ")
    kept = [parts[0]] + [part for part in parts[1:] if part.split("\n", 1)[0].strip() in MANUAL_SECTIONS]
    return "\n## ".join(kept)


def manual_fingerprint(readme: Path = ROOT / "README.md") -> str:
    import hashlib

    return hashlib.sha256(manual_source(readme).encode("utf-8")).hexdigest()[:16]


def record_manual(language: str, locale: Path = LOCALE) -> None:
    """After bringing `language`'s manual.md up to date with the README, record so."""
    manual = locale / language / "manual.md"
    if not manual.is_file():
        raise SystemExit(f"{manual} does not exist: translate the README's sections into it first")
    (locale / language / "manual.fingerprint").write_text(manual_fingerprint() + "\n", encoding="utf-8")
    print(f"{manual.relative_to(ROOT)}: recorded as following the README")


if __name__ == "__main__":
    if sys.argv[1:2] == ["init"] and len(sys.argv) == 3:
        init(sys.argv[2])
    elif sys.argv[1:2] == ["manual"] and len(sys.argv) == 3:
        record_manual(sys.argv[2])
    elif len(sys.argv) == 1:
        update()
    else:
        raise SystemExit(__doc__)
