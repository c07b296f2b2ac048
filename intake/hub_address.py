"""Where the hub is: a PostgreSQL URL or a station's join code, read into its parts.

A URL is read here rather than handed to the driver as it is, for two reasons: a password must
never be shown (the driver repeats a URL it cannot read in its error), and a join code carries
the same parts in another form. `shown()` is the only way an address is printed or logged: it
has no password. Without a password in the URL the driver reads `~/.pgpass`, as psql does.

A join code (`hub invite`) is `AMBACHT1.` and the base64 of a small JSON object: the hub's
host, port and database, the TLS mode and CA file, the site, and a one-time role and password
that can do nothing but join (docs/stations.md, "Authentication").
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from intake.hub_errors import BadHubAddress, BadSslMode

CODE_PREFIX = "AMBACHT1."
_SCHEMES = ("postgresql", "postgres")
# The connection options a URL may carry besides its parts (libpq's names).
_OPTIONS = frozenset({"sslmode", "sslrootcert", "sslcert", "sslkey", "application_name",
                      "options", "target_session_attrs"})
_SSLMODES = frozenset({"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})


@dataclass(frozen=True)
class HubAddress:
    """A hub's connection parts; `site` is set when it came from a join code."""

    host: str
    port: int
    dbname: str
    user: str = ""
    password: str = field(default="", repr=False)  # never in a repr, a log or a message
    options: tuple[tuple[str, str], ...] = ()
    site: str = ""

    def shown(self) -> str:
        """The address as it may be printed: a URL without its password."""
        user = f"{self.user}@" if self.user else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        query = "&".join(f"{key}={value}" for key, value in self.options
                         if key in ("sslmode", "sslrootcert"))
        return f"postgresql://{user}{host}:{self.port}/{self.dbname}" + (
            f"?{query}" if query else "")

    def as_user(self, user: str, password: str) -> HubAddress:
        """The same hub, logged in as another role."""
        return replace(self, user=user, password=password)

    def without_password(self) -> HubAddress:
        return replace(self, password="")

    def connection_options(self) -> dict[str, Any]:
        """The driver's keyword arguments (never a URL string, which it may echo)."""
        found: dict[str, Any] = {"host": self.host, "port": self.port,
                                       "dbname": self.dbname}
        if self.user:
            found["user"] = self.user
        if self.password:
            found["password"] = self.password
        found.update(dict(self.options))
        return found

    def hide(self, text: str) -> str:
        """`text` (a driver's message, say) with this address's password blotted out."""
        return text.replace(self.password, "***") if self.password else text


def read_hub(text: str) -> HubAddress:
    """A `--hub` value: a PostgreSQL URL or a join code. Raises BadHubAddress, whose message
    never repeats the value (it may hold a password)."""
    text = text.strip()
    if text.startswith(CODE_PREFIX):
        return _read_code(text[len(CODE_PREFIX):])
    return _read_url(text)


def _read_url(text: str) -> HubAddress:
    try:
        parts = urlsplit(text)
        port = parts.port or 5432
    except ValueError as exc:
        raise BadHubAddress() from exc
    if parts.scheme not in _SCHEMES or not parts.hostname:
        raise BadHubAddress()
    dbname = unquote(parts.path.lstrip("/"))
    options = tuple(parse_qsl(parts.query))
    if not dbname or "/" in dbname or any(key not in _OPTIONS for key, _ in options):
        raise BadHubAddress()
    mode = dict(options).get("sslmode", "prefer")
    if mode not in _SSLMODES:
        raise BadSslMode(mode)
    return HubAddress(host=parts.hostname, port=port, dbname=dbname,
                      user=unquote(parts.username or ""), password=unquote(parts.password or ""),
                      options=options)


def join_code(address: HubAddress, site: str) -> str:
    """The join code of a one-time invite role (`address` logs in as it) for `site`."""
    fields = {"host": address.host, "port": address.port, "dbname": address.dbname,
              "user": address.user, "password": address.password, "site": site,
              "options": dict(address.options)}
    raw = json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return CODE_PREFIX + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _read_code(body: str) -> HubAddress:
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        fields = json.loads(raw.decode("utf-8"))
        options = tuple((str(key), str(value)) for key, value in fields["options"].items())
        address = HubAddress(host=str(fields["host"]), port=int(fields["port"]),
                             dbname=str(fields["dbname"]), user=str(fields["user"]),
                             password=str(fields["password"]), options=options,
                             site=str(fields["site"]))
    except (binascii.Error, UnicodeDecodeError, ValueError, KeyError, TypeError,
            AttributeError) as exc:
        raise BadHubAddress() from exc
    if not (address.host and address.dbname and address.user and address.password
            and address.site) or any(key not in _OPTIONS for key, _ in options):
        raise BadHubAddress()
    return address
