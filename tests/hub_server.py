"""A throwaway PostgreSQL cluster for the hub's tests: real PostgreSQL, never a mock.

Debian's binaries (`/usr/lib/postgresql/<version>/bin`) make a cluster in a temporary folder
and start it on a free TCP port of 127.0.0.1, with password (SCRAM) authentication, so that the
stations' roles log in as they would at a centre. PostgreSQL refuses to run as root: as root
(CI) the folder belongs to the `postgres` user and the programs run under `runuser -u postgres
--`; as a normal user they run directly. `stop` and `start` let a test take the hub away and
bring it back.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from contextlib import suppress
from pathlib import Path

ADMIN = "hubadmin"


def binaries() -> Path | None:
    """The folder of the newest installed PostgreSQL's programs, or None when none is."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda path: int(path.parent.parent.name))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class HubServer:
    """One PostgreSQL cluster with an admin role (a superuser) and its password."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.password = secrets.token_hex(12)
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="ambacht-pg-"))
        self.data = self.root / "data"
        self._as_root = os.geteuid() == 0
        if self._as_root:
            shutil.chown(self.root, "postgres", "postgres")
        pwfile = self.root / "pw"
        pwfile.write_text(self.password)
        if self._as_root:
            shutil.chown(pwfile, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "--pwfile", str(pwfile),
                  "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
        pwfile.unlink()

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin_dir / program), *args]
        if self._as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        """Start the server (again) on its port; returns once it takes connections."""
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off "
                   f"-c unix_socket_directories={self.root} -c max_connections=60")
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "30", "-o", options,
                  "-l", str(self.root / "log"), "start")

    def stop(self) -> None:
        """Stop the server at once (its connections are cut, as a network drop would)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        """Stop the server if it runs and delete the cluster."""
        with suppress(subprocess.CalledProcessError):  # it was stopped already
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres", *, user: str = ADMIN,
            password: str | None = None) -> str:
        """A connection URL to `dbname`, as the admin unless told otherwise."""
        secret = self.password if password is None else password
        return f"postgresql://{user}:{secret}@127.0.0.1:{self.port}/{dbname}"

    def new_database(self) -> str:
        """A new, empty database; returns the admin's URL of it."""
        import psycopg

        name = f"hub_{secrets.token_hex(4)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
