"""A repair's ORDS barrier in the user's words: on the repair flow's buttons and in an item's
history. In the repair flow's translation context, where its Dutch was first written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from intake.model import Barrier


def barrier_names() -> list[tuple[str, str]]:
    """(Barrier value, its name), in the ORDS code list's order."""
    return [
        (Barrier.SPARE_PARTS_NOT_AVAILABLE.value,
         QCoreApplication.translate("RepairFlowPanel", "Spare parts not available")),
        (Barrier.SPARE_PARTS_TOO_EXPENSIVE.value,
         QCoreApplication.translate("RepairFlowPanel", "Spare parts too expensive")),
        (Barrier.NO_WAY_TO_OPEN.value,
         QCoreApplication.translate("RepairFlowPanel", "No way to open product")),
        (Barrier.REPAIR_INFO_NOT_AVAILABLE.value,
         QCoreApplication.translate("RepairFlowPanel", "Repair information not available")),
        (Barrier.LACK_OF_EQUIPMENT.value,
         QCoreApplication.translate("RepairFlowPanel", "Lack of equipment")),
        (Barrier.TOO_WORN_OUT.value,
         QCoreApplication.translate("RepairFlowPanel", "Too worn out")),
    ]
