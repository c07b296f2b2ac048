"""The coordinator's settings sections: categories, staff, name lists, station (the label
printer has its own, in admin_printer.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication

from intake.errors import AmbachtError
from intake.model import Category, Role, User
from intake.settings import SCREEN_SCALE_RANGE
from intake.text import clean_name
from intake.units import parse_eur
from ui.screens.admin_base import Section
from ui.screens.admin_eu import EuCategories
from ui.screens.admin_ords import OrdsCategories
from ui.screens.admin_people import SerialNumbers, StaffKinds
from ui.style import RESTART
from ui.widgets.folder_chooser import FolderPanel
from ui.widgets.keypad import decimal_mark
from ui.widgets.panels import ConfirmPanel

NETWORK = "network"  # the role chosen for a coordinator who sees every site's figures


def _role(key: str) -> Role:
    """The role of a choice of `role_options`: the network's coordinator is a coordinator."""
    return Role.COORDINATOR if key == NETWORK else Role(key)


class CategoriesSection(SerialNumbers, EuCategories, OrdsCategories, Section):
    """Add, rename, weigh, hide and reorder the category tiles of the gate."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.button_columns = 2
        self.add = self.add_button(self.start_add)
        self.rename = self.add_button(self.start_rename)
        self.weights = self.add_button(self.start_weights)
        self.price = self.add_button(self.start_price)
        self.electrical = self.add_button(self.toggle_electrical)
        self.ords = self.add_button(self.start_ords)
        self.serial = self.add_button(self.start_serial)
        self.eu = self.add_button(self.start_eu)
        self.co2 = self.add_button(self.start_co2)
        self.hide = self.add_button(self.toggle_hidden)
        self.up = self.add_button(lambda: self.move(-1))
        self.down = self.add_button(lambda: self.move(1))
        self.finish_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.add.setText(self.tr("Add"))
        self.rename.setText(self.tr("Rename"))
        self.weights.setText(self.tr("Weights"))
        self.price.setText(self.tr("Price"))
        self.ords.setText(self.tr("ORDS"))
        self.serial.setText(self.tr("Serial number"))
        self.eu.setText(self.tr("EU category"))
        self.co2.setText(self.tr("CO2 factor"))
        self.up.setText(self.tr("Move up"))
        self.down.setText(self.tr("Move down"))
        self.update_buttons()

    def refresh(self) -> None:
        lang, serials = self.ctx.language, self.ctx.registers.serial_kinds()
        eu_of, eu_names = self.eu_of(), self.eu_names()
        rows = []
        for c in self.ctx.admin.categories():
            bounds = (f"{lang.kg(c.min_weight_g) if c.min_weight_g else '–'} … "
                      f"{lang.kg(c.max_weight_g) if c.max_weight_g else '–'}")
            hidden = "   [" + self.tr("hidden") + "]" if c.hidden else ""
            price = f"   ·   {lang.eur(c.price_cents)}" if c.price_cents is not None else ""
            electrical = "   ·   " + self.tr("electrical") if c.is_electrical else ""
            serial = f"   ·   {self.serial_names()[serials[c.code]]}" if c.code in serials else ""
            ords = f"   ·   ORDS: {self.ords_name(c)}" if c.ords_category else ""
            eu = "   ·   EU: " + eu_names[eu_of[c.code]]
            # The name in the screen's language; "Rename" shows and asks both.
            name = c.name_nl if lang.code == "nl" else c.name_en
            rows.append((f"{name}   ·   {lang.kg(c.standard_weight_g)}   "
                         f"({bounds}){price}{electrical}{ords}{serial}{eu}{hidden}", c.code))
        self.set_rows(rows)

    def current(self) -> Category | None:
        return next((c for c in self.ctx.admin.categories() if c.code == self.selected()), None)

    def update_buttons(self) -> None:
        current = self.current()
        for button in (self.rename, self.weights, self.price, self.electrical, self.ords,
                       self.serial, self.eu, self.co2, self.hide, self.up, self.down):
            button.setEnabled(current is not None)
        self.hide.setText(self.tr("Show") if current and current.hidden else self.tr("Hide"))
        self.electrical.setText(self.tr("Not electrical") if current and current.is_electrical
                                else self.tr("Electrical"))

    def start_add(self) -> None:
        def with_code(code: str) -> None:
            self.ask_text(self.tr("Dutch name"), "", lambda nl: self.ask_text(
                self.tr("English name"), nl, lambda en: self.ask_kg(
                    self.tr("Standard weight in kg"), lambda grams: self.attempt(
                        lambda: self.ctx.admin.add_category(
                            self.actor, code, nl, en, grams,
                            min_weight_g=max(1, grams // 10), max_weight_g=grams * 10),
                        self.tr("Category added.")))))
        self.ask_text(self.tr("Code of the new category (a-z, 0-9, _)"), "", with_code,
                      machine_name=True)

    def start_rename(self) -> None:
        c = self.current()
        if c is None:
            return
        self.ask_text(self.tr("Dutch name"), c.name_nl, lambda nl: self.ask_text(
            self.tr("English name"), c.name_en, lambda en: self.attempt(
                lambda: self.ctx.admin.rename_category(self.actor, c.code, nl, en),
                self.tr("Category renamed."))))

    def start_weights(self) -> None:
        c = self.current()
        if c is None:
            return
        self.ask_kg(self.tr("Standard weight in kg"), lambda standard: self.ask_kg(
            self.tr("Lowest usual weight in kg"), lambda low: self.ask_kg(
                self.tr("Highest usual weight in kg"), lambda high: self.attempt(
                    lambda: self.ctx.admin.set_category_weights(
                        self.actor, c.code, standard, low, high),
                    self.tr("Weights saved.")))))

    def start_co2(self) -> None:
        c = self.current()
        if c is None:
            return
        self.ask_number(
            self.tr("Kg CO2 avoided per kg reused (now {factor})").format(
                factor=f"{c.co2_factor:g}".replace(".", decimal_mark())),
            lambda factor: self.ask_text(
                self.tr("Source of this figure"), c.co2_source,
                lambda source: self.confirm_earlier("co2", c.code, lambda: self.attempt(
                    lambda: self.ctx.admin.set_category_co2(
                        self.actor, c.code, float(factor.replace(",", ".")), source),
                    self.tr("CO2 factor saved."))), max_length=200),
            decimals=2)

    def start_price(self) -> None:
        c = self.current()
        if c is None:
            return

        def take(text: str) -> None:
            try:
                cents = parse_eur(text)
            except AmbachtError as exc:
                self.message.emit(self.ctx.language.error(exc), True)
                return
            self.attempt(lambda: self.ctx.admin.set_category_price(self.actor, c.code, cents),
                         self.tr("Price saved."))

        self.ask_number(self.tr("Usual shop price of {name}").format(name=c.name_nl), take,
                        decimals=2, unit="€")

    def toggle_electrical(self) -> None:
        c = self.current()
        if c is not None:
            self.confirm_earlier("electrical", c.code, lambda: self.attempt(
                lambda: self.ctx.admin.set_category_electrical(
                    self.actor, c.code, not c.is_electrical), self.tr("Saved.")))

    def toggle_hidden(self) -> None:
        c = self.current()
        if c is not None:
            self.attempt(lambda: self.ctx.admin.set_category_hidden(self.actor, c.code,
                                                                   not c.hidden),
                         self.tr("Saved."))

    def move(self, offset: int) -> None:
        c = self.current()
        if c is not None:
            self.attempt(lambda: self.ctx.admin.move_category(self.actor, c.code, offset),
                         self.tr("Order saved."))


class StaffSection(StaffKinds, Section):
    """Staff accounts: add with a PIN, change role, disable, new PIN, kind; the courses."""

    courses_requested = Signal()  # the courses and workshops, under this tab

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.add = self.add_button(self.start_add)
        self.role = self.add_button(self.start_role)
        self.active = self.add_button(self.toggle_active)
        self.pin = self.add_button(self.start_pin)
        self.kind = self.add_button(self.start_kind)
        self.courses = self.add_button(self.courses_requested.emit)
        self.finish_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.add.setText(self.tr("Add"))
        self.role.setText(self.tr("Role"))
        self.kind.setText(self.tr("Paid, volunteer …"))
        self.courses.setText(self.tr("Courses"))
        self.pin.setText(self.tr("New PIN"))
        self.update_buttons()

    def role_names(self) -> dict[Role, str]:
        return {
            Role.COACH: self.tr("Resource coach"), Role.WORKSHOP: self.tr("Workshop"),
            Role.SHOP: self.tr("Shop"), Role.COORDINATOR: self.tr("Coordinator"),
        }

    def role_name(self, user: User) -> str:
        """A colleague's role as the list shows it; a coordinator of the network says so."""
        return self.tr("Coordinator of the network") if user.network else \
            self.role_names()[user.role]

    def refresh(self) -> None:
        kinds = self.ctx.people.kinds()
        disabled = "   [" + self.tr("disabled") + "]"
        self.set_rows([
            (f"{u.name}   ·   {self.role_name(u)}"
             + (f"   ·   {self.staff_kind_names()[kinds[u.id]]}" if u.id in kinds else "")
             + ("" if u.active else disabled), u.id)
            for u in self.ctx.auth.users()
        ])

    def current(self):  # noqa: ANN201 - a User or None
        return next((u for u in self.ctx.auth.users() if u.id == self.selected()), None)

    def update_buttons(self) -> None:
        current = self.current()
        for button in (self.role, self.active, self.pin, self.kind):
            button.setEnabled(current is not None)
        self.active.setText(
            self.tr("Enable") if current is not None and not current.active else self.tr("Disable")
        )

    def role_options(self) -> list[tuple[str, str]]:
        """The roles, and a coordinator who also sees every site's figures ('network')."""
        return [(role.value, name) for role, name in self.role_names().items()] + [
            (NETWORK, self.tr("Coordinator of the network"))]

    def _mark(self, user: User, key: str) -> None:
        """Mark a coordinator as the network's, or not, as the role chosen says."""
        if user.role is Role.COORDINATOR and user.network != (key == NETWORK):
            self.ctx.auth.set_network(self.actor, user.id, key == NETWORK)

    def start_add(self) -> None:
        self.ask_text(self.tr("Name of the new colleague"), "", lambda name: self.ask_choice(
            self.tr("Role"), self.role_options(), lambda key: self.ask_number(
                self.tr("PIN of 4 to 8 digits"), lambda pin: self.attempt(
                    lambda: self._mark(self.ctx.auth.add_user(
                        self.actor, name, _role(key), pin), key),
                    self.tr("Colleague added.")), secret=True)), check=clean_name)

    def start_role(self) -> None:
        u = self.current()
        if u is not None:
            self.ask_choice(self.tr("Role"), self.role_options(), lambda key: self.attempt(
                lambda: self._mark(self.ctx.auth.update_user(
                    self.actor, u.id, name=u.name, role=_role(key), active=u.active), key),
                self.tr("Role saved.")), current=NETWORK if u.network else u.role.value)

    def toggle_active(self) -> None:
        u = self.current()
        if u is not None:
            self.attempt(lambda: self.ctx.auth.update_user(
                self.actor, u.id, name=u.name, role=u.role, active=not u.active),
                self.tr("Saved."))

    def start_pin(self) -> None:
        u = self.current()
        if u is not None:
            self.ask_number(self.tr("New PIN for {name}").format(name=u.name), lambda pin:
                            self.attempt(lambda: self.ctx.auth.change_pin(self.actor, u.id, pin),
                                         self.tr("PIN changed.")), secret=True)


class StationSection(Section):
    """Site name, idle logout, languages, and the backups: their folder, the latest one,
    and "Back up now"; "Stations" opens the link with the site's hub, under this tab."""

    hub_requested = Signal()

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.change = self.add_button(self.start_change)
        self.back_up = self.add_button(self.ctx.backups.back_up_now)
        self.hub = self.add_button(self.hub_requested.emit)
        self.finish_buttons()
        self.ctx.backups.started.connect(self._backing_up)
        self.ctx.backups.done.connect(self._backed_up)
        self.ctx.backups.failed.connect(self._backup_failed)
        self.retranslate()

    def retranslate(self) -> None:
        self.change.setText(self.tr("Change"))
        self.back_up.setText(self.tr("Back up now"))
        self.hub.setText(self.tr("Stations"))

    def refresh(self) -> None:
        s = self.ctx.admin.settings()
        languages = {"nl": "Nederlands", "en": "English"}
        self.set_rows([
            (self.tr("Site name: {value}").format(value=s.get("site_name", "")), "site_name"),
            (self.tr("Log out after {value} s idle").format(value=s.get("idle_logout_s")),
             "idle_logout_s"),
            (self.tr("Screen size: {value} %").format(value=s.screen_scale), "screen_scale"),
            (self.tr("Sound: {value}").format(value=self.sound_options()[
                {None: "", True: "on", False: "off"}[s.sound]]),
             "sound"),
            (self.tr("Language of the app: {value}").format(
                value=languages.get(s.get("language", ""), "")), "language"),
            (self.tr("Language of the labels: {value}").format(
                value=languages.get(s.get("label_language", ""), "")), "label_language"),
            (self.tr("Backup folder: {value}").format(value=self.ctx.backups.folder()),
             "backup_folder"),
            (self.tr("Exports also to: {value}").format(
                value=s.export_folder or self.tr("USB sticks and the documents folder only")),
             "export_folder"),
            (self._latest_backup(), "latest_backup"),
        ])

    def _latest_backup(self) -> str:
        backups = self.ctx.backups
        if backups.last_error is not None:
            return self.tr("The latest backup failed: {error}").format(
                error=self.ctx.language.error(backups.last_error))
        latest = backups.latest()
        if latest is None:
            return self.tr("No backup in this folder yet")
        return self.tr("Latest backup: {when}").format(
            when=self.ctx.language.local(latest, self.ctx.zone()))

    def update_buttons(self) -> None:
        self.change.setEnabled(self.selected() not in (None, "latest_backup"))
        self.back_up.setEnabled(self.ctx.backups.enabled())

    def start_change(self) -> None:
        key, admin, me = self.selected(), self.ctx.admin, self.actor
        saved = self.tr("Saved.")
        languages = [("nl", "Nederlands"), ("en", "English")]
        if key == "site_name":
            self.ask_text(self.tr("Site name"), admin.settings().get("site_name", ""),
                          lambda v: self.attempt(lambda: admin.set_site_name(me, v), saved))
        elif key == "idle_logout_s":
            self.ask_number(self.tr("Log out after how many idle seconds?"), lambda v:
                            self.attempt(lambda: admin.set_idle_logout(me, int(v)), saved))
        elif key == "language":
            self.ask_choice(self.tr("Language of the app"), languages,
                            lambda v: self.attempt(lambda: self._switch_language(v),
                                                   lambda: self.tr("Saved.")))
        elif key == "label_language":
            self.ask_choice(self.tr("Language of the labels"), languages, lambda v:
                            self.attempt(lambda: admin.set_label_language(me, v), saved))
        elif key == "backup_folder":
            self.ask_backup_folder()
        elif key == "export_folder":
            self.ask_folder(self.tr("Exports also to"), self.tr("No other folder"),
                            self.ctx.settings().export_folder,
                            lambda folder: admin.set_export_folder(me, folder))
        elif key == "screen_scale":
            self.ask_screen_scale()
        elif key == "sound":
            self.ask_choice(self.tr("Sound"), list(self.sound_options().items()), lambda v:
                            self.attempt(lambda: admin.set_sound(me, v), saved))

    def sound_options(self) -> dict[str, str]:
        """The station's sound setting (`ui.sounds`) as the coordinator reads it."""
        return {"": self.tr("at the gate, workshop and material out; not at the till"),
                "on": self.tr("on"), "off": self.tr("off")}

    def ask_screen_scale(self) -> None:
        """Larger or smaller than the panel says it is. Screens are built for a size, so the
        new one shows when the app starts again: now, after a question, or at the next start."""
        low, high = SCREEN_SCALE_RANGE
        options = [(str(percent), f"{percent} %") for percent in range(low, high + 1, 10)]

        def take(value: str) -> None:
            self.attempt(lambda: self.ctx.admin.set_screen_scale(self.actor, int(value)),
                         self.tr("Saved."))
            if self.ctx.settings().screen_scale != int(value):
                return  # refused: the banner says why
            panel = ConfirmPanel(self, self.tr(
                "Start the app again at {value} % now? Everyone logs in again; nothing is "
                "lost.").format(value=value), self.tr("Start again"), self.tr("Later"))
            panel.answered.connect(lambda now: QApplication.exit(RESTART) if now else None)
            panel.open()

        self.ask_choice(self.tr("Screen size"), options, take)

    def ask_backup_folder(self) -> None:
        """Beside the database, or a folder on a USB stick or this PC (chosen by taps, or
        typed); a backup is made there at once to try it."""
        def saved(folder: str) -> None:
            if self.ctx.settings().backup_folder == folder.strip():  # saved: try it out
                self.ctx.backups.back_up_now()

        self.ask_folder(self.tr("Backup folder"), self.tr("Beside the database"),
                        self.ctx.settings().backup_folder,
                        lambda folder: self.ctx.admin.set_backup_folder(self.actor, folder),
                        saved)

    def ask_folder(self, title: str, default: str, current: str,
                   save: Callable[[str], None],
                   then: Callable[[str], None] = lambda _folder: None) -> None:
        """A folder setting by taps (`FolderPanel`: USB sticks, home and Documents, folders
        opened by a tap, or one typed) or the default (''); `save` it, then `then`."""
        panel = FolderPanel(self, self.ctx.language, title, default, current)
        panel.chosen.connect(lambda folder: (
            self.attempt(lambda: save(folder), self.tr("Saved.")), then(folder)))
        panel.open()

    def _backing_up(self) -> None:  # at once, in place of older news: it takes seconds
        self.message.emit(self.tr("Backing up…"), False)

    def _backed_up(self, path: str) -> None:
        self.message.emit(self.ctx.backups.saved_text(path, self.ctx.language, self.ctx.zone()),
                          False)
        self.refresh()

    def _backup_failed(self, error: AmbachtError) -> None:
        self.message.emit(self.tr("The backup failed: {error}").format(
            error=self.ctx.language.error(error)), True)
        self.refresh()

    def _switch_language(self, code: str) -> None:
        """Save the app's language and switch to it now, not only at the next start."""
        self.ctx.admin.set_language(self.actor, code)
        self.ctx.language.apply(code)
