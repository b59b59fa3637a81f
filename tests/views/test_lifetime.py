"""delete_later: the Python wrapper lives exactly until Qt has deleted the object."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from deskdup.views import lifetime


class _Probe(QObject):
    def event(self, e):  # a Python override that a dangling wrapper would be asked for
        return super().event(e)


def test_the_wrapper_outlives_the_deferred_delete_and_is_released_after(qapp, qtbot):
    destroyed = []
    before = lifetime.retiring()
    obj = _Probe()
    obj.destroyed.connect(lambda *_: destroyed.append(True))
    lifetime.delete_later(obj)
    lifetime.delete_later(obj)  # twice is harmless
    del obj
    assert lifetime.retiring() == before + 1  # still held: Qt has not deleted it yet
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert destroyed == [True]
    qtbot.waitUntil(lambda: lifetime.retiring() == before, timeout=2000)
