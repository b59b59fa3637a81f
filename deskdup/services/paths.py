"""Where deskdup keeps its files (platformdirs: the OS's own places)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_cache_path, user_data_path, user_log_path

APP_NAME = "deskdup"


def data_dir() -> Path:
    """The user data folder; ``DESKDUP_DATA_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get("DESKDUP_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def log_dir() -> Path:
    override = os.environ.get("DESKDUP_DATA_DIR")
    path = Path(override) / "logs" if override else user_log_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Files that only save time and may be deleted (the match index kept between
    runs); under ``DESKDUP_DATA_DIR`` when that is set."""
    override = os.environ.get("DESKDUP_DATA_DIR")
    path = Path(override) / "cache" if override else user_cache_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """``resources/`` beside the package in a checkout, inside it in a wheel."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


def built_program_stamp() -> str:
    """What stands for the source code in a built application (``packaging/``): its
    modules live in the program's archive with no ``.py`` beside them, so the
    stamps that hash the sources (the kept candidates and search keys) take the
    version and the program file's size and time instead.  "" when run from source.
    """
    if not getattr(sys, "frozen", False):
        return ""
    from deskdup import __version__

    program = Path(sys.executable).stat()
    return f"{__version__} {program.st_size} {program.st_mtime_ns}"
