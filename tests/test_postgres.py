"""The same workspace on PostgreSQL: migrations, the demo and the import behave as on SQLite."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, insert, inspect, select

from deskdup.models import Chat, Communication, Contact, Deal, DemoTruth, Lead, Operator
from deskdup.services.demo import clear_workspace, generate_demo
from deskdup.services.importer import import_file
from deskdup.services.workspace import open_workspace

# The throwaway server and per-test databases (fixtures pg_url, pg_database).
pytest_plugins = ("tests.postgres",)

SAMPLE = Path(__file__).parent / "data" / "leads_sample.csv"
TABLES = (Lead, Communication, Chat, Contact, Deal, Operator, DemoTruth)


def _counts(ws) -> dict[str, int]:
    with ws.session() as s:
        return {t.__name__: s.scalar(select(func.count()).select_from(t)) for t in TABLES}


def _demo_and_import(url: str) -> tuple[dict[str, int], list[tuple], tuple[int, int]]:
    ws = open_workspace(url)
    try:
        generate_demo(ws, leads=300, seed=7)
        report = import_file(ws, SAMPLE)
        again = import_file(ws, SAMPLE)
        with ws.session() as s:
            leads = s.execute(
                select(Lead.external_id, Lead.first_name, Lead.last_name, Lead.created_at).order_by(
                    Lead.external_id
                )
            ).all()
        assert (again.imported, again.unchanged) == (0, report.imported)
        return _counts(ws), [tuple(r) for r in leads], (report.imported, report.invalid_values)
    finally:
        ws.dispose()


def test_postgres_workspace_matches_sqlite(pg_database, tmp_path):
    on_pg = _demo_and_import(pg_database)
    on_sqlite = _demo_and_import(str(tmp_path / "same.sqlite"))
    assert on_pg == on_sqlite
    assert on_pg[0]["Lead"] == 300 + on_pg[2][0]


def test_reopen_is_a_no_op_and_sequences_follow_the_demo_ids(pg_database):
    ws = open_workspace(pg_database)
    tables = set(inspect(ws.engine).get_table_names())
    generate_demo(ws, leads=50, seed=1)
    ws.dispose()

    ws = open_workspace(pg_database)
    try:
        assert set(inspect(ws.engine).get_table_names()) == tables
        # The demo wrote explicit ids; a plain insert must still get a new one.
        with ws.session() as s:
            row = s.execute(select(Lead).order_by(Lead.id.desc()).limit(1)).scalar_one()
            new_id = s.execute(
                insert(Lead).returning(Lead.id),
                [{"title": "new", "created_at": row.created_at, "updated_at": row.created_at}],
            ).scalar_one()
        assert new_id > row.id

        # demo --force: clearing works with PostgreSQL's foreign keys too.
        clear_workspace(ws)
        assert set(_counts(ws).values()) == {0}
        generate_demo(ws, leads=50, seed=1)
        assert _counts(ws)["Lead"] == 50
    finally:
        ws.dispose()
