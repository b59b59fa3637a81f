"""How long opening a group (building its merge plan) and applying a merge take.

On a copy of the cached demo workspace (benchmarks/common.py), takes up to
``--groups`` people of the demo's ground truth with 2 to 6 leads each and
measures, per group:

* plan: a session, ``build_plan`` and the rights check (what the worker does
  when the comparison view opens a group);
* merge: ``apply_merge`` (one transaction: lock, version check, rights,
  snapshot, changes, history event);
* undo: ``undo_event`` of that merge.

Prints the median and 90th percentile in ms.  Run:

    uv run python benchmarks/bench_merge.py [--leads 5000] [--groups 100]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from benchmarks.common import ensure_demo, scratch_copy
from deskdup.models import Action, DemoTruth, Entity, Lead, Operator, Scope
from deskdup.services.merge import apply_merge, undo_event
from deskdup.services.merge_plan import build_plan
from deskdup.services.policy import load_policy
from deskdup.services.rights import check_merge
from deskdup.services.workspace import open_workspace
from tests.factories import make_operator


def _ms(values: list[float]) -> str:
    values = sorted(values)
    p90 = values[min(len(values) - 1, int(len(values) * 0.9))]
    return f"median {statistics.median(values):7.1f} ms   p90 {p90:7.1f} ms   (n={len(values)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=5000)
    parser.add_argument("--groups", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    path = scratch_copy(ensure_demo(args.leads, args.seed))
    ws = open_workspace(str(path))
    with ws.session() as s:
        people: dict[int, list[int]] = defaultdict(list)
        rows = s.execute(
            select(DemoTruth.person_id, DemoTruth.lead_id)
            .join(Lead, Lead.id == DemoTruth.lead_id)
            .where(Lead.archived.is_(False))
            .order_by(DemoTruth.person_id, DemoTruth.lead_id)
        )
        for person, lead in rows:
            people[person].append(lead)
        groups = [ids for ids in people.values() if 2 <= len(ids) <= 6][: args.groups]
        operator = s.scalar(select(Operator).where(Operator.login == "bench_supervisor"))
        if operator is None:
            operator = make_operator(
                s,
                "bench_supervisor",
                "Bench Supervisor",
                None,
                scopes={(Entity.LEAD, a): Scope.ALL for a in Action},
                can_undo=True,
            )
        operator_id = operator.id
    sizes = [len(g) for g in groups]
    print(
        f"{args.leads} demo leads, {len(groups)} groups of 2-6 leads "
        f"(mean {statistics.mean(sizes):.1f} leads)"
    )

    plan_ms: list[float] = []
    merge_ms: list[float] = []
    undo_ms: list[float] = []
    for ids in groups:
        started = time.perf_counter()
        with ws.session() as s:
            plan = build_plan(s, ids)
            operator = s.get(Operator, operator_id)
            refusals = check_merge(s, operator, plan, load_policy(s))
        plan_ms.append((time.perf_counter() - started) * 1000)
        assert not refusals, refusals

        started = time.perf_counter()
        result = apply_merge(ws, plan, operator_id)
        merge_ms.append((time.perf_counter() - started) * 1000)

        started = time.perf_counter()
        undo_event(ws, result.event_id, operator_id)
        undo_ms.append((time.perf_counter() - started) * 1000)

    print(f"open a group (build plan + rights): {_ms(plan_ms)}")
    print(f"apply a merge:                      {_ms(merge_ms)}")
    print(f"undo a merge:                       {_ms(undo_ms)}")
    ws.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
