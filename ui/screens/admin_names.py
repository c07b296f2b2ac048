"""The coordinator's short name lists: municipalities (asked at the gate) and material
recipients (on delivery notes), each recipient with its kind: reuse, recycling or residual
waste, which decides where the kilos sent to it count (docs/figures.md)."""

from __future__ import annotations

from intake.admin import NameList
from ui.screens.admin_base import Section


class NamesSection(Section):
    """A short list of names for buttons: municipalities (visitors) or material recipients."""

    def __init__(self, kind: NameList, *args: object) -> None:
        self.kind = kind
        super().__init__(*args)  # type: ignore[arg-type]
        self.add = self.add_button(lambda: self.ask_text(
            self.prompt(), "", lambda name: self.attempt(
                lambda: self.ctx.admin.add_name(self.actor, self.kind, name),
                self.tr("Added."))))
        self.hide = self.add_button(self.toggle_hidden)
        # Where material sent to a recipient counts in the reports (reuse, recycling, waste).
        self.kind_button = self.add_button(self.choose_kind)
        self.kind_button.setVisible(kind is NameList.RECIPIENTS)
        self.finish_buttons()
        self.retranslate()

    def kind_names(self) -> dict[str, str]:
        return {"reuse": self.tr("reuse"), "recycling": self.tr("recycling"),
                "residual": self.tr("residual waste")}

    def prompt(self) -> str:
        if self.kind is NameList.RECIPIENTS:
            return self.tr("Name of the recipient (recycler, school, sorter)")
        return self.tr("Name of the municipality")

    def retranslate(self) -> None:
        self.add.setText(self.tr("Add"))
        self.kind_button.setText(self.tr("Kind"))
        self.update_buttons()

    def refresh(self) -> None:
        mark = "   [" + self.tr("hidden") + "]"
        kinds = (self.ctx.admin.recipient_kinds() if self.kind is NameList.RECIPIENTS
                 else {})
        names = self.kind_names()
        self.set_rows([(name + (f" · {names[kinds[name]]}" if name in kinds else "")
                        + (mark if hidden else ""), name)
                       for name, hidden in self.ctx.admin.names(self.kind)])

    def update_buttons(self) -> None:
        hidden = dict(self.ctx.admin.names(self.kind)).get(self.selected())
        self.hide.setEnabled(hidden is not None)
        self.hide.setText(self.tr("Show") if hidden else self.tr("Hide"))
        self.kind_button.setEnabled(hidden is not None)

    def choose_kind(self) -> None:
        """What the chosen recipient does with material: reuse, recycling or residual waste."""
        name = self.selected()
        if isinstance(name, str):
            self.ask_choice(
                self.tr("What does {name} do with the material?").format(name=name),
                list(self.kind_names().items()),
                lambda kind: self.confirm_earlier(
                    "recipient", name, lambda: self.attempt(
                        lambda: self.ctx.admin.set_recipient_kind(self.actor, name, kind),
                        self.tr("Saved.")),
                    changed=kind != self.ctx.admin.recipient_kinds().get(name)))

    def toggle_hidden(self) -> None:
        name = self.selected()
        hidden = dict(self.ctx.admin.names(self.kind)).get(name)
        if isinstance(name, str) and hidden is not None:
            self.attempt(lambda: self.ctx.admin.set_name_hidden(self.actor, self.kind, name,
                                                               not hidden),
                         self.tr("Saved."))
