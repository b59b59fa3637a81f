"""Deleting Qt objects later without leaving PySide a dangling wrapper.

``QObject.deleteLater()`` hands the object to C++: dropping the last Python
reference afterwards frees the Python wrapper but not the object.  When Qt
then deletes it, the object's destructor may ask the (freed) wrapper for
Python overrides.  A core dump of a crashed test run showed exactly that
(``~QObject -> Shiboken getOverride`` on a background operation's object, with
PySide 6.12.0, whose refcount bug on None may have helped; see pyproject.toml).
``delete_later`` keeps the wrapper alive until the object is really gone, then
lets go of it on the next turn of the event loop, outside the destructor.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer

_retiring: dict[int, QObject] = {}


def delete_later(obj: QObject) -> None:
    key = id(obj)
    if key in _retiring:
        return
    _retiring[key] = obj
    # Neither callback holds ``obj``: only the dict does, until Qt destroyed it.
    obj.destroyed.connect(lambda *_: QTimer.singleShot(0, lambda: _retiring.pop(key, None)))
    obj.deleteLater()


def is_alive(obj: object) -> bool:
    """False for a Qt object whose C++ side is gone (its window closed while a
    background operation still ran); True for anything else."""
    return not isinstance(obj, QObject) or shiboken6.isValid(obj)


def retiring() -> int:
    """How many objects wait for their deletion (tests)."""
    return len(_retiring)
