"""Role passwords, made here and given to PostgreSQL only as SCRAM verifiers.

`CREATE ROLE ... PASSWORD` and `ALTER ROLE ... PASSWORD` take a SCRAM-SHA-256 verifier as
they take a password (RFC 5802/7677, as libpq's PQencryptPasswordConn makes it), so the
password itself never reaches the server's statement log or its catalog.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

_ITERATIONS = 4096  # PostgreSQL's default scram_iterations


def new_password() -> str:
    """A random password of 192 bits (hex: no character a URL or libpq must escape)."""
    return secrets.token_hex(24)


def scram_verifier(password: str) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for `password`."""
    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, _ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return f"SCRAM-SHA-256${_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"
