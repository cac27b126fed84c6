"""Write a fixed report back without ever leaving it half written.

The new bytes go to a temporary file beside the original (same folder, so the same
file system), are flushed and fsynced, get the original's permissions, and then
replace the original with one ``os.replace``: a reader sees the old file or the new
one, never a mix. Any failure removes the temporary file and leaves the original as
it was. A read-only file is refused rather than silently replaced (a rename would
succeed even though the file itself may not be written).

Encoding is the caller's business: ``fix`` encodes with the file's own encoding and BOM
first, so an unencodable character stops before anything is touched. ``annotate`` writes
its review copy through the same function (``create=True``).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from .model import ReportlintError

TEMP_SUFFIX = ".reportlint-tmp"


def write_bytes_atomic(
    path: Path, data: bytes, *, expected: bytes | None = None, create: bool = False
) -> None:
    """Replace the content of a file with ``data``.

    ``expected``: the bytes the file held when it was read; if the file no longer
    holds them (someone saved it meanwhile) nothing is written. ``create``: the file
    may be new (it then gets the permissions of any new file).
    """
    path = Path(path)
    target = Path(os.path.realpath(path))  # write through a symlink, keep the link
    try:
        st = os.stat(target)
    except FileNotFoundError:
        if not create:
            raise ReportlintError(f"{path}：文件不存在，未写入") from None
        st = None
    except OSError as exc:
        raise ReportlintError(f"{path}：无法读取文件信息（{exc.strerror}），未修改") from None
    if st is None:
        if not target.parent.is_dir():
            raise ReportlintError(f"{path}：所在文件夹不存在，未写入")
        umask = os.umask(0)
        os.umask(umask)
        _write_new(path, target, data, 0o666 & ~umask, None)
        return
    if not stat.S_ISREG(st.st_mode):
        raise ReportlintError(f"{path}：不是普通文件，未修改")
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise ReportlintError(f"{path}：文件只读，未修改（如需修正，请先取消只读）")
    if expected is not None:
        try:
            current = target.read_bytes()
        except OSError as exc:
            raise ReportlintError(f"{path}：无法读取（{exc.strerror}），未修改") from None
        if current != expected:
            raise ReportlintError(f"{path}：文件在检查期间被其他程序修改，未写入；请重新运行")
    _write_new(path, target, data, stat.S_IMODE(st.st_mode), (st.st_uid, st.st_gid))


def _write_new(path: Path, target: Path, data: bytes, mode: int, owner: tuple[int, int] | None) -> None:
    """Write ``data`` to a temporary file beside ``target`` and rename it over ``target``."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise ReportlintError(f"{path}：无法在所在文件夹创建临时文件（{exc.strerror}），未写入") from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        if owner is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root may give a file away; keep going otherwise
                os.chown(tmp, *owner)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ReportlintError(f"{path}：写入失败（{exc.strerror or exc}），原文件未改动") from None
        raise
    _fsync_dir(target.parent)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (POSIX); not possible or needed everywhere."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
