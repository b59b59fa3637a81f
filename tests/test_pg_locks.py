"""PostgreSQL: a merge does not wait forever behind another session's row lock (issue 11.11).

Writes run with a lock timeout and a statement timeout; when the lock timeout
expires the operator is told who holds the group (the holding session's
program, database user and since when), and nothing is written.
"""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import func, select

from deskdup.cli import main
from deskdup.models import Lead, MergeEvent
from deskdup.services import workspace as workspace_module
from deskdup.services.workspace import open_workspace
from tests.factories import make_lead, make_operator
from tests.postgres import pg_database, pg_url

__all__ = ["pg_database", "pg_url"]


@pytest.fixture
def team(pg_database):
    ws = open_workspace(pg_database)
    with ws.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        make_lead(s, owner=anna, external_id="L-1", first_name="Иван")
        make_lead(s, owner=anna, external_id="L-2", first_name="Ваня")
    ws.dispose()
    return pg_database


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_a_merge_behind_a_held_row_lock_names_the_holder(team, capsys, monkeypatch):
    monkeypatch.setattr(workspace_module, "PG_LOCK_TIMEOUT", 1)
    with psycopg.connect(_dsn(team), application_name="crm-sync") as holder:
        holder.execute("SELECT id FROM leads WHERE external_id = 'L-2' FOR UPDATE")
        code = main(["merge", "--db", team, "--as", "anna", "--primary", "L-1", "--with", "L-2"])
        err = capsys.readouterr().err
        holder.rollback()
    assert code == 2, err
    assert "crm-sync" in err and "L-2" in err and "nothing was merged" in err
    ws = open_workspace(team, create=False)
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(MergeEvent)) == 0
        assert not s.scalar(select(Lead.archived).where(Lead.external_id == "L-2"))
    ws.dispose()


def test_another_deskdup_operator_holding_the_group_is_named(team, capsys, monkeypatch):
    """Operator anna's merge is still open (a slow network) when olga merges the same leads."""
    monkeypatch.setattr(workspace_module, "PG_LOCK_TIMEOUT", 1)
    ws = open_workspace(team, create=False)
    with ws.session() as s:
        make_operator(s, "olga", "Смирнова Ольга", "Sales 1")
    from deskdup.services.merge import write_session

    with write_session(ws) as session:
        workspace_module.tag_session(session, "anna")
        session.execute(select(Lead.id).where(Lead.external_id == "L-1").with_for_update())
        code = main(["merge", "--db", team, "--as", "olga", "--primary", "L-1", "--with", "L-2"])
    ws.dispose()
    err = capsys.readouterr().err
    assert code == 2, err
    assert "deskdup (anna)" in err


def test_write_transactions_carry_the_timeouts(team):
    from deskdup.services.merge import write_session

    ws = open_workspace(team, create=False)
    try:
        with write_session(ws) as session:
            lock = session.connection().exec_driver_sql("SHOW lock_timeout").scalar()
            statement = session.connection().exec_driver_sql("SHOW statement_timeout").scalar()
        assert lock == f"{workspace_module.PG_LOCK_TIMEOUT}s"
        assert statement in (f"{workspace_module.PG_STATEMENT_TIMEOUT}s", "2min")
        # Outside a write the server's defaults stand (a long scan is not cut off).
        with ws.session() as session:
            assert session.connection().exec_driver_sql("SHOW lock_timeout").scalar() == "0"
    finally:
        ws.dispose()
