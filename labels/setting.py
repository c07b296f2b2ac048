"""Which printer a station's labels go to, and the printer object for it."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from labels.printing import CupsPrinter, FolderPrinter, LabelPrinter, PrintError, Problem
from labels.zpl import ZebraPrinter

PRINTER_KINDS = ("cups", "qt", "zebra", "folder")


@dataclass(frozen=True)
class PrinterSetting:
    """Which printer a station's labels go to: `kind` and what that kind needs."""

    kind: str  # one of PRINTER_KINDS
    name: str = ""  # the CUPS queue or the Qt printer
    host: str = ""  # a Zebra's host name or IP address
    port: int = 9100
    dpi: int = 203
    folder: str = ""  # where PDF files go

    def describe(self) -> str:
        """The printer as the gate names it."""
        if self.kind == "zebra":
            return f"Zebra {self.host}:{self.port}"
        if self.kind == "folder":
            return self.folder
        return self.name

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> PrinterSetting:
        return cls(**json.loads(text))


def open_printer(setting: PrinterSetting) -> LabelPrinter:
    """The printer object for `setting`; a Qt printer is the app's (`ui.qt_printer`)."""
    if setting.kind == "cups":
        return CupsPrinter(setting.name)
    if setting.kind == "zebra":
        return ZebraPrinter(setting.host, setting.port, dpi=setting.dpi)
    if setting.kind == "folder":
        return FolderPrinter(Path(setting.folder))
    raise PrintError(f"no {setting.kind!r} printer here: it needs the touchscreen app",
                     Problem.SETUP)
