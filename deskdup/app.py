"""The composition root of the window (git-cola's ``ApplicationContext`` idea).

``run_gui(args)`` makes the QApplication, installs the translations, opens the
workspace (the demo, ``--db``, the last connection, or one the operator
chooses), signs the operator in and shows the main window.  Opening runs
through the background-operation helper; a workspace that cannot be opened
brings the connection dialog back with the reason, and nothing is lost.

Tests drive :class:`AppController` directly and never start ``app.exec()``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication

from deskdup.services import paths
from deskdup.services.bitrix24.backend import PortalOpened, open_portal
from deskdup.services.bitrix24.merge import MSG_RESUMED
from deskdup.services.bitrix24.sync import PullProgress
from deskdup.services.errors import Cancelled, KnownError
from deskdup.services.identity import Proof, SignIn, refusal_to_choose, sign_in
from deskdup.services.matching.explain import ModelSummary, kept_model, summarize
from deskdup.services.operators import OperatorInfo, list_operators, workspace_operators
from deskdup.services.team_settings import TeamSettings, load_team_settings, save_team_settings
from deskdup.services.workspace import Workspace, normalize_url, open_workspace
from deskdup.views import appearance, errors, gc_guard, i18n
from deskdup.views import settings as opts
from deskdup.views.connection_dialog import ConnectionDialog, SignInDialog
from deskdup.views.context import AppContext
from deskdup.views.formatting import error_text, translate_message
from deskdup.views.lifetime import delete_later
from deskdup.views.operations import OperationRunner, Progress, QueryOp
from deskdup.views.settings import Settings
from deskdup.views.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

DEMO_LEADS = 5000
DEMO_SEED = 1
DEMO_LOGIN = "operator"


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(opts.ORGANIZATION)
    QCoreApplication.setApplicationName(opts.APPLICATION)
    app.setApplicationDisplayName("deskdup")
    return app  # type: ignore[return-value]


def ensure_demo_workspace(progress=None, leads: int = DEMO_LEADS) -> Path:
    """The demo database in the data folder, generated on first use.

    Written to a side file and renamed when complete, so a cancelled or failed
    generation never leaves a half-filled demo behind.
    """
    path = paths.demo_db_path()
    if path.exists():
        return path
    from deskdup.services.demo import generate_demo

    partial = path.with_name(path.stem + ".partial.sqlite")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    ws = open_workspace(str(partial))
    try:
        generate_demo(ws, leads=leads, seed=DEMO_SEED, progress=progress)
    except BaseException:
        ws.dispose()
        partial.unlink(missing_ok=True)
        raise
    ws.dispose()
    os.replace(partial, path)
    return path


def _pull_progress(progress: Progress | None):
    """The pull's progress as the open dialog shows it (stage in the operator's words)."""
    if progress is None:
        return None

    def report(p: PullProgress) -> None:
        label = QCoreApplication.translate("App", "Reading {stage} from the portal…").format(
            stage=translate_message(p.stage)
        )
        progress.update(p.done, p.total or 0, label)

    return report


def _open(
    url: str,
    webhook: str | None = None,
    progress: Progress | None = None,
    *,
    create: bool = False,
    login: str | None = None,
) -> tuple[Workspace, SignIn, PortalOpened | None]:
    """Open the workspace, bring it up to date with its portal, list its operators.

    Runs on the database worker.  A workspace linked to a Bitrix24 portal (or
    one given a webhook now) finishes the merges a previous run left open and
    pulls what changed; Cancel stops the pull, not the opening.  ``create``:
    the operator chose "New workspace…"; otherwise a missing file is "file not
    found" (a typo must not make an empty workspace).
    """
    # Linking a new file to a portal is an explicit create, as `deskdup sync` is.
    ws = open_workspace(url, create=create or bool(webhook))
    try:
        portal = open_portal(
            ws,
            webhook,
            progress=_pull_progress(progress),
            cancelled=(lambda: progress.cancelled) if progress is not None else None,
        )
        with ws.session() as session:
            operators = list_operators(session)
            signed = None
            if operators and (portal is None or portal.operator is None):
                # Who the connection proves (a PostgreSQL role, the computer's account);
                # a KnownError here brings the connection dialog back with the reason.
                signed = sign_in(session)
                if login and not signed.may_choose:
                    sign_in(session, login)  # --as someone the connection does not prove

    except Exception:
        ws.dispose()
        raise
    if portal is not None and portal.operator is not None:
        signed = SignIn(portal.operator, Proof.WEBHOOK, portal.operator.login, (portal.operator,))
    if not operators or signed is None:
        ws.dispose()
        raise KnownError(
            QCoreApplication.translate(
                "App",
                "The workspace {url} has no operators yet. Add the CRM's users first "
                "(deskdup operator add LOGIN --db URL); for a try-out: deskdup --demo.",
            ).format(url=ws.display_url)
        )
    return ws, signed, portal


class AppController(QObject):
    """Owns the workspace, the sign-in and the main window; replaces them on request."""

    window_shown = Signal(object)  # MainWindow
    gave_up = Signal()  # the operator cancelled the connection dialog with no window open

    def __init__(
        self,
        settings: Settings,
        *,
        login: str | None = None,
        runner: OperationRunner | None = None,
        demo_leads: int = DEMO_LEADS,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.login = login
        self.runner = runner or OperationRunner()
        self.demo_leads = demo_leads
        self.context: AppContext | None = None
        self.window = None
        self.busy = False
        # Webhooks the keyring could not keep: remembered for this session only.
        self.session_webhooks: dict[str, str] = {}
        self.portal: PortalOpened | None = None
        self.signed: SignIn | None = None

    # ------------------------------------------------------------------ starting

    def start(self, *, demo: bool = False, url: str | None = None) -> bool:
        """Begin opening; False when the operator declined to choose a workspace."""
        if demo:
            self.open_demo()
            return True
        url = url or self.settings.get(opts.LAST_CONNECTION)
        if url:
            self.open_url(url)
            return True
        return self.ask_connection()

    def ask_connection(self, error: str = "", current: str = "") -> bool:
        url = ConnectionDialog.ask(self.settings, error, current, self.window)
        if not url:
            if self.window is None:
                self.gave_up.emit()
            return False
        self.login = None  # a new workspace: its own remembered operator
        if url == ConnectionDialog.DEMO:
            self.open_demo()
        elif url.startswith(ConnectionDialog.NEW):
            self.open_url(url[len(ConnectionDialog.NEW) :], create=True)
        else:
            self.open_url(url, webhook=getattr(url, "webhook", "") or None)
        return True

    def open_demo(self) -> None:
        login = self.login or DEMO_LOGIN
        self.login = login
        leads = self.demo_leads
        self.busy = True
        (
            QueryOp(
                None,
                lambda progress: ensure_demo_workspace(progress, leads),
                lambda path: self.open_url(str(path)),
                runner=self.runner,
            )
            .with_progress(
                QCoreApplication.translate("App", "Creating the demo workspace…"), cancellable=True
            )
            .failure(self._demo_failed)
            .run_in_background()
        )

    def _demo_failed(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, Cancelled):
            if self.window is None:
                self.gave_up.emit()
            return
        if isinstance(exc, KnownError):
            self.ask_connection(error_text(exc))
        else:
            errors.report_bug(self.window, exc)

    def open_url(self, url: str, webhook: str | None = None, *, create: bool = False) -> None:
        url = opts.with_password(normalize_url(str(url)))
        webhook = webhook or self.session_webhooks.get(url)
        login = self.login
        self.busy = True
        (
            QueryOp(
                None,
                lambda progress: _open(url, webhook, progress, create=create, login=login),
                lambda got: self._opened(url, *got, webhook=webhook),
                runner=self.runner,
            )
            .with_progress(
                QCoreApplication.translate("App", "Opening the workspace…"), cancellable=True
            )
            .failure(lambda exc: self._open_failed(url, exc))
            .run_in_background()
        )

    def _open_failed(self, url: str, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, KnownError):
            # The dialog comes back with the reason and the address still filled in.
            self.ask_connection(error_text(exc), url)
        else:
            errors.report_bug(self.window, exc)
            self.ask_connection(
                QCoreApplication.translate(
                    "App", "The workspace could not be opened (see the error)."
                ),
                url,
            )

    def _opened(
        self,
        url: str,
        ws: Workspace,
        signed: SignIn,
        portal: PortalOpened | None = None,
        *,
        webhook: str | None = None,
    ) -> None:
        self.busy = False
        # Proven by the connection (role, account, webhook), or chosen where allowed.
        operator = signed.operator
        if operator is None or (signed.may_choose and self.login not in (None, operator.login)):
            operator = self._choose_operator(url, list(signed.choices))
        if operator is None:
            ws.dispose()
            if self.window is None:
                self.gave_up.emit()
            return
        self.settings.remember_connection(url)
        self.settings.remember_operator(url, operator.login)
        self.settings.sync()
        self.portal = portal
        notes = list(portal.told) if portal is not None else []
        if portal is not None and webhook and portal.stored is not None:
            if not portal.stored.stored:
                self.session_webhooks[url] = webhook  # kept for this session, said below
            notes.append(portal.stored.message)
        self.signed = signed.chosen(operator)
        self._show(ws, operator)
        if notes and self.window is not None:
            self.window.statusBar().showMessage(
                " ".join(translate_message(m) for m in notes), 60000
            )
            problems = [m for m in portal.told if m.template != MSG_RESUMED]
            if problems:  # a merge left open, a portal out of reach: said, not buried
                text = "\n".join(translate_message(m) for m in problems)
                errors.show_known_error(self.window, KnownError(text))

    def _choose_operator(self, url: str, operators: list[OperatorInfo]) -> OperatorInfo | None:
        by_login = {op.login: op for op in operators}
        wanted = self.login
        if wanted and wanted in by_login:
            return by_login[wanted]
        if wanted:
            errors.show_known_error(
                self.window,
                KnownError(
                    QCoreApplication.translate(
                        "App", "There is no operator '{login}' in this workspace; choose one."
                    ).format(login=wanted)
                ),
            )
        remembered = self.settings.operator_for(url)
        if not wanted and remembered in by_login:
            return by_login[remembered]
        if len(operators) == 1:
            return operators[0]
        return SignInDialog.ask(operators, remembered, self.window)

    # ------------------------------------------------------------------ the window

    def _show(self, ws: Workspace, operator: OperatorInfo) -> None:
        from deskdup.views.main_window import MainWindow

        keep_index = (
            self.context is not None and self.context.workspace is ws and self.context.match_index
        )
        old_context, old_window = self.context, self.window
        context = AppContext(
            workspace=ws, operator=operator, settings=self.settings, ops=self.runner
        )
        context.signed = self.signed
        portal = getattr(self, "portal", None)
        if portal is not None and portal.backend.ws is ws:
            context.backend = portal.backend
        if keep_index and old_context is not None:
            context.match_index = old_context.match_index
            context.scan_result = old_context.scan_result
        if old_window is not None:
            old_window.save_state()
        window = MainWindow(context)
        window.open_workspace_requested.connect(self.choose_workspace)
        window.sign_in_requested.connect(self.sign_in_again)
        window.settings_requested.connect(self.edit_settings)
        self.context, self.window = context, window
        if old_window is not None and old_context is not None and old_context.workspace is ws:
            window.adopt_review(old_window)  # a language switch keeps the operator's picks
        window.show()
        window.start()
        window.live.start()  # colleagues' merges, dismissals, undos and claims, live
        if old_window is not None:
            old_window.hide()
            delete_later(old_window)
        if old_context is not None and old_context.workspace is not ws:
            old_context.workspace.dispose()
        self.window_shown.emit(window)

    def choose_workspace(self) -> None:
        current = self.context.workspace.url if self.context else ""
        self.ask_connection("", current)

    def sign_in_again(self) -> None:
        if self.context is None:
            return
        ctx = self.context
        url = ctx.workspace.url
        signed = self.signed
        if signed is not None and signed.proof is Proof.DATABASE_ROLE:
            # Another operator is another role: their own address and password.
            self.ask_connection(
                QCoreApplication.translate(
                    "App",
                    "To sign in as another operator, connect with that operator's own "
                    "database role and password.",
                ),
                url,
            )
            return
        if signed is not None and signed.proof is Proof.WEBHOOK:
            errors.show_known_error(
                self.window,
                KnownError(
                    QCoreApplication.translate(
                        "App",
                        "On a linked portal you act as the webhook's user; to work as another "
                        "operator, open the workspace with that operator's webhook.",
                    )
                ),
            )
            return
        if signed is not None and not signed.may_choose:
            text = translate_message(refusal_to_choose(signed))
            errors.show_known_error(self.window, KnownError(text))
            return

        def chosen(operators: list[OperatorInfo]) -> None:
            picked = SignInDialog.ask(operators, ctx.operator.login, self.window)
            if picked is not None and picked.login != ctx.operator.login:
                self.settings.remember_operator(url, picked.login)
                if self.signed is not None:
                    self.signed = self.signed.chosen(picked)
                self._show(ctx.workspace, picked)

        QueryOp(
            self.window, lambda: workspace_operators(ctx.workspace), chosen, runner=self.runner
        ).run_in_background()

    def edit_settings(self) -> None:
        """The settings dialog, with the team's settings read from the workspace first."""
        if self.context is None:
            return
        ctx = self.context

        def load() -> tuple[TeamSettings, ModelSummary | None]:
            # The model that scored the queue shown, else the one the workspace kept.
            index = ctx.match_index
            model = index.model if index is not None else kept_model(ctx.workspace)
            return load_team_settings(ctx.workspace), summarize(model) if model else None

        QueryOp(self.window, load, self._edit_settings, runner=self.runner).run_in_background()

    def _edit_settings(self, loaded: tuple[TeamSettings, ModelSummary | None]) -> None:
        ctx = self.context
        if ctx is None:
            return
        team, model = loaded
        change = SettingsDialog.ask(
            self.settings, team.review_threshold, self.window, team, ctx.operator.can_undo, model
        )
        if change is None:
            return
        if change.font_changed:
            appearance.apply_font_size(QApplication.instance(), self.settings.get(opts.FONT_SIZE))
        if change.language_changed:
            self.switch_language(self.settings.get(opts.LANGUAGE) or i18n.system_language())
        elif change.font_changed:
            self._show(ctx.workspace, ctx.operator)  # every label takes the new size
        if change.team is not None:
            new, ws, operator_id = change.team, ctx.workspace, ctx.operator.id
            # Saved as a history event (a supervisor's right); then the queue is rebuilt.
            QueryOp(
                self.window,
                lambda: save_team_settings(ws, new, operator_id),
                lambda _event: self._rescan(),
                runner=self.runner,
            ).run_in_background()
        elif change.matching_changed:
            self._rescan()

    def _rescan(self) -> None:
        if self.window is not None and self.context is not None:
            self.context.match_index = None
            self.context.scan_result = None
            self.window.start_scan(full=True)

    def switch_language(self, language: str) -> None:
        """Install the translators and rebuild the window in the new language."""
        i18n.install(language)
        if self.context is not None:
            self._show(self.context.workspace, self.context.operator)

    def shutdown(self) -> None:
        if self.window is not None:
            self.window.save_state()
        self.runner.cancel_all()
        self.runner.wait(10000)
        if self.portal is not None:
            self.portal.backend.close()
        if self.context is not None:
            self.context.workspace.dispose()


def run_gui(args: argparse.Namespace) -> int:
    """Open the window as the command line asks; returns the exit code."""
    app = make_application()
    gc_guard.install(app)  # cycles are collected on the UI thread, never on a worker
    settings = Settings()
    # Light or dark as the desktop says (DESKDUP_COLOR_SCHEME where it says nothing),
    # and the operator's font size.
    appearance.apply_color_scheme(app)
    appearance.install_focus_style(app)  # Tab leaves a visible ring on flat buttons
    appearance.apply_font_size(app, settings.get(opts.FONT_SIZE))
    i18n.install(i18n.choose_language(getattr(args, "lang", None), settings.get(opts.LANGUAGE)))
    errors.install_excepthook()
    controller = AppController(settings, login=getattr(args, "login", None))
    controller.gave_up.connect(lambda: app.exit(1))
    # Until the main window is up, the only windows are dialogs (connection, progress,
    # sign-in); closing the last of them must not end the program, or a failed open
    # followed by a corrected path quits silently with exit code 0 (issue 12.1).
    # Giving up is explicit (``gave_up``); once the window is shown, closing it quits.
    app.setQuitOnLastWindowClosed(False)
    controller.window_shown.connect(lambda _window: app.setQuitOnLastWindowClosed(True))
    if not controller.start(demo=bool(getattr(args, "demo", False)), url=getattr(args, "db", None)):
        return 1
    app.aboutToQuit.connect(controller.shutdown)
    return app.exec()
