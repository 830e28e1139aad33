"""Backup and restore of the whole database: pg_dump/pg_restore for PostgreSQL, SQLite's
online backup API for SQLite (a consistent copy even while the app is running)."""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone


def _pg_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["--host", db["HOST"] or "127.0.0.1", "--port", str(db["PORT"] or 5432)]
    args += ["--username", db["USER"]] if db["USER"] else []
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    return args, env


def database_backup(*, folder: Path | None = None) -> Path:
    """Write a backup file and return its path."""
    folder = Path(folder or settings.DATA_DIR / "backups")
    folder.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        path = folder / f"socialokonomi-{stamp}.dump"
        args, env = _pg_env()
        subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                *args,
                "--file",
                str(path),
                connection.settings_dict["NAME"],
            ],
            env=env,
            check=True,
        )
    elif connection.vendor == "sqlite":
        path = folder / f"socialokonomi-{stamp}.sqlite3"
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise RuntimeError(f"Ingen backup for databasetypen {connection.vendor}.")
    path.chmod(0o600)  # participant data: readable by the service account only
    return path


def database_restore(path: Path) -> None:
    """Replace the database's contents with the backup's."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(path)
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        args, env = _pg_env()
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *args,
                "--dbname",
                connection.settings_dict["NAME"],
                str(path),
            ],
            env=env,
            check=True,
        )
    elif connection.vendor == "sqlite":
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        raise RuntimeError(f"Ingen gendannelse for databasetypen {connection.vendor}.")
