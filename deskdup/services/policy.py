"""Team-wide merge policy, stored in the workspace (``workspace_meta``).

One decision, one setting: what happens to the other leads of a merge.

* ``archive_instead_of_delete = True`` (the default): the other leads stay in
  the database, ``archived`` and linked to the primary (``merged_into_id``),
  so the CRM's links and reports keep working and nothing is lost even beyond
  undo.
* ``archive_instead_of_delete = False``: the other leads are deleted after
  everything they owned has moved to the primary (undo still re-creates them
  from the history snapshot).

Either way the merge needs the *delete* right on each other lead, since the
lead disappears from the working lists.  With archiving the operator-facing
messages call that right "archive" (as Paraplan does), because that is what
the operator's action does.  ``delete_merged`` is the same setting read the
other way round; there is no third state.

The policy is team-wide because it lives in the shared workspace database,
not in the operator's own settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from deskdup.models import WorkspaceMeta

ARCHIVE_KEY = "policy.archive_instead_of_delete"
# The language of the note a merge writes into the merged lead ("ru", "en"): the
# team's, since every operator reads it in the CRM.  None: the merging operator's
# UI language.
NOTE_LANGUAGE_KEY = "policy.note_language"


@dataclass(frozen=True)
class MergePolicy:
    archive_instead_of_delete: bool = True
    note_language: str | None = None

    @property
    def delete_merged(self) -> bool:
        """The other leads are deleted rather than archived."""
        return not self.archive_instead_of_delete


def load_policy(session: Session) -> MergePolicy:
    """The team's policy; the defaults when none was ever saved."""
    row = session.get(WorkspaceMeta, ARCHIVE_KEY)
    language = session.get(WorkspaceMeta, NOTE_LANGUAGE_KEY)
    return MergePolicy(
        archive_instead_of_delete=row is None or row.value.strip() != "0",
        note_language=(language.value.strip() or None) if language is not None else None,
    )


def save_policy(session: Session, policy: MergePolicy) -> None:
    _save(session, ARCHIVE_KEY, "1" if policy.archive_instead_of_delete else "0")
    if policy.note_language is not None:
        _save(session, NOTE_LANGUAGE_KEY, policy.note_language)


def _save(session: Session, key: str, value: str) -> None:
    row = session.get(WorkspaceMeta, key)
    if row is None:
        session.add(WorkspaceMeta(key=key, value=value))
    else:
        row.value = value
