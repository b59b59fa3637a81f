"""The rejects file: the bad rows as CSV, the original columns, then the line and the reason.

It is written to a temporary file beside its destination and put in place only
when the import has finished (committed, or refused because of bad rows), so a
failed import leaves no half-written list behind.  It never replaces the file
being imported or the workspace, and replaces another existing file only when
asked to (``force``).
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from deskdup.services.errors import KnownError
from deskdup.services.importer.report import BadRow
from deskdup.services.spreadsheet import safe_row

_SQLITE_MAGIC = b"SQLite format 3\x00"


def default_rejects_path(source: str | Path) -> Path:
    source = Path(source)
    return source.with_name(source.name + ".rejects.csv")


def _workspace_files(workspace_url: str | None) -> list[Path]:
    if not workspace_url or not workspace_url.startswith("sqlite"):
        return []
    database = make_url(workspace_url).database
    if not database or database == ":memory:":
        return []
    db = Path(database)
    return [db, *(db.with_name(db.name + s) for s in ("-wal", "-shm", "-journal"))]


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_rejects_path(
    rejects: str | Path, source: str | Path, workspace_url: str | None, *, force: bool = False
) -> Path:
    """The rejects file's path, or ``KnownError`` when writing there would destroy something."""
    target = Path(rejects).expanduser()
    if _same_file(target, Path(source)):
        raise KnownError(
            f"The rejects file {target} is the file being imported; "
            "choose another path with --rejects."
        )
    if any(_same_file(target, f) for f in _workspace_files(workspace_url)):
        raise KnownError(
            f"The rejects file {target} is the workspace database; "
            "choose another path with --rejects."
        )
    if target.is_dir():
        raise KnownError(f"{target} is a folder; give --rejects a file name.")
    if not target.parent.is_dir():
        raise KnownError(f"The folder {target.parent} for the rejects file does not exist.")
    if target.exists():
        try:
            with target.open("rb") as f:
                is_database = f.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
        except OSError:
            is_database = False
        if is_database:
            raise KnownError(
                f"{target} is a database (a deskdup workspace?), not a rejects file; "
                "choose another path with --rejects."
            )
        if not force:
            raise KnownError(
                f"The rejects file {target} already exists; choose another path with "
                "--rejects, or add --force to replace it."
            )
    return target


class RejectsFile:
    """Bad rows written to a temporary file, put in place by ``publish``."""

    def __init__(self, path: Path, header: list[str], *, force: bool = False):
        self.path = path
        self.header = header
        self.force = force
        self.handle: Any = None
        self.writer: Any = None
        self.temp: Path | None = None

    def write(self, bad: BadRow) -> None:
        try:
            if self.writer is None:
                fd, name = tempfile.mkstemp(
                    dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".part"
                )
                self.temp = Path(name)
                self.handle = os.fdopen(fd, "w", encoding="utf-8-sig", newline="")
                self.writer = csv.writer(self.handle)
                self.writer.writerow(safe_row([*self.header, "line", "reason"]))
            values = [bad.values.get(h, "") for h in self.header]
            self.writer.writerow(safe_row([*values, bad.line, bad.reason.render()]))
        except OSError as exc:
            self.discard()
            raise KnownError(
                f"Cannot write the rejects file {self.path}: {exc.strerror or exc}. "
                "Nothing was imported."
            ) from exc

    def publish(self) -> Path | None:
        """Put the written rows in place; the path they are at (None: no bad row)."""
        if self.temp is None:
            return None
        try:
            self.handle.close()
            if self.force:
                os.replace(self.temp, self.path)
                return self.path
            target = self.path
            for n in range(2, 1000):
                try:
                    os.link(self.temp, target)  # fails when the name is taken, never replaces
                except FileExistsError:  # appeared since the check: take the next free name
                    target = self.path.with_name(f"{self.path.stem} ({n}){self.path.suffix}")
                    continue
                except OSError:  # a file system without hard links
                    if target.exists():
                        raise
                    os.replace(self.temp, target)
                    return target
                self.temp.unlink()
                return target
            raise FileExistsError(self.path)
        except OSError as exc:
            raise KnownError(
                f"Cannot put the rejects file in place at {self.path}: {exc.strerror or exc}. "
                f"The bad rows are in {self.temp}."
            ) from exc
        finally:
            self.temp = None if not (self.temp and self.temp.exists()) else self.temp

    def discard(self) -> None:
        if self.handle is not None:
            with contextlib.suppress(OSError):
                self.handle.close()
        if self.temp is not None:
            with contextlib.suppress(OSError):
                self.temp.unlink()
            self.temp = None
