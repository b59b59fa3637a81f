"""Reading the leads of an XLSX workbook, and refusing what cannot be read faithfully.

The sheet read is the one the operator sees on opening the workbook (the
active sheet, when it is a visible worksheet; else the first visible one), or
the one named.  Cells whose value calamine cannot give as Excel shows it are
refused with their address: merged cells (only the first cell of the range
holds the value; the others would read empty), formulas saved without their
result (they read empty; a date formula would become "now"), and error cells
(``#N/A`` reads empty).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from deskdup.services.errors import KnownError

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# A formula element or an error cell, in any namespace prefix: the quick test
# that spares the full XML pass to the (many) workbooks that have neither.
_SUSPECT = re.compile(rb'<(?:\w+:)?f[\s>/]|\st="e"')
MAX_SHOWN = 5


@dataclass
class SheetInfo:
    name: str
    state: str  # visible, hidden, veryHidden
    part: str  # the sheet's XML inside the package, e.g. xl/worksheets/sheet1.xml


def workbook_sheets(path: Path) -> tuple[list[SheetInfo], int]:
    """The workbook's sheets in tab order, and the index of the active tab."""
    with zipfile.ZipFile(path) as package:
        book = ElementTree.fromstring(package.read("xl/workbook.xml"))
        try:
            rels = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
        except KeyError:
            rels = ElementTree.Element("Relationships")
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL}Relationship")}
    sheets = []
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        sheets.append(SheetInfo(sheet.get("name", ""), sheet.get("state", "visible"), part))
    view = book.find(f"{_MAIN}bookViews/{_MAIN}workbookView")
    try:
        active = int(view.get("activeTab", "0")) if view is not None else 0
    except ValueError:
        active = 0
    return sheets, active


def choose_sheet(path: Path, names: list[str], worksheets: set[str], wanted: str | None) -> str:
    """The name of the sheet to read: ``wanted``, or the one Excel opens on."""
    if wanted is not None:
        if wanted in worksheets:
            return wanted
        shown = ", ".join(f"'{n}'" for n in names if n in worksheets)
        raise KnownError(f"{path.name} has no sheet '{wanted}'; its sheets are: {shown}.")
    try:
        sheets, active = workbook_sheets(path)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        sheets, active = [], 0
    visible = [s.name for s in sheets if s.state == "visible" and s.name in worksheets]
    if 0 <= active < len(sheets) and sheets[active].name in visible:
        return sheets[active].name
    if visible:
        return visible[0]
    if sheets:  # every worksheet hidden: say so rather than read a hidden one unasked
        hidden = ", ".join(f"'{s.name}'" for s in sheets if s.name in worksheets)
        raise KnownError(
            f"{path.name} has no visible sheet (hidden: {hidden}). Name the one to read "
            "with --sheet."
        )
    return next(n for n in names if n in worksheets)


def column_letters(index: int) -> str:
    """``0`` -> ``A``, ``27`` -> ``AB``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def refuse_merged_cells(
    path: Path, sheet: str, ranges: list[tuple[tuple[int, int], tuple[int, int]]], first_row: int
) -> None:
    """Refuse merged ranges that reach the table (``first_row``: the header's, 0-based)."""
    inside = [r for r in ranges if r[1][0] >= first_row]
    if not inside:
        return
    shown = ", ".join(
        f"{column_letters(c0)}{r0 + 1}:{column_letters(c1)}{r1 + 1}"
        for (r0, c0), (r1, c1) in inside[:MAX_SHOWN]
    )
    more = f" and {len(inside) - MAX_SHOWN} more" if len(inside) > MAX_SHOWN else ""
    raise KnownError(
        f"{path.name}, sheet '{sheet}': merged cells {shown}{more}. Only the first cell of a "
        "merged range holds its value, so the other rows would lose it. Unmerge the cells, "
        "fill the value into every row, save and import again."
    )


def unread_cells(path: Path, part: str, sheet: str) -> dict[int, list[str]]:
    """Refuse formulas saved without their result; the error cells by row number.

    An error (``#N/A``, ``#DIV/0!``) is what Excel shows, but no value: its row
    is bad, the rest of the sheet can be read.
    """
    try:
        with zipfile.ZipFile(path) as package, package.open(part) as stream:
            if not _has_suspects(stream):
                return {}
        with zipfile.ZipFile(path) as package, package.open(part) as stream:
            formulas, errors = _unread_cells(stream)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}  # calamine read the sheet; a part we cannot find is not ours to judge
    if formulas:
        raise KnownError(
            f"{path.name}, sheet '{sheet}': cells {_list(formulas)} hold formulas saved "
            "without their results (the file was written by a program, not by Excel), so "
            "they would read as empty. Open the file in Excel or LibreOffice, save it "
            "there, and import it again."
        )
    by_row: dict[int, list[str]] = {}
    for ref in errors:
        digits = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if digits.isdigit():
            by_row.setdefault(int(digits), []).append(ref)
    return by_row


def _list(cells: list[str]) -> str:
    more = f" and {len(cells) - MAX_SHOWN} more" if len(cells) > MAX_SHOWN else ""
    return ", ".join(cells[:MAX_SHOWN]) + more


def _has_suspects(stream) -> bool:
    tail = b""
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        if _SUSPECT.search(tail + chunk):
            return True
        tail = chunk[-16:]
    return False


def _unread_cells(stream) -> tuple[list[str], list[str]]:
    formulas: list[str] = []
    errors: list[str] = []
    for _event, cell in ElementTree.iterparse(stream):
        if cell.tag != f"{_MAIN}c":
            continue
        ref = cell.get("r", "?")
        value = cell.find(f"{_MAIN}v")
        has_value = (value is not None and bool(value.text)) or cell.find(f"{_MAIN}is") is not None
        # A formula whose result is the empty string is saved as t="str" and an empty <v>.
        if cell.find(f"{_MAIN}f") is not None and not has_value and cell.get("t") != "str":
            formulas.append(ref)
        elif cell.get("t") == "e":
            errors.append(ref)
        cell.clear()
    return formulas, errors
