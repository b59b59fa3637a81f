"""Import leads from a CRM export: CSV (UTF-8, comma or semicolon) or XLSX.

A CSV file is read as a stream, one row at a time.  Of an XLSX workbook the
first worksheet is read (whole, by calamine), then converted row by row.  Every
row is checked; a bad row (an unreadable date, an unknown channel or operator,
a repeated id) is reported with its line number and the reason.  The whole
import is one transaction: when there are bad rows nothing is written, unless
``skip_bad``, which imports the good rows and lists the bad ones in a rejects
file.

The source CRM's id is the key: a row whose id is already a lead's external id
is left alone (counted as "already there"), so importing the same file twice
changes nothing.  Rows are never used to update existing leads: the workspace
may have merged or edited them since, and an export must not undo that.

A phone or e-mail that cannot be normalised is kept as typed and flagged
invalid; it never makes a row bad.

The package, in the order an import runs: ``reading`` (the file, its encoding,
header and rows), ``columns`` (which column is which field), ``rows`` (one row
checked, with ``dates`` and ``full_name``), ``writing`` (chunks into the
workspace, bad rows into the rejects file), ``pipeline`` (all of it in one
transaction) and ``report`` (what it did).
"""

from deskdup.services.importer.encoding import ENCODING_NAMES, encoding_label
from deskdup.services.importer.full_name import split_full_name
from deskdup.services.importer.pipeline import ProgressFn, import_file
from deskdup.services.importer.reading import ExportFile, cell_text, open_export
from deskdup.services.importer.report import BadRow, ImportReport
from deskdup.services.importer.writing import fast_ru_mobile

__all__ = [
    "ENCODING_NAMES",
    "BadRow",
    "ExportFile",
    "ImportReport",
    "ProgressFn",
    "cell_text",
    "encoding_label",
    "fast_ru_mobile",
    "import_file",
    "open_export",
    "split_full_name",
]
