"""Sizes and colours for gloved hands in sunlight: big targets, high contrast, no hover.

Sizes are given in millimetres and turned into pixels for the screen at hand, so that a 15 mm
target is 15 mm on a 10-inch tablet and on a 24-inch monitor alike.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

MIN_TARGET_MM = 15.0
BUTTON_MM = 15.0

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
_COLOURED_ROLES = ("primary", "danger", "tile")  # their own colours would hide the disabled look


def mm(value: float) -> int:
    """Pixels for `value` millimetres on the primary screen (never below 96 dpi's worth)."""
    screen = QGuiApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
    return round(value * max(dpi, 96.0) / 25.4)


def stylesheet() -> str:
    """The app-wide Qt style sheet."""
    target = mm(BUTTON_MM)
    return f"""
    QWidget {{ background: {PAPER}; color: {INK}; font-size: {mm(5)}px; }}
    QLabel[role="title"] {{ font-size: {mm(8)}px; font-weight: bold; }}
    QLabel[role="big"] {{ font-size: {mm(14)}px; font-weight: bold; }}
    QLabel[role="muted"] {{ color: {MUTED}; }}
    QLabel[role="banner-ok"] {{ background: {OK}; color: white; font-weight: bold;
        padding: {mm(2)}px; border-radius: {mm(1.5)}px; }}
    QLabel[role="banner-error"] {{ background: {DANGER}; color: white; font-weight: bold;
        padding: {mm(2)}px; border-radius: {mm(1.5)}px; }}
    QLabel[role="display"] {{ font-size: {mm(12)}px; font-weight: bold; border: 3px solid {LINE};
        border-radius: {mm(1.5)}px; padding: {mm(1)}px {mm(3)}px; }}
    QPushButton {{ min-height: {target}px; min-width: {target}px; border: 3px solid {LINE};
        border-radius: {mm(2)}px; background: #f2f2f2; font-weight: bold;
        padding: {mm(1)}px {mm(3)}px; }}
    QPushButton:pressed {{ background: {SELECTED}; }}
    QPushButton:checked {{ background: {SELECTED}; border-width: 5px; }}
    QPushButton:disabled {{ {DISABLED} }}
    QPushButton[role="primary"] {{ background: {INK}; color: white; }}
    QPushButton[role="danger"] {{ background: {DANGER}; color: white; border-color: {DANGER}; }}
    {"".join(
        f'QPushButton[route="{route}"] {{ background: {colour}; color: white; '
        f'border-color: {colour}; }} '
        for route, colour in ROUTE_COLOURS.items()
    )}
    {", ".join([*(f'QPushButton[role="{role}"]:disabled' for role in _COLOURED_ROLES),
                 *(f'QPushButton[route="{route}"]:disabled' for route in ROUTE_COLOURS)])}
        {{ {DISABLED} }}
    QPushButton[role="key"] {{ font-size: {mm(8)}px; }}
    QPushButton[role="key-text"] {{ padding: 0px; }}
    QPushButton[role="tile"] {{ background: white; font-size: {mm(4.5)}px;
        padding: {mm(1)}px; text-align: center; }}
    QPushButton[role="tile"]:checked {{ background: {SELECTED}; }}
    QFrame[role="tile-frame"] {{ border: 3px solid {LINE}; border-radius: {mm(2)}px; }}
    QFrame[role="tile-frame"] QLabel {{ border: none; font-size: {mm(3.6)}px; }}
    QFrame[role="tile-frame"] QLabel[role="title"] {{ font-size: {mm(6.5)}px; }}
    QFrame[role="overlay"] {{ background: rgba(0, 0, 0, 150); }}
    QFrame[role="panel"] {{ background: {PAPER}; border: 4px solid {LINE};
        border-radius: {mm(3)}px; }}
    QScrollBar:vertical {{ width: {mm(10)}px; }}
    QListWidget {{ border: 3px solid {LINE}; font-size: {mm(5)}px; }}
    QListWidget::item {{ min-height: {mm(MIN_TARGET_MM)}px; border-bottom: 1px solid #cccccc; }}
    QListWidget::item:selected {{ background: {SELECTED}; color: {INK}; }}
    """
