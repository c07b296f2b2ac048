"""Storage: the only package that speaks SQL. Returns the plain dataclasses of `intake.model`."""

from db.store import Store

__all__ = ["Store"]
