"""The log file: what the crash dialog points to, rotating, with no secrets.

``install()`` adds one rotating file handler (``deskdup.log`` in the log folder,
``paths.log_dir()``) to the root logger; the command line and the window both
call it at start.  Every line goes through ``credentials.scrub_text``, so a
database address in a message or a traceback loses its password and other
secrets before it is written.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from deskdup.services import credentials, paths

LOG_NAME = "deskdup.log"
MAX_BYTES = 1_000_000  # per file; with the backups at most ~6 MB in all
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"


class ScrubbingFormatter(logging.Formatter):
    """Formats as usual, then removes the secrets of any address in the text."""

    def format(self, record: logging.LogRecord) -> str:
        return credentials.scrub_text(super().format(record))


class _DeskdupFileHandler(RotatingFileHandler):
    """Marks deskdup's own handler, so a second ``install`` replaces it."""


def install(level: int = logging.INFO) -> logging.Handler | None:
    """Log to the rotating file from ``level`` up; None when the folder cannot be written."""
    root = logging.getLogger()
    path = paths.log_dir() / LOG_NAME
    for old in [h for h in root.handlers if isinstance(h, _DeskdupFileHandler)]:
        uninstall(old)
    try:
        handler = _DeskdupFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:  # a read-only profile must not stop the program
        return None
    handler.setLevel(level)
    handler.setFormatter(ScrubbingFormatter(FORMAT))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return handler


def uninstall(handler: logging.Handler | None) -> None:
    if handler is None:
        return
    logging.getLogger().removeHandler(handler)
    handler.close()


def to_file(logger: logging.Logger, level: int, message: str, exc: BaseException) -> None:
    """Write ``message`` with ``exc``'s traceback to the log file only (not stderr,
    where the traceback is printed anyway)."""
    record = logger.makeRecord(
        logger.name, level, __file__, 0, message, (), (type(exc), exc, exc.__traceback__)
    )
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _DeskdupFileHandler) and level >= handler.level:
            handler.handle(record)
