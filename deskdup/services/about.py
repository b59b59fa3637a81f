"""What Help → About lists: the libraries deskdup runs on and their licences.

Read from the installed packages' metadata (``importlib.metadata``), starting
at deskdup's own requirements and following theirs, so the list is what is
really bundled (the PyInstaller build copies that metadata along, see
``packaging/deskdup.spec``) and never a hand-kept copy that drifts.  No Qt
here: the dialog adds Qt's own version.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata

APP_DISTRIBUTION = "deskdup"

# PySide6's wheels bundle the Qt libraries themselves; deskdup uses them under
# the LGPL (dynamically linked, replaceable in the built folder).
QT_DISTRIBUTIONS = ("pyside6-essentials", "pyside6", "shiboken6")
LGPL = "LGPL-3.0-only"

_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")
_CLASSIFIER = "License :: OSI Approved :: "


@dataclass(frozen=True)
class Library:
    name: str  # as the project spells it
    version: str
    licence: str  # an SPDX expression where the package gives one
    summary: str = ""
    homepage: str = ""

    @property
    def is_qt(self) -> bool:
        return canonical(self.name) in QT_DISTRIBUTIONS


def canonical(name: str) -> str:
    """PEP 503 name: ``PySide6_Essentials`` and ``pyside6-essentials`` are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_of(meta) -> str:
    """The licence as the package states it: License-Expression, else a short
    License field, else its OSI classifiers; "" when it says nothing."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 80:
        return field
    classifiers = [
        c[len(_CLASSIFIER) :] for c in meta.get_all("Classifier") or [] if c.startswith(_CLASSIFIER)
    ]
    if classifiers:
        return " / ".join(classifiers)
    return field.splitlines()[0][:80] if field else ""


def _homepage(meta) -> str:
    if meta.get("Home-page"):
        return str(meta["Home-page"])
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return url.strip()
    return ""


def _requirements(dist: metadata.Distribution, extras: set[str]) -> list[tuple[str, set[str]]]:
    """(name, extras) of each requirement of ``dist`` that applies to the extras asked for."""
    out = []
    for text in dist.requires or []:
        spec, _, marker = text.partition(";")
        extra = _EXTRA.search(marker)
        if extra and extra.group(1) not in extras:
            continue  # an optional part nobody asked for (tests, docs)
        match = _NAME.match(spec)
        if match:
            wanted = {e.strip() for e in (match.group(2) or "").split(",") if e.strip()}
            out.append((match.group(1), wanted))
    return out


def bundled_libraries(root: str = APP_DISTRIBUTION) -> list[Library]:
    """Every installed package ``root`` needs, directly or not, sorted by name.

    A requirement whose package is not installed (one for another platform, say
    ``tzdata`` outside Windows) is not bundled, so it is not listed.
    """
    seen: dict[str, Library] = {}
    visited: set[tuple[str, frozenset[str]]] = set()
    todo: list[tuple[str, set[str]]] = [(root, set())]
    while todo:
        name, extras = todo.pop()
        if (canonical(name), frozenset(extras)) in visited:
            continue
        visited.add((canonical(name), frozenset(extras)))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        meta = dist.metadata
        key = canonical(meta["Name"] or name)
        if key not in seen and key != canonical(root):
            seen[key] = Library(
                name=meta["Name"] or name,
                version=dist.version,
                licence=licence_of(meta),
                summary=(meta.get("Summary") or "").strip(),
                homepage=_homepage(meta),
            )
        todo.extend(_requirements(dist, extras))
    return sorted(seen.values(), key=lambda lib: canonical(lib.name))


def python_version() -> str:
    return sys.version.split()[0]


__all__ = [
    "LGPL",
    "Library",
    "bundled_libraries",
    "canonical",
    "licence_of",
    "python_version",
]
