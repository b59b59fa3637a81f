"""`deskdup merge`, `deskdup dismiss` and `deskdup undo`: the merge from a script.

IDs are the ones ``deskdup scan`` prints: a lead's CRM id when it has one, else
its database id (an id is looked up as a CRM id first).  Every refusal (rights,
a lead changed by someone else, an unknown id, login or field) is a
``KnownError``: the message goes to stderr and the exit code is 2; 0 means the
change was applied.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from deskdup.commands.sync import portal_backend
from deskdup.models import Contact, EventKind, Lead
from deskdup.services.bitrix24.link import read_link, workspace_link
from deskdup.services.bitrix24.merge import operator_for_webhook
from deskdup.services.contact_merge import apply_contact_merge, build_contact_plan
from deskdup.services.errors import KnownError
from deskdup.services.identity import acting_operator
from deskdup.services.merge import apply_merge, dismiss, last_undoable_event, undo_event
from deskdup.services.merge_plan import CONTACT_FIELD_NAMES, FIELD_NAMES, build_plan
from deskdup.services.operators import OperatorInfo, find_operator
from deskdup.services.workspace import Workspace, open_workspace

# Friendlier names accepted by --choose.
FIELD_ALIASES = {
    "name": "first_name",
    "first": "first_name",
    "last": "last_name",
    "surname": "last_name",
    "middle": "middle_name",
    "patronymic": "middle_name",
    "source": "source_channel",
    "channel": "source_channel",
    "owner": "assigned_id",
    "assigned": "assigned_id",
    "responsible": "assigned_id",
    "contact": "contact_id",
}


# The longest CRM id a lead can have (the column's size) and the largest
# database id (a 64-bit integer); anything longer is no lead of this workspace.
EXTERNAL_ID_LENGTH = 64
MAX_DATABASE_ID = 2**63 - 1


def _shown(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else f"{text[: limit - 1]}… ({len(text)} characters)"


def resolve_lead(session: Session, text: str) -> int:
    """The database id of the lead the operator means by ``text``."""
    text = text.strip().lstrip("#")
    if not text:
        raise KnownError("An empty lead id was given.")
    found = None
    if len(text) <= EXTERNAL_ID_LENGTH:
        found = session.scalar(select(Lead.id).where(Lead.external_id == text))
    # len() first: int() of 100,000 digits is refused by Python, of 30 by the database.
    if found is None and text.isdigit() and len(text) <= 19 and int(text) <= MAX_DATABASE_ID:
        found = session.scalar(select(Lead.id).where(Lead.id == int(text)))
    if found is None:
        raise KnownError(f"There is no lead with the id '{_shown(text)}' in this workspace.")
    return found


def event_id(text: str) -> int:
    """argparse type of a history event id: a whole number the database can hold."""
    text = text.strip().lstrip("#")
    if not (text.isdigit() and len(text) <= 19 and 0 < int(text) <= MAX_DATABASE_ID):
        raise argparse.ArgumentTypeError(
            f"a history event id is a number such as 12 ('deskdup undo' without it undoes "
            f"your last merge), not '{_shown(text)}'"
        )
    return int(text)


def field_name(text: str, names: Sequence[str] = FIELD_NAMES) -> str:
    name = text.strip().lower().replace("-", "_")
    name = FIELD_ALIASES.get(name, name)
    if name not in names:
        raise KnownError(f"Unknown field '{text}'; the fields are: {', '.join(names)}.")
    return name


def resolve_contact(session: Session, text: str) -> int:
    """The database id of the contact the operator means by ``text`` (its CRM id first)."""
    text = text.strip().lstrip("#")
    if not text:
        raise KnownError("An empty contact id was given.")
    found = None
    if len(text) <= EXTERNAL_ID_LENGTH:
        found = session.scalar(select(Contact.id).where(Contact.external_id == text))
    if found is None and text.isdigit() and len(text) <= 19 and int(text) <= MAX_DATABASE_ID:
        found = session.scalar(select(Contact.id).where(Contact.id == int(text)))
    if found is None:
        raise KnownError(f"There is no contact with the id '{_shown(text)}' in this workspace.")
    return found


def _split_ids(values: Sequence[str]) -> list[str]:
    return [part for value in values for part in value.split(",") if part.strip()]


def _workspace(args: argparse.Namespace) -> Workspace:
    return open_workspace(args.db, create=False)


def _portal_operator(args: argparse.Namespace, operator: OperatorInfo) -> OperatorInfo:
    """On a linked workspace the webhook's user acts; another --as is refused, not ignored."""
    login = getattr(args, "login", None)
    if login and login != operator.login:
        raise KnownError(
            f"This workspace is linked to a Bitrix24 portal: the operator is the webhook's "
            f"user '{operator.login}' ({operator.full_name}); --as {login} does not apply."
        )
    return operator


def run_merge(args: argparse.Namespace) -> int:
    if getattr(args, "entity", "lead") == "contact":
        return run_contact_merge(args)
    ws = _workspace(args)
    backend = None
    try:
        if workspace_link(ws) is not None:
            backend = portal_backend(ws, getattr(args, "bitrix24", None))
            operator = _portal_operator(args, backend.webhook_operator())
            for message in backend.resume():
                print(f"deskdup: {message}", file=sys.stderr)
        with ws.session() as session:
            if backend is None:
                operator = acting_operator(session, getattr(args, "login", None))
            primary = resolve_lead(session, args.primary)
            others = [resolve_lead(session, i) for i in _split_ids(args.others)]
            if not others:
                raise KnownError("Give the leads to merge into the primary with --with ID[,ID...].")
            choices = []
            for item in args.choose or []:
                field, sep, lead = item.partition("=")
                if not sep:
                    raise KnownError(f"--choose takes FIELD=ID, not '{item}'.")
                choices.append((field_name(field), resolve_lead(session, lead)))
            plan = build_plan(session, [primary, *others], primary_id=primary)
        for field, lead_id in choices:
            plan.choose(field, lead_id)
        if backend is not None:
            result = backend.apply_merge(plan, operator.id)
        else:
            result = apply_merge(ws, plan, operator.id)
        labels = ", ".join(f"#{plan.cards[i].label}" for i in result.merged_ids)
        print(f"{result.summary} (history event {result.event_id}); merged: {labels}")
        return 0
    finally:
        if backend is not None:
            backend.close()
        ws.dispose()


def run_contact_merge(args: argparse.Namespace) -> int:
    """``merge --entity contact``: the same flags and exit codes, over contacts."""
    ws = _workspace(args)
    try:
        if workspace_link(ws) is not None:
            raise KnownError(
                "This workspace is linked to a Bitrix24 portal; merge its contacts in the "
                "portal (deskdup merges the portal's leads only)."
            )
        with ws.session() as session:
            operator = acting_operator(session, getattr(args, "login", None))
            primary = resolve_contact(session, args.primary)
            others = [resolve_contact(session, i) for i in _split_ids(args.others)]
            if not others:
                raise KnownError(
                    "Give the contacts to merge into the primary with --with ID[,ID...]."
                )
            choices = []
            for item in args.choose or []:
                field, sep, contact = item.partition("=")
                if not sep:
                    raise KnownError(f"--choose takes FIELD=ID, not '{item}'.")
                name = field_name(field, CONTACT_FIELD_NAMES)
                choices.append((name, resolve_contact(session, contact)))
            plan = build_contact_plan(session, [primary, *others], primary_id=primary)
        for field, contact_id in choices:
            plan.choose(field, contact_id)
        result = apply_contact_merge(ws, plan, operator.id)
        labels = ", ".join(f"#{plan.cards[i].label}" for i in result.merged_ids)
        print(f"{result.summary} (history event {result.event_id}); merged: {labels}")
        return 0
    finally:
        ws.dispose()


def run_dismiss(args: argparse.Namespace) -> int:
    ws = _workspace(args)
    try:
        with ws.session() as session:
            link = read_link(session)
            if link is not None:
                found = operator_for_webhook(session, link.user_id)
                if found is None:
                    raise KnownError("The webhook's user is not in this workspace; run a sync.")
                operator = _portal_operator(args, find_operator(session, found.login))
            else:
                operator = acting_operator(session, getattr(args, "login", None))
            ids = [resolve_lead(session, i) for i in _split_ids(args.ids)]
        added = dismiss(ws, ids, operator.id, args.reason or "")
        pairs = len(set(ids)) * (len(set(ids)) - 1) // 2
        print(
            f"Marked {pairs} pair(s) as not duplicates "
            f"({added} new, {pairs - added} already marked)."
        )
        return 0
    finally:
        ws.dispose()


def run_undo(args: argparse.Namespace) -> int:
    ws = _workspace(args)
    try:
        with ws.session() as session:
            operator = acting_operator(session, getattr(args, "login", None))
        event_id = args.event
        if event_id is None:
            kinds = (EventKind.MERGE_LEADS, EventKind.BIND_CONTACT, EventKind.MERGE_CONTACTS)
            event_id = last_undoable_event(ws, operator.id, kinds)
            if event_id is None:
                raise KnownError(f"{operator.full_name} has no merge left to undo.")
        result = undo_event(ws, event_id, operator.id)
        print(f"{result.summary} (history event {result.event_id} undoes {event_id}).")
        return 0
    finally:
        ws.dispose()


def _common(parser: argparse.ArgumentParser) -> None:
    # --db is required here, so --help shows it so and argparse refuses its absence
    # (the top-level --db is the window's).  --as is checked by the command: a
    # workspace linked to a Bitrix24 portal acts as the webhook's user.
    parser.add_argument("--db", metavar="URL", required=True, help="workspace (URL or SQLite file)")
    parser.add_argument(
        "--as",
        dest="login",
        metavar="LOGIN",
        default=argparse.SUPPRESS,
        help="the operator doing it (their rights apply); not needed on a workspace linked "
        "to a Bitrix24 portal, where the webhook's user acts",
    )
    parser.add_argument(
        "--bitrix24",
        metavar="WEBHOOK_URL",
        default=argparse.SUPPRESS,
        help="the linked portal's webhook (default: DESKDUP_BITRIX24_WEBHOOK, then the keyring)",
    )


def register(subparsers) -> None:
    merge = subparsers.add_parser(
        "merge",
        help="merge leads into a primary lead",
        description="Merge leads into the primary one, with the operator's rights; "
        "exit code 0 only when the merge was applied.",
    )
    _common(merge)
    merge.add_argument("--primary", required=True, metavar="ID", help="the lead that stays")
    merge.add_argument(
        "--with",
        dest="others",
        required=True,
        action="append",
        metavar="ID[,ID...]",
        help="the leads merged into it (repeatable)",
    )
    merge.add_argument(
        "--choose",
        action="append",
        metavar="FIELD=ID",
        help=f"keep this lead's value of FIELD ({', '.join(FIELD_NAMES)}); repeatable",
    )
    merge.add_argument(
        "--entity",
        choices=("lead", "contact"),
        default="lead",
        help="merge leads (default) or contacts (IDs are then contact IDs; fields: "
        f"{', '.join(CONTACT_FIELD_NAMES)})",
    )
    merge.set_defaults(handler=run_merge)

    dismissal = subparsers.add_parser(
        "dismiss",
        help="mark leads as not duplicates (team-wide)",
        description="Mark every pair of the given leads as not duplicates, for the whole team.",
    )
    _common(dismissal)
    dismissal.add_argument("ids", nargs="+", metavar="ID", help="two or more leads")
    dismissal.add_argument("--reason", default="", metavar="TEXT", help="why they differ")
    dismissal.set_defaults(handler=run_dismiss)

    undo = subparsers.add_parser(
        "undo",
        help="undo a merge (default: your last one)",
        description="Restore the leads of a merge exactly as they were.",
    )
    _common(undo)
    undo.add_argument("event", nargs="?", type=event_id, metavar="EVENT", help="history event id")
    undo.set_defaults(handler=run_undo)
