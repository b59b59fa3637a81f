"""Detection quality on leads deskdup's demo did not make (``indep_gen``).

For each size: generate the export and its truth (cached under
``benchmarks/out/indep-<leads>-seed<seed>.*``), import the CSV through the
importer into a fresh SQLite workspace, scan it, and compare the pairs with
the truth:

- precision of the pairs, and of "both leads in one group" (what the queue shows);
- *resolvable* recall: a true pair an operator could judge (a shared phone or
  e-mail, or both leads within an hour with the same question, reworded or
  not); pairs with only a common first name days apart are left out;
- recall per class: ``identifier`` (a shared phone, e-mail or handle), and for
  the bursts without one: ``name`` (both leads carry a name in their name
  fields), ``nickname`` (a name only in a handle or an e-mail address on a
  side), ``other`` (a side shows no name at all: a bare phone, ``ironbear97``);
- recall per time gap; false pairs by what made them (households sharing a
  phone, strangers' template question within the hour, namesakes);
- the exact phone/e-mail rule (what the CRMs do) for comparison.

Each at the default queue and for every pair the matcher emits (threshold 0)::

    uv run python benchmarks/eval_independent.py --leads 5000 100000
    uv run python benchmarks/eval_independent.py --leads 5000 --show 20

Peak memory and time are of the scan alone (each size in its own process): the
build and the queue's pairs worded as ``deskdup scan`` prints them (the build
alone: ``build_seconds`` in ``--json``).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT

from deskdup.services.matching.parallel import default_workers

CLASSES = ("identifier", "name", "nickname", "other")
# The bursts (no shared identifier) by their question: one person's own, or a
# template many send (a marketplace's default, a form's preset, an ad's line).
QUESTIONS = ("burst, personal", "burst, template")
GAPS = (
    (5, "<=5 min"),
    (20, "5-20 min"),
    (60, "20-60 min"),
    (1440, "1 h-1 day"),
    (7 * 1440, "1-7 days"),
    (10**9, "> 7 days"),
)
HOUR = 60.0


def files(leads: int, seed: int, variant: bool = False) -> tuple[Path, Path, Path]:
    stem = OUT / f"indep{'-variant' if variant else ''}-{leads}-seed{seed}"
    return Path(f"{stem}.csv"), Path(f"{stem}.truth.csv"), Path(f"{stem}.sqlite")


def ensure(leads: int, seed: int, variant: bool = False) -> tuple[Path, Path, Path]:
    """The export, its truth and the imported workspace, made when missing."""
    from indep_gen import Generator

    from deskdup.services.importer import import_file
    from deskdup.services.workspace import open_workspace

    data, truth, db = files(leads, seed, variant)
    OUT.mkdir(parents=True, exist_ok=True)
    if not (data.exists() and truth.exists()):
        print(f"generating {leads} independent leads ...", file=sys.stderr)
        Generator(leads, seed, variant=variant).write(data, truth)
        db.unlink(missing_ok=True)
    if not db.exists():
        started = time.perf_counter()
        partial = db.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        ws = open_workspace(str(partial))
        try:
            report = import_file(ws, data)
            if not report.written:
                raise SystemExit(f"import refused: {report.bad_rows[:3]}")
        finally:
            ws.dispose()
        partial.replace(db)
        print(f"  imported in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return data, truth, db


# --------------------------------------------------------------------------- truth


class Truth:
    """Leads as the export has them (own normalisation) and who is who."""

    def __init__(self, data: Path, truth: Path) -> None:
        self.minute: dict[str, float] = {}
        self.ids: dict[str, set[str]] = {}  # lead -> phones, e-mails, handles
        self.person: dict[str, int] = {}
        self.household: dict[str, int] = {}
        self.question: dict[str, int] = {}
        self.shows: dict[str, str] = {}
        self.template: dict[str, bool] = {}
        self.message: dict[str, str] = {}
        with data.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f, delimiter=";"):
                lead = row["id"]
                stamp = time.mktime(time.strptime(row["created_at"], "%Y-%m-%dT%H:%M:%S"))
                self.minute[lead] = stamp / 60.0
                values = set()
                for cell in (row["phone"], row["whatsapp"]):
                    digits = re.sub(r"\D", "", cell)
                    if len(digits) >= 10:
                        values.add("p" + digits[-10:])
                if row["email"]:
                    values.add("e" + row["email"].strip().lower())
                if row["telegram"]:
                    values.add("h" + row["telegram"].lstrip("@").lower())
                self.ids[lead] = values
                self.message[lead] = row["message"]
        with truth.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter=";"):
                lead = row["id"]
                self.person[lead] = int(row["person"])
                self.household[lead] = int(row["household"])
                self.question[lead] = int(row["question"])
                self.shows[lead] = row["shows"]
                self.template[lead] = row["template"] == "1"

    def true_pairs(self) -> set[tuple[str, str]]:
        people: dict[int, list[str]] = defaultdict(list)
        for lead, person in self.person.items():
            people[person].append(lead)
        out = set()
        for leads in people.values():
            leads.sort()
            for i, a in enumerate(leads):
                for b in leads[i + 1 :]:
                    out.add((a, b))
        return out

    def exact_rule(self) -> set[tuple[str, str]]:
        """Pairs an exact phone/e-mail rule finds (Bitrix24's and Paraplan's own)."""
        by_value: dict[str, list[str]] = defaultdict(list)
        for lead, values in self.ids.items():
            for v in values:
                if v[0] in "pe":
                    by_value[v].append(lead)
        out = set()
        for leads in by_value.values():
            leads.sort()
            for i, a in enumerate(leads):
                for b in leads[i + 1 :]:
                    out.add((a, b))
        return out

    def gap(self, a: str, b: str) -> float:
        return abs(self.minute[a] - self.minute[b])

    def kind(self, a: str, b: str) -> str | None:
        """The class of a true pair, None when no operator could judge it."""
        if self.ids[a] & self.ids[b]:
            return "identifier"
        if self.gap(a, b) > HOUR or self.question[a] != self.question[b]:
            return None
        shows = {self.shows[a], self.shows[b]}
        if "none" in shows:
            return "other"
        if "nick" in shows:
            return "nickname"
        return "name"

    def false_kind(self, a: str, b: str) -> str:
        if self.household[a] and self.household[a] == self.household[b]:
            return "household"
        near = self.gap(a, b) <= HOUR
        if near and self.template[a] and self.template[b] and self.message[a] == self.message[b]:
            return "template in the hour"
        if near:
            return "other, within the hour"
        return "other, further apart"


def gap_label(minutes: float) -> str:
    return next(label for limit, label in GAPS if minutes <= limit)


def evaluate(truth: Truth, true_pairs, found: set, groups: list | None = None) -> dict:
    per_class = Counter()
    hit_class = Counter()
    per_gap = Counter()
    hit_gap = Counter()
    resolvable = 0
    resolved = 0
    for a, b in true_pairs:
        kind = truth.kind(a, b)
        if kind is None:
            continue
        resolvable += 1
        hit = (a, b) in found
        resolved += hit
        per_class[kind] += 1
        hit_class[kind] += hit
        gap = gap_label(truth.gap(a, b))
        per_gap[gap] += 1
        hit_gap[gap] += hit
        if kind != "identifier":
            question = "template" if truth.template[a] or truth.template[b] else "personal"
            per_class["burst, " + question] += 1
            hit_class["burst, " + question] += hit
    right = len(found & true_pairs)
    false = Counter(truth.false_kind(a, b) for a, b in found - true_pairs)
    out = {
        "found": len(found),
        "precision": right / len(found) if found else 1.0,
        "recall_all": right / len(true_pairs) if true_pairs else 1.0,
        "resolvable": resolvable,
        "resolvable_recall": resolved / resolvable if resolvable else 1.0,
        "classes": {
            k: [per_class[k], hit_class[k] / per_class[k] if per_class[k] else None]
            for k in (*CLASSES, *QUESTIONS)
        },
        "gaps": {
            label: [per_gap[label], hit_gap[label] / per_gap[label] if per_gap[label] else None]
            for _l, label in GAPS
        },
        "false": dict(false.most_common()),
    }
    if groups is not None:
        in_group = set()
        for ids in groups:
            ids = sorted(ids)
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    in_group.add((a, b))
        g_right = len(in_group & true_pairs)
        g_res = sum(1 for p in in_group & true_pairs if truth.kind(*p) is not None)
        out["group_precision"] = g_right / len(in_group) if in_group else 1.0
        out["group_resolvable_recall"] = g_res / resolvable if resolvable else 1.0
    return out


# --------------------------------------------------------------------------- child


def run_child(args) -> dict:
    from deskdup.services.matching import MatchIndex, MatchSettings, score_pair
    from deskdup.services.workspace import open_workspace

    data, truth_path, db = files(args.size, args.seed, args.variant)
    settings = MatchSettings()
    ws = open_workspace(str(db), migrate=False)
    started, cpu = time.perf_counter(), time.process_time()
    # As `deskdup scan` (its --workers: the comparing over forked processes).
    index = MatchIndex.build(ws, settings, refreshable=False, workers=args.workers)
    build_seconds = time.perf_counter() - started
    # And as it prints them: the queue's pairs with their reasons, which a
    # one-shot build words only when asked (``kept.KeptPair``).
    for pair in index.result().pairs:
        pair.reasons  # noqa: B018
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The forked workers' CPU counts too; their peak is their own (shared pages included).
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu += children.ru_utime + children.ru_stime
    worker_peak = children.ru_maxrss / 1024
    out: dict = {
        "size": args.size,
        "scan_seconds": seconds,
        "build_seconds": build_seconds,
        "scan_cpu": cpu,
        "peak_mb": peak,
        "worker_peak_mb": worker_peak,
        "workers": args.workers,
        "leads": len(index.leads),
    }
    model = getattr(index, "model", None)
    if model is not None:
        out["model"] = {
            "learned": model.learned,
            "lambda": model.lam,
            "matches": model.matches,
            "iterations": model.iterations,
            "top": [[c, level, round(bits, 2)] for c, level, bits in model.top_weights(40)],
        }
    if args.speed_only:
        return out
    truth = Truth(data, truth_path)
    label = {i: rec.label for i, rec in index.leads.items()}

    def labelled(pairs) -> set[tuple[str, str]]:
        return {tuple(sorted((label[p.a], label[p.b]))) for p in pairs}

    true_pairs = truth.true_pairs()
    result = index.result()
    out["likely_start"] = result.threshold
    out["true_pairs"] = len(true_pairs)
    out["exact_rule"] = evaluate(truth, true_pairs, truth.exact_rule())
    out["default"] = evaluate(
        truth,
        true_pairs,
        labelled(result.pairs),
        [[label[i] for i in g.lead_ids] for g in result.groups],
    )
    try:
        possible = index.result(tier="possible")
    except TypeError:  # a matcher without tiers
        possible = None
    if possible is not None:
        out["possible tier"] = evaluate(
            truth,
            true_pairs,
            labelled(possible.pairs),
            [[label[i] for i in g.lead_ids] for g in possible.groups],
        )
    del index
    if not args.skip_all:
        every = MatchIndex.build(ws, settings.fixed(0.0))
        out["every"] = evaluate(truth, true_pairs, labelled(every.result().pairs))
    if args.show:
        index = MatchIndex.build(ws, settings)
        by_label = {rec.label: rec for rec in index.leads.values()}
        found = labelled(index.result().pairs)
        scores = {tuple(sorted((label[p.a], label[p.b]))): p for p in index.result().pairs}
        shown: dict[str, list[str]] = defaultdict(list)
        for key in sorted(found - true_pairs):
            pair = scores[key]
            kind = truth.false_kind(*key)
            if len(shown["FALSE " + kind]) < args.show:
                shown["FALSE " + kind].append(
                    f"{pair.score:.2f} {describe(by_label, truth, *key)}: "
                    + "; ".join(str(r.text) for r in pair.reasons)
                )
        for key in sorted(true_pairs - found):
            kind = truth.kind(*key)
            if kind is None or len(shown["MISS " + kind]) >= args.show:
                continue
            ra, rb = by_label[key[0]], by_label[key[1]]
            score, reasons = score_pair(ra, rb, settings, getattr(index, "model", None))
            shown["MISS " + kind].append(
                f"{score:.2f} {describe(by_label, truth, *key)}: "
                + "; ".join(str(r.text) for r in reasons)
            )
        out["shown"] = shown
    ws.dispose()
    return out


def describe(by_label, truth: Truth, a: str, b: str) -> str:
    def one(lead: str) -> str:
        rec = by_label[lead]
        ids = ",".join(sorted(v[1:] for v in truth.ids[lead]))
        return f"[{rec.channel.value} '{rec.display_name()}' {ids} «{truth.message[lead][:50]}»]"

    return f"{one(a)} {one(b)} {truth.gap(a, b):.0f} min"


# --------------------------------------------------------------------------- report


def fmt(value) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_report(row: dict) -> None:
    print(
        f"\n{row['leads']} leads (scan {row['scan_seconds']:.2f} s, CPU {row['scan_cpu']:.2f} s, "
        f"peak {row['peak_mb']:.0f} MB)"
        f", {row['true_pairs']} true pairs, {row['default']['resolvable']} resolvable"
        f"; the default queue (likely tier) from P {row.get('likely_start', 0):.4f}"
    )
    names = [k for k in row if k in ("exact_rule", "default", "possible tier", "every")]
    head = f"{'':<22}{'pairs':>8}{'prec':>7}{'res.rec':>8}{'grp.prec':>9}{'grp.rec':>8}"
    head += "".join(f"{c:>11}" for c in CLASSES)
    print(head)
    for name in names:
        q = row[name]
        line = f"{name:<22}{q['found']:>8}{q['precision']:>7.3f}{q['resolvable_recall']:>8.3f}"
        line += f"{fmt(q.get('group_precision')):>9}{fmt(q.get('group_resolvable_recall')):>8}"
        line += "".join(f"{fmt(q['classes'][c][1]):>11}" for c in CLASSES)
        print(line)
    for name in names:
        q = row[name]
        print(
            f"  {name}: "
            + ", ".join(
                f"{k} {q['classes'][k][0]} pairs recall {fmt(q['classes'][k][1])}"
                for k in QUESTIONS
                if k in q["classes"]
            )
        )
    print(
        f"{'class sizes':<62}" + "".join(f"{row['default']['classes'][c][0]:>11}" for c in CLASSES)
    )
    print("  resolvable recall by time gap (pairs: default / every)")
    for _limit, label in GAPS:
        n, rec = row["default"]["gaps"][label]
        every = row.get("every", {}).get("gaps", {}).get(label, [0, None])[1]
        print(f"    {label:<12}{n:>8}  {fmt(rec)} / {fmt(every)}")
    for name in names:
        if row[name]["false"]:
            print(
                f"  false pairs, {name}: "
                + ", ".join(f"{k} {v}" for k, v in row[name]["false"].items())
            )
    for title, lines in row.get("shown", {}).items():
        for line in lines:
            print(f"    {title}: {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--leads", type=int, nargs="+", default=[5000, 100000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="print N false pairs and misses")
    parser.add_argument("--skip-all", action="store_true", help="skip the threshold-0 scan")
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument(
        "--variant",
        action="store_true",
        help="another shop's traffic (indep_gen.VARIANT_RATES): other channel mix, "
        "noise, template share, burst spread",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help="processes comparing the pairs, as `deskdup scan --workers` (default: its default)",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(args), ensure_ascii=False))
        return 0
    rows = []
    for n in args.leads:
        ensure(n, args.seed, args.variant)
        cmd = [
            sys.executable,
            __file__,
            "--child",
            "--size",
            str(n),
            "--seed",
            str(args.seed),
            "--show",
            str(args.show),
            "--workers",
            str(args.workers),
        ]
        cmd += ["--skip-all"] if args.skip_all else []
        cmd += ["--variant"] if args.variant else []
        cmd += ["--speed-only"] if args.speed_only else []
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode:
            sys.stderr.write(proc.stderr)
            return 1
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
        if args.speed_only:
            print(
                f"{row['leads']} leads: scan {row['scan_seconds']:.2f} s "
                f"(build {row['build_seconds']:.2f} s), CPU {row['scan_cpu']:.2f} s, "
                f"peak {row['peak_mb']:.0f} MB "
                f"(workers {row['workers']}, a worker's peak {row['worker_peak_mb']:.0f} MB)"
            )
        else:
            print_report(row)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
