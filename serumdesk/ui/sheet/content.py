"""The comparison sheet's content as Qt rich-text HTML; every catalog or profile string is escaped.

No Qt here: the text decisions (what to show, what to leave out of a shared copy) are
plain functions, tested without a QApplication. sheet_document.py lays the HTML out on pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from serumdesk.domain.answers import Answers
from serumdesk.domain.cautions import CautionLevel, CautionNote
from serumdesk.domain.choices import Caution, UseCase
from serumdesk.domain.cost import CostEstimate
from serumdesk.domain.dates import long_date
from serumdesk.domain.product import Product
from serumdesk.domain.ranking import Match
from serumdesk.domain.recommendation import Recommendation
from serumdesk.domain.routine import NOT_ADVICE, SHARED_NOT_ADVICE, build_routine
from serumdesk.ui.results.controller import money

MAX_COMPARED = 4
"""One or two pages: the sheet compares at most four products side by side."""
DEFAULT_COMPARED = 3

GENERIC_CLINICIAN_CAUTION = (
    "Medical cautions apply — see your clinician before starting it."
)
"""A shared copy keeps every clinician caution, without naming the condition behind it."""
GENERIC_ALLERGY_CAUTION = (
    "SerumDesk knows the key ingredients only: check the full ingredient list on the pack "
    "for the allergens you listed, and patch test."
)
GENERIC_ALLERGY_EXCLUSION = "Matches an ingredient you are allergic to (not named on this copy)."

_LEVEL_LABELS = {
    CautionLevel.CLINICIAN: "See your clinician",
    CautionLevel.IRRITATION: "Irritation",
    CautionLevel.ALLERGY: "Allergy",
    CautionLevel.ETHICS: "Ethics",
    CautionLevel.INFO: "Note",
}
_COST_FIELDS = {
    "price_usd": "price",
    "size_ml": "size",
    "dose_ml": "amount per use",
    "applications_per_day": "uses a day",
}


class CompareError(ValueError):
    """The products asked for cannot be compared; the message names the valid ids."""


def select_compared(rec: Recommendation, compare_ids: Sequence[str]) -> tuple[Match, ...]:
    """The matches to compare, in the order asked; empty `compare_ids` means the top three."""
    if not compare_ids:
        return tuple(rec.matches[:DEFAULT_COMPARED])
    ids = list(dict.fromkeys(compare_ids))
    if len(ids) > MAX_COMPARED:
        raise CompareError(
            f"The sheet compares at most {MAX_COMPARED} products; {len(ids)} were asked for.")
    by_id = {m.product.id: m for m in rec.matches}
    excluded = {e.product.id: e for e in rec.excluded}
    for pid in ids:
        if pid in by_id:
            continue
        valid = ", ".join(by_id) or "none (every product was excluded)"
        if pid in excluded:
            why = " ".join(r.text for r in excluded[pid].reasons)
            raise CompareError(
                f"'{pid}' is excluded for these answers ({why}). Products you can compare: {valid}.")
        raise CompareError(f"Unknown product id '{pid}'. Products you can compare: {valid}.")
    return tuple(by_id[pid] for pid in ids)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _names_allergen(text: str, answers: Answers) -> bool:
    folded = text.casefold()
    return any(a.casefold() in folded for a in answers.allergens)


def shared_caution_texts(cautions: Iterable[CautionNote], answers: Answers,
                         include_medical: bool) -> list[tuple[CautionLevel, str]]:
    """Each caution's level and text; a shared copy keeps a line for each but names no condition."""
    out: list[tuple[CautionLevel, str]] = []
    for c in cautions:
        text = c.text
        if not include_medical:
            if c.level is CautionLevel.CLINICIAN:
                text = GENERIC_CLINICIAN_CAUTION
            elif _names_allergen(text, answers):
                text = GENERIC_ALLERGY_CAUTION
        if (c.level, text) not in out:
            out.append((c.level, text))
    return out


def _answers_rows(answers: Answers, include_medical: bool) -> list[tuple[str, str]]:
    what = answers.use_case.label
    if answers.use_case is UseCase.POST_PROCEDURE:
        if answers.procedure is not None:
            what += f" ({answers.procedure.label.lower()})"
        if answers.days_since_procedure is not None:
            what += f", {answers.days_since_procedure} days ago"
    actives = ", ".join(a.label for a in sorted(answers.actives)) or "None of the listed actives"
    budget = (f"{money(answers.budget_usd_per_month)} a month"
              if answers.budget_usd_per_month is not None else "No budget given")
    rows = [
        ("What for", what),
        ("Skin", answers.sensitivity.label),
        ("Diet and ethics", answers.diet.label),
        ("Already using", actives),
        ("Budget", budget),
        ("Fragrance", "Sensitive to fragrance" if Caution.FRAGRANCE_SENSITIVE in answers.cautions
         else "No fragrance sensitivity given"),
    ]
    if include_medical:
        medical = [c.label for c in sorted(answers.cautions) if c.is_medical]
        rows.append(("Medical", "; ".join(medical) or "None given"))
        rows.append(("Allergies", ", ".join(answers.allergens) or "None given"))
    else:
        rows.append(("Medical details", "Left out of this copy for sharing; every caution "
                     "below still applies."))
    return rows


def _answers_html(answers: Answers, include_medical: bool) -> str:
    rows = _answers_rows(answers, include_medical)
    cells = []
    for i in range(0, len(rows), 2):
        pair = rows[i:i + 2]
        tds = "".join(f'<td class="k">{_e(k)}</td><td>{_e(v)}</td>' for k, v in pair)
        if len(pair) == 1:
            tds += "<td></td><td></td>"
        cells.append(f"<tr>{tds}</tr>")
    return ('<table class="answers" width="100%" cellspacing="0" cellpadding="2">'
            + "".join(cells) + "</table>")


def _source_cell(p: Product) -> str:
    origin = ("Human-derived" if p.human_derived else "Animal-derived" if p.animal_derived
              else "Not human- or animal-derived")
    vegan = f"Vegan: {p.vegan_status}"
    return (f"<b>{_e(p.source_category.label)}</b><br/>{_e(p.source_detail)}<br/>"
            f"{_e(origin)}. {_e(vegan)}.")


def _irritants_cell(p: Product) -> str:
    parts = [f"{_e(i.kind.label)}: {_e(i.ingredient)}" for i in p.irritants]
    listed = "<br/>".join(parts) if parts else "None listed"
    fragrance = {True: "Fragrance-free", False: "Contains fragrance",
                 None: "Fragrance not stated"}[p.fragrance_free]
    return f"{listed}<br/>{_e(fragrance)}"


def _packaging_cell(p: Product) -> str:
    packs = ", ".join(pk.value.replace("-", " ") for pk in p.packaging) or "packaging not stated"
    fridge = {True: "Keep in the fridge", False: "Room temperature",
              None: "Storage not stated"}[p.storage.refrigerate]
    note = f" {_e(p.storage.note)}" if p.storage.note else ""
    return f"{_e(packs.capitalize())}<br/>{_e(fridge)}.{note}"


def _cost_cell(m: Match, use_case: UseCase) -> str:
    cost: CostEstimate = m.cost
    mark = "*" if cost.is_estimate else ""
    lines = [f"<b>{_e(money(cost.cost_per_month_usd))} a month{mark}</b>",
             f"{_e(money(cost.price_per_ml_usd))} per ml"]
    if cost.months_per_bottle:
        lines.append(f"A bottle lasts about {cost.months_per_bottle:.1f} months")
    lines.append(_e(cost.assumption()))
    if cost.inputs.estimated_fields:
        fields = ", ".join(_COST_FIELDS.get(f, f) for f in cost.inputs.estimated_fields)
        lines.append(f"* estimate: {_e(fields)}")
    if cost.inputs.overridden_fields:
        fields = ", ".join(_COST_FIELDS.get(f, f) for f in cost.inputs.overridden_fields)
        lines.append(f"Your own figure: {_e(fields)}")
    if use_case is UseCase.POST_PROCEDURE:
        low, high = cost.recovery_window_usd
        lines.append(f"Recovery window (7–14 days): {_e(money(low))}–{_e(money(high))}")
    if m.over_budget:
        lines.append("<b>Over your budget</b>")
    return "<br/>".join(lines)


def _fit_cell(m: Match, answers: Answers, total: int) -> str:
    fit = ("A guide pick for " if m.fits_use_case else "Not a guide pick for ") + \
        answers.use_case.label.lower()
    extra = "<br/>A lower-cost alternative" if m.product.alternative else ""
    return f"Rank {m.rank} of {total}, score {m.score}<br/>{_e(fit)}{extra}"


def _caution_lines(items: Sequence[tuple[CautionLevel, str]], empty: str) -> str:
    if not items:
        return empty
    return "<br/>".join(f"<b>{_e(_LEVEL_LABELS[level])}:</b> {_e(text)}" for level, text in items)


def _caution_rows(compared: Sequence[Match], answers: Answers,
                  include_medical: bool) -> tuple[list[str], str]:
    """Each product's own cautions, and those that apply to every compared product (said once)."""
    per_product = [shared_caution_texts(m.cautions, answers, include_medical) for m in compared]
    common = [c for c in per_product[0] if len(compared) > 1 and all(c in p for p in per_product)]
    own = [[c for c in p if c not in common] for p in per_product]
    empty = "Only those for all of them, below" if common else "None for your answers"
    return [_caution_lines(items, empty) for items in own], _caution_lines(common, "")


def _comparison_html(rec: Recommendation, compared: Sequence[Match], include_medical: bool) -> str:
    if not compared:
        return ("<p>No product is left to compare: every product was excluded by these "
                "answers (the reasons are below).</p>")
    answers = rec.answers
    total = len(rec.matches)
    col_pct = 89 // len(compared)
    label_pct = 100 - col_pct * len(compared)  # the columns add up to the full width
    head = "".join(
        f'<th width="{col_pct}%">#{m.rank} {_e(m.product.brand)}<br/>{_e(m.product.name)}</th>'
        for m in compared)
    own_cautions, common_cautions = _caution_rows(compared, answers, include_medical)
    rows = [
        ("Fit", [_fit_cell(m, answers, total) for m in compared]),
        ("Source", [_source_cell(m.product) for m in compared]),
        ("Key ingredients", [_e(", ".join(m.product.key_ingredients)) for m in compared]),
        ("Irritants", [_irritants_cell(m.product) for m in compared]),
        ("Packaging and storage", [_packaging_cell(m.product) for m in compared]),
        ("Evidence", [_e(m.product.evidence.brief()) for m in compared]),
        ("Cost per month", [_cost_cell(m, answers.use_case) for m in compared]),
        ("Cautions", own_cautions),
    ]
    body = "".join(
        f'<tr><td class="k" width="{label_pct}%">{_e(label)}</td>'
        + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"
        for label, cells in rows)
    if common_cautions:
        body += (f'<tr><td class="k">Cautions for all of them</td>'
                 f'<td colspan="{len(compared)}">{common_cautions}</td></tr>')
    note = ""
    if any(m.cost.is_estimate for m in compared):
        note = ('<p class="small">* The monthly cost uses at least one estimated figure; '
                "the sources below give the reasoning.</p>")
    return ('<table class="grid" width="100%" cellspacing="0" cellpadding="3">'
            f'<thead><tr><th class="k" width="{label_pct}%"></th>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>{note}")


def _exclusions_html(rec: Recommendation, include_medical: bool) -> str:
    if not rec.excluded:
        return "<p>None: every product in the catalog fits these answers.</p>"
    items = []
    for e in rec.excluded:
        reasons = []
        for r in e.reasons:
            text = r.text
            if not include_medical and _names_allergen(text, rec.answers):
                text = GENERIC_ALLERGY_EXCLUSION
            if text not in reasons:
                reasons.append(text)
        items.append(f"<li><b>{_e(e.product.title)}</b>: {_e(' '.join(reasons))}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _routine_html(rec: Recommendation, compared: Sequence[Match]) -> str:
    # The routine names the serum the sheet leads with, not whatever ranked first.
    r = build_routine(rec.answers, compared[0].product) if compared else rec.routine
    am = " → ".join(_e(s) for s in r.am)
    pm = " → ".join(_e(s) for s in r.pm)
    notes = "".join(f"<li>{_e(n.text)}</li>" for n in r.notes)
    return (f"<p><b>Morning:</b> {am}</p><p><b>Evening:</b> {pm}</p>"
            + (f"<ul>{notes}</ul>" if notes else ""))


def _timeline_html(rec: Recommendation) -> str:
    return "<ul>" + "".join(
        f"<li><b>{_e(s.when)}:</b> {_e(s.expect)}</li>" for s in rec.timeline) + "</ul>"


def _sources_html(rec: Recommendation, compared: Sequence[Match]) -> str:
    head = (f"<p>Catalog {_e(rec.catalog_version)}, updated "
            f"{_e(rec.catalog_updated.isoformat())}. Where each figure came from:</p>")
    items = []
    for m in compared:
        p = m.product
        figures = [
            ("Price", p.price.provenance.describe()),
            ("Size", p.price.size_ml.provenance.describe()),
            ("Amount per use", p.dose_ml.provenance.describe()),
            ("Uses a day", p.applications_per_day.provenance.describe()),
            ("Evidence", p.evidence.provenance.describe()),
        ]
        text = "; ".join(f"{_e(k)}: {_e(v)}" for k, v in figures)
        items.append(f"<li><b>{_e(p.title)}</b> — {text}</li>")
    return head + (f'<ul class="small">{"".join(items)}</ul>' if items else "")


_STYLE = """
body { font-size: 8.5pt; color: #000000; }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 10.5pt; margin-top: 8pt; margin-bottom: 3pt; }
p { margin-top: 0; margin-bottom: 2pt; }
ul { margin-top: 0; margin-bottom: 2pt; margin-left: 0; -qt-list-indent: 1; }
li { margin-bottom: 1pt; }
ul.small { margin-bottom: 8pt; }
.sub { font-size: 8pt; }
.small { font-size: SMALL_PTpt; }
table.grid { border-collapse: collapse; font-size: TABLE_PTpt; }
table.grid td, table.grid th { border-width: 1px; border-style: solid; border-color: #000000;
    vertical-align: top; }
table.grid th { background-color: #e6e6e6; text-align: left; font-weight: bold; }
table.answers { font-size: 8pt; }
td.k { font-weight: bold; }
table.advice { border-collapse: collapse; margin-top: 6pt; }
table.advice td { border-width: 1px; border-style: solid; border-color: #000000; }
"""


def sheet_html(rec: Recommendation, compared: Sequence[Match], *, today: dt.date,
               include_medical: bool = True, font_family: str = "DejaVu Sans",
               table_pt: float = 8.0) -> str:
    """The whole sheet as one HTML document for QTextDocument; `table_pt` sizes the dense parts."""
    style = _STYLE.replace("SMALL_PT", f"{max(6.5, table_pt - 0.5):g}").replace(
        "TABLE_PT", f"{table_pt:g}")
    advice = NOT_ADVICE if include_medical else SHARED_NOT_ADVICE
    shared = "" if include_medical else " — copy for sharing, medical details left out"
    return (
        f'<html><head><style>body {{ font-family: "{_e(font_family)}"; }}{style}</style></head>'
        "<body>"
        "<h1>Serum comparison sheet</h1>"
        f'<p class="sub">Prepared with SerumDesk on {_e(long_date(today))}'
        f"{_e(shared)}. Catalog {_e(rec.catalog_version)} of "
        f"{_e(rec.catalog_updated.isoformat())}.</p>"
        "<h2>Your answers</h2>" + _answers_html(rec.answers, include_medical)
        + "<h2>Products compared</h2>" + _comparison_html(rec, compared, include_medical)
        + "<h2>Left out, and why</h2>" + _exclusions_html(rec, include_medical)
        + "<h2>Routine</h2>" + _routine_html(rec, compared)
        + f"<h2>Patch test</h2><p>{_e(rec.patch_test.text)}</p>"
        + "<h2>What to expect, and when</h2>" + _timeline_html(rec)
        + "<h2>Sources</h2>" + _sources_html(rec, compared)
        + '<table class="advice" width="100%" cellspacing="0" cellpadding="4"><tr><td>'
        f"<b>Not medical advice.</b> {_e(advice)}</td></tr></table>"
        "</body></html>"
    )
