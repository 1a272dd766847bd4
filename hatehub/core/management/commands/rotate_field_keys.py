from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from hatehub.core import encryption


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field with the first key in HUB_FIELD_ENCRYPTION_KEYS "
        "(after adding a new key first), or print a new key with --new-key."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--new-key", action="store_true", help="Print a new Fernet key")
        parser.add_argument("--batch", type=int, default=500)

    def handle(self, *args, **options) -> None:
        if options["new_key"]:
            self.stdout.write(Fernet.generate_key().decode())
            return
        quote = connection.ops.quote_name
        for model, names in encryption.encrypted_fields():
            table = quote(model._meta.db_table)
            key = quote(model._meta.pk.column)
            columns = [quote(model._meta.get_field(name).column) for name in names]
            # Read and write the stored (encrypted) text directly: the model would decrypt it.
            select = (
                f"SELECT {key}, {', '.join(columns)} FROM {table} "  # noqa: S608  # nosec B608
                f"WHERE {key} > %s ORDER BY {key} LIMIT %s"
            )
            update = (
                f"UPDATE {table} SET {', '.join(f'{c} = %s' for c in columns)} "  # noqa: S608  # nosec B608
                f"WHERE {key} = %s"
            )
            done, last = 0, 0
            while True:
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute(select, [last, options["batch"]])
                    rows = cursor.fetchall()
                    for pk, *stored in rows:
                        rotated = [encryption.rotate(value or "") for value in stored]
                        cursor.execute(update, [*rotated, pk])
                if not rows:
                    break
                done += len(rows)
                last = rows[-1][0]
            self.stdout.write(
                f"{model._meta.db_table}: {done} rows re-encrypted ({', '.join(names)})"
            )
