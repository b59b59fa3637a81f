"""The newest schema revision, read from the migration scripts' own lines:
neither Alembic nor SQLAlchemy is imported to tell whether a workspace is
current (``workspace.upgrade``, and ``deskdup lookup``'s ``sqlite3`` path)."""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=\n]*)?=\s*(.+)$", re.M)


def head_revision() -> str | None:
    """The newest migration's revision, read from the scripts' own lines; None
    when that cannot be told for sure without Alembic (a script whose revision
    is not one plain line, several heads): then Alembic decides."""
    revisions: set[str] = set()
    parents: set[str] = set()
    scripts = list((MIGRATIONS_DIR / "versions").glob("*.py"))
    for script in scripts:
        found = dict(_REVISION.findall(script.read_text(encoding="utf-8")))
        revision = re.findall(r"[\"']([^\"']+)[\"']", found.get("revision", ""))
        if len(revision) != 1 or "down_revision" not in found:
            return None
        revisions.add(revision[0])
        parents.update(re.findall(r"[\"']([^\"']+)[\"']", found["down_revision"]))
    heads = revisions - parents
    return next(iter(heads)) if scripts and len(heads) == 1 else None
