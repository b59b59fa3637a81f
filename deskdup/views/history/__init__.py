"""The History tab (``tab.HistoryTab``): the lazily loaded table (``model``), the
event's detail (``detail``) and the supervisors' charts (``charts``)."""

from deskdup.views.history.tab import HistoryTab

__all__ = ["HistoryTab"]
