"""`deskdup contacts find` and `deskdup bind`: find a contact, bind a lead to it.

A contact's id is its CRM id when it has one, else its database id (an id is
looked up as a CRM id first), as for leads.  Refusals are ``KnownError``s: the
message goes to stderr, the exit code is 2; 0 means the lead was bound.
``contacts find`` exits 0 when it lists contacts and 1 when none matches
(saying so on stderr, whatever the format), as grep does: a script can tell
"nothing found" from "found" without parsing the output.
"""

from __future__ import annotations

import argparse
import json
import sys

from sqlalchemy import select
from sqlalchemy.orm import Session

from deskdup.commands.merge import _workspace, resolve_lead
from deskdup.models import Contact
from deskdup.services.binding import bind_lead
from deskdup.services.bitrix24.link import workspace_link
from deskdup.services.contacts import ContactIndex, readable_hits
from deskdup.services.errors import KnownError
from deskdup.services.identity import acting_operator, sign_in

# The exit code of a search that found nothing (README, "Exit codes").
NOTHING_FOUND = 1


def resolve_contact(session: Session, text: str) -> int:
    """The database id of the contact the operator means by ``text``."""
    text = text.strip().lstrip("#")
    if not text:
        raise KnownError("An empty contact id was given.")
    found = session.scalar(select(Contact.id).where(Contact.external_id == text))
    if found is None and text.isdigit():
        found = session.scalar(select(Contact.id).where(Contact.id == int(text)))
    if found is None:
        raise KnownError(f"There is no contact with the id '{text}' in this workspace.")
    return found


def run_find(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise KnownError("--limit takes a number of 1 or more.")
    text = " ".join(args.text).strip()
    if not text:
        raise KnownError("Give the text to look for: an id, a name, a phone, an e-mail, a handle.")
    ws = _workspace(args)
    try:
        with ws.session() as session:
            reader = sign_in(session, getattr(args, "login", None)).operator
        hits = ContactIndex.build(ws).search(text, args.limit * (1 if reader is None else 5))
        if reader is not None:  # only the contacts the proven operator may read
            hits = readable_hits(ws, reader, hits)[: args.limit]
    finally:
        ws.dispose()
    if not hits:
        print(f"No contact matches '{text}'.", file=sys.stderr)
        return NOTHING_FOUND
    out = sys.stdout
    if args.format == "jsonl":
        for hit in hits:
            row = {
                "id": hit.label,
                "name": hit.name,
                "score": hit.score,
                "reasons": [str(r) for r in hit.reasons],
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    width = max(len("ID"), *(len(h.label) for h in hits))
    name_width = min(40, max(len("Name"), *(len(h.name) for h in hits)))
    out.write(f"{'ID':<{width}}  {'Name':<{name_width}}  Score  Reasons\n")
    for hit in hits:
        reasons = "; ".join(str(r) for r in hit.reasons)
        out.write(f"{hit.label:<{width}}  {hit.name:<{name_width}}  {hit.score:.2f}   {reasons}\n")
    return 0


def run_bind(args: argparse.Namespace) -> int:
    ws = _workspace(args)
    try:
        if workspace_link(ws) is not None:
            raise KnownError(
                "This workspace is linked to a Bitrix24 portal; bind leads there or "
                "in the window, the command line binds only in a local workspace."
            )
        with ws.session() as session:
            operator = acting_operator(session, getattr(args, "login", None))
            lead_id = resolve_lead(session, args.lead)
            contact_id = resolve_contact(session, args.contact)
        result = bind_lead(ws, lead_id, contact_id, operator.id)
        print(f"{result.summary} (history event {result.event_id}).")
        return 0
    finally:
        ws.dispose()


def _db(parser: argparse.ArgumentParser) -> None:
    # Required after the command, as for scan and merge.
    parser.add_argument("--db", metavar="URL", required=True, help="workspace (URL or SQLite file)")


def register(subparsers) -> None:
    contacts = subparsers.add_parser(
        "contacts", help="find contacts", description="Work with the workspace's contacts."
    )
    actions = contacts.add_subparsers(dest="contacts_command", metavar="ACTION", required=True)
    find = actions.add_parser(
        "find",
        help="find contacts by id, name, phone, e-mail or handle",
        description="Find contacts the way operators type them: the CRM's contact id, a "
        "full name in any order, with initials, typos or in Latin letters, a phone in any "
        "form, an e-mail or a messenger handle. Best first, each with its reasons. "
        "Exits 1, saying so, when no contact matches.",
    )
    _db(find)
    find.add_argument("text", nargs="+", metavar="TEXT", help="what to look for")
    find.add_argument("--format", choices=("table", "jsonl"), default="table")
    find.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits")
    find.set_defaults(handler=run_find)

    bind = subparsers.add_parser(
        "bind",
        help="bind a lead to an existing contact",
        description="Bind the lead to the contact: the lead's phones, e-mails, handles and "
        "chats are added to the contact without duplicates; needs edit on both; undo "
        "with `deskdup undo`. Exit code 0 only when the lead was bound.",
    )
    _db(bind)
    bind.add_argument(
        "--as", dest="login", metavar="LOGIN", default=argparse.SUPPRESS, help="the operator"
    )
    bind.add_argument("--lead", required=True, metavar="ID", help="the lead")
    bind.add_argument("--contact", required=True, metavar="ID", help="the contact")
    bind.set_defaults(handler=run_bind)
