"""What every view of one window shares (git-cola's ``ApplicationContext``).

``app.py`` builds one ``AppContext`` after the workspace is open and the
operator signed in, and hands it to the main window, which hands it to its
views.  Views reach the database only through ``context.query(...)`` and
``context.write(...)`` (``views/operations.py``), never directly; a view that
shows data a write may change subscribes to ``context.ops.executed``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from PySide6.QtCore import QObject

from deskdup.services.matching import DEFAULT_THRESHOLD, MatchSettings
from deskdup.services.operators import OperatorInfo
from deskdup.services.workspace import Workspace
from deskdup.views import settings as opts
from deskdup.views.operations import OperationRunner, QueryOp, default_runner
from deskdup.views.settings import Settings

T = TypeVar("T")

__all__ = ["AppContext", "OperatorInfo"]


@dataclass
class AppContext:
    workspace: Workspace
    operator: OperatorInfo
    settings: Settings
    ops: OperationRunner = field(default_factory=default_runner)
    # The detection index and its latest result, kept here so a window rebuilt
    # (language switch, new operator) does not scan again.  Only touched on the
    # database worker (build/refresh/lookup) or read on the UI thread after.
    match_index: Any = None
    scan_result: Any = None
    # The CRM backend when it is not the workspace itself (a linked Bitrix24
    # portal): merges go through it.  None: the SQL workspace is the CRM.
    backend: Any = None
    # How the operator was proven (``services/identity.SignIn``); None in tests that skip it.
    signed: Any = None
    # The contact index of the bind dialog (views/bind_dialog.contact_finder):
    # built on the worker at the first search, refreshed before each one.
    contact_finder: Any = None

    def query(
        self, parent: QObject | None, op: Callable[..., T], success: Callable[[T], None]
    ) -> QueryOp[T]:
        """A not-yet-started op on this window's runner; chain then ``run_in_background()``."""
        return QueryOp(parent, op, success, runner=self.ops)

    def write(
        self, parent: QObject | None, op: Callable[..., T], success: Callable[[T], None]
    ) -> QueryOp[T]:
        """A write: ``op`` returns what it changed; ``ops.executed`` says so after ``success``."""
        return QueryOp(parent, op, success, runner=self.ops).writes()

    def match_settings(self) -> MatchSettings:
        """The engine's settings with the operator's thresholds, region, weights and
        burst window (a threshold saved by deskdup before the learned model is
        not one of them: ``opts.legacy_review_threshold``)."""
        base = MatchSettings()
        changes: dict[str, Any] = {}
        threshold = float(self.settings.get(opts.REVIEW_THRESHOLD))
        if 0.0 <= threshold <= 1.0:
            changes["review_threshold"] = threshold
        precision = float(self.settings.get(opts.LIKELY_PRECISION))
        if 0.0 < precision < 1.0:
            changes["likely_precision"] = precision
        elif precision == 0.0 or (
            precision < 0 and "review_threshold" in changes and threshold != DEFAULT_THRESHOLD
        ):
            # By the likely probability: chosen so, or saved before the precision existed.
            changes["likely_precision"] = None
        possible = float(self.settings.get(opts.POSSIBLE_THRESHOLD))
        if 0.0 <= possible <= 1.0:
            changes["possible_threshold"] = possible
        region = str(self.settings.get(opts.DEFAULT_REGION) or "").strip().upper()
        if region:
            changes["region"] = region
        weights = opts.weight_overrides(self.settings.get(opts.MATCH_WEIGHTS))
        if weights:
            changes["weights"] = {**base.weights, **weights}
        burst = opts.burst_minutes(self.settings.get(opts.BURST_MINUTES))
        if burst is not None:
            changes["burst_minutes"] = burst
        if not changes:
            return base
        return replace(base, **changes)
