"""The days whose sums a station has still to put on the hub (m026_net2, issue 13).

A station publishes its site's changed day sums after its sync rounds
(`intake/fresh_figures.py`). Which days changed is marked as the day-sum cache's
`stale_dates` are, by triggers on new events and visits, but in a table of its own: the
cache claims its marks whenever a report is made, these are cleared only once the hub has
taken the days. Each mark counts the changes of its date, so a change that comes while a
publication is on its way keeps its date marked for the next one. Beside them, the version
of the sums last sent.
"""

from __future__ import annotations

from sqlite_utils import Database

FIGURES_TO_PUBLISH_SCHEMA = (
    # The sums' version whose every day the hub has taken from this file (or found older
    # than its own): the station's business, never a site setting that travels.
    """CREATE TABLE hub_figures_sent (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version TEXT NOT NULL
    )""",
    """CREATE TABLE hub_figures_dates (
        date TEXT PRIMARY KEY,
        changes INTEGER NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TRIGGER events_hub_figures_dates AFTER INSERT ON events
       BEGIN
         INSERT INTO hub_figures_dates
           SELECT DISTINCT substr(at, 1, 10), 1 FROM events WHERE item_id = NEW.item_id
           ON CONFLICT (date) DO UPDATE SET changes = changes + 1;
       END""",
    """CREATE TRIGGER visits_hub_figures_dates AFTER INSERT ON visits
       BEGIN
         INSERT INTO hub_figures_dates VALUES (substr(NEW.started_at, 1, 10), 1)
           ON CONFLICT (date) DO UPDATE SET changes = changes + 1;
       END""",
)


class FiguresToPublish:
    """The marks of one open database, and the count of its steps."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def steps(self) -> int:
        """How many steps the file holds (all of them its site's)."""
        return int(self.db.execute("SELECT count(*) FROM events").fetchone()[0])

    def marked(self) -> dict[str, int]:
        """The marked UTC dates (ISO text, as stored) with their counts of changes."""
        return {text: changes for text, changes in self.db.execute(
            "SELECT date, changes FROM hub_figures_dates")}

    def sent_version(self) -> str | None:
        """The version of the sums the hub has every day of (None: none sent yet)."""
        row = self.db.execute("SELECT version FROM hub_figures_sent").fetchone()
        return None if row is None else str(row[0])

    def sent(self, marked: dict[str, int], version: str) -> None:
        """The hub took the days: drop the marks of `marked` that no change has come to since
        they were read, and note `version` as sent."""
        self.db.conn.executemany(
            "DELETE FROM hub_figures_dates WHERE date = ? AND changes = ?", marked.items())
        self.db.execute("INSERT INTO hub_figures_sent VALUES (1, ?) ON CONFLICT (id) "
                        "DO UPDATE SET version = excluded.version", [version])
