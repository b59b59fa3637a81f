"""Opening a workspace database: engine, sessions and migrations.

A workspace is one SQL database (a SQLite file or a PostgreSQL database).  It is
brought to the newest schema with Alembic every time it is opened, so an old
file keeps working after an upgrade.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from deskdup.services import credentials
from deskdup.services.errors import KnownError, fail
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.schema import MIGRATIONS_DIR, head_revision

CONTEXT = "Workspace"
MSG_NOT_AN_ADDRESS = QT_TRANSLATE_NOOP("Workspace", "'{url}' is not a database address: {reason}")
MSG_NO_FOLDER = QT_TRANSLATE_NOOP(
    "Workspace", "The folder {folder} does not exist; create it or choose another."
)
MSG_NOT_A_DATABASE = QT_TRANSLATE_NOOP(
    "Workspace",
    "{path} is not a deskdup workspace (it is not a SQLite database); choose another file.",
)
MSG_A_FOLDER = QT_TRANSLATE_NOOP(
    "Workspace", "{path} is a folder; choose a workspace file in it or give a new file name."
)
MSG_UNSUPPORTED = QT_TRANSLATE_NOOP(
    "Workspace",
    "'{url}' is not a kind of database deskdup works with: give a SQLite file or a "
    "PostgreSQL address (postgresql://user@server/database).",
)
MSG_NO_FILE = QT_TRANSLATE_NOOP(
    "Workspace",
    "File not found: {path}. Check the path for a typo. A new, empty workspace is made "
    'only on request: deskdup init --db {quoted}, or "New workspace…" in the window\'s '
    '"Open a workspace" dialog.',
)
MSG_AN_EXPORT = QT_TRANSLATE_NOOP(
    "Workspace",
    "{path} is a CRM export (a spreadsheet), not a deskdup workspace. Import it into a "
    "workspace with: deskdup import {quoted} --db WORKSPACE",
)
MSG_CANNOT_OPEN_FILE = QT_TRANSLATE_NOOP(
    "Workspace",
    "Cannot open the workspace file {path}: {reason}. Check that you may read and write it.",
)
MSG_CANNOT_OPEN = QT_TRANSLATE_NOOP(
    "Workspace",
    "Cannot open the database {url}: {reason}. "
    "Check that the server is running and the address, user and password are right.",
)
MSG_NO_ACCESS = QT_TRANSLATE_NOOP(
    "Workspace",
    "The database role '{role}' may not use the workspace {url}: it is not one of its "
    "operators. Connect with your own role, or ask a supervisor to run: "
    "deskdup operator add {role} --db URL",
)
MSG_NEEDS_OWNER = QT_TRANSLATE_NOOP(
    "Workspace",
    "The workspace {url} must be upgraded to this version of deskdup by the owner of its "
    "database: deskdup team init --db URL (as the owner). It said: {reason}",
)

MSG_BUSY = QT_TRANSLATE_NOOP(
    "Workspace", "The database is busy with another operator's change; try again in a moment"
)
MSG_DISK_FULL = QT_TRANSLATE_NOOP(
    "Workspace",
    "The disk is full where the workspace is kept; nothing was written. Free some space "
    "and try again.",
)
MSG_TOO_SLOW = QT_TRANSLATE_NOOP(
    "Workspace",
    "The database took too long to answer ({seconds} s); nothing was written. Try again; if it "
    "keeps happening, ask the database administrator.",
)

MSG_REFUSED = QT_TRANSLATE_NOOP(
    "Workspace",
    "The database refused the change; nothing was written. It said: {reason}",
)

MSG_HELD = QT_TRANSLATE_NOOP(
    "Workspace",
    "Lead {leads} is held by {who}, whose change has been open since {since}; nothing was "
    "merged. Try again when they finish.",
)
MSG_HELD_UNKNOWN = QT_TRANSLATE_NOOP(
    "Workspace",
    "Lead {leads} is held by another session of the database; nothing was merged. Try "
    "again in a moment.",
)
WHO_DESKDUP = QT_TRANSLATE_NOOP("Workspace", "deskdup ({login})")
WHO_PROGRAM = QT_TRANSLATE_NOOP("Workspace", "{program} (database user {user}{where})")

PG_CONNECT_TIMEOUT = 10  # seconds; ?connect_timeout=N in the URL wins
# How long a write waits for another writer before "the database is busy".
SQLITE_BUSY_TIMEOUT_MS = 10_000
# PostgreSQL, for the transactions that write (merge, undo, dismiss, operators):
# a row lock held by another session is waited for this long, a statement runs
# at most this long (seconds).  Readers (scan, the window's lists) are not limited.
PG_LOCK_TIMEOUT = 10
PG_STATEMENT_TIMEOUT = 120

# A file with one of these endings is an export to import, not a workspace to open.
EXPORT_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods")


def normalize_url(url_or_path: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as SQLite)."""
    if "://" in url_or_path:
        return url_or_path
    return f"sqlite:///{Path(url_or_path).expanduser().resolve()}"


def display_url(url: str) -> str:
    """The URL as the operator may see it: no password or other secret, in any part."""
    return credentials.redact(credentials.without_secrets(url))


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the review window read while a scan or import writes; foreign keys
    # are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_MS)}")
    cursor.close()


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is no number
        params = {"url": display_url(url), "reason": credentials.scrub(str(exc), url)}
        raise fail(KnownError, Message(CONTEXT, MSG_NOT_AN_ADDRESS, params)) from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).parent
            if not folder.exists():
                raise fail(KnownError, Message(CONTEXT, MSG_NO_FOLDER, {"folder": str(folder)}))
            if Path(database).is_dir():
                raise fail(KnownError, Message(CONTEXT, MSG_A_FOLDER, {"path": database}))
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() != "postgresql":
        # Another dialect (mysql://, a typo such as postgres://) or one whose driver
        # is not installed: a crash dialog with "No module named MySQLdb" helps no one.
        raise fail(KnownError, Message(CONTEXT, MSG_UNSUPPORTED, {"url": display_url(url)}))
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    # A server that drops packets must not leave "Opening the workspace…" hanging.
    connect_args = (
        {} if "connect_timeout" in parsed.query else {"connect_timeout": PG_CONNECT_TIMEOUT}
    )
    return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)


def alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema (no-op when it is current).

    A workspace already at the newest revision is told by one read of
    ``alembic_version``, without importing Alembic: that import (with Mako and
    the migration scripts) was a third of a command's start (``deskdup lookup``).
    """
    if _at_head(engine):
        return
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


def _at_head(engine: Engine) -> bool:
    head = head_revision()
    if head is None:
        return False
    try:
        with engine.connect() as conn:
            stored = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except DatabaseError:
        return False  # a new or broken database: Alembic creates it or says why
    return stored == [head]


def database_fault_kind(exc: DBAPIError) -> str | None:
    """What in the environment made a database call fail: ``"disk_full"``,
    ``"too_slow"`` (a PostgreSQL statement timeout), ``"busy"`` (a lock held past
    the timeout, a deadlock), or None for anything else (a bug keeps its traceback).

    The one place that reads drivers' errors; callers word it for their action.
    """
    orig = exc.orig
    state = getattr(orig, "sqlstate", None) or ""
    text = (str(orig) if orig is not None else str(exc)).lower()
    if state == "53100" or "disk is full" in text or "no space left" in text:
        return "disk_full"
    if state == "57014" and "statement timeout" in text:
        return "too_slow"
    if state in ("55P03", "40P01", "40001") or any(
        word in text for word in ("database is locked", "database is busy", "deadlock")
    ):
        return "busy"
    return None


def known_database_error(exc: DBAPIError) -> KnownError | None:
    """The operator's words for a database failure the environment caused, if it is one.

    A busy (locked) database, a full disk, a PostgreSQL lock or statement timeout:
    the transaction was rolled back, nothing was written, and trying again later
    may work.  Anything else is left to the caller (a bug keeps its traceback).
    """
    kind = database_fault_kind(exc)
    if kind == "disk_full":
        return fail(KnownError, Message(CONTEXT, MSG_DISK_FULL))
    if kind == "too_slow":
        return fail(KnownError, Message(CONTEXT, MSG_TOO_SLOW, {"seconds": PG_STATEMENT_TIMEOUT}))
    if getattr(exc.orig, "sqlstate", None) == "42501":  # team mode's checks, a missing grant
        orig = exc.orig
        reason = (str(orig) if orig is not None else str(exc)).strip().splitlines()[0]
        return fail(KnownError, Message(CONTEXT, MSG_REFUSED, {"reason": reason}))
    if kind == "busy":
        return fail(KnownError, Message(CONTEXT, MSG_BUSY))
    return None


APPLICATION_NAME = "deskdup"


def is_lock_timeout(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == "55P03"


def start_write(session: Session) -> None:
    """Give a PostgreSQL write transaction its timeouts (``SET LOCAL``: this transaction only).

    Without them a merge behind another session's row lock waited with no word
    until killed.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    conn = session.connection()
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(PG_LOCK_TIMEOUT)}s'")
    conn.exec_driver_sql(f"SET LOCAL statement_timeout = '{int(PG_STATEMENT_TIMEOUT)}s'")


def tag_session(session: Session, login: str) -> None:
    """Name the operator in ``pg_stat_activity`` for this transaction, so that another
    operator kept waiting by it is told who holds the leads (see ``lock_holders``)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.connection().exec_driver_sql(
        "SELECT set_config('application_name', %(name)s, true)",
        {"name": f"{APPLICATION_NAME}: {login}"[:63]},
    )


@dataclass(frozen=True)
class LockHolder:
    program: str
    user: str
    address: str
    since: datetime | None

    def describe(self) -> Message:
        prefix = f"{APPLICATION_NAME}: "
        if self.program.startswith(prefix):
            return Message(CONTEXT, WHO_DESKDUP, {"login": self.program[len(prefix) :]})
        where = f", {self.address}" if self.address else ""
        program = self.program or "psql?"
        return Message(
            CONTEXT, WHO_PROGRAM, {"program": program, "user": self.user, "where": where}
        )


def lock_holders(engine: Engine, table: str, ids: list[int]) -> list[LockHolder]:
    """The sessions holding row locks on ``table``'s rows ``ids`` (PostgreSQL).

    A row locked by one transaction carries that transaction's id in ``xmax``;
    the transaction holds an exclusive lock on its own id, and ``pg_locks``
    names the session.  (Rows share-locked by several sessions carry a
    multixact id instead and are not found: the message then says "another
    session".)
    """
    sql = text(
        f"""
        SELECT DISTINCT a.application_name, a.usename, host(a.client_addr), a.xact_start
        FROM {table} r
        JOIN pg_locks k ON k.locktype = 'transactionid' AND k.granted
             AND k.mode = 'ExclusiveLock' AND k.transactionid::text = r.xmax::text
        JOIN pg_stat_activity a ON a.pid = k.pid
        WHERE r.id = ANY(:ids) AND a.pid <> pg_backend_pid()
        """
    )
    try:
        with engine.connect() as conn:
            rows = conn.execute(sql, {"ids": list(ids)}).all()
    except DBAPIError:
        return []
    return [LockHolder(app or "", user or "", addr or "", since) for app, user, addr, since in rows]


def held_error(engine: Engine, labels: dict[int, str]) -> KnownError:
    """ "Lead #X is held by whom since when; nothing was merged" after a lock timeout."""
    holders = lock_holders(engine, "leads", list(labels))
    leads = ", ".join(f"#{label}" for label in labels.values())
    if not holders:
        return fail(KnownError, Message(CONTEXT, MSG_HELD_UNKNOWN, {"leads": leads}))
    holder = holders[0]
    since = f"{holder.since.astimezone():%H:%M:%S}" if holder.since else "?"
    params = {"leads": leads, "who": holder.describe(), "since": since}
    return fail(KnownError, Message(CONTEXT, MSG_HELD, params))


@contextmanager
def database_errors() -> Iterator[None]:
    """Turn the environment's database failures into ``KnownError`` (see above)."""
    try:
        yield
    except DBAPIError as exc:
        known = known_database_error(exc)
        if known is None:
            raise
        raise known from exc


@dataclass
class Workspace:
    """An open workspace: one engine and a session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one unit of work, committed on success."""
        with self.sessions.begin() as session:
            yield session

    @property
    def display_url(self) -> str:
        return display_url(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names (None for PostgreSQL, ``:memory:`` or a bad URL)."""
    try:
        parsed = make_url(normalize_url(url))
    except (ArgumentError, ValueError):
        return None
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    return Path(database)


def _quoted(path: Path | str) -> str:
    return shlex.quote(str(path))


def open_workspace(url: str, *, migrate: bool = True, create: bool = True) -> Workspace:
    """Open (and when asked, create or upgrade) the workspace at ``url``.

    ``create=False`` is for opening a workspace the operator names: a SQLite
    file that does not exist is "file not found" (a typo must not silently make
    an empty ``dmeo.sqlite``); only ``deskdup init``, ``demo`` and an import
    into a new file create one.  Raises ``KnownError`` with words an operator
    understands when the database cannot be reached.
    """
    url = normalize_url(url)
    file = sqlite_file(url)
    if file is not None and not create and not file.exists() and file.parent.is_dir():
        message = Message(CONTEXT, MSG_NO_FILE, {"path": str(file), "quoted": _quoted(file)})
        raise fail(KnownError, message)
    engine = make_engine(url)
    try:
        if migrate:
            upgrade(engine)
        else:
            inspect(engine).get_table_names()
    except DatabaseError as exc:
        # OperationalError (server down, file locked) and a file that is no database
        # at all (a picture chosen by mistake: "file is not a database").
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        reason = credentials.scrub(reason, url)
        if engine.dialect.name == "sqlite":
            path = make_url(url).database or url
            if "not a database" in reason and path.lower().endswith(EXPORT_SUFFIXES):
                params = {"path": path, "quoted": _quoted(path)}
                message = Message(CONTEXT, MSG_AN_EXPORT, params)
            elif "not a database" in reason:
                message = Message(CONTEXT, MSG_NOT_A_DATABASE, {"path": path})
            else:  # no server to be running: the file itself cannot be used
                message = Message(CONTEXT, MSG_CANNOT_OPEN_FILE, {"path": path, "reason": reason})
            raise fail(KnownError, message) from exc
        params = {"url": display_url(url), "reason": reason}
        if getattr(exc.orig, "sqlstate", None) == "42501":  # a role without the team's grants
            role = make_url(url).username or ""
            template = MSG_NO_ACCESS if "alembic_version" in reason else MSG_NEEDS_OWNER
            raise fail(KnownError, Message(CONTEXT, template, {**params, "role": role})) from exc
        message = Message(CONTEXT, MSG_CANNOT_OPEN, params)
        raise fail(KnownError, message) from exc
    return Workspace(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
