"""The two kinds of failure (qutebrowser's KnownError / BugError split).

A ``KnownError`` is caused by the environment or the input (no database, a bad
file, no rights, a lead changed by someone else): the operator is told in words
what happened and what to do.  Anything else is a bug: it is logged and shown in
a crash dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from deskdup.services.messages import Message


class KnownError(Exception):
    """A failure the operator can understand and act on; ``str()`` is the message."""


class StaleError(KnownError):
    """A record changed since it was shown; nothing was written."""


class RightsError(KnownError):
    """The operator lacks a right; nothing was written."""


class Cancelled(Exception):
    """The operator cancelled a long operation; not an error to report."""


def fail(cls: type[KnownError], message: Message, **extra: Any) -> KnownError:
    """``cls(str(message))`` carrying ``message`` (and ``extra``) as attributes.

    ``str()`` is the English text (command line, logs); a view translates
    ``exc.message``.
    """
    exc = cls(str(message))
    exc.message = message  # type: ignore[attr-defined]
    for key, value in extra.items():
        setattr(exc, key, value)
    return exc
