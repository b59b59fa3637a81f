"""Import leads from a CRM export: CSV (UTF-8, comma or semicolon) or XLSX.

A CSV file is read as a stream, one row at a time.  Of an XLSX workbook one
sheet is read (whole, by calamine: the one Excel opens on, or the one named),
then converted row by row.  Every
row is checked; a bad row (an unreadable date, an unknown channel or operator,
a repeated id) is reported with its line number and the reason.  The whole
import is one transaction: when there are bad rows nothing is written, unless
``skip_bad``, which imports the good rows and lists the bad ones in a rejects
file.

The source CRM's id is the key: a row whose id is already a lead's external id
is left alone (counted as "already there"), so importing the same file twice
changes nothing.  Only ``--update`` (``updating``) lets a re-import correct the
leads an earlier import made, and never one a merge has touched since: an
export must not undo the operators' work.

A phone or e-mail that cannot be normalised is kept as typed and flagged
invalid; it never makes a row bad.

The package, in the order an import runs: ``reading`` (the file, its header
and rows; ``encoding`` and ``xlsx`` for each kind of file), ``columns`` (which
column is which field; ``bitrix24_export`` names Bitrix24's own export
columns, stages and sources), ``rows`` (one row checked, with ``dates``;
``people`` finds the responsible operator and the bound contact by name; a
one-field full name is split by ``names``), ``writing`` (chunks into the
workspace; ``updating`` corrects leads already there), ``rejects`` (the bad
rows' file), ``pipeline`` (all of it in one transaction), ``report`` (what it
did) and ``preview`` (the first rows and how each column is read, for the
import window).
"""

from deskdup.services.importer.encoding import ENCODING_NAMES, encoding_label
from deskdup.services.importer.pipeline import ProgressFn, import_file
from deskdup.services.importer.reading import ExportFile, cell_text, open_export
from deskdup.services.importer.report import BadRow, ImportReport
from deskdup.services.importer.writing import fast_ru_mobile
from deskdup.services.names import split_full_name

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
