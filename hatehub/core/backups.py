"""Backups of the whole hub: the database and the evidence store, with a manifest of SHA-256
hashes so a restore can prove it put back exactly what was saved.

SQLite is copied with its online backup API (safe while the hub runs); PostgreSQL with
`pg_dump --format=custom`, restored with `pg_restore --clean --if-exists`. Evidence files are
copied as they are (they are content-addressed, so an existing file with the right hash is
left alone). Object storage (S3) keeps its own versioned copies; then only the database is
backed up here, and the manifest says so."""

import hashlib
import json
import shutil
import sqlite3
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import storages
from django.core.files.storage.filesystem import FileSystemStorage
from django.db import connections

MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Backup:
    path: Path
    files: int
    evidence_files: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _evidence_root() -> Path | None:
    storage = storages["evidence"]
    return Path(storage.location) if isinstance(storage, FileSystemStorage) else None


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return path


def _pg_env(database: Mapping[str, Any]) -> tuple[list[str], dict]:
    args = [
        "--host",
        database.get("HOST") or "127.0.0.1",
        "--port",
        str(database.get("PORT") or 5432),
    ]
    args += ["--username", database.get("USER") or "postgres"]
    env = {"PATH": "/usr/bin:/bin", "PGPASSWORD": database.get("PASSWORD") or ""}
    return args, env


def create(target_dir: Path, *, alias: str = "default") -> Backup:
    """Write a new backup folder inside `target_dir` and return it."""
    database = settings.DATABASES[alias]
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = Path(target_dir) / f"hub-backup-{stamp}"
    folder.mkdir(parents=True, exist_ok=False)
    engine = database["ENGINE"].rsplit(".", 1)[-1]
    if engine == "sqlite3":
        connection = connections[alias]
        connection.ensure_connection()
        saved = sqlite3.connect(folder / "database.sqlite3")
        with saved:
            connection.connection.backup(saved)
        saved.close()
    elif engine == "postgresql":
        args, env = _pg_env(database)
        result = subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
            [
                _tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                *args,
                "--file",
                str(folder / "database.dump"),
                database["NAME"],
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            shutil.rmtree(folder)
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    else:
        raise BackupError(f"No backup method for the {engine} database engine")

    evidence_files = 0
    root = _evidence_root()
    if root is not None and root.exists():
        for source in sorted(p for p in root.rglob("*") if p.is_file()):
            copy = folder / "evidence" / source.relative_to(root)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
            evidence_files += 1
    files = {
        str(path.relative_to(folder)): _sha256(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    manifest = {
        "created_at": datetime.now(UTC).isoformat(),
        "engine": engine,
        "database": database["NAME"] if engine == "postgresql" else "sqlite",
        "evidence": "copied" if root is not None else "object storage: not copied",
        "files": files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return Backup(folder, len(files), evidence_files)


def verify(folder: Path) -> dict:
    """The manifest, after checking every file in it is present and unchanged."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} has no readable {MANIFEST}: {error}") from error
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file():
            raise BackupError(f"{name} is missing from the backup")
        if _sha256(path) != expected:
            raise BackupError(f"{name} does not match its SHA-256 in the manifest")
    return manifest


def restore(folder: Path, *, alias: str = "default", database_name: str | None = None) -> dict:
    """Put a verified backup back: the database (replacing what is there) and evidence files.
    `database_name` restores a PostgreSQL backup into another database instead."""
    folder = Path(folder)
    manifest = verify(folder)
    database = settings.DATABASES[alias]
    engine = database["ENGINE"].rsplit(".", 1)[-1]
    if engine != manifest["engine"]:
        raise BackupError(f"The backup is of {manifest['engine']}, this hub runs {engine}")
    if engine == "sqlite3":
        connection = connections[alias]
        connection.close()
        connection.ensure_connection()
        saved = sqlite3.connect(folder / "database.sqlite3")
        with saved:
            saved.backup(connection.connection)
        saved.close()
    else:
        args, env = _pg_env(database)
        result = subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                *args,
                "--dbname",
                database_name or database["NAME"],
                str(folder / "database.dump"),
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    root = _evidence_root()
    if root is not None and (folder / "evidence").exists():
        for source in sorted(p for p in (folder / "evidence").rglob("*") if p.is_file()):
            destination = root / source.relative_to(folder / "evidence")
            if destination.exists() and _sha256(destination) == _sha256(source):
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    return manifest
