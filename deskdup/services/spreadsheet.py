"""Text that deskdup writes into files a spreadsheet will open (CSV, XLSX).

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``,
``-`` or ``@`` as a formula, and a leading tab or carriage return can hide
one; a value taken from a CRM export (a lead's name, a comment) must not
become a command on the operator's machine (OWASP "CSV injection").  Every
file deskdup writes for a spreadsheet passes its values through ``safe_cell``.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value``, with an apostrophe in front when a spreadsheet would run it.

    A spreadsheet shows the apostrophe-prefixed text as the plain value and
    drops the apostrophe when the sheet is saved again as CSV, so a phone
    ``+7 916…`` comes back as it was.  Numbers, dates and None pass unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: list[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]
