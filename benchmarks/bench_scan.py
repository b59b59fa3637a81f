"""Speed and quality of detection on demo workspaces.

For each size: a full scan (leads/s, peak memory of a fresh process), an
incremental rescan after 1 % of the leads changed, and the quality of the
pairs at the review threshold against the demo's ground truth (``DemoTruth``):
precision, and recall per kind of pair.  At the largest size also the median
time of one lookup.  Run:

    uv run python benchmarks/bench_scan.py --leads 10000 100000 [1000000]

Demo workspaces are generated once and cached under ``benchmarks/out/``.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ensure_demo, scratch_copy
from sqlalchemy import select, update

from deskdup.models import DemoTruth, Lead
from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.matching.parallel import default_workers
from deskdup.services.workspace import open_workspace

KINDS = ("identifier", "name", "nickname", "first_name", "no_name")
KIND_TITLES = {
    "identifier": "shared phone/e-mail/handle",
    "name": "name evidence only (surnames)",
    "nickname": "nickname only",
    "first_name": "first name only (one side)",
    "no_name": "no name at all (time/text)",
}


# --------------------------------------------------------------------------- quality


def pair_kind(a, b) -> str:
    """What links two leads of one person, seen from the data alone.

    identifier: a shared phone, e-mail or handle.  Otherwise by the best name
    evidence the two leads carry: name (both have a surname in their name
    fields), nickname (a surname on one side comes only from a nickname or an
    e-mail address), first_name (one side shows a first name only: Avito
    "Ваня"), no_name (one side shows no name at all: a bare phone, sunny_cat).
    """
    if (
        set(a.phones) & set(b.phones)
        or set(a.emails) & set(b.emails)
        or {h for _c, h in a.handles} & {h for _c, h in b.handles}
        or set(a.bad_phones) & set(b.bad_phones)
    ):
        return "identifier"

    def sources(rec):
        return [rec.name] + [p for _c, _t, p in rec.nicks]

    def has_any(rec):
        return any(not p.empty for p in sources(rec))

    def has_surname(rec, formal_only):
        parts = [rec.name] if formal_only else sources(rec)
        return any(p.surnames for p in parts)

    if not has_any(a) or not has_any(b):
        return "no_name"
    if has_surname(a, True) and has_surname(b, True):
        return "name"
    if has_surname(a, False) and has_surname(b, False):
        return "nickname"
    return "first_name"


def truth_pairs(ws, index: MatchIndex) -> set[tuple[int, int]]:
    with ws.engine.connect() as conn:
        rows = conn.execute(select(DemoTruth.lead_id, DemoTruth.person_id)).all()
    people: dict[int, list[int]] = {}
    for lead_id, person_id in rows:
        if lead_id in index.leads:
            people.setdefault(person_id, []).append(lead_id)
    pairs = set()
    for ids in people.values():
        ids.sort()
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                pairs.add((a, b))
    return pairs


def quality(ws, index: MatchIndex, threshold: float | None = None) -> dict:
    result = index.result(threshold)
    truth = truth_pairs(ws, index)
    found = {p.key for p in result.pairs}
    in_group = set()
    for group in result.groups:
        ids = group.lead_ids
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                in_group.add((a, b))
    per_kind = Counter()
    hit_kind = Counter()
    group_hit_kind = Counter()
    for a, b in truth:
        kind = pair_kind(index.leads[a], index.leads[b])
        per_kind[kind] += 1
        hit_kind[kind] += (a, b) in found
        group_hit_kind[kind] += (a, b) in in_group
    # The demo sometimes gives two people one Telegram handle or one e-mail
    # address (a real account belongs to one person): count those apart.
    collisions = 0
    for pair in result.pairs:
        if pair.key not in truth and any(
            r.code in ("same_handle", "same_email") for r in pair.reasons
        ):
            collisions += 1
    near = Counter()
    near_hit = Counter()
    for a, b in truth:
        ra, rb = index.leads[a], index.leads[b]
        kind = pair_kind(ra, rb)
        if abs(ra.minute - rb.minute) <= 2 * index.settings.burst_minutes:
            near[kind] += 1
            near_hit[kind] += (a, b) in found
    true_found = len(found & truth)
    group_true = len(in_group & truth)
    return {
        "threshold": result.threshold,
        "pairs": len(found),
        "truth_pairs": len(truth),
        "precision": true_found / len(found) if found else 1.0,
        "identifier_collisions": collisions,
        "precision_unique_ids": true_found / (len(found) - collisions)
        if len(found) > collisions
        else 1.0,
        "recall": true_found / len(truth) if truth else 1.0,
        "group_precision": group_true / len(in_group) if in_group else 1.0,
        "group_recall": group_true / len(truth) if truth else 1.0,
        "per_kind": {
            k: {
                "pairs": per_kind[k],
                "recall": hit_kind[k] / per_kind[k] if per_kind[k] else None,
                "group_recall": group_hit_kind[k] / per_kind[k] if per_kind[k] else None,
                "near_pairs": near[k],
                "near_recall": near_hit[k] / near[k] if near[k] else None,
            }
            for k in KINDS
        },
    }


def false_positives(ws, index: MatchIndex, limit: int = 20) -> list[str]:
    truth = truth_pairs(ws, index)
    out = []
    for pair in index.result().pairs:
        if pair.key not in truth:
            out.append(
                f"{pair.score:.2f} {pair.a} {pair.b}: "
                + "; ".join(str(r.text) for r in pair.reasons)
            )
            if len(out) >= limit:
                break
    return out


def misses(ws, index: MatchIndex, kind: str, limit: int = 20) -> list[str]:
    from deskdup.services.matching import score_pair

    found = {p.key for p in index.result().pairs}
    out = []
    for a, b in sorted(truth_pairs(ws, index)):
        if (a, b) in found:
            continue
        ra, rb = index.leads[a], index.leads[b]
        if pair_kind(ra, rb) != kind:
            continue
        score, reasons = score_pair(ra, rb, index.settings)
        out.append(
            f"{score:.2f} {a}[{ra.channel.value} {ra.display_name()}] {b}[{rb.channel.value} "
            f"{rb.display_name()}] {(rb.minute - ra.minute):.0f}min: "
            + "; ".join(str(r.text) for r in reasons)
        )
        if len(out) >= limit:
            break
    return out


def far_name_pairs(ws, index: MatchIndex) -> dict[str, list[int]]:
    """Would the same full name far apart be evidence enough?  For every two leads
    with the same first name and surname (in their name fields) created further
    apart than the name horizon and sharing no phone, e-mail or handle: how many
    are one person by the ground truth, split by the patronymic (equal on both,
    different, missing on one side) and by two different phones.  Pairs of
    surname blocks over all time: for sizes up to a few hundred thousand leads.
    """
    from deskdup.services.matching import NAME_HORIZON
    from deskdup.services.matching.evidence import _share_identifier
    from deskdup.services.matching.name_agreement import _name_evidence

    with ws.engine.connect() as conn:
        person = dict(conn.execute(select(DemoTruth.lead_id, DemoTruth.person_id)).all())
    by_surname: dict[str, list] = {}
    for rec in index.leads.values():
        for surname in rec.name.surnames:
            by_surname.setdefault(surname, []).append(rec)
    horizon = NAME_HORIZON * index.settings.burst_minutes
    counts: dict[str, list[int]] = {}  # case -> [same person, namesakes]
    for recs in by_surname.values():
        for i, a in enumerate(recs):
            for b in recs[i + 1 :]:
                if abs(a.minute - b.minute) <= horizon:
                    continue
                if _name_evidence(a.name, b.name) not in ("full_name", "full_name_patronymic"):
                    continue
                if _share_identifier(a, b):
                    continue
                pa, pb = a.name.patronymic, b.name.patronymic
                case = (
                    "patronymic equal"
                    if pa and pa == pb
                    else "patronymic differs"
                    if pa and pb
                    else "patronymic missing on a side"
                )
                if a.phones and b.phones and not set(a.phones) & set(b.phones):
                    case += ", different phones"
                tally = counts.setdefault(case, [0, 0])
                tally[0 if person[a.id] == person[b.id] else 1] += 1
    return dict(sorted(counts.items()))


# --------------------------------------------------------------------------- speed


def measure_scan(path: Path, settings: MatchSettings) -> dict:
    """Full scan in this process (the caller runs it in a fresh one)."""
    ws = open_workspace(str(path), migrate=False)
    started = time.perf_counter()
    # As `deskdup scan`, with its default --workers.
    index = MatchIndex.build(ws, settings, refreshable=False, workers=default_workers())
    seconds = time.perf_counter() - started
    result = index.result()
    out = {
        "leads": len(index.leads),
        "seconds": seconds,
        "pairs": len(result.pairs),
        "groups": len(result.groups),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    ws.dispose()
    return out


def measure_incremental(path: Path, settings: MatchSettings, lookups: int) -> dict:
    """Build, change 1 % of the leads on a copy, refresh; and time lookups."""
    copy = scratch_copy(path)
    ws = open_workspace(str(copy), migrate=False)
    started = time.perf_counter()
    index = MatchIndex.build(ws, settings)
    build_seconds = time.perf_counter() - started
    index.result()  # what the window shows before anything changes
    rng = random.Random(7)
    ids = sorted(index.leads)
    changed = rng.sample(ids, max(1, len(ids) // 100))
    stamp = max(r.created_at for r in index.leads.values()) + timedelta(days=400)
    with ws.session() as s:
        for start in range(0, len(changed), 500):
            part = changed[start : start + 500]
            s.execute(
                update(Lead).where(Lead.id.in_(part)).values(status="in_process", updated_at=stamp)
            )
    started = time.perf_counter()
    index.refresh(ws)
    refresh_seconds = time.perf_counter() - started
    same = None
    if len(ids) <= 200_000:  # a second full build is minutes at a million leads
        fresh = MatchIndex.build(ws, settings)
        same = {p.key: p.score for p in index.result().pairs} == {
            p.key: p.score for p in fresh.result().pairs
        }
    out = {
        "build_seconds": build_seconds,
        "refresh_seconds": refresh_seconds,
        "changed": len(changed),
        "refresh_equals_full": same,
    }
    if lookups:
        queries = []
        recs = [index.leads[i] for i in rng.sample(ids, lookups * 3)]
        for rec in recs:
            if rec.phones and len(queries) % 4 == 0:
                d = rec.phones[0][2:]
                queries.append(f"8 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}")
            elif rec.handles and len(queries) % 4 == 1:
                queries.append("@" + rec.handles[0][1])
            elif rec.emails and len(queries) % 4 == 2:
                queries.append(rec.emails[0].upper())
            elif rec.name.surnames and rec.name.firsts:
                queries.append(rec.display_name())
        queries = queries[:lookups]
        times = []
        found = 0
        for q in queries:
            t0 = time.perf_counter()
            hits = index.lookup(q)
            times.append((time.perf_counter() - t0) * 1000)
            found += bool(hits)
        out["lookup_ms_median"] = statistics.median(times)
        out["lookup_ms_max"] = max(times)
        out["lookups"] = len(queries)
        out["lookups_found"] = found
    ws.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    return out


def in_subprocess(mode: str, path: Path, extra: list[str]) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--path", str(path), *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"{mode} benchmark failed for {path}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- main


def settings_from(args) -> MatchSettings:
    settings = MatchSettings()
    if args.threshold is not None:
        settings = settings.fixed(args.threshold)
    return settings


def child(args) -> int:
    settings = settings_from(args)
    path = Path(args.path)
    if args.child == "scan":
        out = measure_scan(path, settings)
    elif args.child == "incremental":
        out = measure_incremental(path, settings, args.lookups)
    else:
        ws = open_workspace(str(path), migrate=False)
        index = MatchIndex.build(ws, settings)
        out = quality(ws, index)
        if args.far_names:
            out["far_names"] = far_name_pairs(ws, index)
        if args.show:
            out["false_positives"] = false_positives(ws, index, args.show)
            out["misses"] = {k: misses(ws, index, k, args.show) for k in KINDS}
        ws.dispose()
    print(json.dumps(out, ensure_ascii=False))
    return 0


def fmt(value, pattern="{:.3f}") -> str:
    return "-" if value is None else pattern.format(value)


def main() -> int:
    parser = argparse.ArgumentParser(description="Detection speed and quality on demo data.")
    parser.add_argument("--leads", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threshold", type=float, help="default: MatchSettings' threshold")
    parser.add_argument("--lookups", type=int, default=50)
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-incremental", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print N false positives and misses")
    parser.add_argument(
        "--far-names",
        action="store_true",
        help="count same-full-name pairs beyond the name horizon, true vs namesakes (slow)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)

    extra = ["--lookups", str(args.lookups), "--show", str(args.show)]
    if args.far_names:
        extra.append("--far-names")
    if args.threshold is not None:
        extra += ["--threshold", str(args.threshold)]
    rows = []
    largest = max(args.leads)
    for n in args.leads:
        path = ensure_demo(n, args.seed)
        scan = in_subprocess("scan", path, extra)
        row = {"size": n, "scan": scan}
        if not args.skip_incremental:
            lookup_extra = list(extra)
            if n != largest:
                lookup_extra[1] = "0"
            row["incremental"] = in_subprocess("incremental", path, lookup_extra)
        if not args.skip_quality:
            row["quality"] = in_subprocess("quality", path, extra)
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), file=sys.stderr)

    print()
    print("Speed")
    print(f"{'leads':>9} {'scan s':>8} {'leads/s':>9} {'peak MB':>8} {'pairs':>8} "
          f"{'groups':>8} {'1% rescan s':>11} {'% of full':>9} {'= full':>6}")  # fmt: skip
    for row in rows:
        s = row["scan"]
        inc = row.get("incremental", {})
        ratio = inc["refresh_seconds"] / inc["build_seconds"] * 100 if inc else None
        print(
            f"{s['leads']:>9} {s['seconds']:>8.2f} {s['leads'] / s['seconds']:>9.0f} "
            f"{s['peak_mb']:>8.0f} {s['pairs']:>8} {s['groups']:>8} "
            f"{fmt(inc.get('refresh_seconds'), '{:.3f}'):>11} {fmt(ratio, '{:.1f}'):>9} "
            f"{inc.get('refresh_equals_full', '-')!s:>6}"
        )
        if inc.get("lookups"):
            print(
                f"{'':>9} lookup: median {inc['lookup_ms_median']:.2f} ms, "
                f"max {inc['lookup_ms_max']:.2f} ms over {inc['lookups']} lookups "
                f"({inc['lookups_found']} found something)"
            )
    if not args.skip_quality:
        print()
        print("Quality at the review threshold (pairs; 'group' = both leads in one group)")
        for row in rows:
            q = row["quality"]
            print(
                f"{row['size']} leads, threshold {q['threshold']:.2f}: {q['pairs']} pairs found, "
                f"{q['truth_pairs']} true pairs; precision {q['precision']:.3f}, "
                f"recall {q['recall']:.3f}; group precision {q['group_precision']:.3f}, "
                f"group recall {q['group_recall']:.3f}"
            )
            print(
                f"    {q['identifier_collisions']} false pairs share a handle or e-mail the demo "
                f"gave two people; without them precision {q['precision_unique_ids']:.3f}"
            )
            for kind in KINDS:
                k = q["per_kind"][kind]
                print(
                    f"    {KIND_TITLES[kind]:<34} {k['pairs']:>7} pairs  "
                    f"recall {fmt(k['recall'])}  group recall {fmt(k['group_recall'])}  "
                    f"within the name horizon: {k['near_pairs']:>6} pairs, "
                    f"recall {fmt(k['near_recall'])}"
                )
            for case, (same, namesakes) in q.get("far_names", {}).items():
                print(
                    f"    same full name beyond the horizon, {case}: {same} one person, "
                    f"{namesakes} namesakes (precision {same / max(1, same + namesakes):.3f})"
                )
            for line in q.get("false_positives", []):
                print("    FP", line)
            for kind, lines in q.get("misses", {}).items():
                for line in lines:
                    print(f"    MISS {kind}", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
