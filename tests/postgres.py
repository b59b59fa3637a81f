"""A throwaway PostgreSQL server for the tests that are about PostgreSQL.

``pg_url`` starts one cluster per test session in a temporary folder, on a
free 127.0.0.1 port, with trust authentication, and stops it at the end.  It
uses ``initdb``/``pg_ctl`` from PATH or ``/usr/lib/postgresql/*/bin`` (Debian's
``postgresql`` package); without them the tests are skipped with the reason,
unless ``DESKDUP_REQUIRE_POSTGRES=1`` (CI sets it), where a missing server is a
failure: CI must not go green without having run them.
PostgreSQL refuses to run as root, so as root the server runs as the
``postgres`` system user.  ``pg_database`` gives each test its own database.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def _find_bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    for candidate in reversed(candidates):
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("DESKDUP_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required here (DESKDUP_REQUIRE_POSTGRES=1): {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _runner() -> tuple[list[str], pwd.struct_passwd | None]:
    """The command prefix to run PostgreSQL's tools, and the user they run as."""
    if os.geteuid() != 0:
        return [], None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        _unavailable("running as root and there is no 'postgres' user to run PostgreSQL as")
    runuser = shutil.which("runuser")
    if runuser is None:
        _unavailable("running as root and 'runuser' is missing, so PostgreSQL cannot be started")
    return [runuser, "-u", "postgres", "--"], user


def _stop_orphans(bindir: Path, prefix: list[str]) -> None:
    """Stop servers an earlier, killed test run left behind (its finalizer never ran).

    Only clusters made by this fixture (they carry ``owner.pid``) whose test
    process no longer exists are touched.
    """
    for owner_file in Path(tempfile.gettempdir()).glob("deskdup-pg-*/owner.pid"):
        try:
            owner = int(owner_file.read_text())
            os.kill(owner, 0)
            continue  # that test run is still going
        except ProcessLookupError:
            pass
        except (ValueError, OSError):
            continue
        base = owner_file.parent
        if (base / "data" / "postmaster.pid").exists():
            subprocess.run(
                [*prefix, str(bindir / "pg_ctl"), "-D", str(base / "data"), "-m", "immediate",
                 "-w", "stop"],
                cwd=base, capture_output=True, timeout=60, check=False,
            )  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """URL of a running throwaway PostgreSQL server (database ``postgres``)."""
    bindir = _find_bindir()
    if bindir is None:
        _unavailable("PostgreSQL binaries (initdb, pg_ctl) not in PATH or /usr/lib/postgresql")
    prefix, user = _runner()
    # Not under pytest's tmp folder: that one is private to root, and the server
    # may run as another user.
    _stop_orphans(bindir, prefix)
    base = Path(tempfile.mkdtemp(prefix="deskdup-pg-"))
    (base / "owner.pid").write_text(str(os.getpid()))
    if user is not None:
        os.chown(base, user.pw_uid, user.pw_gid)
    data, log = base / "data", base / "server.log"
    port = _free_port()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*prefix, *args], cwd=base, capture_output=True, text=True, timeout=120, check=False
        )

    try:
        result = run(
            str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        if result.returncode != 0:
            pytest.fail(f"initdb failed:\n{result.stdout}\n{result.stderr}")
        options = (
            f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        result = run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log),
                     "-w", "-t", "60", "start")  # fmt: skip
        if result.returncode != 0:
            server_log = log.read_text(errors="replace") if log.exists() else ""
            pytest.fail(f"pg_ctl start failed:\n{result.stdout}\n{result.stderr}\n{server_log}")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_database(pg_url: str) -> Iterator[str]:
    """URL of a fresh, empty database on the session's server, dropped afterwards."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    dsn = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield pg_url.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
