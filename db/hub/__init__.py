"""The hub: PostgreSQL, where the stations of a site meet (issue 13; docs/stations.md).

`connection` opens it and turns the driver's failures into the refusals of
`intake.hub_errors`; `migrations` is its schema, `admin` what the administrator does (init,
invite, revoke), `station` what a station does (join, push, pull). Only this package talks to
PostgreSQL, as only `db` talks to SQLite.
"""
