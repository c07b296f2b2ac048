"""Settings for the registers and people: which number a category's items are asked for
(the police register), each colleague's kind, and the courses and workshops the centre held
(date, subject, participants), which the report counts under people; a course recorded by
mistake is cancelled with a reason."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

from intake.errors import QT_TRANSLATE_NOOP, ValidationError
from intake.people import PAID, PLACEMENT, TRAINEE, VOLUNTEER
from intake.registers import FRAME, IMEI_SERIAL
from ui.screens.admin_base import Section
from ui.widgets.keyboard import ask_reason

_DIGITS = ("1234567890", "-")
_BAD_DAY = QT_TRANSLATE_NOOP("Errors", "Type the day as YYYY-MM-DD, e.g. 2026-03-14.")
SHOWN_DAYS = 366  # the list shows the courses of the last year


# The mixins' texts belong to the sections they are mixed into: each call names its section
# (lupdate reads a literal passed to translate(), not one passed to a helper).
translate = QCoreApplication.translate


class SerialNumbers:
    """The Categories section's "Serial number" button (mixed into CategoriesSection, whose
    texts these are): which number the gate asks a category's items for."""

    def serial_names(self) -> dict[str, str]:
        """What the category's row says the gate asks for."""
        return {FRAME: translate("CategoriesSection", "asks for a frame number"),
                IMEI_SERIAL: translate("CategoriesSection", "asks for an IMEI or serial number")}

    def start_serial(self) -> None:
        c = self.current()  # type: ignore[attr-defined]
        if c is None:
            return
        options = [("", translate("CategoriesSection", "No number")),
                   (FRAME, translate("CategoriesSection", "Frame number")),
                   (IMEI_SERIAL, translate("CategoriesSection", "IMEI or serial number"))]
        title = translate("CategoriesSection", "Serial number of {name} at intake")
        self.ask_choice(  # type: ignore[attr-defined]
            title.format(name=c.name_nl), options,
            lambda kind: self.attempt(  # type: ignore[attr-defined]
                lambda: self.ctx.registers.set_serial_kind(  # type: ignore[attr-defined]
                    self.actor, c.code, kind or None),  # type: ignore[attr-defined]
                translate("CategoriesSection", "Saved.")),
            current=self.ctx.registers.serial_kinds().get(  # type: ignore[attr-defined]
                c.code, ""))


class StaffKinds:
    """The Staff section's kind button (mixed into StaffSection, whose texts these are):
    paid, volunteer, work placement or trainee; the report counts people per kind."""

    def staff_kind_names(self) -> dict[str, str]:
        return {PAID: translate("StaffSection", "Paid"),
                VOLUNTEER: translate("StaffSection", "Volunteer"),
                PLACEMENT: translate("StaffSection", "Work placement / participation"),
                TRAINEE: translate("StaffSection", "Trainee")}

    def start_kind(self) -> None:
        u = self.current()  # type: ignore[attr-defined]
        if u is not None:
            self.ask_choice(  # type: ignore[attr-defined]
                translate("StaffSection", "{name} works here as").format(name=u.name),
                list(self.staff_kind_names().items()),
                lambda kind: self.attempt(  # type: ignore[attr-defined]
                    lambda: self.ctx.people.set_kind(  # type: ignore[attr-defined]
                        self.actor, u.id, kind),  # type: ignore[attr-defined]
                    translate("StaffSection", "Saved.")))


class CoursesSection(Section):
    """The courses of the last year, newest first; add one, or cancel one."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.add = self.add_button(self.start_add)
        self.cancel = self.add_button(self.start_cancel)
        self.finish_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.add.setText(self.tr("Add a course"))
        self.cancel.setText(self.tr("Cancel course"))
        self.update_buttons()

    def today(self) -> date:
        return self.ctx.clock.now().astimezone(self.ctx.zone()).date()

    def refresh(self) -> None:
        today = self.today()
        courses = self.ctx.people.courses(today - timedelta(days=SHOWN_DAYS), today)
        self.set_rows([
            (self.tr("{day}   ·   {subject}   ·   {count} participants").format(
                day=c.day.strftime("%d-%m-%Y"), subject=c.subject, count=c.participants), c.id)
            for c in reversed(courses)])

    def update_buttons(self) -> None:
        self.cancel.setEnabled(self.selected() is not None)

    def start_add(self) -> None:
        """Which day (today, yesterday or typed), the subject, then the participants."""
        today = self.today()
        options = [(today.isoformat(), self.tr("Today")),
                   ((today - timedelta(days=1)).isoformat(), self.tr("Yesterday")),
                   ("", self.tr("Another day…"))]
        self.ask_choice(self.tr("When was the course held?"), options, lambda day: (
            self._ask_subject(day) if day else self.ask_text(
                self.tr("Day of the course (YYYY-MM-DD)"), "", self._typed_day,
                machine_name=True)))

    def _typed_day(self, text: str) -> None:
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            self.message.emit(self.ctx.language.error(ValidationError(_BAD_DAY)), True)
            return
        self._ask_subject(day.isoformat())

    def _ask_subject(self, day: str) -> None:
        subjects = list(dict.fromkeys(c.subject for c in reversed(self.ctx.people.courses(
            self.today() - timedelta(days=SHOWN_DAYS), self.today()))))[:6]
        ask_reason(self, self.tr("Subject of the course"), subjects, lambda subject:
                   self.ask_number(self.tr("Number of participants"), lambda count:
                                   self.attempt(lambda: self.ctx.people.add_course(
                                       self.actor, date.fromisoformat(day), subject, count),
                                       self.tr("Course recorded."))))

    def start_cancel(self) -> None:
        course_id = self.selected()
        if course_id is None:
            return
        ask_reason(self, self.tr("Why cancel this course?"),
                   [self.tr("Recorded twice"), self.tr("Did not take place")],
                   lambda reason: self.attempt(lambda: self.ctx.people.cancel_course(
                       self.actor, str(course_id), reason), self.tr("Course cancelled.")))
