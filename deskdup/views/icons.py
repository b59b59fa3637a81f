"""Icons of the window's actions and of the channels (qtawesome fonts, no files).

Channel icons come from ``channel_badges`` (shared with the comparison view) so
a channel looks the same everywhere.
"""

from __future__ import annotations

from functools import cache

import qtawesome as qta
from PySide6.QtGui import QIcon

from deskdup.models import Channel
from deskdup.views.channel_badges import channel_icon

__all__ = ["action_icon", "channel_icon", "channel_icons"]

_ACTIONS = {
    "open": "fa5s.folder-open",
    "import": "fa5s.file-import",
    "sign_in": "fa5s.user",
    "settings": "fa5s.cog",
    "quit": "fa5s.sign-out-alt",
    "scan": "fa5s.sync-alt",
    "next": "fa5s.arrow-down",
    "previous": "fa5s.arrow-up",
    "compare": "fa5s.columns",
    "keys": "fa5s.keyboard",
    "about": "fa5s.info-circle",
    "search": "fa5s.search",
    "cancel": "fa5s.times",
    "lock": "fa5s.lock",
    "reviewing": "fa5s.user-clock",  # a colleague has the group open
}


# The lock is a warning (the comparison view draws its locks red too).
_COLORS = {"lock": "#C62828", "reviewing": "#EF6C00"}


@cache
def action_icon(name: str) -> QIcon:
    return qta.icon(_ACTIONS[name], color=_COLORS.get(name, "#455A64"))


def channel_icons(channels: list[Channel]) -> list[QIcon]:
    return [channel_icon(c) for c in channels]
