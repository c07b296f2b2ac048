"""Settings for the registers and people: which number a category's items are asked for
(the police register), each colleague's kind, and the courses and workshops the centre held
(date, subject, participants), which the report counts under people; a course recorded by
mistake is cancelled with a reason."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

from intake.errors import AmbachtError
from intake.people import KINDS, PARTICIPANTS_MAX
from intake.people_report import kind_name
from intake.registers import FRAME, IMEI_SERIAL
from ui.screens.admin_base import Section
from ui.widgets.day_panel import DayPanel, day_digits, typed_day
from ui.widgets.keyboard import TextEntryPanel, ask_reason
from ui.widgets.keypad_panel import KeypadPanel

SHOWN_DAYS = 366  # the list shows the courses of the last year
SUBJECT_TYPED = 200  # the keyboard takes more than a subject may have: the check says so


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
            lambda kind: self.confirm_earlier(  # type: ignore[attr-defined]
                "serial", c.code, lambda: self.attempt(  # type: ignore[attr-defined]
                    lambda: self.ctx.registers.set_serial_kind(  # type: ignore[attr-defined]
                        self.actor, c.code, kind or None),  # type: ignore[attr-defined]
                    translate("CategoriesSection", "Saved.")),
                changed=(kind or None) != self.ctx.registers.serial_kind(  # type: ignore
                    c.code)),
            current=self.ctx.registers.serial_kind(c.code) or "")  # type: ignore[attr-defined]


class StaffKinds:
    """The Staff section's kind button (mixed into StaffSection, whose texts these are):
    paid, volunteer, work placement or trainee; the report counts people per kind."""

    def staff_kind_names(self) -> dict[str, str]:
        """Each kind in the screen's language, in the report's words (one name per kind)."""
        lang = self.ctx.language.code  # type: ignore[attr-defined]
        return {kind: kind_name(kind, lang) for kind in KINDS}

    def start_kind(self) -> None:
        u = self.current()  # type: ignore[attr-defined]
        if u is not None:
            self.ask_choice(  # type: ignore[attr-defined]
                translate("StaffSection", "{name} works here as").format(name=u.name),
                list(self.staff_kind_names().items()),
                lambda kind: self.confirm_earlier(  # type: ignore[attr-defined]
                    "staff", u.id, lambda: self.attempt(  # type: ignore[attr-defined]
                        lambda: self.ctx.people.set_kind(  # type: ignore[attr-defined]
                            self.actor, u.id, kind),  # type: ignore[attr-defined]
                        translate("StaffSection", "Saved.")),
                    # a first kind counts the past sessions too; a change does not
                    changed=self.ctx.people.kinds().get(u.id) is None),  # type: ignore
                current=self.ctx.people.kinds().get(u.id))  # type: ignore[attr-defined]


class CoursesSection(Section):
    """The courses of the last year, newest first; add one, or cancel one."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        # The oldest day of a course added here: listed too, though older than the last year,
        # so that a course just recorded never vanishes from the list.
        self.added_since: date | None = None
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
        first = today - timedelta(days=SHOWN_DAYS)
        courses = self.ctx.people.courses(min(first, self.added_since or first), today)
        self.set_rows([
            (self.tr("{day}   ·   {subject}   ·   {count} participants").format(
                day=c.day.strftime("%d-%m-%Y"), subject=c.subject, count=c.participants), c.id)
            for c in reversed(courses)])

    def update_buttons(self) -> None:
        self.cancel.setEnabled(self.selected() is not None)

    def start_add(self) -> None:
        """The day (on the keypad, today offered), the subject, then the participants. Each
        answer is checked as it is given (`check_course`); a refused one is asked again, as
        typed, with the reason in its panel."""
        self.message.emit("", False)  # an earlier attempt's message is not about this one
        self._ask_day(day_digits(self.today()))

    def _ask_day(self, digits: str, refusal: str = "") -> None:
        self.ask_checked(DayPanel(self, self.tr("Day of the course"), digits), refusal,
                   lambda text: self.ctx.people.check_course(typed_day(text)),
                   lambda text: self._ask_subject(typed_day(text)), self._ask_day)

    def _ask_subject(self, day: date) -> None:
        title = self.tr("Subject of the course")
        subjects = list(dict.fromkeys(c.subject for c in reversed(self.ctx.people.courses(
            self.today() - timedelta(days=SHOWN_DAYS), self.today()))))[:6]
        note = self.tr("No names, please: the subject is printed in the report.")

        def check(subject: str) -> None:
            self.ctx.people.check_course(day, subject)

        def then(subject: str) -> None:
            self._ask_participants(day, subject, "")

        def again(typed: str, refusal: str) -> None:
            self.ask_checked(TextEntryPanel(self, title, typed, max_length=SUBJECT_TYPED,
                                            note=note), refusal, check, then, again)

        ask_reason(self, title, subjects, lambda subject: self.answer_checked(
            subject, check, then, again), note=note)

    def _ask_participants(self, day: date, subject: str, typed: str,
                          refusal: str = "") -> None:
        panel = KeypadPanel(self, self.tr("Number of participants"),
                            max_digits=len(str(PARTICIPANTS_MAX)))
        panel.type_text(typed)
        self.ask_checked(panel, refusal,
                   lambda count: self.ctx.people.check_course(day, subject, count),
                   lambda count: self._record(day, subject, count),
                   lambda count, why: self._ask_participants(day, subject, count, why))

    def _record(self, day: date, subject: str, count: str) -> None:
        """Record the course and select it, so that its buttons act on it; a refusal (a
        restored station not synced yet) is said at the last step, nothing lost."""
        try:
            course = self.ctx.people.add_course(self.actor, day, subject, count)
        except AmbachtError as exc:
            self._ask_participants(day, subject, count, self.ctx.language.error(exc))
            return
        self.added_since = min(day, self.added_since or day)
        self.message.emit(self.tr("Course recorded."), False)
        self.refresh()
        self.select_row(course.id)

    def start_cancel(self) -> None:
        course_id = self.selected()
        if course_id is None:
            return
        ask_reason(self, self.tr("Why cancel this course?"),
                   [self.tr("Recorded twice"), self.tr("Did not take place")],
                   lambda reason: self.attempt(lambda: self.ctx.people.cancel_course(
                       self.actor, str(course_id), reason), self.tr("Course cancelled.")))
