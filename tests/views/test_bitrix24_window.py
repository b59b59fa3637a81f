"""The window on a Bitrix24 portal: the connection dialog's profile, opening, merging there."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from deskdup import app as app_module
from deskdup.models import Lead
from deskdup.services.bitrix24.backend import Bitrix24Backend
from deskdup.views import errors
from deskdup.views.compare import CompareView
from deskdup.views.connection_dialog import ConnectionChoice, ConnectionDialog, webhook_address
from deskdup.views.settings import Settings
from tests.bitrix24_server import Portal, serve

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SECRET = "w1nd0wS3cretValue"


@pytest.fixture
def portal() -> Portal:
    portal = Portal(rate=500.0, burst=500.0)
    portal.add_user(1, "Анна", "Петрова", secret=SECRET)
    portal.add_lead(
        NAME="Иван", LAST_NAME="Петров", SOURCE_ID="WEB", PHONE=[("8 916 123-45-67", "MOBILE")]
    )
    portal.add_lead(
        NAME="Ваня",
        SOURCE_ID="7|TELEGRAM",
        IM=[("@vanya_p", "TELEGRAM")],
        PHONE=[("+7 (916) 123-45-67", "WORK")],
    )
    portal.add_lead(NAME="Мария", PHONE=[("+7 903 555-00-11", "MOBILE")])
    return portal


@pytest.fixture
def webhook(portal):
    with serve(portal) as base:
        yield f"{base}/rest/1/{SECRET}/"


@pytest.fixture
def shown(monkeypatch):
    seen: dict[str, list] = {"known": [], "bugs": []}
    monkeypatch.setattr(errors, "show_known_error", lambda _p, exc: seen["known"].append(str(exc)))
    monkeypatch.setattr(errors, "report_bug", lambda _p, exc: seen["bugs"].append(exc))
    monkeypatch.setattr(
        ConnectionDialog,
        "ask",
        classmethod(
            lambda cls, settings, error="", current="", parent=None: seen["known"].append(error)
        ),
    )
    return seen


def test_webhook_from_the_two_fields():
    assert webhook_address("company.bitrix24.ru", "1/abc") == (
        "https://company.bitrix24.ru/rest/1/abc/"
    )
    full = "https://x.bitrix24.ru/rest/7/zzz/"
    assert webhook_address("", full) == full


def test_test_connection_says_who_and_how_many_leads(qtbot, tmp_path, webhook):
    dialog = ConnectionDialog(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    dialog.webhook.setText(webhook)
    dialog.test_connection()
    qtbot.waitUntil(lambda: "leads" in dialog.test_result.text(), timeout=10000)
    assert "Петрова Анна" in dialog.test_result.text()
    assert "has 3 leads" in dialog.test_result.text()
    assert dialog.portal.text().startswith("http://127.0.0.1")
    dialog.address.setEditText(str(tmp_path / "ws.sqlite"))
    choice = dialog.value()
    assert isinstance(choice, ConnectionChoice) and choice.webhook == webhook


def test_test_connection_with_a_wrong_webhook_says_so(qtbot, tmp_path, webhook):
    dialog = ConnectionDialog(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    dialog.webhook.setText(webhook.replace(SECRET, "nope-nope-nope"))
    dialog.test_connection()
    qtbot.waitUntil(lambda: "webhook" in dialog.test_result.text(), timeout=10000)
    assert "does not accept this webhook" in dialog.test_result.text()
    assert "nope-nope-nope" not in dialog.test_result.text()


def test_the_window_opens_on_the_portal_and_merges_there(
    qtbot, tmp_path, ops_runner, portal, webhook, shown
):
    controller = app_module.AppController(Settings(tmp_path / "s.ini"), runner=ops_runner)
    url = str(tmp_path / "ws.sqlite")
    # What the open op does on the worker, then its answer on the UI thread.
    got = app_module._open(f"sqlite:///{url}", webhook)
    controller._opened(f"sqlite:///{url}", *got, webhook=webhook)
    try:
        assert shown == {"known": [], "bugs": []}
        context = controller.context
        assert context.operator.login == "b24-1"  # the webhook's user, no sign-in asked
        assert isinstance(context.backend, Bitrix24Backend)
        # No keyring here: said in the window, kept for the session.
        assert "not stored" in controller.window.statusBar().currentMessage()
        assert controller.session_webhooks[context.workspace.url] == webhook
        controller.settings.sync()
        assert SECRET not in Path(controller.settings.path).read_text(encoding="utf-8")

        with context.workspace.session() as s:
            ids = list(s.scalars(select(Lead.id).where(Lead.external_id.in_(["1", "2"]))))
        view = CompareView(context)
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.group_loaded, timeout=10000):
            view.show_group(ids)
        with qtbot.waitSignal(view.merged, timeout=20000):
            view.merge()
        assert set(portal.leads) == {1, 3}
        assert {e["VALUE"] for e in portal.leads[1]["IM"]} == {"@vanya_p"}
        assert portal.applied["crm.entity.mergeBatch"] == 1
    finally:
        controller.window.close()
        ops_runner.cancel_all()
        ops_runner.wait()
        controller.shutdown()
