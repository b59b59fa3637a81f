"""Team mode on PostgreSQL: one database role per operator, rights the database enforces.

``init_team`` (``deskdup team init``, run by the database owner) installs the
checks of ``team_sql.py``, makes a group role for the workspace, grants it the
tables, and gives every operator without one a login role named exactly as
the operator's login.  ``ensure_login_role`` does the same for one operator
(``deskdup operator add`` on PostgreSQL).  ``connected_role`` is who the
database says is connected: the identity deskdup acts as.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from deskdup.models import Operator
from deskdup.services.errors import KnownError
from deskdup.services.team_sql import FUNCTIONS, GUARDS, READ_ONLY
from deskdup.services.workspace import Workspace


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _ident(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def group_role_name(database: str) -> str:
    """The workspace's group role: ``deskdup_`` and the database name, as a plain identifier."""
    cleaned = re.sub(r"[^a-z0-9_]", "_", database.lower())
    return f"deskdup_{cleaned}"[:63]


def is_postgresql(session_or_conn: Session | Connection) -> bool:
    bind = session_or_conn.get_bind() if isinstance(session_or_conn, Session) else session_or_conn
    return bind.dialect.name == "postgresql"


def connected_role(session: Session) -> str:
    """The role that connected (``session_user``; ``SET ROLE`` does not change it)."""
    return str(session.execute(text("SELECT session_user")).scalar_one())


def team_mode(session: Session) -> bool:
    """``deskdup team init`` has run on this PostgreSQL workspace."""
    if not is_postgresql(session):
        return False
    found = session.execute(text("SELECT to_regprocedure('deskdup_me()')")).scalar()
    return found is not None


def is_owner(session: Session) -> bool:
    """The connected role owns the workspace (or is a superuser): the database checks it not."""
    if team_mode(session):
        return bool(session.execute(text("SELECT deskdup_is_owner()")).scalar())
    row = session.execute(
        text(
            "SELECT r.rolsuper OR pg_has_role(session_user, c.relowner, 'MEMBER') "
            "FROM pg_roles r, pg_class c "
            "WHERE r.rolname = session_user AND c.oid = to_regclass('operators')"
        )
    ).scalar()
    return bool(row)


@dataclass
class TeamReport:
    """What ``init_team`` did, in lines a database owner reads."""

    group: str
    lines: list[str] = field(default_factory=list)
    roles_created: list[str] = field(default_factory=list)
    roles_existing: list[str] = field(default_factory=list)


def init_team(ws: Workspace) -> TeamReport:
    """Install team mode on the PostgreSQL workspace ``ws`` (idempotent).

    Run as the database owner, with the right to create roles (CREATEROLE or a
    superuser).  Raises ``KnownError`` in words when the workspace is SQLite or
    the role lacks a privilege.
    """
    if ws.is_sqlite:
        raise KnownError(
            "Team mode needs a PostgreSQL workspace: a SQLite file is one person's "
            "(its operator is the computer's user). Move the team to PostgreSQL first."
        )
    try:
        with ws.session() as session:
            return _init(session)
    except DBAPIError as exc:
        state = getattr(exc.orig, "sqlstate", "") or ""
        if state in ("42501", "42939"):
            reason = str(exc.orig).strip().splitlines()[0]
            raise KnownError(
                "Team mode must be set up by the owner of the workspace database, with the "
                f"right to create roles (CREATEROLE): {reason}"
            ) from exc
        raise


def _init(session: Session) -> TeamReport:
    database, owner = session.execute(text("SELECT current_database(), current_user")).one()
    group = group_role_name(database)
    report = TeamReport(group=group)
    conn = session.connection()
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :g"), {"g": group}).first()
    if exists is None:
        conn.exec_driver_sql(f"CREATE ROLE {_ident(group)} NOLOGIN")
        report.lines.append(f"Created the group role {group} for this workspace's operators.")
    else:
        report.lines.append(f"The group role {group} exists; its grants are renewed.")
    # The functions' bodies hold '%' of format() and RAISE: run them on the driver's
    # own cursor with no parameters, so nothing reads them as placeholders.
    functions = FUNCTIONS.replace("{owner}", _literal(owner)).replace("{group}", _literal(group))
    with conn.connection.driver_connection.cursor() as cursor:
        cursor.execute(functions)
    report.lines.append(
        "Installed the checks: identity from the connected role, rights on leads, contacts "
        "and what belongs to them, the history's author, supervisors-only team changes, "
        "review claims."
    )
    conn.exec_driver_sql(
        "ALTER TABLE merge_events ALTER COLUMN operator_id SET DEFAULT deskdup_me()"
    )
    for table, function, argument in GUARDS:
        trigger = f"deskdup_guard_{table}"
        arg = _literal(argument) if argument else ""
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {trigger} BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}({arg})"
        )
    tables = [
        name
        for (name,) in conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        )
    ]
    g = _ident(group)
    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {_ident(database)} TO {g}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {g}")
    for table in tables:
        conn.exec_driver_sql(f"REVOKE ALL ON {_ident(table)} FROM {g}")
        privileges = "SELECT" if table in READ_ONLY else "SELECT, INSERT, UPDATE, DELETE"
        conn.exec_driver_sql(f"GRANT {privileges} ON {_ident(table)} TO {g}")
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {g}")
    conn.exec_driver_sql("REVOKE ALL ON FUNCTION deskdup_create_login(text, text) FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION deskdup_create_login(text, text) TO {g}")
    report.lines.append(
        f"Granted {g} reading every table and writing all but {', '.join(READ_ONLY)}, "
        "row by row through the checks."
    )
    logins = session.scalars(select(Operator.login).order_by(Operator.login)).all()
    for login in logins:
        made = _create_login(session, login, None)
        (report.roles_created if made == "created" else report.roles_existing).append(login)
    if report.roles_created:
        report.lines.append(
            "Created login roles (no password: set one with ALTER ROLE … PASSWORD, or let the "
            f"server authenticate them): {', '.join(report.roles_created)}."
        )
    if report.roles_existing:
        report.lines.append(
            f"Roles that existed, now members of {group}: {', '.join(report.roles_existing)}."
        )
    if not logins:
        report.lines.append("No operators yet: add them with 'deskdup operator add LOGIN'.")
    return report


def _create_login(session: Session, login: str, password: str | None) -> str:
    return str(
        session.execute(
            text("SELECT deskdup_create_login(:login, :password)"),
            {"login": login, "password": password},
        ).scalar_one()
    )


def ensure_login_role(session: Session, login: str, password: str | None) -> str | None:
    """Give the operator ``login`` a database role of that name (PostgreSQL only).

    In team mode through ``deskdup_create_login`` (a supervisor may, without
    the right to create roles themselves); before it, directly, which needs
    CREATEROLE.  Returns "created", "existed", or None on SQLite.
    """
    if not is_postgresql(session):
        return None
    if password is not None:
        password = _scram_verifier(session, login, password)
    if team_mode(session):
        return _create_login(session, login, password)
    conn = session.connection()
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}).first()
    made = "existed"
    if found is None:
        conn.exec_driver_sql(f"CREATE ROLE {_ident(login)} LOGIN")
        made = "created"
    if password is not None:
        conn.exec_driver_sql(f"ALTER ROLE {_ident(login)} PASSWORD {_literal(password)}")
    return made


def _scram_verifier(session: Session, login: str, password: str) -> str:
    """The password as the server stores it (a SCRAM-SHA-256 verifier, made by libpq
    on this side), so ``ALTER ROLE … PASSWORD`` never carries it in clear text to a
    server that logs statements."""
    raw = session.connection().connection.dbapi_connection
    pgconn = raw.pgconn  # psycopg 3
    verifier = pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    return verifier.decode()


def may_change_team(session: Session) -> None:
    """Only a supervisor's role (or the owner) changes operators and rights on PostgreSQL.

    The database refuses the others in team mode anyway; this says it first,
    in words.  A SQLite file is its user's own.
    """
    if not is_postgresql(session) or is_owner(session):
        return
    role = connected_role(session)
    op = session.scalar(select(Operator).where(Operator.login == role, Operator.is_active))
    if op is None or not op.can_undo:
        raise KnownError(
            f"Only a supervisor may change operators and their rights; you are connected as "
            f"the database role '{role}'."
        )
