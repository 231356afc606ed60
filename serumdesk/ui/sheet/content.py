"""The comparison sheet's content as Qt rich-text HTML; every catalog or profile string is escaped.

No Qt here: the text decisions (what to show, what to leave out of a shared copy) are
plain functions, tested without a QApplication. sheet_document.py lays the HTML out on pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from serumdesk.domain import guide
from serumdesk.domain.advice import wording
from serumdesk.domain.advice.background import DONOR_QUESTION, QUESTIONS, transparency_questions
from serumdesk.domain.advice.cautions import CautionLevel, CautionNote
from serumdesk.domain.advice.glance import REPEAT_LIMIT, short_fit
from serumdesk.domain.advice.glossary import Explainer
from serumdesk.domain.advice.ranking import Match
from serumdesk.domain.advice.recommendation import Recommendation
from serumdesk.domain.advice.routine import NOT_ADVICE, SHARED_NOT_ADVICE
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog import product_text
from serumdesk.domain.catalog.freshness import stale_words
from serumdesk.domain.catalog.price_list import clinic_price_sentence
from serumdesk.domain.catalog.product import Product
from serumdesk.domain.clinic.handout import ClinicSheet
from serumdesk.domain.dates import long_date
from serumdesk.domain.sources import Source
from serumdesk.domain.strict.plain_text import plain
from serumdesk.i18n import N_, _
from serumdesk.ui.sheet.clinic_parts import CLINIC_STYLE, end_html, prepared_html, top_html

GRID_PADDING = 2
"""The comparison table's cell padding; no other table on the sheet has it, so the page
layout finds the table by it."""
GENERIC_CLINICIAN_CAUTION = "Medical cautions apply — see your clinician before starting it."
"""A shared copy keeps every clinician caution, without naming the condition behind it."""
SHARED_EXCLUSIONS_NOTE = (
    "A copy for sharing does not list products left out for health reasons (allergies, "
    "sensitivities), if there are any."
)
"""Said on every shared copy, whether or not anything was left off, so nothing can be inferred."""


def _e(text: object) -> str:
    """Catalog or profile text as sheet HTML: made plain (no bidi overrides or invisible
    characters to reorder or hide it), then escaped."""
    return escape(plain(str(text)), quote=True)


def _lines(*texts: str) -> str:
    return "<br/>".join(_e(t) for t in texts)


def shared_caution_texts(
    cautions: Iterable[CautionNote], include_medical: bool
) -> list[tuple[CautionLevel, str]]:
    """Each caution's level and text. A copy for sharing keeps a line for every clinician
    caution without naming the condition, and leaves out the cautions that would tell an
    allergy or a sensitivity."""
    out: list[tuple[CautionLevel, str]] = []
    for c in cautions:
        text = c.text
        if not include_medical and c.kind.private:
            if c.level is not CautionLevel.CLINICIAN:
                continue
            text = GENERIC_CLINICIAN_CAUTION
        if (c.level, text) not in out:
            out.append((c.level, text))
    return out


def _answers_html(answers: Answers, include_medical: bool) -> str:
    rows = wording.answers_rows(answers, include_medical)
    cells = []
    for i in range(0, len(rows), 2):
        pair = rows[i : i + 2]
        tds = "".join(f'<td class="k">{_e(k)}</td><td>{_e(v)}</td>' for k, v in pair)
        if len(pair) == 1:
            tds += "<td></td><td></td>"
        cells.append(f"<tr>{tds}</tr>")
    return (
        '<table class="answers" width="100%" cellspacing="0" cellpadding="1">' + "".join(cells) + "</table>"
    )


def _source_cell(p: Product, explain: Explainer) -> str:
    return f"<b>{_e(explain(p.source_category.label))}</b><br/>" + _lines(
        explain(product_text.source_detail(p)),
        f"{wording.origin_words(p)} {wording.vegan_words(p)}",
        *wording.claims_words(p),
    )


def _ingredients_cell(p: Product, explain: Explainer) -> str:
    return _lines(explain(wording.key_ingredients_words(p)), wording.checked_words(p))


def _irritants_cell(p: Product) -> str:
    return _e(f"{wording.irritants_words(p)} {wording.fragrance_words(p)}")


def _packaging_cell(p: Product) -> str:
    return _e(f"{wording.packaging_words(p)} {wording.storage_words(p)} {wording.concentration_words(p)}")


def _cost_cell(m: Match, answers: Answers, today: dt.date) -> str:
    cost = m.cost
    mark = "*" if cost.is_estimate else ""
    lines = [
        f"{wording.monthly_words(cost)}{mark}",
        f"{wording.per_ml_words(cost)}. {wording.bottle_words(cost)}",
        wording.assumption_words(cost),
        *stale_words(m.product, cost, today),
    ]
    if cost.inputs.estimated_fields:
        lines[2] += f" * {wording.estimated_words(cost)}"
    clinic_price = clinic_price_sentence(m.product, "price_usd" in cost.inputs.overridden_fields)
    if clinic_price:
        lines.append(clinic_price.strip())
    if cost.inputs.overridden_fields:
        lines.append(wording.overridden_words(cost))
    if answers.in_recovery_window:
        lines.append(wording.recovery_window_words(cost))
    if answers.budget_usd_per_month is not None:
        lines.append(wording.budget_words(m.over_budget, answers.budget_usd_per_month))
    first, *rest = lines
    return f"<b>{_e(first)}</b><br/>" + _lines(*rest)


def _fit_cell(m: Match, rec: Recommendation, explain: Explainer) -> str:
    """Its fit in plain words: a patient's sheet has no rank or score (when nothing suits the
    goal, each is a closest option)."""
    fit = "A closest option: nothing suits your goal" if rec.plan.closest_options else short_fit(m)
    return f"<b>{_e(fit)}.</b> {_e(explain(wording.fit_words(m, rec.answers)))}"


def _caution_lines(items: Sequence[tuple[CautionLevel, str]], empty: str) -> str:
    if not items:
        return empty
    return "<br/>".join(f"<b>{_e(level.label)}:</b> {_e(text)}" for level, text in items)


def _caution_rows(compared: Sequence[Match], include_medical: bool) -> tuple[list[str], str]:
    """Each product's own cautions, and those that all, or all but one, of at least three
    compared products share: said once, below the table, naming any exception."""
    per_product = [shared_caution_texts(m.cautions, include_medical) for m in compared]
    enough = len(compared) if len(compared) < REPEAT_LIMIT else REPEAT_LIMIT
    common: list[tuple[CautionLevel, str]] = []
    for items in per_product:
        for c in items:
            if c not in common and len(compared) > 1 and sum(c in p for p in per_product) >= enough:
                common.append(c)
    own = [[c for c in p if c not in common] for p in per_product]
    said: list[str] = []
    for level, text in common:
        missing = [
            m.product.name for m, p in zip(compared, per_product, strict=True) if (level, text) not in p
        ]
        who = f" (all but {', '.join(missing)})" if missing else ""
        said.append(f"<b>{_e(level.label)}:</b> {_e(text)}{_e(who)}")
    empty = "Only those for all of them, below" if common else "None for your answers"
    return [_caution_lines(items, empty) for items in own], "<br/>".join(said)


def _comparison_html(
    rec: Recommendation,
    compared: Sequence[Match],
    include_medical: bool,
    today: dt.date,
    explain: Explainer,
    split_at: int | None = None,
) -> str:
    """The comparison table; `split_at` starts a second table, on a new page and under the
    same header, at that row, so no row is split across pages."""
    if not compared:
        return (
            "<p>No product is left to compare: every product was excluded by these "
            "answers (the reasons are below).</p>"
        )
    answers = rec.answers
    col_pct = 89 // len(compared)
    label_pct = 100 - col_pct * len(compared)  # the columns add up to the full width
    head = "".join(
        f'<th width="{col_pct}%">{_e(m.product.brand)}<br/>{_e(m.product.name)}{_your_entry(m.product)}</th>'
        for m in compared
    )
    own_cautions, common_cautions = _caution_rows(compared, include_medical)
    rows = [
        ("Fit", [_fit_cell(m, rec, explain) for m in compared]),
        ("Source", [_source_cell(m.product, explain) for m in compared]),
        ("Key ingredients", [_ingredients_cell(m.product, explain) for m in compared]),
        ("Irritants", [_irritants_cell(m.product) for m in compared]),
        ("Packaging and storage", [_packaging_cell(m.product) for m in compared]),
        ("Evidence", [_e(wording.evidence_words(m.product)) for m in compared]),
        ("Cost per month", [_cost_cell(m, answers, today) for m in compared]),
        ("Cautions", own_cautions),
    ]
    body = [
        f'<tr><td class="k" width="{label_pct}%">{_e(label)}</td>'
        + "".join(f"<td>{cell}</td>" for cell in cells)
        + "</tr>"
        for label, cells in rows
    ]

    note = ""
    if any(m.cost.is_estimate for m in compared):
        note = (
            '<p class="small">* The monthly cost uses at least one estimated figure; '
            "the sources below give the reasoning.</p>"
        )
    header = f'<thead><tr><th class="k" width="{label_pct}%"></th>{head}</tr></thead>'
    parts = [body] if split_at is None else [body[:split_at], body[split_at:]]
    tables = []
    for i, part in enumerate(parts):
        style = ' style="page-break-before: always"' if i else ""
        tables.append(
            f'<table class="grid" width="100%" cellspacing="0" '
            f'cellpadding="{GRID_PADDING}"{style}>'
            f"{header}<tbody>{''.join(part)}</tbody></table>"
        )
    # Said once under the table: a row across every column would be the likeliest to be
    # left alone at the top of a page.
    common = f"<h3>Cautions for all of them</h3><p>{common_cautions}</p>" if common_cautions else ""
    return "".join(tables) + common + note


def _buying_html(compared: Sequence[Match]) -> str:
    """Each product's notes for a buyer, after the table (they are long, and a table row
    must fit on one page)."""
    items = [
        f"<li><b>{_e(m.product.title)}</b>: {_e(' '.join(notes))}</li>"
        for m in compared
        if (notes := wording.buyer_note_words(m.product))
    ]
    return f'<h2>Before you buy</h2><ul class="small">{"".join(items)}</ul>' if items else ""


def _exclusions_html(rec: Recommendation, include_medical: bool) -> str:
    items = []
    for e in rec.excluded:
        reasons = [r.text for r in e.reasons if include_medical or not r.kind.private]
        if reasons:
            items.append(f"<li><b>{_e(e.product.title)}</b>: {_e(' '.join(reasons))}</li>")
    if include_medical:
        return (
            f"<ul>{''.join(items)}</ul>"
            if items
            else "<p>None: every product in the catalog fits these answers.</p>"
        )
    listed = f"<ul>{''.join(items)}</ul>" if items else ""
    return f"{listed}<p>{_e(SHARED_EXCLUSIONS_NOTE)}</p>"


def _cited(text: str, source: Source) -> str:
    return f'{_e(text)} <span class="src">({_e(source.cite())})</span>'


def _notice_html(rec: Recommendation, include_medical: bool) -> str:
    said = [n for n in rec.notices if include_medical or not n.private]
    # The plan's personal cautions (plan.for_you) are each said on the sheet where they
    # apply, with their sources: the answers, the routine and its notes, the cautions.
    return "".join(f'<p class="notice"><b>{_cited(n.text, n.source)}</b></p>' for n in said)


def _about_html(rec: Recommendation, compared: Sequence[Match], explain: Explainer) -> str:
    items = "".join(f"<li>{_cited(explain(s.text), s.source)}</li>" for s in rec.about)
    asked = [m.product for m in compared if transparency_questions(m.product)]
    if not asked:
        return f'<ul class="small">{items}</ul>'
    donors = [p.title for p in asked if p.human_derived]
    said = list(QUESTIONS) + ([DONOR_QUESTION] if donors else [])
    sources = "; ".join(dict.fromkeys(q.source.cite() for q in said))
    donor_text = f" Of {', '.join(donors)} (human-derived): {DONOR_QUESTION.text}" if donors else ""
    titles = ", ".join(p.title for p in asked)
    questions = (
        '<p class="small"><b>Questions to ask the brand</b> of '
        + f"{_e(titles)}: "
        + _e(" ".join(q.text for q in QUESTIONS) + donor_text)
        + f' <span class="src">({_e(sources)})</span></p>'
    )
    return f'<ul class="small">{items}</ul>{questions}'


SHARED_PRIVATE_NOTE = "Your clinician has advice on your retinoid for you: ask before going on."
"""Stands in, on a copy for sharing, for advice that would name a health detail."""


def _routine_html(
    rec: Recommendation, compared: Sequence[Match], include_medical: bool, explain: Explainer
) -> str:
    # The routine names the serum the sheet leads with, not whatever ranked first.
    r = rec.plan.routine_with(compared[0].product.id) if compared else rec.routine
    am = " → ".join(_e(s) for s in r.am)
    pm = " → ".join(_e(s) for s in r.pm)
    items: list[str] = []
    for n in r.notes:
        item = (
            _cited(explain(n.text), n.source) if include_medical or not n.private else _e(SHARED_PRIVATE_NOTE)
        )
        if item not in items:
            items.append(item)
    notes = "".join(f"<li>{item}</li>" for item in items)
    return f"<p><b>Morning:</b> {am}</p><p><b>Evening:</b> {pm}</p>" + (
        f'<ul class="small">{notes}</ul>' if notes else ""
    )


def _your_entry(p: Product) -> str:
    """The mark under a serum the person added from its label."""
    return f'<br/><span class="small">({_(wording.YOUR_ENTRY)})</span>' if p.entered_by_you else ""


def _prices_from(rec: Recommendation) -> str:
    return f" Prices from {rec.prices_from}." if rec.prices_from else ""


def _timeline_html(rec: Recommendation) -> str:
    return (
        '<ul class="small">'
        + "".join(f"<li><b>{_e(s.when)}:</b> {_e(s.expect)}</li>" for s in rec.timeline)
        + (f'</ul><p class="src">({_e(guide.TIMELINE.cite())})</p>')
    )


def _sources_html(rec: Recommendation, compared: Sequence[Match]) -> str:
    head = (
        f"<p>Catalog {_e(rec.catalog_version)}, updated "
        f"{_e(rec.catalog_updated.isoformat())}.{_e(_prices_from(rec))} Where each figure "
        "came from:</p>"
    )
    per_product: list[tuple[str, list[tuple[str, str]]]] = []
    for m in compared:
        p = m.product
        figures = [
            ("Price", p.price.provenance.describe()),
            ("Size", p.price.size_ml.provenance.describe()),
            ("Amount per use", p.dose_ml.provenance.describe()),
            ("Uses a day", wording.uses_source_words(m.cost)),
            ("Evidence", p.evidence.provenance.describe()),
        ]
        if p.ingredient_list is not None:
            figures.append(("Ingredient list", p.ingredient_list.provenance.describe()))
        figures += [("Inferred", line.split(": ", 1)[1]) for line in wording.inferred_words(p)]
        per_product.append((wording.listed_title(p), figures))
    # Reasoning shared by several products is printed once, as a lettered note.
    counts: dict[str, int] = {}
    for _title, figures in per_product:
        for _field, text in figures:
            counts[text] = counts.get(text, 0) + 1
    shared = [text for text, n in counts.items() if n > 1 and len(text) > 40]
    letters = {text: f"({chr(ord('a') + i)})" for i, text in enumerate(shared)}
    items = []
    for title, figures in per_product:
        text = "; ".join(f"{_e(k)}: {_e(letters.get(v, v))}" for k, v in figures)
        items.append(f"<li><b>{_e(title)}</b> — {text}</li>")
    items += [f"<li>{_e(letter)} {_e(text)}</li>" for text, letter in letters.items()]
    return head + (f'<ul class="tiny">{"".join(items)}</ul>' if items else "")


MIN_PT = 7.0
"""The smallest type on the sheet (sources, notes): readable on paper."""
_STYLE = """
body { font-size: 8pt; color: #000000; }
h1 { font-size: 12pt; margin: 0; }
h2 { font-size: 9pt; margin-top: 3pt; margin-bottom: 0; }
h3 { font-size: 8pt; margin-top: 2pt; margin-bottom: 0; }
p { margin-top: 0; margin-bottom: 2pt; }
ul { margin-top: 0; margin-bottom: 2pt; margin-left: 0; -qt-list-indent: 1; }
li { margin-bottom: 1pt; }
ul.small { margin-bottom: 4pt; }
ul.tiny { font-size: TINY_PTpt; margin-bottom: 4pt; }
.sub { font-size: 8pt; }
.small { font-size: SMALL_PTpt; }
table.grid { border-collapse: collapse; font-size: TABLE_PTpt; }
table.grid td, table.grid th { border-width: 1px; border-style: solid; border-color: #000000;
    vertical-align: top; }
table.grid th { background-color: #e6e6e6; text-align: left; font-weight: bold; }
table.answers { font-size: 8pt; }
td.k { font-weight: bold; }
.src { font-size: SMALL_PTpt; color: #333333; }
p.notice { border-width: 1px; border-style: solid; border-color: #000000; padding: 3pt; }
table.advice { border-collapse: collapse; margin-top: 4pt; font-size: SMALL_PTpt; }
table.advice td { border-width: 1px; border-style: solid; border-color: #000000; }
"""


SHEET_TITLE = N_("Serum comparison sheet")
PRICES_IN = N_("Prices in US dollars.")
SHEET_HEADINGS = (
    N_("Your answers"),
    N_("Products compared"),
    N_("Left out, and why"),
    N_("Routine"),
    N_("Patch test"),
    N_("What to expect, and when"),
    N_("What these serums are"),
)
"""The sheet's section headings, in order."""
TRANSLATED_BY = N_(
    "Translated by SerumDesk from its English text; the titles of sources and the "
    "names of products, brands and ingredients are kept as published."
)
"""Said on a sheet in another language than English: the translation is SerumDesk's own."""
"""Said once on every sheet: the figures are dollars whatever the language of the dates."""


def sheet_html(
    rec: Recommendation,
    compared: Sequence[Match],
    *,
    today: dt.date,
    include_medical: bool = True,
    font_family: str = "DejaVu Sans",
    table_pt: float = 8.0,
    split_at: int | None = None,
    clinic: ClinicSheet | None = None,
    language: str = "en",
) -> str:
    """The whole sheet as one HTML document for QTextDocument; `table_pt` sizes the dense parts
    (sources never below MIN_PT, to stay readable); `split_at` breaks the comparison table
    before that row (see _comparison_html). With `clinic` (clinic_parts.py) it carries the
    clinic's header, "prepared for / by", the notes box and the follow-up date; without, it
    is the personal sheet. Dates are written as `language` writes them; figures stay US
    dollars, said once (PRICES_IN)."""
    style = (
        _STYLE.replace("SMALL_PT", f"{max(MIN_PT, table_pt - 0.5):g}")
        .replace("TINY_PT", f"{max(MIN_PT, table_pt - 1):g}")
        .replace("TABLE_PT", f"{table_pt:g}")
    )
    explain = Explainer()
    advice = _(NOT_ADVICE) if include_medical else _(SHARED_NOT_ADVICE)
    shared = "" if include_medical else _(" — copy for sharing, medical details left out")
    clinic = clinic if clinic is not None and clinic.shown else None
    top = top_html(clinic, _(SHEET_TITLE)) if clinic else f"<h1>{_e(_(SHEET_TITLE))}</h1>"
    prepared = (
        prepared_html(clinic, today, language)
        if clinic
        else _e(_("Prepared with SerumDesk on {date}").format(date=long_date(today, language)))
    )
    headings = {text: _(text) for text in SHEET_HEADINGS}
    translated = "" if language == "en" else f"<br/>{_e(_(TRANSLATED_BY))}"
    style += CLINIC_STYLE if clinic else ""
    return (
        f'<html><head><style>body {{ font-family: "{_e(font_family)}"; }}{style}</style></head>'
        "<body>"
        f"{top}"
        f'<p class="sub">{prepared}'
        f"{_e(shared)}. "
        + _e(
            _("Catalog {version} of {date}.").format(
                version=rec.catalog_version, date=rec.catalog_updated.isoformat()
            )
        )
        + f"{_e(_prices_from(rec))} {_e(_(PRICES_IN))}{translated}</p>"
        f"<h2>{_e(headings['Your answers'])}</h2>"
        + _answers_html(rec.answers, include_medical)
        + f"<h2>{_e(headings['Products compared'])}</h2>"
        + _notice_html(rec, include_medical)
        + _comparison_html(rec, compared, include_medical, today, explain, split_at)
        + _buying_html(compared)
        + f"<h2>{_e(headings['Left out, and why'])}</h2>"
        + _exclusions_html(rec, include_medical)
        + f"<h2>{_e(headings['Routine'])}</h2>"
        + _routine_html(rec, compared, include_medical, explain)
        + f"<h2>{_e(headings['Patch test'])}</h2>"
        f"<p>{_cited(rec.patch_test.text, rec.patch_test.source)}</p>"
        + (end_html(clinic, language) if clinic else "")
        + f"<h2>{_e(headings['What to expect, and when'])}</h2>"
        + _timeline_html(rec)
        + f"<h2>{_e(headings['What these serums are'])}</h2>"
        + _about_html(rec, compared, explain)
        + "<h2>Sources</h2>"
        + _sources_html(rec, compared)
        + '<table class="advice" width="100%" cellspacing="0" cellpadding="4"><tr><td>'
        f"{_e(advice)}</td></tr></table>"
        "</body></html>"
    )
