"""A Bitrix24-compatible portal on 127.0.0.1 for the tests and benchmarks.

Written from the public REST documentation (``bitrix24/b24restdocs``), not
from deskdup's client, so the client is tested against the documented
behaviour:

* webhook URLs ``/rest/USER_ID/SECRET/method`` (``.json`` optional); a wrong
  user or secret answers 401 ``NO_AUTH_FOUND`` "Wrong authorization data";
* errors as ``{"error": CODE, "error_description": TEXT}`` with the HTTP
  status the docs give (400 "Not found", 403 "Access denied"...);
* the leaky-bucket rate limit (``limits.md``): every HTTP request adds one to a
  counter that drains by ``rate`` a second; above ``burst`` the request is
  refused with 503 ``QUERY_LIMIT_EXCEEDED``.  Cloud tariffs: 2/s with 50
  (Enterprise 5/s with 250).  ``batch`` is one request;
* list methods: 50 rows a page, ``start`` / ``next`` / ``total``, and
  ``start=-1`` without counting (``settings/performance/huge-data.md``);
  ``select`` with ``*`` (no multi-fields) and ``PHONE``/``EMAIL``/``IM``/``WEB``
  named; ``filter`` with the ``>``, ``>=``, ``<``, ``<=``, ``@``, ``!``, ``=``
  prefixes; ``order``;
* ``batch``: up to 50 commands ``method?php-query``, ``$result[cmd][path]``
  references to earlier results, ``result_error`` / ``result_total`` /
  ``result_next``, ``halt``;
* multi-fields on update: an entry with ``ID`` changes that entry, with an
  empty ``VALUE`` (or ``DELETE=Y``) deletes it; an entry without ``ID`` is
  added; entries not named are left alone;
* ``crm.entity.mergeBatch``: the first ID is kept, the others are deleted;
  ``CONFLICT`` while two leads hold different non-empty values of a field;
  multi-fields and open-line chats are united on the kept lead; edit on the
  kept lead and delete on the others needed (403 "Access denied").

Test hooks: ``drop_before[method] = n`` closes the connection without an
answer before applying the next ``n`` calls of ``method``; ``drop_after``
applies the call and then drops the answer; ``fail_next[method]`` answers the
next calls with the given (status, code, description).  ``requests`` counts
the HTTP requests by method, ``applied`` counts applied writes.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

from tests.bitrix24_query import (
    MULTI,
    PAGE,
    ApiError,
    _as_list,
    _int,
    _list,
    _matches,
    _select,
    access_denied,
    iso,
    not_found,
    parse_php_query,
    substitute,
)

BATCH_MAX = 50
# Fields the merge never calls a conflict: kept by the primary or computed.
SYSTEM = {
    "ID",
    "DATE_CREATE",
    "DATE_MODIFY",
    "CREATED_BY_ID",
    "MODIFY_BY_ID",
    "HAS_PHONE",
    "HAS_EMAIL",
    "HAS_IMOL",
    "OPENED",
    "IS_RETURN_CUSTOMER",
    "STATUS_SEMANTIC_ID",
}


# --------------------------------------------------------------------------- the portal


class Portal:
    """The portal's data, its users and webhooks, its limits and the test hooks."""

    def __init__(self, *, rate: float = 2.0, burst: float = 50.0) -> None:
        self.lock = threading.RLock()
        self.rate, self.burst = rate, burst
        self._level = 0.0
        self._level_at = time.monotonic()
        self.users: dict[int, dict[str, Any]] = {}
        self.departments: dict[int, str] = {1: "Отдел продаж"}
        self.webhooks: dict[tuple[int, str], int] = {}
        self.leads: dict[int, dict[str, Any]] = {}
        self.contacts: dict[int, dict[str, Any]] = {}
        self.chats: dict[int, list[dict[str, str]]] = defaultdict(list)  # lead id -> chats
        self.denied: dict[int, dict[str, set[int]]] = {}  # user -> action -> lead ids
        self.openlines_scope = True
        # Seconds until the oldest "operating" basket resets (10 minutes in the cloud).
        self.operating_window = 1.0
        self.clock_offset = timedelta(0)
        self._next = {"lead": 1, "contact": 1, "mf": 1}
        self.requests: Counter[str] = Counter()
        self.limited = 0
        self.applied: Counter[str] = Counter()
        self.drop_before: Counter[str] = Counter()
        self.drop_after: Counter[str] = Counter()
        self.fail_next: dict[str, list[tuple[int, str, str]]] = defaultdict(list)

    # ---- set-up

    def now(self) -> datetime:
        return datetime.now(UTC) + self.clock_offset

    def add_user(
        self, user_id: int, name: str, last_name: str, *, secret: str | None = None, **extra: Any
    ) -> None:
        self.users[user_id] = {
            "ID": str(user_id),
            "ACTIVE": True,
            "NAME": name,
            "LAST_NAME": last_name,
            "SECOND_NAME": "",
            "EMAIL": f"user{user_id}@example.ru",
            "UF_DEPARTMENT": [1],
            **extra,
        }
        if secret is not None:
            self.webhooks[(user_id, secret)] = user_id

    def _mf(self, type_id: str, items: list[tuple[str, str]] | None) -> list[dict[str, str]]:
        out = []
        for value, value_type in items or []:
            out.append(
                {
                    "ID": str(self._take("mf")),
                    "VALUE_TYPE": value_type,
                    "VALUE": value,
                    "TYPE_ID": type_id,
                }
            )
        return out

    def _take(self, kind: str) -> int:
        value = self._next[kind]
        self._next[kind] += 1
        return value

    def add_lead(self, **fields: Any) -> int:
        """A lead; multi-fields as lists of (VALUE, VALUE_TYPE); ``chats`` as (id, connector)."""
        with self.lock:
            lead_id = self._take("lead")
            stamp = iso(fields.pop("when", None) or self.now())
            chats = fields.pop("chats", [])
            record: dict[str, Any] = {
                "ID": str(lead_id),
                "TITLE": "",
                "NAME": "",
                "SECOND_NAME": "",
                "LAST_NAME": "",
                "STATUS_ID": "NEW",
                "SOURCE_ID": "OTHER",
                "ASSIGNED_BY_ID": "1",
                "CONTACT_ID": None,
                "COMMENTS": "",
                "OPENED": "Y",
                "CREATED_BY_ID": "1",
                "MODIFY_BY_ID": "1",
                "DATE_CREATE": stamp,
                "DATE_MODIFY": stamp,
            }
            for key, value in fields.items():
                if key in MULTI:
                    record[key] = self._mf(key, value)
                else:
                    record[key] = value
            for key in MULTI:
                record.setdefault(key, [])
            self.leads[lead_id] = record
            for chat_id, connector in chats:
                self.chats[lead_id].append(
                    {"CHAT_ID": str(chat_id), "CONNECTOR_ID": connector, "CONNECTOR_TITLE": ""}
                )
            return lead_id

    def add_contact(self, **fields: Any) -> int:
        with self.lock:
            contact_id = self._take("contact")
            stamp = iso(self.now())
            record: dict[str, Any] = {
                "ID": str(contact_id),
                "NAME": "",
                "SECOND_NAME": "",
                "LAST_NAME": "",
                "ASSIGNED_BY_ID": "1",
                "COMMENTS": "",
                "DATE_CREATE": stamp,
                "DATE_MODIFY": stamp,
            }
            for key, value in fields.items():
                record[key] = self._mf(key, value) if key in MULTI else value
            for key in MULTI:
                record.setdefault(key, [])
            self.contacts[contact_id] = record
            return contact_id

    def deny(self, user_id: int, action: str, lead_id: int) -> None:
        self.denied.setdefault(user_id, {}).setdefault(action, set()).add(lead_id)

    # ---- limits

    def _admit(self) -> bool:
        """Leaky bucket: False when the request is over the limit."""
        with self.lock:
            now = time.monotonic()
            self._level = max(0.0, self._level - (now - self._level_at) * self.rate)
            self._level_at = now
            if self._level + 1 > self.burst:
                self.limited += 1
                return False
            self._level += 1
            return True

    # ---- dispatch

    def call(self, user_id: int, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """The JSON envelope of one method call (``ApiError`` for an error answer)."""
        started = self.now()
        if method == "batch":
            failures = self.fail_next.get(method)
            if failures:
                status, code, text = failures.pop(0)
                raise ApiError(status, code, text)
            result = self._batch(user_id, params)
            return {"result": result, "time": self._time(started)}
        result, extra = self._method(user_id, method, params)
        return {"result": result, **extra, "time": self._time(started)}

    def _time(self, started: datetime) -> dict[str, Any]:
        finished = self.now()
        return {
            "start": started.timestamp(),
            "finish": finished.timestamp(),
            "duration": (finished - started).total_seconds(),
            "processing": (finished - started).total_seconds(),
            "date_start": iso(started),
            "date_finish": iso(finished),
            "operating_reset_at": finished.timestamp() + self.operating_window,
            "operating": 0,
        }

    def _method(
        self, user_id: int, method: str, params: dict[str, Any]
    ) -> tuple[Any, dict[str, Any]]:
        handler = METHODS.get(method.lower())
        if handler is None:
            raise ApiError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!")
        failures = self.fail_next.get(method)
        if failures:
            status, code, text = failures.pop(0)
            raise ApiError(status, code, text)
        with self.lock:
            return handler(self, user_id, params)

    def _batch(self, user_id: int, params: dict[str, Any]) -> dict[str, Any]:
        commands = params.get("cmd") or {}
        if isinstance(commands, list):
            commands = {str(i): c for i, c in enumerate(commands)}
        halt = str(params.get("halt", "0")).lower() in ("1", "true", "y")
        results: dict[str, Any] = {}
        errors: dict[str, Any] = {}
        totals: dict[str, Any] = {}
        nexts: dict[str, Any] = {}
        times: dict[str, Any] = {}
        for i, (key, command) in enumerate(commands.items()):
            if i >= BATCH_MAX:
                errors[key] = {
                    "error": "ERROR_BATCH_LENGTH_EXCEEDED",
                    "error_description": "Max batch length exceeded",
                }
                continue
            text = substitute(command, results)
            method, _, query = text.partition("?")
            if method.lower() == "batch":
                errors[key] = {
                    "error": "ERROR_BATCH_METHOD_NOT_ALLOWED",
                    "error_description": "Method is not allowed for batch usage",
                }
                continue
            started = self.now()
            try:
                result, extra = self._method(user_id, method, parse_php_query(query))
            except ApiError as exc:
                errors[key] = {"error": exc.code, "error_description": exc.description}
                if halt:
                    break
                continue
            results[key] = result
            times[key] = self._time(started)
            if "total" in extra:
                totals[key] = extra["total"]
            if "next" in extra:
                nexts[key] = extra["next"]
        return {
            "result": results,
            "result_error": errors or [],
            "result_total": totals or [],
            "result_next": nexts or [],
            "result_time": times or [],
        }

    # ---- helpers for the methods

    def _may(self, user_id: int, action: str, lead_id: int) -> bool:
        return lead_id not in self.denied.get(user_id, {}).get(action, set())

    def touch(self, record: dict[str, Any], user_id: int) -> None:
        record["DATE_MODIFY"] = iso(self.now())
        record["MODIFY_BY_ID"] = str(user_id)


# --------------------------------------------------------------------------- methods


def m_user_current(portal: Portal, user_id: int, params: dict[str, Any]):
    return deepcopy(portal.users[user_id]), {}


def m_user_get(portal: Portal, user_id: int, params: dict[str, Any]):
    filters = params.get("FILTER") or params.get("filter") or {}
    users = [u for u in portal.users.values() if _matches(u, filters)]
    start = int(params.get("start", 0) or 0)
    page = users[max(start, 0) : max(start, 0) + PAGE]
    extra: dict[str, Any] = {"total": len(users)}
    if max(start, 0) + PAGE < len(users):
        extra["next"] = max(start, 0) + PAGE
    return deepcopy(page), extra


def m_department_get(portal: Portal, user_id: int, params: dict[str, Any]):
    rows = [{"ID": str(i), "NAME": name} for i, name in sorted(portal.departments.items())]
    return rows, {"total": len(rows)}


def m_lead_list(portal: Portal, user_id: int, params: dict[str, Any]):
    return _list(portal.leads, params)


def m_contact_list(portal: Portal, user_id: int, params: dict[str, Any]):
    return _list(portal.contacts, params)


def _get(rows: dict[int, dict[str, Any]], params: dict[str, Any]) -> dict[str, Any]:
    record = rows.get(_int(params.get("id", params.get("ID"))))
    if record is None:
        raise not_found()
    return record


def m_lead_get(portal: Portal, user_id: int, params: dict[str, Any]):
    record = _get(portal.leads, params)
    if not portal._may(user_id, "read", int(record["ID"])):
        raise access_denied()
    return _select(record, ["*", *MULTI]), {}


def m_contact_get(portal: Portal, user_id: int, params: dict[str, Any]):
    return _select(_get(portal.contacts, params), ["*", *MULTI]), {}


def _update_multi(portal: Portal, record: dict[str, Any], key: str, entries: Any) -> None:
    current = record[key]
    for entry in _as_list(entries):
        if not isinstance(entry, dict):
            continue
        value = str(entry.get("VALUE", "") or "")
        if entry.get("ID"):
            found = next((e for e in current if e["ID"] == str(entry["ID"])), None)
            if found is None:
                continue
            if not value.strip() or str(entry.get("DELETE", "")).upper() == "Y":
                current.remove(found)
            else:
                found["VALUE"] = value
                found["VALUE_TYPE"] = entry.get("VALUE_TYPE") or found["VALUE_TYPE"]
        elif value.strip():
            default = "OTHER" if key == "IM" else "WORK"
            current.extend(portal._mf(key, [(value, entry.get("VALUE_TYPE") or default)]))


def m_lead_update(portal: Portal, user_id: int, params: dict[str, Any]):
    record = _get(portal.leads, params)
    if not portal._may(user_id, "edit", int(record["ID"])):
        raise access_denied()
    fields = params.get("fields") or {}
    for key, value in fields.items():
        if key in MULTI:
            _update_multi(portal, record, key, value)
        elif key not in SYSTEM:
            record[key] = value
    portal.touch(record, user_id)
    portal.applied["crm.lead.update"] += 1
    return True, {}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == "0"


def m_merge_batch(portal: Portal, user_id: int, params: dict[str, Any]):
    inner = params.get("params") or {}
    if not inner.get("entityTypeId"):
        raise ApiError(400, "", "The parameter entityTypeId is required.")
    if int(inner["entityTypeId"]) != 1:
        raise ApiError(400, "", f"Entity type {inner['entityTypeId']} is not supported")
    ids = [int(i) for i in _as_list(inner.get("entityIds"))]
    if len(ids) < 2:
        raise ApiError(400, "", "The parameter entityIds must contains at least two elements.")
    if any(i not in portal.leads for i in ids):
        raise ApiError(400, "", "The parameter entityIds does not contains valid elements.")
    primary, others = ids[0], ids[1:]
    if not portal._may(user_id, "edit", primary) or any(
        not portal._may(user_id, "delete", i) for i in others
    ):
        raise access_denied()
    kept = portal.leads[primary]
    for other_id in others:
        other = portal.leads[other_id]
        for key, value in other.items():
            if key in SYSTEM or key in MULTI:
                continue
            mine = kept.get(key)
            if not _blank(mine) and not _blank(value) and str(mine) != str(value):
                return {"STATUS": "CONFLICT", "ENTITY_IDS": []}, {}
    for other_id in others:
        other = portal.leads.pop(other_id)
        for key, value in other.items():
            if key in MULTI:
                have = {(e["VALUE"].strip().casefold(), e["VALUE_TYPE"]) for e in kept[key]}
                for entry in value:
                    if (entry["VALUE"].strip().casefold(), entry["VALUE_TYPE"]) not in have:
                        kept[key].append(entry)
            elif key not in SYSTEM and _blank(kept.get(key)) and not _blank(value):
                kept[key] = value
        portal.chats[primary].extend(portal.chats.pop(other_id, []))
    portal.touch(kept, user_id)
    portal.applied["crm.entity.mergeBatch"] += 1
    return {"STATUS": "SUCCESS", "ENTITY_IDS": others}, {}


def m_chat_get(portal: Portal, user_id: int, params: dict[str, Any]):
    if not portal.openlines_scope:
        raise ApiError(
            403,
            "insufficient_scope",
            "The request requires higher privileges than provided by the webhook token",
        )
    if str(params.get("CRM_ENTITY_TYPE", "")).lower() != "lead":
        return [], {}
    lead_id = int(params.get("CRM_ENTITY") or 0)
    return deepcopy(portal.chats.get(lead_id, [])), {}


METHODS = {
    "user.current": m_user_current,
    "user.get": m_user_get,
    "department.get": m_department_get,
    "crm.lead.list": m_lead_list,
    "crm.lead.get": m_lead_get,
    "crm.lead.update": m_lead_update,
    "crm.contact.list": m_contact_list,
    "crm.contact.get": m_contact_get,
    "crm.entity.mergebatch": m_merge_batch,
    "imopenlines.crm.chat.get": m_chat_get,
}


# --------------------------------------------------------------------------- HTTP


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args: Any) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _answer(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _drop(self) -> None:
        self.close_connection = True
        self.wfile.flush()
        self.connection.close()

    def _serve(self) -> None:
        portal = self.server.portal
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        match = re.match(r"^/rest/(\d+)/([^/]+)/([A-Za-z0-9_.]+?)(?:\.json)?/?$", parts.path)
        if match is None:
            self._answer(
                404, {"error": "ERROR_METHOD_NOT_FOUND", "error_description": "Method not found!"}
            )
            return
        user_id, secret, method = int(match.group(1)), unquote(match.group(2)), match.group(3)
        portal.requests[method] += 1
        if (user_id, secret) not in portal.webhooks:
            self._answer(
                401, {"error": "NO_AUTH_FOUND", "error_description": "Wrong authorization data"}
            )
            return
        if not portal._admit():
            self._answer(
                503, {"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"}
            )
            return
        content_type = self.headers.get("Content-Type", "")
        if "json" in content_type and body:
            params = json.loads(body)
        else:
            params = parse_php_query(parts.query + "&" + body.decode() if body else parts.query)
        with portal.lock:
            if portal.drop_before[method] > 0:
                portal.drop_before[method] -= 1
                self._drop()
                return
        try:
            envelope = portal.call(user_id, method, params)
        except ApiError as exc:
            self._answer(exc.status, {"error": exc.code, "error_description": exc.description})
            return
        with portal.lock:
            if portal.drop_after[method] > 0:
                portal.drop_after[method] -= 1
                self._drop()
                return
        self._answer(200, envelope)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    portal: Portal


@contextmanager
def serve(portal: Portal) -> Iterator[str]:
    """Run the portal on 127.0.0.1; yields its base address ``http://127.0.0.1:PORT``."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.portal = portal
    thread = threading.Thread(target=server.serve_forever, name="fake-bitrix24", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# --------------------------------------------------------------------------- sample data

_FIRST = ("Иван", "Анна", "Сергей", "Ольга", "Дмитрий", "Мария", "Алексей", "Елена")
_LAST = ("Петров", "Смирнова", "Кузнецов", "Попова", "Соколов", "Лебедева", "Козлов", "Новикова")
_SOURCES = ("CALL", "WEB", "WEBFORM", "7|TELEGRAM", "3|WHATSAPP", "5|AVITO", "2|VK", "OTHER")


def populate(portal: Portal, count: int, seed: int = 1) -> list[int]:
    """``count`` leads as a busy portal has them: phones, e-mails, messengers, open lines."""
    import random

    rng = random.Random(seed)
    ids = []
    users = sorted(portal.users) or [1]
    for i in range(count):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        if first.endswith("а") and not last.endswith("а"):
            last += "а"
        source = rng.choice(_SOURCES)
        fields: dict[str, Any] = {
            "TITLE": f"Заявка {i}",
            "NAME": first,
            "LAST_NAME": last,
            "SOURCE_ID": source,
            "STATUS_ID": rng.choice(("NEW", "IN_PROCESS", "PROCESSED")),
            "ASSIGNED_BY_ID": str(rng.choice(users)),
            "PHONE": [(f"+7 9{rng.randrange(10**9):09d}", "MOBILE")],
        }
        if rng.random() < 0.4:
            fields["EMAIL"] = [(f"client{i}@example.ru", "WORK")]
        im = []
        if "TELEGRAM" in source:
            im.append((f"@client_{i}", "TELEGRAM"))
        if "|" in source:
            chat_id = 10_000 + i
            line, connector = source.split("|")
            im.append((f"imol|{connector.lower()}|{line}|{chat_id}|{500 + i}", "IMOL"))
            fields["chats"] = [(chat_id, connector.lower())]
        if im:
            fields["IM"] = im
        ids.append(portal.add_lead(**fields))
    return ids
