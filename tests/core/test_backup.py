"""A backup holds the database and the evidence files with their hashes; a restore checks them
first and puts back exactly what was saved."""

import json
import os

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from hatehub.core import backups
from hatehub.evidence.models import EvidenceFile
from hatehub.reports.models import Report
from tests.cases.helpers import unique_png

pytestmark = pytest.mark.django_db(transaction=True)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite online backup")
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump/pg_restore")


@on_sqlite
def test_sqlite_backup_and_restore_put_back_the_reports_and_their_evidence(
    tmp_path, make_report, capsys
):
    kept = make_report(evidence_bytes=[unique_png("kept")])
    call_command("backup", str(tmp_path))
    (folder,) = tmp_path.iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    original = kept.evidence.get(kind=EvidenceFile.Kind.ORIGINAL)
    assert any(name.endswith(original.sha256) for name in manifest["files"]), manifest["files"]

    later = make_report()  # made after the backup: the restore takes it away
    call_command("restore", str(folder), "--yes")
    assert Report.objects.filter(pk=kept.pk).exists()
    assert not Report.objects.filter(pk=later.pk).exists()
    call_command("verify_audit")  # the audit chain came back whole
    assert "Restored the sqlite3 backup" in capsys.readouterr().out


@on_sqlite
def test_a_changed_backup_file_is_refused_before_anything_is_replaced(tmp_path, make_report):
    make_report()
    backup = backups.create(tmp_path)
    database = backup.path / "database.sqlite3"
    data = bytearray(database.read_bytes())
    data[-1] ^= 0xFF
    database.write_bytes(bytes(data))
    before = Report.objects.count()
    with pytest.raises(backups.BackupError, match="does not match its SHA-256"):
        backups.restore(backup.path)
    assert Report.objects.count() == before


def test_restore_asks_for_confirmation(tmp_path):
    backup = backups.create(tmp_path)
    with pytest.raises(Exception, match="add --yes"):
        call_command("restore", str(backup.path))


@on_postgresql
def test_pg_dump_backup_restores_into_a_fresh_database(tmp_path, make_report):
    for _ in range(3):
        make_report()
    backup = backups.create(tmp_path)
    settings = connection.settings_dict
    name = f"{settings['NAME']}_restore_{os.getpid()}"
    admin = psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        user=settings["USER"],
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        backups.restore(backup.path, database_name=name)
        with psycopg.connect(
            host=settings["HOST"] or "127.0.0.1", user=settings["USER"], dbname=name
        ) as restored:
            count = restored.execute("SELECT count(*) FROM intake_report").fetchone()[0]
        assert count == Report.objects.count() == 3
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
