"""Globally unique ids for events, items, visits and users.

UUIDv7 layout (48-bit millisecond time, then random bits): unique across stations so that their
databases can be merged later, and roughly time-ordered so that inserts land at the end of the
primary-key index instead of at random pages (which matters at a million items).
"""

from __future__ import annotations

import os
import time
import uuid


def new_id() -> str:
    """A fresh UUIDv7 as 32 lowercase hex digits."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & ((1 << 48) - 1)) << 80 | rand & ((1 << 80) - 1)
    value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
    return uuid.UUID(int=value).hex
