"""`serumdesk profile ...`: list, save, show, delete, restore, export and import profiles."""

from __future__ import annotations

import argparse
import json
from typing import Any

from serumdesk.cli.errors import UserError, save_failed
from serumdesk.cli.options import (
    Parser,
    add_answer_options,
    answers_from_args,
    find_profile,
    path_option,
    typed_text,
    user_catalog_store,
)
from serumdesk.cli.options import profile_store as _store
from serumdesk.cli.output import say, tell, write_json
from serumdesk.i18n import N_, _, ngettext
from serumdesk.storage.profile_types import (
    Profile,
    ProfileError,
    ProfileListing,
    ProfileNotFound,
    name_key,
)
from serumdesk.storage.profiles import ProfileStore

NEEDS_NEWER = N_("needs a newer SerumDesk")


def _user_error(exc: ProfileError) -> UserError:
    return UserError(str(exc))


def _warn_problems(store: ProfileStore) -> ProfileListing:
    """The listing, with a warning for each file that could not be read — except a named
    profile from a newer SerumDesk, which `profile list` shows in the list instead."""
    listing = store.listing()
    for problem in listing.problems:
        if not (problem.too_new and problem.name):
            tell(_("serumdesk: warning: {message}").format(message=problem.message))
    return listing


def _summary(p: Profile) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "use_case": p.answers.use_case.value,
        "created": p.created.isoformat(),
        "updated": p.updated.isoformat(),
    }


def cmd_list(args: argparse.Namespace) -> int:
    store = _store()
    listing = _warn_problems(store)
    profiles = listing.profiles
    newer = [p for p in listing.too_new if p.name]
    if args.json:
        write_json(
            [{**_summary(p), "needs_newer_serumdesk": False} for p in profiles]
            + [
                {"id": p.file_name.removesuffix(".json"), "name": p.name, "needs_newer_serumdesk": True}
                for p in newer
            ]
        )
    elif not profiles and not newer:
        say(
            _(
                "No profiles saved yet. Save one with: serumdesk profile save NAME "
                "[options]\n(They are kept in {folder}.)"
            ).format(folder=store.folder)
        )
    else:
        for p in profiles:
            say(
                _("{name}	{label}	updated {updated:%Y-%m-%d %H:%M} UTC").format(
                    name=p.name, label=p.answers.use_case.label, updated=p.updated
                )
            )
        for problem in newer:
            say(
                _("{name}	({needs_newer}: this version cannot open it)").format(
                    name=problem.name, needs_newer=_(NEEDS_NEWER)
                )
            )
    return 0


def cmd_save(args: argparse.Namespace) -> int:
    store = _store()
    try:
        try:
            existing: Profile | None = store.find(args.name)
        except ProfileNotFound:
            existing = None
        if existing is None:
            saved = store.create(args.name, answers_from_args(args), notes=args.notes or "")
            done = _("Saved new profile '{name}'.")
        else:

            def change(p: Profile) -> Profile:
                return p.with_changes(answers=answers_from_args(args, p.answers), notes=args.notes)

            saved = store.update(existing.id, change)
            done = _("Updated profile '{name}'.")
    except ProfileError as exc:
        raise _user_error(exc) from None
    say(done.format(name=saved.name))
    return 0


def _describe(p: Profile) -> str:
    from serumdesk.domain.advice.wording import answers_rows, override_words
    from serumdesk.domain.dates import long_date
    from serumdesk.domain.figures import whole

    lines = [
        _("Profile: {name}").format(name=p.name),
        _("Created: {created} UTC, updated {updated} UTC").format(
            created=f"{long_date(p.created.date())} {p.created:%H:%M}",
            updated=f"{long_date(p.updated.date())} {p.updated:%H:%M}",
        ),
        *(f"{label}: {value}" for label, value in answers_rows(p.answers)),
    ]
    for pid, o in sorted(p.overrides.by_product.items()):
        lines.append(
            _("Your figures for {pid}: {override_words}").format(pid=pid, override_words=override_words(o))
        )
    if p.compared_ids:
        lines.append(_("Comparing: {ids}").format(ids=", ".join(p.compared_ids)))
    for b in p.bottles:
        facts = []
        if b.patch_started is not None:
            facts.append(
                _("patch test put on {date} ({result})").format(
                    date=long_date(b.patch_started), result=b.patch_result.label.lower()
                )
            )
        if b.opened is not None:
            facts.append(_("opened {date}").format(date=long_date(b.opened)))
        if b.months_after_opening is not None:
            months = b.months_after_opening
            facts.append(
                ngettext(
                    "keeps {months} month after opening", "keeps {months} months after opening", months
                ).format(months=whole(months))
            )
        lines.append(
            _("Bottle of {product}: {facts}").format(
                product=b.product_id, facts="; ".join(facts) or _("nothing noted yet")
            )
        )
    if p.notes:
        lines.append(_("Notes:"))
        lines.extend(f"  {line}" for line in p.notes.splitlines())
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    profile = find_profile(args.name)
    if args.json:
        from serumdesk.storage.profile_model import profile_to_bytes

        say(profile_to_bytes(profile).decode("utf-8").rstrip("\n"))  # strict JSON, escaped
    else:
        say(_describe(profile))
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    profile = find_profile(args.name)
    try:
        where = _store().delete(profile.id)
    except ProfileError as exc:
        raise _user_error(exc) from None
    say(
        _(
            "Moved profile '{name}' to the trash ({parent}).\nBring it back with: serumdesk "
            "profile restore {dumps}"
        ).format(name=profile.name, parent=where.parent, dumps=json.dumps(profile.name))
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    store = _store()
    trashed = [p for p in store.trash() if name_key(p.name) == name_key(args.name)]
    if not trashed:
        names = ", ".join(f"'{p.name}'" for p in store.trash()) or "none"
        raise UserError(
            _("There is no profile named '{name}' in the trash. In the trash: {names}.").format(
                name=args.name, names=names
            )
        )
    try:
        restored = store.restore(trashed[0].id)
    except ProfileError as exc:
        raise _user_error(exc) from None
    say(_("Restored profile '{name}'.").format(name=restored.name))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from serumdesk.storage.atomic import SaveError
    from serumdesk.storage.user_catalog import serums_to_carry

    profile = find_profile(args.name)
    carried, problem = serums_to_carry(user_catalog_store())
    if problem and profile.own_product_ids():
        tell(_("serumdesk: warning: {problem}").format(problem=problem))
    try:
        _store().export(profile.id, args.file, replace=args.force, carried=carried)
    except ProfileError as exc:
        raise _user_error(exc) from None
    except SaveError as exc:
        raise save_failed(exc) from None
    say(_("Exported profile '{name}' to {file}.").format(name=profile.name, file=args.file))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from serumdesk.storage.user_catalog import profile_adopter

    store = _store()
    try:
        incoming = store.read_import(args.file)
        count = len(incoming.carried)
        if count and not args.with_serums:
            raise UserError(
                ngettext(
                    "{file} carries {count} serum someone entered from a label. Imported, it "
                    "joins your serums and is ranked for every profile. Add --with-serums to "
                    "import it with the profile. Nothing was changed.",
                    "{file} carries {count} serums someone entered from labels. Imported, they "
                    "join your serums and are ranked for every profile. Add --with-serums to "
                    "import them with the profile. Nothing was changed.",
                    count,
                ).format(file=args.file, count=count)
            )
        imported = store.add_imported(incoming, profile_adopter(user_catalog_store()))
    except ProfileError as exc:
        raise _user_error(exc) from None
    if count:
        say(
            ngettext(
                "Imported profile '{name}', with {count} serum now among your serums.",
                "Imported profile '{name}', with {count} serums now among your serums.",
                count,
            ).format(name=imported.name, count=count)
        )
    else:
        say(_("Imported profile '{name}'.").format(name=imported.name))
    return 0


def register(prof: Parser) -> None:
    """Give `serumdesk profile`'s parser its actions."""
    acts = prof.add_subparsers(
        dest="profile_command", metavar=_("ACTION"), required=True, parser_class=Parser
    )
    ls = acts.add_parser("list", help=_("list saved profiles"))
    ls.add_argument("--json", action="store_true", help=_("print a JSON list"))
    ls.set_defaults(func=cmd_list)
    save = acts.add_parser("save", help=_("save answers under NAME (updates it if it exists)"))
    save.add_argument("name", metavar=_("NAME"), type=typed_text)
    add_answer_options(save)
    save.add_argument(
        "--notes", metavar=_("TEXT"), type=typed_text, help=_("free notes kept with the profile")
    )
    save.set_defaults(func=cmd_save)
    show = acts.add_parser("show", help=_("show a saved profile"))
    show.add_argument("name", metavar=_("NAME"), type=typed_text)
    show.add_argument("--json", action="store_true", help=_("print the profile as JSON"))
    show.set_defaults(func=cmd_show)
    delete = acts.add_parser("delete", help=_("move a profile to the trash"))
    delete.add_argument("name", metavar=_("NAME"), type=typed_text)
    delete.set_defaults(func=cmd_delete)
    restore = acts.add_parser("restore", help=_("bring a deleted profile back from the trash"))
    restore.add_argument("name", metavar=_("NAME"), type=typed_text)
    restore.set_defaults(func=cmd_restore)
    export = acts.add_parser("export", help=_("write a profile to a file to share or back up"))
    export.add_argument("name", metavar=_("NAME"), type=typed_text)
    export.add_argument("file", metavar=_("FILE"), type=path_option)
    export.add_argument(
        "--force",
        action="store_true",
        help=_("replace FILE if it is an existing file (never a link, pipe or device)"),
    )
    export.set_defaults(func=cmd_export)
    imp = acts.add_parser("import", help=_("add a profile from an exported file"))
    imp.add_argument("file", metavar=_("FILE"), type=path_option)
    imp.add_argument(
        "--with-serums",
        action="store_true",
        help=_(
            "also add the serums the profile carries to your serums (they are then ranked for every profile)"
        ),
    )
    imp.set_defaults(func=cmd_import)
