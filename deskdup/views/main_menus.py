"""The main window's menu bar: File, Review, View and Help.

The actions are set on the window (``window.open_action``, ``window.file_menu``…),
where the window enables them and the tests reach them; the Review menu holds the
comparison view's own actions (keys from ``shortcuts.py``), which it enables.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu

from deskdup.views import icons
from deskdup.views.shortcuts import ReviewAction

if TYPE_CHECKING:
    from deskdup.views.main_window import MainWindow

QUEUE_TAB, LEADS_TAB, HISTORY_TAB = 0, 1, 2


class WindowMenus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._build()

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcut: str | QKeySequence.StandardKey | None = None,
        icon: str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self._window)
        if icon:
            action.setIcon(icons.action_icon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build(self) -> None:
        w = self._window
        menus = w.menuBar()
        w.file_menu = menus.addMenu(self.tr("&File"))
        w.open_action = self._action(
            self.tr("&Open workspace…"),
            w.open_workspace_requested.emit,
            QKeySequence.StandardKey.Open,
            "open",
        )
        w.import_action = self._action(
            self.tr("&Import…"),
            w.import_export,
            "Ctrl+I",
            "import",
            self.tr("Import leads or contacts from a CRM export (CSV or XLSX, Bitrix24's too)"),
        )
        w.sign_in_action = self._action(
            self.tr("Sign in as another operator…"), w.sign_in_requested.emit, None, "sign_in"
        )
        w.settings_action = self._action(
            self.tr("&Settings…"), w.settings_requested.emit, "Ctrl+,", "settings"
        )
        w.quit_action = self._action(self.tr("&Quit"), w.close, "Ctrl+Q", "quit")
        for action in (w.open_action, w.import_action, w.sign_in_action):
            w.file_menu.addAction(action)
        w.file_menu.addSeparator()
        w.file_menu.addAction(w.settings_action)
        w.file_menu.addSeparator()
        w.file_menu.addAction(w.quit_action)

        w.review_menu = menus.addMenu(self.tr("&Review"))
        w.scan_action = self._action(
            self.tr("&Scan for duplicates"),
            lambda: w.start_scan(full=True),
            "F5",
            "scan",
            self.tr("Read every lead again and rebuild the review queue"),
        )
        # The comparison view's own actions (keys from shortcuts.py), enabled by it.
        review = w.compare.actions
        w.review_menu.addAction(w.scan_action)
        w.review_menu.addSeparator()
        w.review_menu.addAction(review[ReviewAction.NEXT_GROUP])
        w.review_menu.addAction(review[ReviewAction.PREVIOUS_GROUP])
        w.review_menu.addAction(w.leads.compare_action)
        w.review_menu.addAction(w.leads.bind_action)
        w.review_menu.addSeparator()
        for action in (
            ReviewAction.MERGE,
            ReviewAction.BIND,
            ReviewAction.DISMISS,
            ReviewAction.SKIP,
            ReviewAction.UNDO,
        ):
            w.review_menu.addAction(review[action])
        w.review_menu.addSeparator()
        w.review_menu.addAction(review[ReviewAction.CONVERSATION])

        w.view_menu = menus.addMenu(self.tr("&View"))
        w.view_menu.addAction(
            self._action(self.tr("Review &queue"), lambda: w.reveal_tab(QUEUE_TAB), "Alt+1")
        )
        w.view_menu.addAction(
            self._action(self.tr("&Leads"), lambda: w.reveal_tab(LEADS_TAB), "Alt+2")
        )
        w.view_menu.addAction(
            self._action(self.tr("&History"), lambda: w.reveal_tab(HISTORY_TAB), "Alt+3")
        )
        w.view_menu.addAction(review[ReviewAction.FOLD_QUEUE])
        w.view_menu.addAction(
            self._action(
                self.tr("&Find a lead"), w.focus_search, QKeySequence.StandardKey.Find, "search"
            )
        )

        w.help_menu = menus.addMenu(self.tr("&Help"))
        w.help_menu.addAction(review[ReviewAction.CHEAT_SHEET])
        w.help_menu.addAction(self._action(self.tr("&About deskdup"), w.show_about, None, "about"))
        self._latin_menu_keys()

    def _latin_menu_keys(self) -> None:
        """Alt+F, Alt+R, Alt+V, Alt+H open the menus in every language.

        The Russian titles' mnemonics are Cyrillic (&Файл: Alt+Ф), which an operator
        on the Latin layout cannot press; she pressed Alt+F and nothing opened.
        """
        w = self._window
        for menu, letter in (
            (w.file_menu, "F"),
            (w.review_menu, "R"),
            (w.view_menu, "V"),
            (w.help_menu, "H"),
        ):
            if f"&{letter}".casefold() in menu.title().casefold():
                continue  # the title's own mnemonic already is this letter
            key = QShortcut(QKeySequence(f"Alt+{letter}"), w)
            key.activated.connect(lambda m=menu: self._open_menu(m))

    def _open_menu(self, menu: QMenu) -> None:
        self._window.menuBar().setActiveAction(menu.menuAction())
