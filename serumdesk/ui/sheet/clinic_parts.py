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

LOGO_RESOURCE = "serumdesk-clinic-logo"
"""The name the sheet's <img> uses; pages.py hands the rendered logo to the document under it."""
LOGO_HEIGHT_PX = 44
"""The logo's printed height in the document's logical pixels (about 12 mm)."""
BLANK = "______________________"
BLANK_NOTE_LINES = 4


def _e(text: str) -> str:
    return escape(plain(text), quote=True)


def top_html(clinic: ClinicSheet, title: str, today: dt.date) -> str:
    """The clinic's header (logo, name, contact), the title, and "Prepared for … by … on …"."""
    head = ""
    d = clinic.details
    if d is not None:
        contact = "<br/>".join(_e(line) for line in d.contact_lines())
        logo = (f'<td width="1%" valign="middle"><img src="{LOGO_RESOURCE}" '
                f'height="{LOGO_HEIGHT_PX}"/></td>' if clinic.has_logo else "")
        head = ('<table class="clinic" width="100%" cellspacing="0" cellpadding="3"><tr>'
                f'{logo}<td valign="middle"><span class="clinicname">{_e(d.name)}</span>'
                f'{"<br/>" + contact if contact else ""}</td></tr></table>')
    h = clinic.handout
    who = _e(h.prepared_for) if h.prepared_for else BLANK
    by = _e(h.prepared_by) if h.prepared_by else BLANK
    prepared = (f'<p class="prepared">Prepared for <b>{who}</b> by <b>{by}</b> on '
                f"<b>{_e(long_date(today))}</b></p>")
    return f"{head}<h1>{_e(title)}</h1>{prepared}"


def end_html(clinic: ClinicSheet) -> str:
    """The notes box (typed notes, or lines to write on) and the follow-up date."""
    h = clinic.handout
    if h.notes:
        body = "<br/>".join(_e(line) if line else "&nbsp;" for line in h.notes.split("\n"))
    else:
        body = "<br/>".join(["&nbsp;"] * BLANK_NOTE_LINES * 2)
    follow = f"<b>{_e(long_date(h.follow_up))}</b>" if h.follow_up else BLANK
    return ("<h2>Notes from your clinic</h2>"
            '<table class="notes" width="100%" cellspacing="0" cellpadding="5"><tr><td>'
            f"{body}</td></tr></table>"
            f'<p class="prepared">Follow-up visit: {follow}</p>')


CLINIC_STYLE = """
table.clinic { margin-bottom: 3pt; border-bottom: 1px solid #000000; }
.clinicname { font-size: 12pt; font-weight: bold; }
p.prepared { font-size: 9pt; margin-top: 2pt; margin-bottom: 3pt; }
table.notes { border-collapse: collapse; margin-bottom: 2pt; }
table.notes td { border-width: 1px; border-style: solid; border-color: #000000; }
"""
