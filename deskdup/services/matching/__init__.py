"""Detection: find leads that are one customer, and say why.

normalise -> keys -> blocks -> score -> groups.

- Every active lead is read once (a few Core selects, no ORM objects) into a
  compact ``_Lead`` record: normalised phones, e-mails, handles, its parsed name,
  the names its nicknames and e-mail local parts suggest, its first inquiry.
- Each record emits *keys*; leads sharing a key form a *block*.  Strong keys
  (phone, e-mail, handle, surname + first initial) pair across all time; weak
  keys (first name, surname alone, the first words of the inquiry) pair only
  inside a time window of ``burst_minutes`` (the impatient customer writes
  everywhere within minutes), so a common name does not pair everybody.
  Oversized blocks (a shared office phone, a placeholder e-mail) are skipped.
- A candidate pair is compared field by field (``compare``) into a pattern of
  levels, and a Fellegi–Sunter model (``model``) learned by EM on the
  workspace itself turns the pattern into a probability; each level weighs
  ``log2(m/u)`` bits, each reason says in words what it is and carries those
  bits (``score_pair``).  The hand-set weights (``MatchSettings.weights``)
  only bound which pairs are worth comparing and switch kinds of evidence off.
- Pairs at or above the review threshold, minus dismissed ones, are joined
  into groups (connected components).

A pair's score depends only on the two records and the model, which a refresh
keeps, so an incremental refresh that rescans the changed leads against their
blocks gives what a full scan with that model gives.

The package, one module a stage (each imports only those above it):

- ``settings``: weights, threshold, burst window, block caps; result types.
- ``record``: ``_Lead``, the matcher's plain record of a lead.
- ``load``: reading leads, communications and chats into records (plain SQL).
- ``keys``: block keys and their hashes; the search box's name keys.
- ``evidence``: the evidence for and against a pair, its reasons, ``combine``
  and the bound that lets the index skip hopeless pairs.
- ``model``: the Fellegi–Sunter model, its priors and EM (``fit``).
- ``compare``: a pair's comparison pattern, ``score_pair``, the reasons in
  bits, the background of the pairs that are no candidate.
- ``probe``: what the operator typed, as a record, and its score against a lead.
- ``kept``: a kept pair, its reasons worded when first asked for.
- ``index``: ``MatchIndex`` (build, refresh, result, lookup), the groups, and
  the one-call ``scan_workspace`` and ``lookup``.

Import from the package (``from deskdup.services.matching import MatchIndex``);
the private helpers live in their module.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from deskdup.services.matching.evidence import Evidence, combine
from deskdup.services.matching.inquiry import MESSAGE_CHARS
from deskdup.services.matching.keys import GLUED_SURNAME_MIN
from deskdup.services.matching.probe import probe_record
from deskdup.services.matching.settings import (
    DEFAULT_BURST_MINUTES,
    DEFAULT_LIKELY_PRECISION,
    DEFAULT_POSSIBLE_THRESHOLD,
    DEFAULT_THRESHOLD,
    DEFAULT_WEIGHTS,
    LIKELY,
    LOOKUP_CANDIDATES,
    NAME_HORIZON,
    POSSIBLE,
    SAME_MESSAGE,
    SIMILAR_MESSAGE,
    STRONG_BLOCK_CAP,
    WEAK_BLOCK_CAP,
    LookupHit,
    MatchSettings,
    ScanResult,
)

if TYPE_CHECKING:
    from deskdup.services.matching.blocks import quiet_gc
    from deskdup.services.matching.compare import score_pair
    from deskdup.services.matching.index import MatchIndex, scan_workspace
    from deskdup.services.matching.model import LinkageModel, prior_model
    from deskdup.services.matching.search import lookup, refresh_search

# Imported on first use: the index, its scoring and the kept search names load
# SQLAlchemy, which a cold ``deskdup lookup`` does without (``search_read``).
_LAZY = {
    "quiet_gc": "blocks",
    "score_pair": "compare",
    "MatchIndex": "index",
    "scan_workspace": "index",
    "LinkageModel": "model",
    "prior_model": "model",
    "lookup": "search",
    "refresh_search": "search",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_BURST_MINUTES",
    "DEFAULT_LIKELY_PRECISION",
    "DEFAULT_POSSIBLE_THRESHOLD",
    "DEFAULT_THRESHOLD",
    "DEFAULT_WEIGHTS",
    "GLUED_SURNAME_MIN",
    "LIKELY",
    "LOOKUP_CANDIDATES",
    "MESSAGE_CHARS",
    "NAME_HORIZON",
    "POSSIBLE",
    "SAME_MESSAGE",
    "SIMILAR_MESSAGE",
    "STRONG_BLOCK_CAP",
    "WEAK_BLOCK_CAP",
    "Evidence",
    "LinkageModel",
    "LookupHit",
    "MatchIndex",
    "MatchSettings",
    "ScanResult",
    "combine",
    "lookup",
    "prior_model",
    "probe_record",
    "quiet_gc",
    "refresh_search",
    "scan_workspace",
    "score_pair",
]
