"""The name lists the coordinator keeps: municipalities (asked at the gate) and material
recipients (on delivery notes). Names are hidden, never removed: the history names them."""

from __future__ import annotations

from sqlite_utils import Database


class NameLists:
    """The municipalities and recipients tables of one open database (`store.name_lists`)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def names(self, table: str, *, include_hidden: bool = False) -> list[str]:
        """The names of a list ('municipalities' or 'recipients') in display order."""
        where = "" if include_hidden else "WHERE hidden = 0"
        rows = self.db.execute(
            f"SELECT name FROM {_table(table)} {where} ORDER BY sort_order, name"
        ).fetchall()
        return [row[0] for row in rows]

    def rows(self, table: str) -> list[tuple[str, bool]]:
        """Every name of a list with whether it is hidden, in display order."""
        rows = self.db.execute(
            f"SELECT name, hidden FROM {_table(table)} ORDER BY sort_order, name"
        ).fetchall()
        return [(name, bool(hidden)) for name, hidden in rows]

    def add(self, table: str, name: str, sort_order: int) -> None:
        """Add a name to a list, or show it again if it was hidden."""
        self.db.execute(
            f"INSERT INTO {_table(table)} (name, sort_order) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET hidden = 0",
            [name, sort_order],
        )

    def recipient_kinds(self) -> dict[str, str]:
        """Each recipient's kind (m014): 'reuse', 'recycling' or 'residual'."""
        return dict(self.db.execute("SELECT name, kind FROM recipients").fetchall())

    def set_recipient_kind(self, name: str, kind: str) -> None:
        self.db.execute("UPDATE recipients SET kind = ? WHERE name = ?", [kind, name])

    def hide(self, table: str, name: str, hidden: bool = True) -> None:
        self.db.execute(
            f"UPDATE {_table(table)} SET hidden = ? WHERE name = ?", [int(hidden), name]
        )


def _table(table: str) -> str:
    """A name list's table; the name goes into SQL, so only known tables pass."""
    if table not in ("municipalities", "recipients"):
        raise ValueError(f"no name list {table!r}")
    return table
