"""Sizes and colours for gloved hands in sunlight: big targets, high contrast, no hover.

Sizes are given in millimetres and turned into pixels for the panel at hand, so that a 15 mm
target is 15 mm on a 10-inch tablet and on a 24-inch monitor alike. A panel smaller than the
design (`DESIGN_MM`) gets everything a little smaller, down to 11 mm targets at the least
(`fit_panel`), rather than buttons off-screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication

MIN_TARGET_MM = 15.0
SMALLEST_TARGET_MM = 11.0  # the floor on a small panel: still a gloved fingertip
BUTTON_MM = 15.0
APART_MM = 4.0  # between buttons that do different things
SIDE_PADDING_MM = 2.0  # between a button's text and its border: 1.5 mm looked cut off
# The status strip (ui/widgets/status_strip.py): its parts are targets like any button, 4 mm
# from the screen's own. Under the screens where the panel has the height for it, else (a
# 10-inch 16:10 panel) a column beside them, which shows each part by its icon.
STRIP_MM = APART_MM + BUTTON_MM
STRIP_SIDE_MM = 25.0  # 4 mm from the screens, a 15 mm part, the screens' 4 mm margin at the edge
# What every screen needs at full size (width, height). 181 mm high, so that a 10-inch panel
# (1280 x 800 at 150 dpi, the strip beside) keeps its targets at 11 mm, not 10.7.
SCREENS_MM = (270.0, 181.0)
# The area the window needs at full size, the strip included, under or beside the screens;
# tests/test_fit.py holds every screen and panel to it at the smallest density.
DESIGN_MM = (SCREENS_MM[0], SCREENS_MM[1] + STRIP_MM)
# Beside the screens, their height keeps 4 mm to spare: on a 10-inch panel at the smallest
# density every size rounds to whole pixels, which costs the screens about that much.
DESIGN_BESIDE_MM = (SCREENS_MM[0] + STRIP_SIDE_MM, SCREENS_MM[1] + APART_MM)

INK = "#111111"
PAPER = "#ffffff"
MUTED = "#444444"
LINE = "#111111"
SELECTED = "#ffd400"  # a yellow that reads in sunlight, with black text
ROUTE_COLOURS = {"sale": "#0b7a2a", "repair": "#c25400", "material": "#1f4fb8"}
DANGER = "#b00020"
OK = "#0b7a2a"
# Disabled controls, whatever their role: grey, but still readable (WCAG 3:1 at least, for
# the text against the button and for the border against the page).
DISABLED_INK = "#5f5f5f"
DISABLED_PAPER = "#ececec"
DISABLED_LINE = "#7a7a7a"
DISABLED = (f"color: {DISABLED_INK}; background: {DISABLED_PAPER}; "
            f"border-color: {DISABLED_LINE}; border-style: dashed;")
# Their own colours would hide the disabled look.
_COLOURED_ROLES = ("primary", "danger", "tile", "status", "status-bad")


@dataclass(frozen=True)
class PanelFit:
    """How millimetres become pixels on this panel: its pixels per mm, and the density (1, or
    down to 11/15 on a panel smaller than the design) every size is multiplied by."""

    px_per_mm: float
    density: float = 1.0
    strip_beside: bool = False  # the status strip is a column beside the screens


# What the event loop exits with to have the app built again at a new size (ui/app.py).
RESTART = 75
_fit: PanelFit | None = None  # None: measure the primary screen at each call, at full size


def screen_dpi() -> float:
    """The primary screen's physical dpi as it reports it, never below 96."""
    screen = QGuiApplication.primaryScreen()
    return max(screen.physicalDotsPerInch() if screen is not None else 96.0, 96.0)


def fit_panel(width_px: int, height_px: int, *, dpi: float | None = None,
              scale_percent: int = 100) -> PanelFit:
    """Fit the sizes to a window of `width_px` x `height_px` from now on, and return the fit.

    `dpi` is the panel's real density when it misreports it (`--panel-dpi`); otherwise the
    screen's own. `scale_percent` is the station's size setting: 150 makes a millimetre half
    as large again, for a panel that says it is larger than it is. Screens measure their sizes
    when they are built: build the window after this.
    """
    global _fit
    panel_px_per_mm = (dpi or screen_dpi()) * scale_percent / 100 / 25.4
    under = _fitted(width_px, height_px, panel_px_per_mm, DESIGN_MM, beside=False)
    beside = _fitted(width_px, height_px, panel_px_per_mm, DESIGN_BESIDE_MM, beside=True)
    # The strip goes where the targets stay largest (a wide panel: beside); under if equal.
    wider = beside.density * beside.px_per_mm > under.density * under.px_per_mm + 1e-9
    _fit = beside if wider else under
    return _fit


def _fitted(width_px: int, height_px: int, px_per_mm: float, design: tuple[float, float], *,
            beside: bool) -> PanelFit:
    smallest = SMALLEST_TARGET_MM / MIN_TARGET_MM
    # A size that would not fit even at the smallest density is cut to the largest that does:
    # off-screen buttons are worse than targets a little under 11 mm on a very small panel.
    px_per_mm = min(px_per_mm, width_px / (design[0] * smallest),
                    height_px / (design[1] * smallest))
    room = min(width_px / px_per_mm / design[0], height_px / px_per_mm / design[1])
    return PanelFit(px_per_mm, max(smallest, min(1.0, room)), beside)


def use_fit(fit: PanelFit | None) -> None:
    """Go back to an earlier fit (None: the primary screen at full size)."""
    global _fit
    _fit = fit


def current_fit() -> PanelFit:
    return _fit or PanelFit(screen_dpi() / 25.4)


def apart() -> int:
    """Pixels between buttons that do different things: 4 mm at any density, since a slip of
    the finger costs the same on a small panel."""
    return round(APART_MM * current_fit().px_per_mm)


def mm(value: float) -> int:
    """Pixels for `value` millimetres on the panel (see `fit_panel`)."""
    fit = current_fit()
    return round(value * fit.px_per_mm * fit.density)


def stylesheet() -> str:
    """The app-wide Qt style sheet."""
    # Qt's min-height is the contents' height: the padding and border come on top of it, and
    # the whole button is the 15 mm target. No min-width: a width set there would let layouts
    # squeeze a button below its text (Qt takes it for the least width); the text sets it.
    padding, border = mm(1), 3
    target = mm(BUTTON_MM) - 2 * (padding + border)
    return f"""
    QWidget {{ background: {PAPER}; color: {INK}; font-size: {mm(4.5)}px; }}
    QLabel[role="title"] {{ font-size: {mm(7)}px; font-weight: bold; }}
    QLabel[role="big"] {{ font-size: {mm(14)}px; font-weight: bold; }}
    QLabel[role="muted"] {{ color: {MUTED}; }}
    QWidget[role="strip"] {{ background: #e6e6e6; }}
    QLabel[role="hint"] {{ font-size: {mm(5.5)}px; font-weight: bold; }}
    QLabel[role="demo"] {{ background: {SELECTED}; color: {INK}; font-weight: bold;
        border: 3px solid {LINE}; border-radius: {mm(1.5)}px; padding: {mm(1)}px {mm(2)}px; }}
    QLabel[role="banner-ok"] {{ background: {OK}; color: white; font-weight: bold;
        padding: {mm(1)}px {mm(2)}px; border-radius: {mm(1.5)}px; }}
    QLabel[role="banner-do"] {{ background: {SELECTED}; color: {INK}; font-weight: bold;
        padding: {mm(1)}px {mm(2)}px; border-radius: {mm(1.5)}px; border: 3px solid {INK}; }}
    QLabel[role="banner-error"] {{ background: {DANGER}; color: white; font-weight: bold;
        padding: {mm(1)}px {mm(2)}px; border-radius: {mm(1.5)}px; }}
    QLabel[role="display"] {{ font-size: {mm(10)}px; font-weight: bold; border: 3px solid {LINE};
        border-radius: {mm(1.5)}px; padding: 0px {mm(3)}px; }}
    QPushButton {{ min-height: {target}px;
        border: {border}px solid {LINE}; border-radius: {mm(2)}px; background: #f2f2f2;
        font-weight: bold; padding: {padding}px {mm(SIDE_PADDING_MM)}px; }}
    QPushButton:pressed {{ background: {SELECTED}; }}
    QPushButton:checked {{ background: {SELECTED}; border-width: {border + 2}px;
        padding: {padding - 2}px {mm(SIDE_PADDING_MM) - 2}px; }}
    QPushButton:disabled {{ {DISABLED} }}
    QPushButton[role="primary"] {{ background: {INK}; color: white; }}
    QPushButton[role="danger"] {{ background: {DANGER}; color: white; border-color: {DANGER}; }}
    QPushButton[role="status"] {{ background: {PAPER}; color: {INK}; font-size: {mm(4)}px; }}
    QPushButton[role="status-bad"] {{ background: {PAPER}; color: {DANGER};
        border-color: {DANGER}; font-size: {mm(4)}px; }}
    {"".join(
        f'QPushButton[route="{route}"] {{ background: {colour}; color: white; '
        f'border-color: {colour}; }} '
        for route, colour in ROUTE_COLOURS.items()
    )}
    {", ".join([*(f'QPushButton[role="{role}"]:disabled' for role in _COLOURED_ROLES),
                 *(f'QPushButton[route="{route}"]:disabled' for route in ROUTE_COLOURS)])}
        {{ {DISABLED} }}
    QPushButton[role="key"] {{ font-size: {mm(8)}px; }}
    QPushButton[role="key-text"] {{ padding: 0px; font-size: {mm(3.8)}px; }}
    QPushButton[role="tile"] {{ background: white; font-size: {mm(4.5)}px;
        padding: {mm(1)}px; text-align: center; }}
    QPushButton[role="tile"]:checked {{ background: {SELECTED}; }}
    QPushButton[role="tile"] QLabel {{ font-size: {mm(3.8)}px; }}
    QFrame[role="tile-frame"] {{ border: 3px solid {LINE}; border-radius: {mm(2)}px; }}
    QFrame[role="overlay"] {{ background: rgba(0, 0, 0, 150); }}
    QFrame[role="saved"] {{ background: #e3f4e7; border: 4px solid {OK};
        border-radius: {mm(3)}px; }}
    QFrame[role="saved"] QLabel {{ background: transparent; }}
    QFrame[role="saved"] QLabel[role="big"] {{ color: {OK}; }}
    QFrame[role="panel"] {{ background: {PAPER}; border: 4px solid {LINE};
        border-radius: {mm(3)}px; }}
    QScrollBar:vertical {{ width: {mm(10)}px; background: #e6e6e6; margin: 0px; }}
    QScrollBar::handle:vertical {{ background: {MUTED}; min-height: {mm(12)}px;
        border-radius: {mm(1.5)}px; margin: {mm(1)}px; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; }}
    QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
    QListWidget {{ border: 3px solid {LINE}; font-size: {mm(4.5)}px; }}
    QListWidget::item {{ min-height: {mm(MIN_TARGET_MM)}px; border-bottom: 1px solid #cccccc; }}
    QListWidget::item:selected {{ background: {SELECTED}; color: {INK}; }}
    """
