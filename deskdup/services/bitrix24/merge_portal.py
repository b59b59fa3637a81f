"""The portal's side of a merge (``merge.py``): the group read in one batch
(each lead and its open-line chats), the updates that make the leads agree
with the journaled target, putting back what those updates changed, and the
fields in which the leads still differ when the portal answers ``CONFLICT``.

Each function looks at the portal's records as they are now and asks only
for what is still missing, so running a step again changes nothing already
right; the journal and the workspace are ``merge.py``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from deskdup.models import PortalJournal
from deskdup.services.bitrix24.client import Bitrix24Client
from deskdup.services.bitrix24.vocabulary import MULTI_FIELDS, normalize_entry

# Never compared when telling which fields still differ: set by the portal.
READ_ONLY = {
    "ID",
    "DATE_CREATE",
    "DATE_MODIFY",
    "DATE_CLOSED",
    "CREATED_BY_ID",
    "MODIFY_BY_ID",
    "MOVED_BY_ID",
    "MOVED_TIME",
    "HAS_PHONE",
    "HAS_EMAIL",
    "HAS_IMOL",
    "IS_RETURN_CUSTOMER",
    "STATUS_SEMANTIC_ID",
    "LAST_ACTIVITY_BY",
    "LAST_ACTIVITY_TIME",
    "ADDRESS_LOC_ADDR_ID",
    "OPENED",
    "CONTACT_IDS",
    "LINK",
}


def _blank(value: Any) -> bool:
    return value is None or str(value).strip() in ("", "0")


def _same(a: Any, b: Any) -> bool:
    if _blank(a) and _blank(b):
        return True
    return str(a if a is not None else "").strip() == str(b if b is not None else "").strip()


def entry_key(type_id: str, entry: dict[str, Any], region: str) -> tuple[str, str]:
    value = str(entry.get("VALUE") or "")
    value_type = str(entry.get("VALUE_TYPE") or "")
    norm = normalize_entry(type_id, value_type, value, region)
    return (type_id, norm.value or value.strip().casefold())


def read_group(
    client: Bitrix24Client, ids: Sequence[str], with_chats: bool
) -> tuple[dict[str, dict[str, Any] | None], dict[str, list[str]] | None]:
    """Each lead (None when the portal has no such lead) and its chat ids."""
    commands: dict[str, tuple[str, dict[str, Any]]] = {
        f"l{i}": ("crm.lead.get", {"id": i}) for i in ids
    }
    if with_chats:
        for i in ids:
            commands[f"c{i}"] = (
                "imopenlines.crm.chat.get",
                {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": i, "ACTIVE_ONLY": "N"},
            )
    result = client.batch(commands)
    leads: dict[str, dict[str, Any] | None] = {}
    for i in ids:
        error = result.errors.get(f"l{i}")
        if error:
            if "not found" in str(error.get("error_description", "")).lower():
                leads[i] = None
                continue
            raise client.batch_error("crm.lead.get", error)
        leads[i] = result.results.get(f"l{i}")
    chats: dict[str, list[str]] | None = None
    if with_chats and not any(k.startswith("c") for k in result.errors):
        chats = {i: [str(c.get("CHAT_ID")) for c in result.results.get(f"c{i}") or []] for i in ids}
    return leads, chats


def merge_url(portal: str, ids: Sequence[str]) -> str:
    return f"{portal}/crm/lead/merge/?id={','.join(ids)}"


def agree_commands(
    target: dict[str, Any], records: dict[str, dict[str, Any] | None]
) -> dict[str, tuple[str, dict[str, Any]]]:
    """The updates still needed for every lead to hold the target (none when they agree)."""
    region = target.get("region", "RU")
    commands: dict[str, tuple[str, dict[str, Any]]] = {}
    order = target["order"]
    for lead_ext in order:
        record = records.get(lead_ext) or {}
        fields = {k: v for k, v in target["fields"].items() if not _same(record.get(k), v)}
        if lead_ext == order[0]:
            have = {entry_key(t, e, region) for t in MULTI_FIELDS for e in record.get(t) or []}
            for type_id, entries in target["multi"].items():
                missing = [
                    {"VALUE": value, "VALUE_TYPE": value_type}
                    for value, value_type in entries
                    if entry_key(type_id, {"VALUE": value, "VALUE_TYPE": value_type}, region)
                    not in have
                ]
                if missing:
                    fields[type_id] = missing
        else:
            # The primary holds them all now: the other leads let go of theirs, so the
            # portal's own merge (which compares raw text) cannot put a phone on twice.
            for type_id in MULTI_FIELDS:
                drop = [
                    {"ID": e["ID"], "VALUE": "", "VALUE_TYPE": e.get("VALUE_TYPE") or ""}
                    for e in record.get(type_id) or []
                    if e.get("ID")
                ]
                if drop:
                    fields[type_id] = drop
        if fields:
            commands[f"u{lead_ext}"] = ("crm.lead.update", {"id": lead_ext, "fields": fields})
    return commands


def run_updates(client: Bitrix24Client, commands: dict[str, tuple[str, dict[str, Any]]]) -> None:
    if not commands:
        return
    result = client.batch(commands, write=True)
    for key in commands:
        if key in result.errors:
            raise client.batch_error("crm.lead.update", result.errors[key])


def rollback(client: Bitrix24Client, entry: PortalJournal) -> None:
    """Put back what the agree step changed: the fields as they were, added entries removed."""
    target, before = entry.target, entry.before["leads"]
    region = target.get("region", "RU")
    order = target["order"]
    records, _ = read_group(client, order, with_chats=False)
    commands: dict[str, tuple[str, dict[str, Any]]] = {}
    for lead_ext in order:
        now, was = records.get(lead_ext), before.get(lead_ext)
        if now is None or was is None:
            continue
        fields: dict[str, Any] = {
            k: was.get(k) for k in target["fields"] if not _same(now.get(k), was.get(k))
        }
        kept = {entry_key(t, e, region) for t in MULTI_FIELDS for e in was.get(t) or []}
        have = {entry_key(t, e, region) for t in MULTI_FIELDS for e in now.get(t) or []}
        for type_id in MULTI_FIELDS:
            changes = [
                {"ID": e["ID"], "VALUE": "", "VALUE_TYPE": e.get("VALUE_TYPE") or ""}
                for e in now.get(type_id) or []
                if entry_key(type_id, e, region) not in kept
            ]
            changes += [
                {"VALUE": e["VALUE"], "VALUE_TYPE": e.get("VALUE_TYPE") or ""}
                for e in was.get(type_id) or []
                if entry_key(type_id, e, region) not in have
            ]
            if changes:
                fields[type_id] = changes
        if fields:
            commands[f"r{lead_ext}"] = ("crm.lead.update", {"id": lead_ext, "fields": fields})
    run_updates(client, commands)


def differing(records: dict[str, dict[str, Any] | None], order: Sequence[str]) -> list[str]:
    first = records.get(order[0]) or {}
    out = []
    for lead_ext in order[1:]:
        for key, value in (records.get(lead_ext) or {}).items():
            if key in READ_ONLY or key in MULTI_FIELDS or key in out:
                continue
            if (
                not _blank(value)
                and not _blank(first.get(key))
                and not _same(value, first.get(key))
            ):
                out.append(key)
    return out


__all__ = [
    "agree_commands",
    "differing",
    "entry_key",
    "merge_url",
    "read_group",
    "rollback",
    "run_updates",
]
