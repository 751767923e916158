"""The files of the machine boardroom runs on, as a user names them: one gate for every face.

On a laptop the user's files are theirs to name: a plan to read, minutes to write. Over SSH
a member reaches the board and nothing else — and a path could name anything the board's
account can read or write: `/etc/passwd`, another process's environment
(`/proc/<pid>/environ`, where a replica's S3 credentials live), sshd's configuration, the
board file itself, or `~/.ssh/authorized_keys`. So there the gate is closed: every path is
refused before anything is opened, without looking whether it exists (an error that differs
between a missing and an unreadable file tells which files exist). Files then come in on
standard input (`-`) and go out on standard output.

The command line declares which of its arguments are paths (`cli.parsing.HostPath`) and
refuses them while parsing; the app asks this gate before it offers a file prompt; and
every face reads and writes through it, so a path that slipped past a declaration is still
refused here.

A failure to read or write is one line naming the file and what is wrong (no permission,
no such file, a folder, a full disk), never a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from boardroom.domain.errors import PermissionDenied, ValidationProblem
from boardroom.domain.file_size import size_text

if TYPE_CHECKING:
    from boardroom.services.planning import PlanText

#: `-` names standard input (a file coming in) or standard output (a document going out).
STDIO = "-"
#: The most a text file (a plan, a key, a figures file) may hold: more is not one of ours.
TEXT_LIMIT = 16 * 2**20
#: A board's JSON dump (`export board`): ten years of a busy board are some hundreds of MB.
DUMP_LIMIT = 2**31

_REASONS = {
    errno.ENOENT: "no such file",
    errno.EACCES: "no permission",
    errno.EPERM: "no permission",
    errno.EISDIR: "is a folder, not a file",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "too many symbolic links",
}


class OutOfReach(PermissionDenied):
    """A path named over SSH: the host's files are not a member's to reach."""


def reason(error: OSError) -> str:
    """What went wrong with a file, in a few words."""
    return _REASONS.get(error.errno or 0) or (error.strerror or str(error)).lower()


@dataclass(frozen=True)
class HostFiles:
    """Reading and writing the files a user names; `reachable=False` over SSH."""

    reachable: bool = True

    def path(self, name: str, where: str) -> Path:
        """The file a user named, or OutOfReach; nothing about it is looked at here."""
        if not self.reachable:
            raise OutOfReach(out_of_reach_hint(where, None), where)
        return Path(name).expanduser()

    def read_bytes(self, name: str, where: str, limit: int) -> tuple[bytes, str]:
        """The bytes of a file (or of standard input for `-`), at most `limit`, and the file's
        name (empty for standard input)."""
        if name == STDIO:
            return _stdin_bytes(where, limit), ""
        path = self.path(name, where)
        try:
            with path.open("rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > limit:  # refused before it is read
                    raise ValidationProblem(
                        f"{name} is {size_text(size)}; at most {size_text(limit)} is taken in",
                        where,
                    )
                data = handle.read(limit + 1)
        except OSError as error:
            raise ValidationProblem(f"cannot read {name}: {reason(error)}", where) from None
        if len(data) > limit:  # not a regular file (a pipe): its size was not known
            raise ValidationProblem(f"{name}: more than {size_text(limit)}", where)
        return data, path.name

    def read_text(self, name: str, where: str, limit: int = TEXT_LIMIT) -> str:
        """A text file (UTF-8, with or without a byte-order mark), or standard input for `-`."""
        data, _name = self.read_bytes(name, where, limit)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            shown = "standard input" if name == STDIO else name
            raise ValidationProblem(
                f"{shown} is not UTF-8 text (byte {error.start + 1})", where
            ) from None

    def write_bytes(self, name: str | None, data: bytes, where: str) -> Path | None:
        """Bytes to the named file, whole or not at all (written beside it, then renamed over
        it), or to standard output for None or `-`. A file that is not a regular one (a
        device such as /dev/null, a pipe) is written where it is, never replaced; a symbolic
        link is followed. Returns the file written, if any."""
        if name is None or name == STDIO:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return None
        path = self.path(name, where)
        part: Path | None = None
        try:
            path = path.resolve()
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder")
            if path.exists() and not stat.S_ISREG(path.stat().st_mode):
                with path.open("wb") as handle:  # a device or a pipe: in place
                    handle.write(data)
                return path
            part = path.with_name(f".{path.name}.part")
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            part.replace(path)
        except OSError as error:
            if part is not None:
                part.unlink(missing_ok=True)
            raise ValidationProblem(f"cannot write {name}: {reason(error)}", where) from None
        return path

    def write_text(self, name: str | None, text: str, where: str) -> Path | None:
        return self.write_bytes(name, text.encode("utf-8"), where)

    def writable(self, name: str | None, where: str) -> None:
        """Whether a file could be written there (its folder exists, it is no folder itself),
        checked before the work of making it; standard output always can."""
        if name is None or name == STDIO:
            return
        path = self.path(name, where)
        try:
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder")
            if not path.parent.is_dir():
                raise NotADirectoryError(errno.ENOENT, "no such folder")
        except OSError as error:
            shown = "no such folder" if error.errno == errno.ENOENT else reason(error)
            raise ValidationProblem(f"cannot write {name}: {shown}", where) from None


#: On a laptop, and for the host's owner on the host.
LOCAL = HostFiles(reachable=True)
#: Over SSH: a member's key reaches the board, not the host.
CLOSED = HostFiles(reachable=False)


def beside(files: HostFiles, board_file: str) -> Callable[[str, str], bytes]:
    """Reads the files a board file names (its logo and font), relative to the board file (to
    the working folder when it came on standard input)."""
    from boardroom.domain.style import FONT_LIMIT

    folder = Path.cwd() if board_file == STDIO else Path(board_file).expanduser().parent

    def read(name: str, where: str) -> bytes:
        return files.read_bytes(str(folder / Path(name).expanduser()), where, FONT_LIMIT)[0]

    return read


def out_of_reach_hint(where: str, stdio: str | None = "in") -> str:
    """Why a path over SSH is refused, and what to do instead: `stdio` says what `-` is for
    the argument — "in" (standard input), "out" (standard output) or None (nothing)."""
    refused = "files on the board host are out of reach over SSH"
    if stdio == "out":
        return f"{refused}; the output comes on standard output: ssh … > FILE"
    if stdio == "in":
        return f"{refused}; send the file on standard input: {where} - < FILE"
    return refused


def _stdin_bytes(where: str, limit: int) -> bytes:
    if sys.stdin is None or sys.stdin.isatty():
        raise ValidationProblem("nothing on standard input (send the file with < FILE)", where)
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise ValidationProblem(f"more than {size_text(limit)} on standard input", where)
    return data


def plan_text(files: HostFiles, name: str) -> PlanText:
    """A plan file as the planning service takes it: read through the gate, the agenda
    template it names read beside it (a plan on standard input has the standard one)."""
    from boardroom.services.planning import PlanText

    text = files.read_text(name, "--from")
    if name == STDIO:
        return PlanText(text, "<stdin>")
    folder = Path(name).expanduser().parent
    where = f"{name}: template"
    return PlanText(text, name, lambda template: files.read_text(str(folder / template), where))
