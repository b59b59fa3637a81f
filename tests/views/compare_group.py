"""The comparison view's test group and how a test opens it; shared by the
comparison and keyboard tests (a helper module, not a test file)."""

from __future__ import annotations

from deskdup.models import Action, Channel, CommKind, Entity, Scope
from deskdup.services.operators import find_operator
from deskdup.views.compare import CompareView
from deskdup.views.context import AppContext
from deskdup.views.settings import Settings
from tests.factories import make_lead, make_operator

TG, WA, AV, SITE = Channel.TELEGRAM, Channel.WHATSAPP, Channel.AVITO, Channel.SITE


def four_channel_group(workspace):
    """Telegram nick, WhatsApp phone, Avito name, site form: one customer, four leads."""
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        boris = make_operator(s, "boris", "Борисов Борис", "Sales 2")
        trainee = make_operator(
            s,
            "trainee",
            "Стажёр Семён",
            "Sales 1",
            scopes={
                (Entity.LEAD, Action.READ): Scope.ALL,
                (Entity.LEAD, Action.EDIT): Scope.ALL,
                (Entity.LEAD, Action.DELETE): Scope.OWN,
                (Entity.CONTACT, Action.READ): Scope.ALL,
            },
        )
        leads = [
            make_lead(
                s,
                owner=anna,
                channel=TG,
                first_name="",
                title="Telegram: ivan_petrov93",
                comms=[(CommKind.MESSENGER, TG, "@ivan_petrov93")],
                chats=[(TG, "Здравствуйте, сколько стоит доставка в Казань?")],
                external_id="T-101",
            ),
            make_lead(
                s,
                owner=boris,
                channel=WA,
                first_name="Иван",
                title="WhatsApp +7 912 345-67-89",
                comms=[(CommKind.MESSENGER, WA, "+79123456789")],
                chats=[(WA, "Добрый день! Нужен диван")],
                activities=2,
                external_id="W-102",
            ),
            make_lead(
                s,
                owner=anna,
                channel=AV,
                first_name="Иван",
                title="Avito: диван угловой",
                chats=[(AV, "Ещё продаётся?")],
                external_id="A-103",
            ),
            make_lead(
                s,
                owner=anna,
                channel=SITE,
                first_name="Иван",
                last_name="Петров",
                title="Заявка с сайта",
                comms=[
                    (CommKind.PHONE, SITE, "8 (912) 345-67-89"),
                    (CommKind.EMAIL, SITE, "ivan.petrov@example.com"),
                ],
                deals=1,
                external_id="S-104",
            ),
        ]
        ids = [lead.id for lead in leads]
        ops = {login: find_operator(s, login) for login in ("anna", "boris", "trainee")}
        del trainee
    return ids, ops


def make_view(qtbot, workspace, operator, runner):
    context = AppContext(workspace=workspace, operator=operator, settings=Settings(), ops=runner)
    view = CompareView(context)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def show(qtbot, view, ids):
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        view.show_group(ids)
