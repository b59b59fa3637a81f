"""Who is signed in, and how that was proven.

* PostgreSQL: the role that connected (``session_user``) is the operator of
  that login.  Nobody acts as another: ``--as`` naming someone else is
  refused, and the database (team mode, ``services/team.py``) writes history
  in that role's name whatever the client says.  A role that is no active
  operator is refused, except the database owner on a workspace without team
  mode, who may still choose (the owner can do anything there anyway).
* SQLite (one person, or the demo): the operator whose login is the computer
  account's name, where there is one.  Choosing another (``--as``, the
  sign-in list) remains for the demo and for a supervisor's own file; a file
  no account is mapped to lets its user choose, and the window says it was
  chosen, not proven.
* A linked Bitrix24 portal: the webhook's user (``services/bitrix24``).
"""

from __future__ import annotations

import enum
import getpass
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from deskdup.models import WorkspaceMeta
from deskdup.services.errors import KnownError, fail
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.operators import OperatorInfo, list_operators
from deskdup.services.team import connected_role, is_owner, is_postgresql, team_mode
from deskdup.services.workspace import Workspace

CONTEXT = "Identity"


class Proof(enum.StrEnum):
    DATABASE_ROLE = "database_role"  # PostgreSQL: connected as the operator's own role
    OS_USER = "os_user"  # SQLite: the computer account mapped to the operator
    WEBHOOK = "webhook"  # Bitrix24: the webhook's portal user
    CHOSEN = "chosen"  # picked from the list: the demo, one's own file; not proven


PROOF_WORDS = {
    Proof.DATABASE_ROLE: QT_TRANSLATE_NOOP("Identity", "connected as the database role {subject}"),
    Proof.OS_USER: QT_TRANSLATE_NOOP("Identity", "the computer account {subject}"),
    Proof.WEBHOOK: QT_TRANSLATE_NOOP("Identity", "the portal's webhook user {subject}"),
    Proof.CHOSEN: QT_TRANSLATE_NOOP("Identity", "chosen from the list, not proven"),
}

MSG_NOT_AN_OPERATOR = QT_TRANSLATE_NOOP(
    "Identity",
    "The database role '{role}' is not an active operator of this workspace, so deskdup "
    "cannot tell who you are. Connect with your own role, or ask a supervisor to run: "
    "deskdup operator add {role} --db URL",
)
MSG_NOT_ANOTHER_PG = QT_TRANSLATE_NOOP(
    "Identity",
    "You are connected to the database as '{role}' ({name}); deskdup acts as the role that "
    "connected. To work as '{wanted}', connect with that operator's own role and password.",
)
MSG_NOT_ANOTHER_OS = QT_TRANSLATE_NOOP(
    "Identity",
    "On this computer you are '{login}' ({name}, the account {account}); only the demo or "
    "a supervisor's own file lets one sign in as another operator.",
)
MSG_NO_SUCH = QT_TRANSLATE_NOOP(
    "Identity", "There is no active operator with the login '{login}' in this workspace."
)


@dataclass(frozen=True)
class SignIn:
    """The signed-in operator (or None: the operator chooses from ``choices``) and the proof."""

    operator: OperatorInfo | None
    proof: Proof
    subject: str  # the role, the account or the portal user the proof names
    choices: tuple[OperatorInfo, ...] = ()
    # Another operator may be chosen (the demo, a supervisor's own file, an unmapped file).
    may_choose: bool = False

    def describe(self) -> Message:
        return Message(CONTEXT, PROOF_WORDS[self.proof], {"subject": self.subject})

    def chosen(self, operator: OperatorInfo) -> SignIn:
        """Signed in as ``operator`` picked from the list (proven only if it is the proven one)."""
        if self.operator is not None and operator.id == self.operator.id:
            return self
        return SignIn(operator, Proof.CHOSEN, self.subject, self.choices, self.may_choose)

    def choose(self, login: str) -> SignIn:
        for op in self.choices:
            if op.login == login:
                return self.chosen(op)
        raise fail(KnownError, Message(CONTEXT, MSG_NO_SUCH, {"login": login}))


def os_account() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        return ""


def _is_demo(session: Session) -> bool:
    found = session.scalar(select(WorkspaceMeta.key).where(WorkspaceMeta.key == "demo.seed"))
    return found is not None


def sign_in(session: Session, wanted: str | None = None, account: str | None = None) -> SignIn:
    """Who acts in this session of the workspace; ``wanted``: a login asked for (``--as``).

    Raises ``KnownError`` when the connection proves someone who may not act,
    or ``wanted`` names another operator than the one proven.
    """
    operators = list_operators(session)
    by_login = {op.login: op for op in operators}
    if is_postgresql(session):
        role = connected_role(session)
        op = by_login.get(role)
        if op is not None:
            if wanted and wanted != role:
                params = {"role": role, "name": op.full_name, "wanted": wanted}
                raise fail(KnownError, Message(CONTEXT, MSG_NOT_ANOTHER_PG, params))
            return SignIn(op, Proof.DATABASE_ROLE, role, (op,))  # may_choose: never
        if team_mode(session) or not is_owner(session):
            raise fail(KnownError, Message(CONTEXT, MSG_NOT_AN_OPERATOR, {"role": role}))
        chosen = SignIn(None, Proof.CHOSEN, role, tuple(operators), may_choose=True)
        return chosen.choose(wanted) if wanted else chosen
    account = os_account() if account is None else account
    op = by_login.get(account) if account else None
    if op is not None:
        may_choose = op.can_undo or _is_demo(session)
        mine = SignIn(op, Proof.OS_USER, account, tuple(operators) if may_choose else (op,))
        mine = SignIn(mine.operator, mine.proof, mine.subject, mine.choices, may_choose)
        if not wanted or wanted == op.login:
            return mine
        if not may_choose:
            params = {"login": op.login, "name": op.full_name, "account": account}
            raise fail(KnownError, Message(CONTEXT, MSG_NOT_ANOTHER_OS, params))
        return mine.choose(wanted)
    chosen = SignIn(None, Proof.CHOSEN, account, tuple(operators), may_choose=True)
    return chosen.choose(wanted) if wanted else chosen


def refusal_to_choose(signed: SignIn) -> Message:
    """Why ``signed`` may not sign in as another operator (``may_choose`` is false)."""
    op = signed.operator
    name = op.full_name if op is not None else ""
    login = op.login if op is not None else signed.subject
    if signed.proof is Proof.OS_USER:
        params = {"login": login, "name": name, "account": signed.subject}
        return Message(CONTEXT, MSG_NOT_ANOTHER_OS, params)
    return Message(
        CONTEXT, MSG_NOT_ANOTHER_PG, {"role": signed.subject, "name": name, "wanted": "…"}
    )


def workspace_sign_in(ws: Workspace, wanted: str | None = None) -> SignIn:
    with ws.session() as session:
        return sign_in(session, wanted)


def acting_operator(session: Session, wanted: str | None) -> OperatorInfo:
    """The operator a command acts as: proven by the connection, or ``--as`` where allowed."""
    found = sign_in(session, wanted)
    if found.operator is not None:
        return found.operator
    raise KnownError("Give the operator with --as LOGIN.")
