"""The hub's migration h006_any_kind (db/hub/migrations.py): the configuration takes records
of any kind.

h001 and h004 listed the kinds the hub took, so a station running a newer Ambacht with a new
kind of record (m023's colleagues found to share a PIN, for one) had its whole push refused.
The hub only carries records: it keeps every kind, by the same last-writer rule, and each
station takes the kinds it knows (`db/site_config.py` skips the others).
"""

from __future__ import annotations

H006_ANY_KIND = """
ALTER TABLE ambacht.config DROP CONSTRAINT config_kind_check;
ALTER TABLE ambacht.config ADD CONSTRAINT config_kind_check CHECK (kind ~ '^[a-z][a-z_]*$');
"""
