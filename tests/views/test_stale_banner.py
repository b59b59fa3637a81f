"""A merge refused because a lead changed says, in the window, that the view reloaded
(the service's words no longer say so: the command line has no view; issue 11.15)."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from deskdup.models import Lead
from deskdup.views import i18n
from tests.views.compare_group import four_channel_group, make_view, show

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.mark.parametrize(
    ("language", "said"), [("en", "The view has been reloaded."), ("ru", "Данные обновлены.")]
)
def test_the_window_says_it_reloaded(qtbot, workspace, runner, shown, language, said):
    i18n.install(language)
    try:
        ids, ops = four_channel_group(workspace)
        view = make_view(qtbot, workspace, ops["anna"], runner)
        show(qtbot, view, ids[:2])
        with workspace.session() as s:
            s.execute(update(Lead).where(Lead.id == ids[1]).values(version=Lead.version + 1))
        with qtbot.waitSignal(view.group_loaded, timeout=10000):
            view.merge()
        text = view.banner.text()
        assert "W-102" in text
        assert text.endswith(said)
    finally:
        i18n.install("en")
