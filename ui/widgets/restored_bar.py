"""Above every screen of a station restored from a backup, until a sync round gave its own
steps back from the hub (`db/hub_restore.py`): what is so, in one sentence, and 'Sync now'.
The gate, the till and every other screen refuse a step meanwhile with the same sentence."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.context import AppContext
from ui.widgets.base import Retranslating


class RestoredBar(Retranslating, QWidget):
    """The sentence and 'Sync now'; hidden unless the station waits since a restore."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel(self)
        self.text.setProperty("role", "banner-error")
        self.text.setWordWrap(True)
        self.sync_button = QPushButton(self)
        self.sync_button.setProperty("role", "primary")
        self.sync_button.clicked.connect(self.sync_now)
        row.addWidget(self.text, 1)
        row.addWidget(self.sync_button)
        self.syncing = False  # 'Sync now' was tapped and its round has not ended
        ctx.sync.changed.connect(self.refresh)
        ctx.sync.round_done.connect(self._round_ended)
        ctx.sync.round_failed.connect(self._round_ended)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.text.setText(self.tr("This PC was restored from a backup: first sync with the "
                                  "hub."))
        self.refresh()

    def refresh(self) -> None:
        state = self.ctx.sync.state()
        self.setVisible(state is not None and state.restored)
        self.sync_button.setEnabled(not self.syncing)
        self.sync_button.setText(self.tr("Syncing…") if self.syncing else self.tr("Sync now"))

    def sync_now(self) -> None:
        self.syncing = True
        self.ctx.sync.request()
        self.refresh()

    def _round_ended(self, _outcome: object) -> None:
        self.syncing = False
        self.refresh()
