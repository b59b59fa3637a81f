"""deskdup: find, compare and merge duplicate CRM leads by hand."""

__version__ = "0.1.0"
