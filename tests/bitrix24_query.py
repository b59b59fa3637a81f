"""The REST protocol's requests and records as the portal on 127.0.0.1
(``bitrix24_server.py``) reads and answers them, from the public REST
documentation: its errors, PHP-style queries and ``batch`` references, and a
list method's ``filter`` / ``select`` / ``order`` / pages."""

from __future__ import annotations

import re
from bisect import bisect_right
from copy import deepcopy
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qsl

PAGE = 50
MULTI = ("PHONE", "EMAIL", "WEB", "IM")
NUMERIC = {"ID", "ASSIGNED_BY_ID", "CONTACT_ID", "CREATED_BY_ID", "MODIFY_BY_ID"}
PORTAL_TZ = timezone(timedelta(hours=3))  # the portal answers in Moscow time


class ApiError(Exception):
    def __init__(self, status: int, code: str, description: str):
        super().__init__(description)
        self.status, self.code, self.description = status, code, description


def not_found() -> ApiError:
    return ApiError(400, "", "Not found")


def access_denied() -> ApiError:
    return ApiError(403, "ACCESS_DENIED", "Access denied")


# --------------------------------------------------------------------------- php queries


def parse_php_query(query: str) -> dict[str, Any]:
    """``a[b][]=1&a[b][]=2&c=3`` -> ``{"a": {"b": ["1", "2"]}, "c": "3"}`` as PHP does."""
    out: dict[str, Any] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        parts = re.findall(r"\[([^\]]*)\]", key)
        head = key.split("[", 1)[0]
        path = [head, *parts]
        node: Any = out
        for i, part in enumerate(path):
            last = i == len(path) - 1
            if isinstance(node, list):
                if last:
                    node.append(value)
                else:
                    child: Any = [] if path[i + 1] == "" else {}
                    node.append(child)
                    node = child
                continue
            if last:
                node[part] = value
            else:
                if part not in node:
                    node[part] = [] if path[i + 1] == "" else {}
                node = node[part]
    return out


def _lookup(results: dict[str, Any], path: list[str]) -> Any:
    node: Any = results
    for part in path:
        if isinstance(node, list):
            node = node[int(part)] if part.isdigit() and int(part) < len(node) else None
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
        if node is None:
            return None
    return node


def substitute(command: str, results: dict[str, Any]) -> str:
    """Replace ``$result[cmd][path...]`` with earlier results (empty when missing)."""

    def one(match: re.Match[str]) -> str:
        value = _lookup(results, re.findall(r"\[([^\]]*)\]", match.group(0)))
        return "" if value is None else str(value)

    return re.sub(r"\$result(\[[^\]]*\])+", one, command)


def iso(moment: datetime) -> str:
    return moment.astimezone(PORTAL_TZ).replace(microsecond=0).isoformat()


def parse_iso(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=PORTAL_TZ)


def _int(value: Any, name: str = "ID") -> int:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        number = 0
    if number <= 0:
        raise ApiError(400, "", f"{name} is not defined or invalid.")
    return number


def _matches(record: dict[str, Any], filters: dict[str, Any]) -> bool:
    for raw_key, wanted in filters.items():
        match = re.match(r"^(>=|<=|!=|>|<|@|!@|=|!)?(.+)$", raw_key)
        assert match is not None
        op, field = match.group(1) or "=", match.group(2)
        value = record.get(field)
        if field.startswith("DATE_"):
            have: Any = parse_iso(value) if value else None
            want: Any = parse_iso(str(wanted)) if wanted not in ("", None) else None
        elif field in NUMERIC:
            have = int(value) if value not in (None, "") else 0
            want = [int(w) for w in wanted] if isinstance(wanted, list | dict) else int(wanted or 0)
            if isinstance(wanted, dict):
                want = [int(w) for w in wanted.values()]
        else:
            have, want = value, wanted
        if op in ("@", "!@"):
            items = want if isinstance(want, list) else [want]
            if (have in items) != (op == "@"):
                return False
            continue
        if have is None or want is None:
            if op in ("=",) and have != want:
                return False
            if op in (">", ">=", "<", "<="):
                return False
            continue
        ok = {
            "=": have == want,
            "!": have != want,
            "!=": have != want,
            ">": have > want,
            ">=": have >= want,
            "<": have < want,
            "<=": have <= want,
        }[op]
        if not ok:
            return False
    return True


def _select(record: dict[str, Any], select: list[str]) -> dict[str, Any]:
    if not select:
        select = ["*"]
    out = {}
    star = "*" in select
    for key, value in record.items():
        if key in MULTI:
            if key in select and value:
                out[key] = deepcopy(value)
        elif star or key in select:
            out[key] = value
    if star or "HAS_IMOL" in select:
        out["HAS_PHONE"] = "Y" if record.get("PHONE") else "N"
        out["HAS_EMAIL"] = "Y" if record.get("EMAIL") else "N"
        out["HAS_IMOL"] = "Y" if any(e["VALUE_TYPE"] == "IMOL" for e in record["IM"]) else "N"
    return out


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, dict):
        return list(value.values())
    if isinstance(value, list):
        return value
    return [value]


def _list(rows: dict[int, dict[str, Any]], params: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    filters = dict(params.get("filter") or {})
    order = params.get("order") or {"ID": "ASC"}
    select = [str(s) for s in _as_list(params.get("select"))]
    start = int(params.get("start", 0) or 0)
    if start < 0 and list(order.items()) == [("ID", "ASC")]:
        # The huge-data path: walk the ID index from the last ID on, count nothing.
        ids = sorted(rows)
        after = filters.pop(">ID", 0)
        position = bisect_right(ids, int(after or 0))
        page = []
        for lead_id in ids[position:]:
            if _matches(rows[lead_id], filters):
                page.append(_select(rows[lead_id], select))
                if len(page) == PAGE:
                    break
        return page, {"total": 0}
    found = [r for r in rows.values() if _matches(r, filters)]
    for field, direction in reversed(list(order.items())):
        key = (
            (lambda r, f=field: int(r[f])) if field == "ID" else (lambda r, f=field: r.get(f) or "")
        )
        found.sort(key=key, reverse=str(direction).upper() == "DESC")
    if start < 0:
        return [_select(r, select) for r in found[:PAGE]], {"total": 0}
    page = found[start : start + PAGE]
    extra: dict[str, Any] = {"total": len(found)}
    if start + PAGE < len(found):
        extra["next"] = start + PAGE
    return [_select(r, select) for r in page], extra
