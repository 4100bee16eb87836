"""Files that hold buyer data are private to the service's user: folders 0700, files 0600.

Used for the SQLite database (and so its WAL and SHM files, which SQLite creates with the
database file's mode), outbox `.eml` files and seller digests. Writes are atomic: a
temporary file created 0600 in the same folder, then renamed over the target.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: str | Path) -> Path:
    """Create `path` (and missing parents) 0700; a folder this user already owns is tightened."""
    path = Path(path)
    _make_dirs(path)
    _tighten(path, DIR_MODE)
    return path


def _make_dirs(path: Path) -> None:
    """`mkdir -p` where every folder it creates is 0700 (Path.mkdir gives parents the umask)."""
    missing = []
    while not path.exists() and path != path.parent:
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=DIR_MODE)


def write_private(path: str | Path, data: bytes | str) -> Path:
    """Write `data` to `path` atomically, the file readable by this user only (missing
    folders are created 0700; an existing folder is left as it is)."""
    path = Path(path)
    _make_dirs(path.parent)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # an older tmp left with another mode
        with os.fdopen(fd, "wb") as fh:
            fd = -1
            fh.write(payload)
        os.replace(tmp, path)
    finally:
        if fd >= 0:
            os.close(fd)
    return path


def private_file(path: str | Path) -> Path:
    """Create `path` empty with mode 0600 when missing; tighten it when this user owns it."""
    path = Path(path)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    _tighten(path, FILE_MODE)
    return path


def _tighten(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):
        st = path.stat()
        if st.st_uid == os.getuid() and (st.st_mode & 0o777) & ~mode:
            os.chmod(path, mode)
