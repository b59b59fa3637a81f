"""The detection options ``scan`` and ``lookup`` share (weights, burst window,
threshold) and the ``MatchSettings`` they make; light enough for a cold
``deskdup lookup`` (no SQLAlchemy)."""

from __future__ import annotations

from deskdup.services.errors import KnownError
from deskdup.services.matching.settings import DEFAULT_WEIGHTS, MatchSettings


def detection_options(parser) -> None:
    parser.add_argument(
        "--weight",
        action="append",
        default=[],
        metavar="CODE=W",
        help="hand-set weight of one kind of evidence, -1..1 (repeatable): the learned "
        "model scores the pairs; these only bound which pairs are compared, and 0 "
        "switches a kind of evidence off; codes and defaults: "
        + ", ".join(f"{code}={w:g}" for code, w in DEFAULT_WEIGHTS.items()),
    )
    parser.add_argument(
        "--burst-minutes",
        type=int,
        metavar="N",
        help="leads from different channels this close count as one burst (default "
        f"{MatchSettings().burst_minutes})",
    )


def settings_of(args) -> MatchSettings:
    settings = MatchSettings(region=args.region)
    threshold = getattr(args, "threshold", None)
    if threshold is not None:
        if not 0.0 <= threshold <= 1.0:
            raise KnownError(f"The threshold must be between 0 and 1, not {threshold}.")
        settings = settings.fixed(threshold)
    for item in getattr(args, "weight", None) or []:
        code, sep, value = item.partition("=")
        code = code.strip()
        if code not in DEFAULT_WEIGHTS:
            raise KnownError(
                f"Unknown weight '{code}'; the weights are: {', '.join(DEFAULT_WEIGHTS)}."
            )
        try:
            weight = float(value) if sep else float("nan")
        except ValueError:
            weight = float("nan")
        if not -1.0 <= weight <= 1.0:
            raise KnownError(f"--weight takes CODE=W with W between -1 and 1, not '{item}'.")
        settings.weights[code] = weight
    burst = getattr(args, "burst_minutes", None)
    if burst is not None:
        if not 1 <= burst <= 240:
            raise KnownError(f"The burst window must be 1 to 240 minutes, not {burst}.")
        settings.burst_minutes = burst
    return settings
