import pytest
from sqlalchemy import inspect, select

from deskdup.models import Channel, Lead
from deskdup.services.errors import KnownError
from deskdup.services.workspace import display_url, open_workspace


def test_open_creates_every_table_and_reopen_is_a_no_op(tmp_path):
    path = tmp_path / "ws.sqlite"
    ws = open_workspace(str(path))
    tables = set(inspect(ws.engine).get_table_names())
    assert {
        "leads",
        "communications",
        "chats",
        "contacts",
        "deals",
        "deal_contacts",
        "operators",
        "operator_rights",
        "departments",
        "merge_events",
        "dismissals",
        "review_claims",
        "alembic_version",
    } <= tables
    ws.dispose()
    ws = open_workspace(f"sqlite:///{path}")
    assert set(inspect(ws.engine).get_table_names()) == tables
    ws.dispose()


def test_version_counter_increments_on_update(workspace):
    from datetime import datetime

    now = datetime(2026, 1, 1)
    with workspace.session() as s:
        s.add(Lead(title="x", created_at=now, updated_at=now, source_channel=Channel.SITE))
    with workspace.session() as s:
        lead = s.scalars(select(Lead)).one()
        assert lead.version == 1
        lead.title = "y"
    with workspace.session() as s:
        assert s.scalars(select(Lead)).one().version == 2


def test_missing_folder_is_a_known_error(tmp_path):
    try:
        open_workspace(str(tmp_path / "nope" / "ws.sqlite"))
    except KnownError as exc:
        assert "does not exist" in str(exc)
    else:
        raise AssertionError("expected KnownError")


def test_display_url_hides_password():
    assert "secret" not in display_url("postgresql://u:secret@localhost/db")


def test_a_server_that_never_answers_is_a_known_error_not_a_hang(monkeypatch):
    """The port accepts the connection (the kernel's backlog) but no one speaks."""
    import socket

    from deskdup.services import workspace as ws_module

    monkeypatch.setattr(ws_module, "PG_CONNECT_TIMEOUT", 1)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        port = silent.getsockname()[1]
        with pytest.raises(KnownError) as err:
            open_workspace(f"postgresql://deskdup@127.0.0.1:{port}/team")
    assert "127.0.0.1" in str(err.value)


def test_an_older_workspace_is_still_upgraded_and_the_head_is_alembics(tmp_path):
    """Opening skips Alembic only when the workspace is at the newest revision
    (``head_revision``, read from the scripts, is the one Alembic names)."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from deskdup.services.workspace import alembic_config, head_revision

    path = tmp_path / "old.sqlite"
    ws = open_workspace(str(path))
    config = alembic_config(ws.engine)
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head_revision() == head
    command.downgrade(config, "-1")
    before = set(inspect(ws.engine).get_table_names())
    ws.dispose()
    ws = open_workspace(str(path))
    with ws.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head
    assert set(inspect(ws.engine).get_table_names()) >= before
    ws.dispose()
