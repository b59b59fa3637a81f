"""Dark mode, contrast of the comparison's colours, and the font size setting."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from deskdup.views import appearance
from deskdup.views.appearance import contrast_ratio, dark_palette, over, secondary_text
from deskdup.views.compare import cells
from deskdup.views.settings import FONT_SIZE, Settings
from deskdup.views.settings_dialog import SettingsDialog

Role = QPalette.ColorRole
TINTS = ("DIFFERS_TINT", "RESULT_TINT", "PRIMARY_TINT", "CURRENT_TINT")
AA_TEXT = 4.5  # WCAG 2 AA, normal text
AA_GRAPHICS = 3.0  # WCAG 2.1, lines and icons that carry meaning


def test_contrast_ratio_is_the_wcag_measure():
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("red"), QColor("red")) == pytest.approx(1.0)


@pytest.fixture(params=["light", "dark"])
def palette(request, qapp) -> QPalette:
    if request.param == "dark":
        return dark_palette()
    return QApplication.style().standardPalette()


@pytest.mark.parametrize("background", [Role.Window, Role.Base])
def test_the_comparison_colours_read_on_light_and_dark_palettes(palette, background):
    bg = palette.color(background)
    text = palette.color(Role.WindowText)
    grey = secondary_text(palette)
    for name in TINTS:
        tinted = over(getattr(cells, name), bg)
        assert contrast_ratio(text, tinted) >= AA_TEXT, name
    # Greyed details sit in the lead headers (the primary's tinted), the merged
    # column and the sections; never on a value cell's tints.
    for tinted in (bg, over(cells.PRIMARY_TINT, bg), over(cells.RESULT_TINT, bg)):
        assert contrast_ratio(grey, tinted) >= AA_TEXT, tinted.name()
    differs = over(cells.DIFFERS_TINT, bg)
    dark = appearance.is_dark(palette)
    # The outline of the chosen value, the merged column's line, the current field's bar.
    assert contrast_ratio(cells.CHOSEN_BORDER[dark], differs) >= AA_GRAPHICS
    assert contrast_ratio(cells.RESULT_LINE[dark], over(cells.RESULT_TINT, bg)) >= AA_GRAPHICS
    assert contrast_ratio(palette.color(Role.Highlight), bg) >= AA_GRAPHICS


def test_the_palettes_are_what_they_say(qapp):
    assert appearance.is_dark(dark_palette())
    assert not appearance.is_dark(QApplication.style().standardPalette())


def test_asking_for_dark_where_the_system_says_nothing_gives_a_dark_palette(qapp):
    style, palette = qapp.style().name(), qapp.palette()
    try:
        assert appearance.apply_color_scheme(qapp, "dark") == "dark"
        assert appearance.is_dark(qapp.palette())
        assert appearance.apply_color_scheme(qapp, "light") == "light"
        assert not appearance.is_dark(qapp.palette())
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)


def test_the_font_size_setting_is_applied_to_the_application(qtbot, qapp, tmp_path):
    settings = Settings(tmp_path / "settings.ini")
    original = qapp.font()
    dialog = SettingsDialog(settings, 0.5)
    qtbot.addWidget(dialog)
    assert dialog.font_size.text() == "As the system"  # 0: the desktop's own size
    dialog.font_size.setValue(18)
    change = dialog.apply()
    assert change.font_changed
    assert settings.get(FONT_SIZE) == 18
    try:
        appearance.apply_font_size(qapp, settings.get(FONT_SIZE))
        assert qapp.font().pointSize() == 18
        again = SettingsDialog(settings, 0.5)
        qtbot.addWidget(again)
        assert again.font_size.value() == 18
        assert not again.apply().font_changed
        again.font_size.setValue(again.font_size.minimum())
        assert again.apply().font_changed
        assert settings.get(FONT_SIZE) == 0
        appearance.apply_font_size(qapp, 0)
        assert qapp.font().pointSize() == original.pointSize()
    finally:
        qapp.setFont(original)


def test_plain_icons_keep_3_to_1_on_light_and_dark(palette):
    from deskdup.views import channel_badges, icons

    dark = appearance.is_dark(palette)
    for background in (palette.color(Role.Window), palette.color(Role.Base)):
        neutral = QColor(channel_badges._colour(channel_badges._NEUTRAL, dark))
        assert contrast_ratio(neutral, background) >= AA_GRAPHICS
        assert contrast_ratio(QColor(icons._PLAIN[dark]), background) >= AA_GRAPHICS
