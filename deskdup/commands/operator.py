"""`deskdup operator`: the team in a workspace - who may sign in, with which rights.

A new workspace has no operators; add them before importing leads assigned to
them (``assigned_to`` names an operator's login) or before opening the window.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from deskdup.models import Action, Entity
from deskdup.services.errors import KnownError
from deskdup.services.operators import (
    ROLES,
    OperatorInfo,
    add_operator,
    list_operators,
    operator_display,
    set_active,
    set_right,
)
from deskdup.services.team import ensure_login_role, may_change_team
from deskdup.services.workspace import database_errors, open_workspace

T = TypeVar("T")


def _rights_line(op: OperatorInfo) -> str:
    parts = []
    for entity in Entity:
        scopes = "/".join(op.scope(entity, action).value for action in Action)
        parts.append(f"{entity.value} {scopes}")
    return "; ".join(parts) + ("; may undo" if op.can_undo else "")


def _print(op: OperatorInfo, out=None) -> None:
    out = out or sys.stdout
    out.write(f"{operator_display(op)}\n    read/edit/delete: {_rights_line(op)}\n")


def _in_workspace(
    args: argparse.Namespace, work: Callable[[Session], T], *, changes: bool = False
) -> T:
    """Run ``work`` in one transaction of the workspace ``--db`` names.

    ``changes``: the team is changed, which on PostgreSQL only a supervisor's
    role (or the database owner) may do; the database refuses the others too.
    """
    ws = open_workspace(args.db, create=False)
    try:
        with database_errors(), ws.session() as session:
            if changes:
                may_change_team(session)
            return work(session)
    finally:
        ws.dispose()


def _read_password() -> str:
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise KnownError("--password-stdin: the first line of the standard input is empty.")
    return password


def run_add(args: argparse.Namespace) -> int:
    password = _read_password() if args.password_stdin else None
    made: list[str | None] = []

    def add(session: Session) -> OperatorInfo:
        op = add_operator(session, args.new_login, args.name, args.department, args.role)
        made.append(ensure_login_role(session, op.login, password))
        return op

    _print(_in_workspace(args, add, changes=True))
    if made and made[0] is not None:
        how = "with the password given" if password else "as the server authenticates it"
        state = "created, logging in" if made[0] == "created" else "existed; it logs in"
        print(f"    database role {args.new_login}: {state} {how}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    operators = _in_workspace(args, list_operators)
    if not operators:
        print("No operators yet: add them with 'deskdup operator add'.")
    for op in operators:
        _print(op)
    return 0


def run_grant(args: argparse.Namespace) -> int:
    _print(
        _in_workspace(
            args,
            lambda s: set_right(s, args.target, args.entity, args.action, args.scope),
            changes=True,
        )
    )
    return 0


def run_active(args: argparse.Namespace) -> int:
    _in_workspace(args, lambda s: set_active(s, args.target, args.active), changes=True)
    state = "may sign in again" if args.active else "can no longer sign in (keeps their leads)"
    print(f"{args.target} {state}.")
    return 0


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "operator",
        help="add operators and set their rights",
        description=__doc__.split("\n\n", 1)[1].strip(),
    )
    commands = parser.add_subparsers(dest="operator_command", metavar="ACTION", required=True)

    def sub(name: str, help_text: str, handler):
        p = commands.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--db", metavar="URL", required=True, help="the workspace (a SQLite file path or a URL)"
        )
        p.set_defaults(handler=handler)
        return p

    roles = ", ".join(
        f"{name} (leads {'/'.join(s.value for s in scopes[Entity.LEAD])})"
        for name, scopes in ROLES.items()
    )
    add = sub("add", "add an operator", run_add)
    add.add_argument("new_login", metavar="LOGIN", help="the login (as in the CRM export)")
    add.add_argument("--name", default="", help="full name, e.g. 'Петрова Анна'")
    add.add_argument("--department", default="", help="created when new")
    add.add_argument(
        "--role",
        default="operator",
        choices=list(ROLES),
        help=f"starting rights, read/edit/delete: {roles}; supervisors may undo",
    )
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="PostgreSQL: read the new database role's password from the first line of "
        "standard input (without it the role logs in however the server authenticates)",
    )
    sub("list", "list the active operators and their rights", run_list)
    grant = sub("grant", "set one right: ENTITY ACTION SCOPE", run_grant)
    grant.add_argument("target", metavar="LOGIN")
    grant.add_argument("entity", choices=[e.value for e in Entity])
    grant.add_argument("action", choices=[a.value for a in Action])
    grant.add_argument("scope", choices=["none", "own", "department", "all"])
    disable = sub("disable", "an operator who left: no sign-in, keeps their leads", run_active)
    disable.add_argument("target", metavar="LOGIN")
    disable.set_defaults(active=False)
    enable = sub("enable", "let a disabled operator sign in again", run_active)
    enable.add_argument("target", metavar="LOGIN")
    enable.set_defaults(active=True)
