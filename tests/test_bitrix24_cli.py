"""`deskdup sync`, and scan / merge / dismiss on a workspace linked to a portal.

Ends with the check that the webhook's secret is in no file deskdup wrote and
in nothing it printed, even with debug logging on.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from deskdup.cli import main
from deskdup.models import Dismissal, Lead
from deskdup.services.bitrix24.link import ENV
from deskdup.services.workspace import open_workspace
from tests.bitrix24_server import Portal, serve

SECRET = "Zq9rT4wLm2Xv8sEcReT"


@pytest.fixture
def portal() -> Portal:
    portal = Portal(rate=500.0, burst=500.0)
    portal.add_user(1, "Анна", "Петрова", secret=SECRET)
    portal.add_user(2, "Олег", "Смирнов")
    portal.add_lead(
        NAME="Иван", LAST_NAME="Петров", SOURCE_ID="WEB", PHONE=[("8 916 123-45-67", "MOBILE")]
    )
    portal.add_lead(
        NAME="Ваня",
        SOURCE_ID="7|TELEGRAM",
        IM=[("@vanya_p", "TELEGRAM"), ("imol|telegrambot|7|77|88", "IMOL")],
        PHONE=[("+7 (916) 123-45-67", "WORK")],
        chats=[(77, "telegrambot")],
    )
    portal.add_lead(NAME="Мария", LAST_NAME="Сидорова", PHONE=[("+7 903 555-00-11", "MOBILE")])
    return portal


@pytest.fixture
def webhook(portal):
    with serve(portal) as base:
        yield f"{base}/rest/1/{SECRET}/"


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "linked.sqlite")


def test_sync_links_pulls_and_reports_progress(db, webhook, portal, capsys, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    assert main(["sync", "--db", db, "--bitrix24", webhook]) == 0
    out, err = capsys.readouterr()
    assert "Full pull from http://127.0.0.1" in out and "3 leads" in out
    assert "b24-1" in out
    assert "Pulling leads: 3 of 3" in err
    assert "was not stored" in err  # no keyring here: said plainly

    # Later: the webhook from the environment, only the changes.
    monkeypatch.setenv(ENV, webhook)
    portal.add_lead(NAME="Пётр")
    assert main(["sync", "--db", db]) == 0
    out, _ = capsys.readouterr()
    assert "Incremental pull" in out

    # No webhook anywhere (no keyring): told what to do, not linked to nothing.
    monkeypatch.delenv(ENV)
    assert main(["sync", "--db", db]) == 2
    _, err = capsys.readouterr()
    assert "DESKDUP_BITRIX24_WEBHOOK" in err


def test_sync_with_a_wrong_webhook_fails_in_words(db, webhook, capsys):
    wrong = webhook.replace(SECRET, "wrong-secret-999")
    assert main(["sync", "--db", db, "--bitrix24", wrong]) == 2
    _, err = capsys.readouterr()
    assert "does not accept this webhook" in err
    assert "wrong-secret-999" not in err


def test_a_workspace_linked_to_one_portal_refuses_another(db, webhook, capsys):
    assert main(["sync", "--db", db, "--bitrix24", webhook]) == 0
    capsys.readouterr()
    other = "https://other.bitrix24.ru/rest/1/abcdef/"
    assert main(["sync", "--db", db, "--bitrix24", other]) == 2
    assert "linked to the portal" in capsys.readouterr().err


def test_scan_merge_and_dismiss_on_a_linked_workspace(db, webhook, portal, capsys, monkeypatch):
    monkeypatch.setenv(ENV, webhook)
    assert main(["sync", "--db", db]) == 0
    capsys.readouterr()

    assert main(["scan", "--db", db, "--format", "jsonl", "--threshold", "0.3"]) == 0
    pairs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"a": "1", "b": "2"} in [{"a": p["a"], "b": p["b"]} for p in pairs]

    # --as is not needed; another login is refused rather than silently ignored.
    assert main(["merge", "--db", db, "--as", "b24-2", "--primary", "1", "--with", "2"]) == 2
    assert "webhook's user" in capsys.readouterr().err
    code = main(["merge", "--db", db, "--primary", "1", "--with", "2", "--choose", "first_name=2"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Merged 2 leads into #1 in the portal" in out
    assert set(portal.leads) == {1, 3}
    assert portal.leads[1]["NAME"] == "Ваня"
    assert {e["VALUE"] for e in portal.leads[1]["IM"]} == {"@vanya_p", "imol|telegrambot|7|77|88"}

    assert main(["dismiss", "--db", db, "1", "3", "--reason", "разные люди"]) == 0
    ws = open_workspace(db)
    try:
        with ws.session() as s:
            assert s.scalar(select(func.count()).select_from(Dismissal)) == 1
            merged = s.scalar(select(Lead).where(Lead.external_id == "2"))
            assert merged.archived and merged.merged_into_id is not None
    finally:
        ws.dispose()


def _files(*roots: Path) -> list[Path]:
    out = []
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            out.extend(Path(folder) / name for name in names)
    return out


def test_the_secret_is_in_no_file_and_no_output(db, webhook, portal, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    assert main(["-v", "sync", "--db", db, "--bitrix24", webhook]) == 0
    portal.drop_after["crm.entity.mergeBatch"] = 1  # a lost answer: journal and messages
    assert (
        main(["-v", "merge", "--db", db, "--bitrix24", webhook, "--primary", "1", "--with", "2"])
        == 2
    )
    assert main(["-v", "sync", "--db", db, "--bitrix24", webhook]) == 0  # finishes the merge
    wrong = webhook.replace(SECRET, SECRET[::-1])
    assert main(["-v", "sync", "--db", db, "--bitrix24", wrong]) == 2
    out, err = capsys.readouterr()
    assert "Finished the interrupted merge into #1" in err
    assert SECRET not in out + err and SECRET[::-1] not in out + err

    data = Path(os.environ["DESKDUP_DATA_DIR"])
    files = _files(tmp_path, data)
    assert any(f.name == "linked.sqlite" for f in files)
    for path in files:
        content = path.read_bytes()
        for secret in (SECRET, SECRET[::-1]):
            assert secret.encode() not in content, path
