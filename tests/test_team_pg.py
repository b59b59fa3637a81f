"""Team mode on a real PostgreSQL server: identity from the role, rights the database enforces.

Every operator connects as their own role (the test server trusts 127.0.0.1,
so a role's name is all a connection needs).  The plain-SQL checks run as
the trainee's role through psycopg, as someone with psql would.
"""

from __future__ import annotations

import io
import uuid

import psycopg
import pytest
from sqlalchemy import event, select, text
from sqlalchemy.engine import Engine

from deskdup.cli import main
from deskdup.models import Action, Entity, Lead, MergeEvent, Operator, Scope
from deskdup.services.claims import ClaimHeld, claim, heartbeat
from deskdup.services.errors import KnownError
from deskdup.services.identity import Proof, workspace_sign_in
from deskdup.services.operators import ROLES
from deskdup.services.workspace import open_workspace
from tests.factories import make_lead, make_operator

pytest_plugins = ("tests.postgres",)


def _scopes(role: str) -> dict[tuple[Entity, Action], Scope]:
    return {
        (entity, action): scope
        for entity, triple in ROLES[role].items()
        for action, scope in zip((Action.READ, Action.EDIT, Action.DELETE), triple, strict=True)
    }


def _as(url: str, role: str) -> str:
    """The workspace's address for another role (the server trusts local connections)."""
    return url.replace("postgresql+psycopg://postgres@", f"postgresql+psycopg://{role}@")


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture
def team(pg_database):
    """A team workspace: a supervisor, an operator and a trainee in Sales 1, Petr in Sales 2.

    Logins are unique per test: roles belong to the whole server, not to one database.
    """
    tag = uuid.uuid4().hex[:6]
    logins = {k: f"{k}_{tag}" for k in ("boss", "anna", "trainee", "petr")}
    ws = open_workspace(pg_database)
    with ws.session() as s:
        make_operator(s, logins["boss"], "Смирнова Ольга", "Sales 1", Scope.ALL, can_undo=True)
        anna = make_operator(s, logins["anna"], "Петрова Анна", "Sales 1", _scopes("operator"))
        trainee = make_operator(s, logins["trainee"], "Ким Дина", "Sales 1", _scopes("trainee"))
        petr = make_operator(s, logins["petr"], "Орлов Пётр", "Sales 2", _scopes("operator"))
        leads = {
            "petr1": make_lead(s, owner=petr, first_name="Иван", last_name="Петров", chats=1),
            "petr2": make_lead(s, owner=petr, first_name="Ваня", last_name="Петров"),
            "anna1": make_lead(s, owner=anna, first_name="Ольга", last_name="Сидорова", chats=1),
            "anna2": make_lead(s, owner=anna, first_name="Оля", last_name="Сидорова"),
            "own": make_lead(s, owner=trainee, first_name="Пётр", last_name="Ким"),
        }
        ids = {k: lead.id for k, lead in leads.items()}
    ws.dispose()
    assert main(["team", "init", "--db", pg_database]) == 0
    return pg_database, logins, ids


def _refused(dsn: str, sql: str, params=()) -> str:
    with psycopg.connect(dsn) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege) as err:
        conn.execute(sql, params)
    return str(err.value)


def _lead(url: str, lead_id: int) -> Lead:
    ws = open_workspace(url)
    try:
        with ws.session() as s:
            return s.get(Lead, lead_id)
    finally:
        ws.dispose()


def test_team_init_prints_what_it_did_and_is_repeatable(pg_database, capsys):
    ws = open_workspace(pg_database)
    with ws.session() as s:
        make_operator(s, f"olga_{uuid.uuid4().hex[:6]}", can_undo=True)
    ws.dispose()
    assert main(["team", "init", "--db", pg_database]) == 0
    out = capsys.readouterr().out
    assert "Created login roles" in out and "Installed the checks" in out
    assert main(["team", "init", "--db", pg_database]) == 0
    assert "Roles that existed" in capsys.readouterr().out


def test_the_trainee_role_cannot_do_in_sql_what_deskdup_would_not_allow(team):
    url, logins, ids = team
    dsn = _dsn(_as(url, logins["trainee"]))
    before = _lead(url, ids["petr1"])

    assert "lead" in _refused(dsn, "UPDATE leads SET title = 'mine' WHERE id = %s", (ids["petr1"],))
    _refused(dsn, "UPDATE leads SET archived = true WHERE id = %s", (ids["petr1"],))
    _refused(dsn, "UPDATE leads SET assigned_id = NULL WHERE id = %s", (ids["petr2"],))
    _refused(dsn, "DELETE FROM leads WHERE id = %s", (ids["petr1"],))
    _refused(dsn, "UPDATE chats SET lead_id = %s WHERE lead_id = %s", (ids["own"], ids["petr1"]))
    _refused(dsn, "DELETE FROM chats")  # every lead's, some not hers
    # Rights and operators: a supervisor's.
    _refused(
        dsn,
        "INSERT INTO operator_rights (operator_id, entity, action, scope) "
        "SELECT id, 'lead', 'delete', 'all' FROM operators WHERE login = %s",
        (logins["petr"],),
    )
    _refused(
        dsn,
        "UPDATE operator_rights SET scope = 'all' WHERE operator_id = "
        "(SELECT id FROM operators WHERE login = %s)",
        (logins["trainee"],),
    )
    _refused(dsn, "UPDATE operators SET can_undo = true WHERE login = %s", (logins["trainee"],))
    # History in another's name, or rewritten.
    _refused(
        dsn,
        "INSERT INTO merge_events (kind, operator_id, created_at, other_ids, choices, snapshot, "
        "summary) SELECT 'merge_leads', id, now(), '[]', '{}', '{}', 'forged' "
        "FROM operators WHERE login = %s",
        (logins["anna"],),
    )
    # The team's settings.
    _refused(dsn, "INSERT INTO workspace_meta (key, value) VALUES "
             "('policy.archive_instead_of_delete', '0')")  # fmt: skip

    after = _lead(url, ids["petr1"])
    assert (after.title, after.archived, after.version) == (
        before.title,
        before.archived,
        before.version,
    )

    # Her own lead she may edit; the history's author is the database's to say.
    with psycopg.connect(dsn) as conn:
        assert (
            conn.execute("UPDATE leads SET title = 'mine' WHERE id = %s", (ids["own"],)).rowcount
            == 1
        )
        me = conn.execute(
            "INSERT INTO merge_events (kind, created_at, other_ids, choices, snapshot, summary) "
            "VALUES ('merge_leads', now(), '[]', '{}', '{}', 'by me') RETURNING operator_id"
        ).fetchone()[0]
        assert (
            me == conn.execute("SELECT id FROM operators WHERE login = session_user").fetchone()[0]
        )
        _refused_in = conn.execute  # the same connection keeps working after a refusal
        assert _refused_in("SELECT 1").fetchone() == (1,)


def test_through_deskdup_the_same_actions_are_refused_with_the_usual_explanation(team, capsys):
    url, logins, ids = team
    as_trainee = _as(url, logins["trainee"])
    merge = [
        "merge",
        "--db",
        as_trainee,
        "--primary",
        str(ids["petr1"]),
        "--with",
        str(ids["petr2"]),
    ]
    assert main(merge) == 2
    err = capsys.readouterr().err
    assert "Орлов Пётр" in err and "ask a supervisor" in err
    # Acting as someone else is refused, not ignored.
    assert main([*merge, "--as", logins["boss"]]) == 2
    assert f"connected to the database as '{logins['trainee']}'" in capsys.readouterr().err
    assert (
        main(["operator", "grant", logins["trainee"], "lead", "delete", "all", "--db", as_trainee])
        == 2
    )
    assert "Only a supervisor" in capsys.readouterr().err
    assert main(["dismiss", "--db", as_trainee, f"{ids['petr1']},{ids['petr2']}"]) == 2
    capsys.readouterr()

    ws = open_workspace(url)
    with ws.session() as s:
        assert s.scalar(select(MergeEvent.id)) is None
        trainee = s.scalar(select(Operator).where(Operator.login == logins["trainee"]))
        assert {(r.entity, r.action): r.scope for r in trainee.rights}[
            (Entity.LEAD, Action.DELETE)
        ] is Scope.NONE
    ws.dispose()


def test_an_operator_merges_and_undoes_as_her_own_role_and_history_names_her(team, capsys):
    url, logins, ids = team
    as_anna = _as(url, logins["anna"])
    merge = ["merge", "--db", as_anna, "--primary", str(ids["anna1"]), "--with", str(ids["anna2"])]
    assert main(merge) == 0, capsys.readouterr().err
    assert main(["undo", "--db", as_anna]) == 0, capsys.readouterr().err
    ws = open_workspace(url)
    with ws.session() as s:
        authors = set(s.scalars(select(Operator.login).join(MergeEvent.operator)))
        assert not s.get(Lead, ids["anna2"]).archived
    ws.dispose()
    assert authors == {logins["anna"]}


def test_identity_is_the_connected_role_and_strangers_are_refused(team, capsys):
    url, logins, _ids = team
    ws = open_workspace(_as(url, logins["anna"]))
    try:
        signed = workspace_sign_in(ws)
    finally:
        ws.dispose()
    assert (signed.operator.login, signed.proof) == (logins["anna"], Proof.DATABASE_ROLE)

    stranger = f"stranger_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(_dsn(url), autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{stranger}" LOGIN')
    assert main(["merge", "--db", _as(url, stranger), "--primary", "1", "--with", "2"]) == 2
    assert "it is not one of its operators" in capsys.readouterr().err
    # A role whose operator was switched off is refused by name.
    assert main(["operator", "disable", logins["anna"], "--db", _as(url, logins["boss"])]) == 0
    assert main(["merge", "--db", _as(url, logins["anna"]), "--primary", "1", "--with", "2"]) == 2
    assert f"'{logins['anna']}' is not an active operator" in capsys.readouterr().err


def test_a_supervisor_adds_an_operator_and_her_role_with_a_password(team, capsys, monkeypatch):
    url, logins, _ids = team
    newbie = f"newbie_{uuid.uuid4().hex[:6]}"
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pass\n"))
    add = ["operator", "add", newbie, "--db", _as(url, logins["boss"]), "--role", "trainee",
           "--password-stdin"]  # fmt: skip
    sent: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append(f"{statement} {parameters!r}")

    event.listen(Engine, "before_cursor_execute", record)
    try:
        assert main(add) == 0, capsys.readouterr().err
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    # A server that logs statements never sees the password itself, only its verifier.
    assert sent and not any("s3cret-pass" in line for line in sent)
    assert "created, logging in with the password given" in capsys.readouterr().out
    with psycopg.connect(_dsn(url)) as conn:
        password = conn.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (newbie,)
        ).fetchone()[0]
        assert password.startswith("SCRAM-SHA-256$")
    # The new role is mapped and may work at once.
    ws = open_workspace(_as(url, newbie))
    try:
        assert workspace_sign_in(ws).operator.login == newbie
        with ws.session() as s:
            assert s.execute(text("SELECT deskdup_me()")).scalar() is not None
    finally:
        ws.dispose()
    # An operator who is no supervisor may not.
    monkeypatch.setattr("sys.stdin", io.StringIO("x\n"))
    assert main(["operator", "add", f"x{newbie}", "--db", _as(url, logins["anna"])]) == 2
    assert "Only a supervisor" in capsys.readouterr().err


def test_review_claims_are_taken_in_ones_own_name_and_taken_over_only_by_a_supervisor(team):
    url, logins, ids = team
    group = [ids["anna1"], ids["anna2"]]
    opened = {}
    try:
        for who in ("anna", "trainee", "boss"):
            ws = open_workspace(_as(url, logins[who]))
            opened[who] = (ws, workspace_sign_in(ws).operator.id)
        anna_ws, anna_id = opened["anna"]
        claim(anna_ws, group, anna_id)

        dsn = _dsn(_as(url, logins["trainee"]))
        _refused(dsn, "DELETE FROM review_claims")
        _refused(
            dsn,
            "UPDATE review_claims SET operator_id = "
            "(SELECT id FROM operators WHERE login = session_user)",
        )
        _refused(
            dsn,
            "INSERT INTO review_claims (group_key, operator_id, claimed_at, expires_at) "
            "VALUES ('999', %s, now(), now() + interval '1 hour')",
            (anna_id,),
        )
        trainee_ws, trainee_id = opened["trainee"]
        with pytest.raises(ClaimHeld):
            claim(trainee_ws, group, trainee_id, takeover=True)  # no supervisor
        with pytest.raises(KnownError, match="refused"):
            claim(trainee_ws, [ids["own"]], anna_id)  # in Anna's name

        boss_ws, boss_id = opened["boss"]
        claim(boss_ws, group, boss_id, takeover=True)
        assert not heartbeat(anna_ws, ",".join(map(str, sorted(group))), anna_id)
    finally:
        for ws, _id in opened.values():
            ws.dispose()


def test_dismissals_of_leads_and_contacts_need_the_delete_right_in_sql(team):
    """One guard for both tables of "not duplicates" marks (issue 14: contacts too)."""
    from deskdup.models import Contact
    from tests.factories import BASE_TIME

    url, logins, ids = team
    ws = open_workspace(url)
    try:
        with ws.session() as s:
            petr = s.scalar(select(Operator).where(Operator.login == logins["petr"]))
            contacts = [
                Contact(first_name="Иван", last_name="Петров", assigned=petr,
                        created_at=BASE_TIME, updated_at=BASE_TIME)
                for _ in range(2)
            ]  # fmt: skip
            s.add_all(contacts)
            s.flush()
            a, b = sorted(c.id for c in contacts)
    finally:
        ws.dispose()
    insert_contacts = (
        "INSERT INTO contact_dismissals (contact_a_id, contact_b_id, created_at, reason) "
        "VALUES (%s, %s, now(), '')"
    )
    insert_leads = (
        "INSERT INTO dismissals (lead_a_id, lead_b_id, created_at, reason) "
        "VALUES (%s, %s, now(), '')"
    )
    trainee = _dsn(_as(url, logins["trainee"]))
    assert "contact" in _refused(trainee, insert_contacts, (a, b))
    assert "lead" in _refused(trainee, insert_leads, (ids["petr1"], ids["petr2"]))
    with psycopg.connect(_dsn(_as(url, logins["boss"]))) as conn:
        conn.execute(insert_contacts, (a, b))
        conn.execute(insert_leads, (ids["petr1"], ids["petr2"]))
        mine = conn.execute(
            "SELECT count(*) FROM contact_dismissals d JOIN operators o ON o.id = d.operator_id "
            "WHERE o.login = %s",
            (logins["boss"],),
        ).fetchone()[0]
    assert mine == 1
