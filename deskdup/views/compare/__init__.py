"""The comparison of a candidate group, split along its seams (as Picard's ui/metadatabox/):

- ``view.py``: ``CompareView``, the state (group, current field, busy), loading,
  the review actions and their keys;
- ``decisions.py``: its mixin ``ReviewDecisions``, the merge, dismissals, bind,
  undo and skip, and what each does when its answer comes back;
- ``choosing.py``: its mixin ``FieldChoosing``, the operator's picks (a value,
  a typed value, the primary) and the keyboard's current field;
- ``layout.py``: its mixin ``CompareLayout``, the widgets it is made of and
  the review actions tied to its methods;
- ``grid.py``: ``CompareGrid``, renders one ``MergePlan`` and signals the
  operator's clicks (value, primary, exclude);
- ``cells.py``: the painted cells, the value with its radio, the column header;
- ``heading.py``: the title, the reasons, the banner and the rights above the grid;
- ``actions.py``: one ``QAction`` per review action, from the shortcuts table,
  shared by the buttons and the Review menu;
- ``keyboard.py``: keeping the keyboard on the review; ``counters.py``: today's work.

Formatting shared with the queue and the lead list is in ``views/formatting.py``;
opening a group (``load_group``) is a service (``services/review.py``).
"""

from deskdup.views.compare.view import CompareView, ReviewState

__all__ = ["CompareView", "ReviewState"]
