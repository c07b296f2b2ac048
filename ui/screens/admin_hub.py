"""Settings → Station → Stations (Koppeling): this station's link with its site's hub, and
joining one by taps (issue 13, docs/stations.md).

Joined, the section shows the site, the station's letter, "Connected" or since when the hub
is out of reach, the steps waiting and the last contact, and "Sync now" runs a round and says
what went each way. Not joined, "Join" asks for the join code (typed on the app's keyboard
or scanned from its QR code) and runs the join on the sync's worker, never on the UI thread;
the first round then brings the site's history in, with its progress shown.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from intake.errors import AmbachtError
from intake.hub_address import read_hub
from intake.hub_join import SITE_NAME_MAX, Joined
from intake.hub_sync import Flow, SyncReport
from ui.screens.admin_base import Section
from ui.widgets.keyboard import TextEntryPanel
from ui.widgets.panels import ConfirmPanel

# A join code is base64 (letters, digits, '-', '_') after 'AMBACHT1.'; an administrator's
# URL also needs ':/@?=&%'.
_CODE_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl-_", "zxcvbnm.:/@", "?=&%+")
_CODE_MAX = 1000
log = logging.getLogger("ambacht")
_LINE = 48  # characters of the code per line shown: a code has no spaces to wrap at


class JoinCodePanel(TextEntryPanel):
    """A join code (or the hub administrator's URL): typed with Shift as a caps lock, since a
    code mixes cases, or scanned from its QR code or barcode (`MainWindow.on_scan` hands a
    scan to an open panel that takes scans). Shown in lines, as it has no spaces."""

    takes_scans = True

    def __init__(self, host: QWidget, title: str) -> None:
        super().__init__(host, title, max_length=_CODE_MAX, rows=_CODE_ROWS, machine_name=True)
        self._code = ""

    def text(self) -> str:
        return self._code

    def type_text(self, text: str) -> None:
        self._show((self._code + (text.upper() if self._shift else text))[:_CODE_MAX])

    def backspace(self) -> None:
        self._show(self._code[:-1])

    def handle_scan(self, code: str) -> None:
        """A scanned code is the answer."""
        self._show(code.strip()[:_CODE_MAX])
        self._accept()

    def _show(self, code: str) -> None:
        self._code = code
        self.display.setText("\n".join(code[at:at + _LINE] for at in range(0, len(code), _LINE)))


class HubSection(Section):
    """This station's hub: its state, 'Join' when it has none, 'Sync now' when it has."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.join_button = self.add_button(self.start_join)
        self.sync_button = self.add_button(self.sync_now)
        self.finish_buttons()
        self._working = ""  # what runs now ('joining', 'syncing'), shown as the first row
        self._asked = False  # a round's outcome is said only when someone asked for it
        sync = self.ctx.sync
        sync.changed.connect(self._changed)
        sync.progress.connect(self._progress)
        sync.round_done.connect(self._round_done)
        sync.round_failed.connect(self._round_failed)
        sync.joined.connect(self._joined)
        sync.join_failed.connect(self._join_failed)
        self.retranslate()

    def retranslate(self) -> None:
        self.join_button.setText(self.tr("Join a hub"))
        self.sync_button.setText(self.tr("Sync now"))
        self.refresh()

    def refresh(self) -> None:
        state = self.ctx.sync.state()
        lang, zone = self.ctx.language, self.ctx.zone()
        rows: list[tuple[str, object]] = [(self._working, "working")] if self._working else []
        if state is None:
            rows += [(self.tr("This station works on its own: it has not joined a hub."), None),
                     (self.tr("To join, ask the coordinator for a join code ('ambacht hub "
                              "invite --site NAME') and tap 'Join a hub'."), None)]
        else:
            if state.offline_since is not None:
                link = self.tr("Offline since {when}").format(
                    when=lang.local(state.offline_since, zone))
            elif state.last_contact is None:
                link = self.tr("Connecting")
            else:
                link = self.tr("Connected")
            contact = (self.tr("Last contact with the hub: {when}").format(
                when=lang.local(state.last_contact, zone)) if state.last_contact
                else self.tr("No contact with the hub yet"))
            waiting = self.tr("Steps waiting to be sent: {count}").format(count=state.waiting)
            if state.config_waiting:
                waiting += " · " + self.tr("settings waiting to be sent")
            rows += [(self.tr("Site: {site}").format(site=state.site), None),
                     (self.tr("This station's letter: {letter}").format(letter=state.letter),
                      None),
                     (link, None), (waiting, None), (contact, None),
                     (self.tr("Hub: {hub}").format(hub=state.hub), None)]
        self.set_rows(rows)

    def update_buttons(self) -> None:
        joined = self.ctx.sync.state() is not None
        self.join_button.setVisible(not joined)
        self.join_button.setEnabled(not self._working)
        self.sync_button.setVisible(joined)
        self.sync_button.setEnabled(not self._working)

    # --- joining ---------------------------------------------------------------------------

    def start_join(self) -> None:
        panel = JoinCodePanel(self, self.tr("Join code: type it, or scan its QR code"))
        panel.entered.connect(self._code_entered)
        panel.open()

    def _code_entered(self, code: str) -> None:
        """A join code names its site: confirm it. The administrator's URL: ask the site."""
        try:
            address = read_hub(code)
        except AmbachtError as exc:
            self.message.emit(self.ctx.language.error(exc), True)
            return
        if not address.site:
            self.ask_text(self.tr("Site name (as on the hub)"),
                          self.ctx.settings().get("site_name", ""),
                          lambda site: self._join(code, site), max_length=SITE_NAME_MAX)
            return
        panel = ConfirmPanel(self, self.tr("Join site {site} as a station of it? This "
                                           "station's history goes up to the hub.").format(
            site=address.site), self.tr("Join"), self.tr("Cancel"))
        panel.answered.connect(lambda yes: self._join(code, address.site) if yes else None)
        panel.open()

    def _join(self, code: str, site: str) -> None:
        self._working = self.tr("Joining the hub…")
        self.message.emit(self._working, False)
        self.refresh()
        self.ctx.sync.join(code, site)

    def _joined(self, joined: Joined) -> None:
        self._working, self._asked = self.tr("Bringing the site's history in…"), True
        self.message.emit(self.tr("Joined: this is station {letter}. The site's history "
                                  "comes in now.").format(letter=joined.letter), False)
        self.refresh()

    def _join_failed(self, exc: Exception) -> None:
        self._working = ""
        self.message.emit(self._error(exc), True)
        self.refresh()

    # --- syncing ---------------------------------------------------------------------------

    def sync_now(self) -> None:
        self._working, self._asked = self.tr("Syncing…"), True
        self.refresh()
        self.ctx.sync.request()

    def _progress(self, report: SyncReport) -> None:
        if self._working:
            self._working = self.tr("Syncing: {received} steps in, {sent} sent so far…").format(
                received=report.received.events, sent=report.sent.events)
            self.refresh()

    def _round_done(self, report: SyncReport) -> None:
        if self._asked:
            self.message.emit(self.tr("Sent: {sent}. Received: {received}.").format(
                sent=self._flow(report.sent), received=self._flow(report.received)), False)
        self._working, self._asked = "", False
        self.refresh()

    def _round_failed(self, exc: Exception) -> None:
        if self._asked:
            self.message.emit(self._error(exc), True)
        self._working, self._asked = "", False
        self.refresh()

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def _flow(self, flow: Flow) -> str:
        return self.tr("{events} steps, {visits} visits, {shipments} delivery notes, "
                       "{config} settings and lists").format(
            events=flow.events, visits=flow.visits, shipments=flow.shipments,
            config=flow.config)

    def _error(self, exc: Exception) -> str:
        if isinstance(exc, AmbachtError):
            return self.ctx.language.error(exc)
        log.error("joining or syncing with the hub failed", exc_info=exc)
        return self.tr("Something unexpected went wrong; nothing was changed. The log has "
                       "the details.")
