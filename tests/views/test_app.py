"""The window as ``deskdup --demo`` opens it, driven without an event loop of its own."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from deskdup import app as app_module
from deskdup.services import credentials, paths
from deskdup.services.identity import workspace_sign_in
from deskdup.views import errors, i18n
from deskdup.views import settings as opts
from deskdup.views.connection_dialog import ConnectionDialog, SignInDialog
from deskdup.views.settings import Settings

# The offscreen platform says so whenever a top-level window is shown.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch):
    """Nothing may block: a connection question or a crash is recorded instead."""
    seen: dict[str, list] = {"connection": [], "bugs": []}
    monkeypatch.setattr(
        ConnectionDialog,
        "ask",
        classmethod(
            lambda cls, settings, error="", current="", parent=None: seen["connection"].append(
                (error, current)
            )
        ),
    )
    monkeypatch.setattr(errors, "report_bug", lambda _p, exc: seen["bugs"].append(exc))
    return seen


def test_demo_creates_the_workspace_once_and_signs_in_as_the_demo_operator(
    qtbot, controller, no_dialogs
):
    assert not paths.demo_db_path().exists()
    assert controller.start(demo=True)
    qtbot.waitUntil(
        lambda: (
            controller.window is not None or bool(no_dialogs["connection"] or no_dialogs["bugs"])
        ),
        timeout=60000,
    )
    assert no_dialogs == {"connection": [], "bugs": []}
    window = controller.window
    assert paths.demo_db_path().exists()
    assert controller.context.operator.login == "operator"
    assert "demo.sqlite" in window.connection_label.text()
    assert "operator" in window.operator_label.text()
    assert controller.context.operator.full_name in window.operator_label.text()
    # The second start reuses the file (its modification time does not move).
    stamp = paths.demo_db_path().stat().st_mtime_ns
    assert app_module.ensure_demo_workspace() == paths.demo_db_path()
    assert paths.demo_db_path().stat().st_mtime_ns == stamp


def test_a_password_reaches_neither_the_status_bar_nor_the_settings(
    qtbot,
    ops_runner,
    demo_ws,
    monkeypatch,
):
    stored = {}
    monkeypatch.setattr(credentials, "keyring_set", lambda s, u, p: stored.__setitem__((s, u), p))
    monkeypatch.setattr(credentials, "keyring_get", lambda s, u: stored.get((s, u)))
    url = "postgresql://crm:secret@db.example/crm"
    c = app_module.AppController(Settings(), runner=ops_runner, login="operator")
    c._opened(url, dataclasses.replace(demo_ws, url=url), workspace_sign_in(demo_ws))
    qtbot.addWidget(c.window)
    try:
        assert "secret" not in c.window.connection_label.text()
        assert "db.example" in c.window.connection_label.text()
        c.settings.sync()
        assert "secret" not in Path(c.settings.path).read_text(encoding="utf-8")
        bare = c.settings.get(opts.LAST_CONNECTION)
        assert bare == "postgresql://crm@db.example/crm"
        assert opts.with_password(bare) == url
    finally:
        c.window.close()


def test_a_bad_address_brings_the_connection_dialog_back_with_the_reason(
    qtbot, controller, tmp_path, no_dialogs
):
    asked = no_dialogs["connection"]
    missing = tmp_path / "no" / "such" / "folder" / "ws.sqlite"
    controller.start(url=str(missing))
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    error, current = asked[0]
    assert "does not exist" in error
    assert str(missing) in current
    assert controller.window is None


def test_the_remembered_operator_is_used_and_unknown_login_asks(
    qtbot,
    controller,
    demo_ws,
    monkeypatch,
):
    url = demo_ws.url
    shown = []
    monkeypatch.setattr(errors, "show_known_error", lambda _p, exc: shown.append(str(exc)))
    picked = []

    def fake_sign_in(operators, preselect="", parent=None):
        picked.append(preselect)
        return next(op for op in operators if op.login == "trainee")

    monkeypatch.setattr(
        SignInDialog, "ask", classmethod(lambda cls, *a, **k: fake_sign_in(*a, **k))
    )
    controller.settings.remember_operator(url, "supervisor")
    controller.login = "nobody"
    controller.start(url=url)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10000)
    assert "nobody" in shown[0]
    assert picked == ["supervisor"]
    assert controller.context.operator.login == "trainee"
    # Remembered for this connection, and the connection itself too.
    assert controller.settings.operator_for(url) == "trainee"
    assert controller.settings.get(opts.LAST_CONNECTION) == url


def test_switching_the_language_rebuilds_the_window_in_russian(qtbot, controller, demo_ws):
    controller.login = "operator"
    controller.start(url=demo_ws.url)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10000)
    first = controller.window
    try:
        controller.switch_language("ru")
        window = controller.window
        assert window is not first
        titles = [a.text() for a in window.menuBar().actions()]
        assert "&Файл" in titles
        assert window.tabs.tabText(0) == "Очередь проверки"
        controller.switch_language("en")
        titles = [a.text() for a in controller.window.menuBar().actions()]
        assert "&File" in titles
    finally:
        i18n.install("en")


def test_language_choice_order():
    assert i18n.choose_language("ru", "en") == "ru"
    assert i18n.choose_language(None, "ru") == "ru"
    assert i18n.choose_language(None, "") in i18n.LANGUAGES


def test_first_start_without_a_workspace_offers_the_demo(qtbot, controller, monkeypatch):
    asked = []

    def ask(cls, settings, error="", current="", parent=None):
        asked.append(error)
        return ConnectionDialog.DEMO

    monkeypatch.setattr(ConnectionDialog, "ask", classmethod(ask))
    assert controller.start()  # no --demo, no --db, nothing remembered
    qtbot.waitUntil(lambda: controller.window is not None, timeout=60000)
    assert asked == [""]
    assert controller.context.operator.login == "operator"
    assert "demo.sqlite" in controller.window.connection_label.text()


def test_the_demo_button_answers_demo(qtbot):
    dialog = ConnectionDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.address.setEditText("/somewhere/else.sqlite")
    dialog.demo_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.value() == ConnectionDialog.DEMO


@pytest.fixture
def russian(qapp):
    i18n.install("ru")
    yield
    i18n.install("en")


def test_a_picture_given_as_the_database_is_told_in_words_not_as_a_crash(
    qtbot, controller, tmp_path, no_dialogs, russian
):
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    controller.start(url=str(picture))
    asked = no_dialogs["connection"]
    qtbot.waitUntil(lambda: bool(asked or no_dialogs["bugs"]), timeout=10000)
    assert no_dialogs["bugs"] == []
    error, current = asked[0]
    assert str(picture) in error and "не рабочая база deskdup" in error
    assert str(picture) in current
    assert controller.window is None


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("folder", "не существует"),
        ("server", "Не удалось открыть базу postgresql://nobody@127.0.0.1:1/x"),
    ],
)
def test_an_unreachable_workspace_is_explained_in_the_operators_language(
    qtbot, controller, tmp_path, no_dialogs, russian, where, expected
):
    url = (
        str(tmp_path / "missing" / "ws.sqlite")
        if where == "folder"
        else "postgresql://nobody@127.0.0.1:1/x"
    )
    controller.start(url=url)
    asked = no_dialogs["connection"]
    qtbot.waitUntil(lambda: bool(asked or no_dialogs["bugs"]), timeout=20000)
    assert no_dialogs["bugs"] == []
    assert expected in asked[0][0]


def test_switching_the_language_keeps_the_open_group_and_the_operators_picks(
    qtbot, controller, demo_ws
):
    controller.login = "supervisor"
    controller.start(url=demo_ws.url)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10000)
    view = controller.window.compare
    qtbot.waitUntil(lambda: view.plan is not None and not view.is_busy(), timeout=30000)
    plan = view.plan
    primary = next(i for i in plan.lead_ids if i != plan.primary_id)
    view.choose_primary_column(plan.lead_ids.index(primary))
    field = next(f for f in plan.fields if f.differs)
    picked = next(i for i in plan.lead_ids if i != field.chosen)
    view._choose(field.name, picked)
    group, key = tuple(view.lead_ids), controller.window.queue.current_row().key
    try:
        controller.switch_language("ru")
        window = controller.window
        view = window.compare
        qtbot.waitUntil(lambda: view.plan is not None and not view.is_busy(), timeout=30000)
        qtbot.waitUntil(lambda: not window.scanning, timeout=30000)
        assert tuple(view.lead_ids) == group == window.open_group
        assert view.plan.primary_id == primary
        assert view.plan.field(field.name).chosen == picked
        assert window.queue.current_row().key == key
    finally:
        i18n.install("en")


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("{tmp}", "это папка"),
        ("mysql://crm@127.0.0.1:1/crm", "не та база, с которой работает deskdup"),
        ("foo://bar", "не та база, с которой работает deskdup"),
        ("postgres://crm@127.0.0.1:1/crm", "не та база, с которой работает deskdup"),
    ],
)
def test_a_folder_or_an_unknown_kind_of_database_is_told_in_words(
    qtbot, controller, tmp_path, no_dialogs, russian, address, expected
):
    controller.start(url=address.format(tmp=tmp_path))
    asked = no_dialogs["connection"]
    qtbot.waitUntil(lambda: bool(asked or no_dialogs["bugs"]), timeout=10000)
    assert no_dialogs["bugs"] == []
    assert expected in asked[0][0]
