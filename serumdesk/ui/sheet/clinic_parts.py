"""The clinic's pieces of the sheet as rich-text HTML: its header, "prepared for / by", the
notes box and the follow-up date. No Qt here (the command line renders them too).

Kept apart from content.py so the sheet's look and the clinic's pieces can change
separately; content.py places `top_html` at the head and `end_html` after the patch test.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from serumdesk.domain.clinic.handout import ClinicSheet
from serumdesk.domain.dates import long_date
from serumdesk.domain.strict.plain_text import plain
from serumdesk.i18n import _

LOGO_RESOURCE = "serumdesk-clinic-logo"
"""The name the sheet's <img> uses; pages.py hands the rendered logo to the document under it."""
LOGO_HEIGHT_PX = 30
"""The logo's printed height in the document's logical pixels (about 12 mm)."""
BLANK = "______________________"
BLANK_NOTE_LINES = 4


def _e(text: str) -> str:
    return escape(plain(text), quote=True)


def top_html(clinic: ClinicSheet, title: str) -> str:
    """The clinic's header: logo, name and contact on the left, the sheet's title on the right
    (one row, so the clinic's sheet keeps to two pages)."""
    d = clinic.details
    if d is None:
        return f"<h1>{_e(title)}</h1>"
    contact = " · ".join(_e(line) for line in d.contact_lines())
    logo = (
        f'<td width="1%" valign="middle"><img src="{LOGO_RESOURCE}" height="{LOGO_HEIGHT_PX}"/></td>'
        if clinic.has_logo
        else ""
    )
    return (
        '<table class="clinic" width="100%" cellspacing="0" cellpadding="2"><tr>'
        f'{logo}<td valign="middle"><span class="clinicname">{_e(d.name)}</span>'
        f"{'<br/>' + contact if contact else ''}</td>"
        '<td width="45%" align="right" valign="bottom">'
        f'<span class="sheettitle">{_e(title)}</span></td>'
        "</tr></table>"
    )


def prepared_html(clinic: ClinicSheet, today: dt.date, language: str = "en") -> str:
    """'Prepared for <b>Anna K.</b> by <b>Dr. Lee</b> on 7 December 2026 with SerumDesk',
    with a line to write on for a name not typed."""
    h = clinic.handout
    who = f"<b>{_e(h.prepared_for)}</b>" if h.prepared_for else BLANK
    by = f"<b>{_e(h.prepared_by)}</b>" if h.prepared_by else BLANK
    # TRANSLATORS: {who} and {by} are names in bold (or a line to write on), {date} a long date.
    return _("Prepared for {who} by {by} on {date} with SerumDesk").format(
        who=who, by=by, date=f"<b>{_e(long_date(today, language))}</b>"
    )


def end_html(clinic: ClinicSheet, language: str = "en") -> str:
    """The notes box (typed notes, or lines to write on), headed with the follow-up date."""
    h = clinic.handout
    if h.notes:
        body = "<br/>".join(_e(line) if line else "&nbsp;" for line in h.notes.split("\n"))
    else:
        body = "<br/>".join(["&nbsp;"] * BLANK_NOTE_LINES)
    follow = f"<b>{_e(long_date(h.follow_up, language))}</b>" if h.follow_up else BLANK
    heading = _e(_("Notes from your clinic"))
    follow_up = _("Follow-up visit: {date}").format(date=follow)
    return (
        f"<h2>{heading}</h2>"
        '<table class="notes" width="100%" cellspacing="0" cellpadding="4"><tr><td>'
        f'{body}</td></tr><tr><td class="follow">{follow_up}</td></tr></table>'
    )


CLINIC_STYLE = """
table.clinic { margin-bottom: 1pt; font-size: 8pt; }
.clinicname { font-size: 12pt; font-weight: bold; }
.sheettitle { font-size: 13pt; font-weight: bold; }
table.notes { border-collapse: collapse; margin-bottom: 1pt; font-size: 8pt; }
table.notes td { border-width: 1px; border-style: solid; border-color: #000000; }
td.follow { font-size: 8.5pt; }
"""
