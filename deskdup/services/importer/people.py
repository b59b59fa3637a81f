"""Who a name in an export means: an operator by login or full name, a contact by id or name.

Bitrix24 writes the responsible person as the user's full name, in its own
order ("Анна Петрова", or with the patronymic), and a lead's contact as its
id or its name.  A name is matched word by word, folded as ``names.fold``
folds it (case, ё/е), in any word order; a name with fewer words (no
patronymic) matches the fuller one when at least two words agree and it is
the only one that does.  A name that fits two people is not guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from deskdup.models import Contact, Operator
from deskdup.services.names import fold

AMBIGUOUS = -1

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def name_words(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _WORD.findall(text or ""))


class PersonIndex:
    """People (id, full name, other exact keys such as a login or a CRM id) to look up."""

    def __init__(self) -> None:
        self._exact: dict[str, int] = {}
        self._by_words: dict[frozenset[str], set[int]] = defaultdict(set)
        self._by_word: dict[str, set[int]] = defaultdict(set)
        self._words: dict[int, frozenset[str]] = {}

    def add(self, person_id: int, full_name: str, *keys: str) -> None:
        for key in keys:
            if key:
                self._exact[key.strip().lower()] = person_id
        words = name_words(full_name)
        if words:
            self._words[person_id] = words
            self._by_words[words].add(person_id)
            for word in words:
                self._by_word[word].add(person_id)

    def find(self, text: str) -> int | None:
        """The person's id; None when nobody fits; ``AMBIGUOUS`` when several do."""
        exact = self._exact.get(text.strip().lower())
        if exact is not None:
            return exact
        words = name_words(text)
        if not words:
            return None
        same = self._by_words.get(words, set())
        if len(same) == 1:
            return next(iter(same))
        if len(same) > 1:
            return AMBIGUOUS
        # Fewer or more words on one side (a patronymic): every word of the shorter
        # name is in the longer one, and at least two of them.
        candidates: set[int] = set()
        for word in words:
            candidates |= self._by_word.get(word, set())
        fits = {
            pid
            for pid in candidates
            if min(len(words), len(self._words[pid])) >= 2
            and (words <= self._words[pid] or self._words[pid] <= words)
        }
        if len(fits) == 1:
            return next(iter(fits))
        return AMBIGUOUS if fits else None


def operator_index(session: Session) -> PersonIndex:
    """Every operator by login or CRM id, and by full name (a name two share is not guessed)."""
    index = PersonIndex()
    for op in session.scalars(select(Operator)):
        index.add(op.id, op.full_name, op.external_id or "", op.login)
    return index


def contact_index(session: Session) -> PersonIndex:
    """Every contact of the workspace by its CRM id and its full name."""
    index = PersonIndex()
    rows = session.execute(
        select(Contact.id, Contact.external_id, Contact.last_name, Contact.first_name,
               Contact.middle_name).where(Contact.archived.is_(False))
    )  # fmt: skip
    for contact_id, external_id, last, first, middle in rows:
        index.add(contact_id, f"{last} {first} {middle}", external_id or "")
    return index
