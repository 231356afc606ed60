"""argparse's own words ("usage:", "options", "invalid choice: …") in the person's language.

argparse translates its messages with the gettext module's global catalogue, which SerumDesk
does not use (serumdesk/i18n.py keeps its own, so a sheet can be made in another language).
`use_serumdesk_catalogue` points argparse's two lookup functions at SerumDesk's, and the
messages below, copied exactly from CPython's argparse, are marked here so that they reach
SerumDesk's catalogue. A message a later Python adds or rewords stays English until it is
copied here too.
"""

from __future__ import annotations

import argparse

from serumdesk import i18n
from serumdesk.i18n import N_

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
"""The messages of argparse a person can meet: help headings and every usage error."""


def _marks_argparse_plural() -> None:  # pragma: no cover - never called: Babel reads it
    i18n.ngettext("expected %s argument", "expected %s arguments", 1)


def use_serumdesk_catalogue() -> None:
    """argparse's messages from now on come from SerumDesk's catalogue, in its language."""
    setattr(argparse, "_", i18n._)  # noqa: B010 - argparse's module global, not an attribute of ours
    setattr(argparse, "ngettext", i18n.ngettext)  # noqa: B010
