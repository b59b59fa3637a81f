"""Calling a Bitrix24 portal within its documented limits.

httpx rather than urllib or requests: one keep-alive connection pool (at two
requests a second a TLS handshake per call would cost as much as the call),
separate connect/read timeouts, and exceptions that tell "never reached the
portal" (``ConnectError``: safe to send again) from "sent, answer lost"
(``RemoteProtocolError``, ``ReadError``, ``ReadTimeout``: a write may have been
applied, so it is not sent blindly again; the merge journal finds out).

Limits (``limits.md``): the portal's leaky bucket allows about 2 requests a
second with a burst of 50; the client's own token bucket stays under it, and a
503 ``QUERY_LIMIT_EXCEEDED`` or 429 ``OPERATION_TIME_LIMIT`` that comes anyway
is waited out with growing pauses and retried, never reported as a failure
(only a portal that refuses for many minutes is).  ``batch`` sends up to 50
calls in one request; ``list_all`` pages as ``huge-data.md`` recommends:
``order[ID]=ASC``, ``filter[>ID]=last``, ``start=-1``, chained inside one
batch with ``$result[...]`` references so one request brings up to 2,500 rows.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx

from deskdup.services.bitrix24.webhook import CONTEXT, Webhook
from deskdup.services.errors import Cancelled, KnownError, fail
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)
# httpx logs every request's URL at INFO, and the URL holds the secret.
for _name in ("httpx", "httpcore"):
    logging.getLogger(_name).setLevel(logging.WARNING)

PAGE = 50
BATCH_MAX = 50
RATE = 2.0  # requests a second the portal sustains (non-Enterprise tariffs)
BURST = 10  # the client's own burst, well under the portal's 50
GIVE_UP_AFTER = 600.0  # seconds of "too many requests" before telling the operator

MSG_WRONG_WEBHOOK = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The portal {portal} does not accept this webhook (wrong user or secret, or the webhook "
    "was deleted). Create an incoming webhook in the portal and give its address again.",
)
MSG_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "Cannot reach the portal {portal}: {reason}. Check the address and the network connection.",
)
MSG_LOST = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The connection to the portal {portal} broke before it answered ({reason}).",
)
MSG_REFUSED = QT_TRANSLATE_NOOP("Bitrix24", "The portal refused {method}: {description} ({code})")
MSG_DENIED = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The portal says the webhook's user may not do this ({method}: {description}). Ask the "
    "portal administrator for the right, or use a webhook of a user who has it.",
)
MSG_SCOPE = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The webhook lacks the permission for {method} ({description}); add the scope to the "
    "webhook in the portal.",
)
MSG_BUSY = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The portal {portal} kept answering 'too many requests' for {minutes} minutes; "
    "try again later.",
)
MSG_NOT_JSON = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The address {portal} answered, but not as a Bitrix24 portal does (HTTP {status}). "
    "Check the webhook address.",
)


class PortalError(KnownError):
    """The portal answered with an error (``code``, ``description``, ``status``)."""

    code: str = ""
    description: str = ""
    status: int = 0


class ConnectionLost(KnownError):
    """A request was sent and the answer never came: it may have been applied."""


class TokenBucket:
    """At most ``rate`` acquisitions a second on average, ``burst`` at once."""

    def __init__(self, rate: float, burst: float, clock: Callable[[], float] = time.monotonic):
        self.rate, self.burst, self.clock = rate, burst, clock
        self.tokens = burst
        self.at = clock()
        self.lock = threading.Lock()

    def wait_time(self) -> float:
        """Take a token; the seconds to wait before using it."""
        with self.lock:
            now = self.clock()
            self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
            self.at = now
            self.tokens -= 1
            return 0.0 if self.tokens >= 0 else -self.tokens / self.rate

    def empty(self) -> None:
        """The portal said "too many": spend the burst so the next calls go slowly."""
        with self.lock:
            self.tokens = min(self.tokens, 0.0)
            self.at = self.clock()


def php_query(params: dict[str, Any]) -> str:
    """``params`` as PHP's ``http_build_query`` writes them (batch commands use it).

    ``$result[...]`` references stay as written: the portal substitutes them in
    the command text.
    """
    pairs: list[str] = []

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(f"{prefix}[{key}]" if prefix else str(key), item)
        elif isinstance(value, list | tuple):
            for i, item in enumerate(value):
                walk(f"{prefix}[{i}]", item)
        else:
            text = "" if value is None else str(value)
            if isinstance(value, bool):
                text = "Y" if value else "N"
            encoded = text if text.startswith("$result[") else quote(text, safe="")
            pairs.append(f"{quote(prefix, safe='[]')}={encoded}")

    walk("", params)
    return "&".join(pairs)


@dataclass
class BatchResult:
    results: dict[str, Any]
    errors: dict[str, dict[str, Any]]
    totals: dict[str, int]
    time: dict[str, Any] = field(default_factory=dict)


Command = tuple[str, dict[str, Any]]


class Bitrix24Client:
    """One webhook's calls, paced and retried; thread-safe."""

    def __init__(
        self,
        webhook: Webhook,
        *,
        rate: float = RATE,
        burst: float = BURST,
        timeout: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        cancelled: Callable[[], bool] | None = None,
        give_up_after: float = GIVE_UP_AFTER,
    ) -> None:
        self.webhook = webhook
        self.bucket = TokenBucket(rate, burst)
        self.rate = rate
        self.sleep = sleep
        self.cancelled = cancelled
        self.give_up_after = give_up_after
        self.http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=15.0),
            headers={"Accept": "application/json"},
            follow_redirects=False,
        )
        self.requests = 0  # HTTP requests sent (retries included)
        self.waited = 0.0  # seconds spent waiting for the limits
        self.last_time: dict[str, Any] = {}  # the "time" block of the last answer

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Bitrix24Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- pacing

    def _pause(self, seconds: float) -> None:
        """Wait, looking at the cancel flag at least every half second."""
        end = time.monotonic() + seconds
        while True:
            if self.cancelled is not None and self.cancelled():
                raise Cancelled()
            left = end - time.monotonic()
            if left <= 0:
                return
            self.sleep(min(left, 0.5))

    # ---- one call

    def call(
        self, method: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> Any:
        """The ``result`` of one method call; for a write see ``ConnectionLost``."""
        return self._request(method, params or {}, write=write)["result"]

    def _request(self, method: str, params: dict[str, Any], *, write: bool) -> dict[str, Any]:
        portal = self.webhook.portal
        backoff = 0.5
        busy_since: float | None = None
        failures = 0
        while True:
            self._pause(self.bucket.wait_time())
            self.requests += 1
            try:
                response = self.http.post(self.webhook.method_url(method), json=params)
            except httpx.ConnectError as exc:  # never reached the portal: safe to repeat
                failures += 1
                if failures >= 3:
                    reason = self.webhook.redact(str(exc)) or type(exc).__name__
                    message = Message(
                        CONTEXT, MSG_UNREACHABLE, {"portal": portal, "reason": reason}
                    )
                    raise fail(KnownError, message) from None
                self._pause(backoff)
                backoff *= 2
                continue
            except (httpx.TransportError, httpx.TimeoutException) as exc:
                reason = self.webhook.redact(str(exc)) or type(exc).__name__
                if write:
                    message = Message(CONTEXT, MSG_LOST, {"portal": portal, "reason": reason})
                    raise fail(ConnectionLost, message) from None
                failures += 1
                if failures >= 4:
                    message = Message(
                        CONTEXT, MSG_UNREACHABLE, {"portal": portal, "reason": reason}
                    )
                    raise fail(KnownError, message) from None
                log.info("Reading %s from %s again after: %s", method, portal, reason)
                self._pause(backoff)
                backoff *= 2
                continue
            try:
                body = response.json()
            except ValueError:
                body = None
            if not isinstance(body, dict):
                message = Message(
                    CONTEXT, MSG_NOT_JSON, {"portal": portal, "status": response.status_code}
                )
                raise fail(KnownError, message)
            code = str(body.get("error") or "")
            if "error" not in body and response.status_code < 400:
                self.last_time = body.get("time") or {}
                return body
            if code in ("QUERY_LIMIT_EXCEEDED", "OPERATION_TIME_LIMIT") or response.status_code in (
                429,
                503,
            ):
                now = time.monotonic()
                busy_since = busy_since or now
                if now - busy_since > self.give_up_after:
                    minutes = max(1, round(self.give_up_after / 60))
                    raise fail(
                        KnownError,
                        Message(CONTEXT, MSG_BUSY, {"portal": portal, "minutes": minutes}),
                    )
                self.bucket.empty()
                wait = backoff
                if code == "OPERATION_TIME_LIMIT":
                    reset = float(self.last_time.get("operating_reset_at") or 0)
                    wait = max(backoff, min(reset - time.time(), 60.0)) if reset else backoff
                log.info(
                    "%s: the portal asks to slow down (%s); waiting %.1f s", method, code, wait
                )
                self.waited += wait
                self._pause(wait)
                backoff = min(backoff * 2, 30.0)
                continue
            raise self._error(
                method, response.status_code, code, str(body.get("error_description") or "")
            )

    def _error(self, method: str, status: int, code: str, description: str) -> PortalError:
        description = self.webhook.redact(description)
        if code in ("NO_AUTH_FOUND", "INVALID_CREDENTIALS", "expired_token") or status == 401:
            message = Message(CONTEXT, MSG_WRONG_WEBHOOK, {"portal": self.webhook.portal})
        elif code == "insufficient_scope":
            message = Message(CONTEXT, MSG_SCOPE, {"method": method, "description": description})
        elif status == 403 or "access denied" in description.lower():
            message = Message(CONTEXT, MSG_DENIED, {"method": method, "description": description})
        else:
            params = {"method": method, "description": description or code, "code": code or status}
            message = Message(CONTEXT, MSG_REFUSED, params)
        return fail(PortalError, message, code=code, description=description, status=status)

    # ---- batches and lists

    def batch(
        self, commands: dict[str, Command], *, halt: bool = False, write: bool = False
    ) -> BatchResult:
        """Up to 50 calls in one request; the errors come back per command."""
        if len(commands) > BATCH_MAX:
            raise ValueError(f"a batch takes at most {BATCH_MAX} commands")
        cmd = {
            key: f"{method}?{php_query(params)}" if params else method
            for key, (method, params) in commands.items()
        }
        body = self._request("batch", {"halt": 1 if halt else 0, "cmd": cmd}, write=write)
        inner = body.get("result") or {}

        def as_dict(value: Any) -> dict[str, Any]:
            return value if isinstance(value, dict) else {}

        return BatchResult(
            results=as_dict(inner.get("result")),
            errors=as_dict(inner.get("result_error")),
            totals={k: int(v) for k, v in as_dict(inner.get("result_total")).items()},
            time=body.get("time") or {},
        )

    def batch_error(self, method: str, error: dict[str, Any]) -> PortalError:
        return self._error(
            method, 400, str(error.get("error") or ""), str(error.get("error_description") or "")
        )

    def list_pages(
        self,
        method: str,
        *,
        select: list[str],
        filter: dict[str, Any] | None = None,
        count: bool = False,
        chain: int = BATCH_MAX,
    ) -> Iterator[tuple[list[dict[str, Any]], int | None]]:
        """Every row of a list method, ``chain`` pages a request, as (rows, total).

        ``total`` is the row count (one extra count-only command in the first
        batch when ``count``), None otherwise.  A page shorter than 50 ends the
        list; the commands chained after it in the same batch are discarded.
        """
        base = dict(filter or {})
        last_id = 0
        first = True
        while True:
            commands: dict[str, Command] = {}
            if first and count:
                commands["count"] = (method, {"filter": base, "select": ["ID"], "start": 0})
            pages = chain - len(commands)
            for i in range(pages):
                after: Any = last_id if i == 0 else f"$result[p{i - 1}][{PAGE - 1}][ID]"
                commands[f"p{i}"] = (
                    method,
                    {
                        "order": {"ID": "ASC"},
                        "filter": {**base, ">ID": after},
                        "select": select,
                        "start": -1,
                    },
                )
            result = self.batch(commands)
            total = result.totals.get("count") if first and count else None
            first = False
            done = False
            rows: list[dict[str, Any]] = []
            for i in range(pages):
                key = f"p{i}"
                if key in result.errors:
                    raise self.batch_error(method, result.errors[key])
                page = result.results.get(key) or []
                if page and int(page[0]["ID"]) <= last_id:
                    done = True  # a reference past the end: the page repeats earlier rows
                    break
                rows.extend(page)
                if page:
                    last_id = int(page[-1]["ID"])
                if len(page) < PAGE:
                    done = True
                    break
            yield rows, total
            if done:
                return
