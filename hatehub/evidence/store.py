"""The content-addressed evidence store: a file's name is its SHA-256, so a stored original can
never be silently replaced, and the same bytes uploaded twice are kept once."""

import hashlib
import io
import tempfile
from typing import BinaryIO

from django.core.files import File
from django.core.files.storage import storages

CHUNK = 1024 * 1024


def _storage():
    return storages["evidence"]


def path_for(sha256: str) -> str:
    return f"sha256/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def put(stream: BinaryIO) -> tuple[str, int]:
    """Store the bytes as they are; return (sha256, size)."""
    digest = hashlib.sha256()
    size = 0
    with tempfile.SpooledTemporaryFile(max_size=8 * CHUNK) as copy:
        stream.seek(0)
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            copy.write(chunk)
            size += len(chunk)
        sha256 = digest.hexdigest()
        storage = _storage()
        if not storage.exists(path_for(sha256)):
            copy.seek(0)
            saved = storage.save(path_for(sha256), File(copy))
            if saved != path_for(sha256):  # lost a race with an identical upload: keep one copy
                storage.delete(saved)
    return sha256, size


def put_bytes(data: bytes) -> tuple[str, int]:
    return put(io.BytesIO(data))


def open_blob(sha256: str) -> BinaryIO:
    return _storage().open(path_for(sha256), "rb")


def exists(sha256: str) -> bool:
    return _storage().exists(path_for(sha256))


def sha256_of_stored(sha256: str) -> str:
    """Re-hash what is on disk: integrity check before a file is handed out."""
    return sha256_of_path(path_for(sha256))


def sha256_of_path(path: str) -> str:
    digest = hashlib.sha256()
    with _storage().open(path, "rb") as blob:
        while chunk := blob.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def stored_paths():
    """The path of every file in the store under sha256/ (whatever its name: a file that
    should not be there is checked too)."""
    storage = _storage()
    if not storage.exists("sha256"):
        return
    first_levels, _ = storage.listdir("sha256")
    for first in sorted(first_levels):
        second_levels, _ = storage.listdir(f"sha256/{first}")
        for second in sorted(second_levels):
            _, names = storage.listdir(f"sha256/{first}/{second}")
            for name in sorted(names):
                yield f"sha256/{first}/{second}/{name}"
