"""`deskdup team init`: make a PostgreSQL workspace a team's, with rights the database enforces.

Run once by the owner of the workspace database (a role that may create
roles), and again after an upgrade adds tables.  Every operator gets a login
role named exactly as their login (without a password: set one with
'deskdup operator add LOGIN --password-stdin' or ALTER ROLE, or let the server
authenticate it: peer, certificate, Kerberos); from then on each operator
connects as their own role and deskdup acts as that role's operator.
"""

from __future__ import annotations

import argparse

from deskdup.services.team import init_team
from deskdup.services.workspace import open_workspace


def run_init(args: argparse.Namespace) -> int:
    ws = open_workspace(args.db, create=False)
    try:
        report = init_team(ws)
    finally:
        ws.dispose()
    print(f"Team mode is on for {ws.display_url}:")
    for line in report.lines:
        print(f"  - {line}")
    return 0


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "team",
        help="set up a PostgreSQL workspace for a team (roles, rights the database enforces)",
        description=__doc__.split("\n\n", 1)[1].strip(),
    )
    commands = parser.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    init = commands.add_parser(
        "init",
        help="create the grants, checks and a role for every operator",
        description="Create the grants, the checks and a login role for every operator "
        "that has none; prints what it did.",
    )
    init.add_argument(
        "--db", metavar="URL", required=True, help="the PostgreSQL workspace (as its owner)"
    )
    init.set_defaults(handler=run_init)
