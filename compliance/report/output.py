"""Where reports may be written, decided before any work; and writing them so that a failure leaves nothing.

`plan_outputs` resolves every output path (symlinks, `..`, the case of the name) and refuses, with one line, a
path that is an input (the workbook, a file inside a CSV-folder input, the mapping file, a file of the ruleset
folder), two outputs that are one file, a format no writer knows, and a target that cannot be written (missing or
read-only folder, a directory, a read-only or special file). It runs before the workbook is read.

`write_all` writes each report to a temporary file in the target's folder, and only once every writer has run
renames the finished ones into place (os.replace: atomic on one file system, and a symlink given as
-o is followed: its target is replaced). A writer that fails costs its own
report only: its temporary file is removed, the file that was at its target (if any) is left as it was, and the
others are still renamed in. An interruption while writing (Ctrl-C, a panic of native code) removes every temporary
file and renames nothing, so the run leaves none of its reports behind.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

TEMP_PREFIX = ".fairrecruit-"


class OutputError(Exception):
    """An output the user asked for that cannot be written. One line for the user."""


def shown(path: Path | str) -> str:
    """A path printable on any terminal: bytes that are not UTF-8 (kept by the OS as surrogates) as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def resolved(path: Path) -> Path:
    """The absolute path with every symlink and `..` resolved (as far as the path exists)."""
    return Path(os.path.abspath(path)).resolve()


def _key(path: Path) -> str:
    """A comparison key that also catches names differing only in case (macOS and Windows file systems)."""
    return os.path.normcase(str(path)).casefold()


def same_file(a: Path, b: Path) -> bool:
    """a and b are one file: equal resolved names (ignoring case), or one inode (hard links, case-folding)."""
    if _key(a) == _key(b):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def is_inside(path: Path, folder: Path) -> bool:
    """path is (at any depth) in folder, comparing resolved names ignoring case, and the real parent folders."""
    key, top = _key(path), _key(folder).rstrip(os.sep)
    if key == top or key.startswith(top + os.sep):
        return True
    return any(same_file(parent, folder) for parent in path.parents if parent.exists())


@dataclass(frozen=True)
class Protected:
    """What a run reads: never a place to write a report."""

    path: Path
    what: str  # "the input workbook", "the input folder", "the mapping file", "the ruleset folder"

    def holds(self, target: Path) -> str | None:
        """How target would overwrite what is read ("is", "is inside"), or None when it would not."""
        real = resolved(self.path)
        if real.is_dir():
            return "is inside" if is_inside(target, real) else None
        return "is" if same_file(target, real) else None


def plan_outputs(paths: Sequence[Path], formats: Sequence[str], protected: Sequence[Protected]) -> list[Path]:
    """The resolved target of every output, in order, after refusing any that must not or cannot be written."""
    targets: list[Path] = []
    for path in paths:
        if path.suffix.lower() not in formats:
            raise OutputError(f"cannot write '{shown(path.name)}': supported report formats are "
                              f"{', '.join(sorted(formats))}")
        target = resolved(path)
        for p in protected:
            where = p.holds(target)
            if where:
                raise OutputError(f"refusing to write '{shown(path)}': it {where} {p.what} "
                                  f"'{shown(p.path)}'; the input is never overwritten: choose another name")
        for earlier, other in zip(paths, targets, strict=False):
            if same_file(target, other):
                raise OutputError(f"'{shown(path)}' and '{shown(earlier)}' are the same file: give each report "
                                  "its own name")
        check_writable(target, path)
        targets.append(target)
    return targets


def check_writable(target: Path, given: Path) -> None:
    """Fail fast, before any work: the folder exists and takes a new file, the target is a writable file."""
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write '{shown(given)}': folder '{shown(folder)}' does not exist")
    if target.is_dir():
        raise OutputError(f"cannot write '{shown(given)}': it is a folder")
    if target.exists():
        mode = target.stat().st_mode
        if not stat.S_ISREG(mode):
            raise OutputError(f"cannot write '{shown(given)}': it is not a regular file")
        # Write bits are checked too: root passes os.access, but a read-only report is one its owner protected.
        if not os.access(target, os.W_OK) or not mode & 0o222:
            raise OutputError(f"cannot write '{shown(given)}': the file is read-only")
    try:  # a real probe: a read-only mount, a full quota or an ACL can refuse what os.access allows
        fd, probe = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".probe", dir=folder)
    except OSError as e:
        raise OutputError(f"cannot write '{shown(given)}': folder '{shown(folder)}' is not writable "
                          f"({e.strerror or e})") from None
    os.close(fd)
    os.unlink(probe)


Writer = Callable[[Path, Path], None]  # (temporary file to write, final target) -> None


@dataclass
class Outcome:
    written: list[Path]
    failed: list[tuple[Path, str]]  # target and a one-line reason


def write_all(targets: Sequence[Path], write: Writer) -> Outcome:
    """Write every target through a temporary file in its folder; rename the finished ones into place."""
    done: list[tuple[Path, Path]] = []
    failed: list[tuple[Path, str]] = []
    temps: list[Path] = []
    try:
        for target in targets:
            temp = _temp_for(target)
            temps.append(temp)
            try:
                write(temp, target)
            except Exception as e:  # one writer's failure must not cost the other formats
                failed.append((target, _reason(e)))
                _remove(temp)
            else:
                done.append((temp, target))
        written = []
        for temp, target in done:
            try:
                _keep_mode(temp, target)
                os.replace(temp, target)
            except OSError as e:
                failed.append((target, _reason(e)))
            else:
                written.append(target)
    finally:
        for temp in temps:
            _remove(temp)
    return Outcome(written, failed)


def _temp_for(target: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{target.stem[:40]}-", suffix=target.suffix + ".part",
                                dir=target.parent)
    os.close(fd)
    return Path(name)


def _keep_mode(temp: Path, target: Path) -> None:
    """mkstemp makes a file only its owner can read: give the report the mode a new file (or the old one) has."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:  # pragma: no cover - nothing more can be done; the message names the report anyway
        pass


def _reason(e: BaseException) -> str:
    if isinstance(e, OSError):
        return e.strerror or str(e) or type(e).__name__
    text = " ".join(str(e).split())[:300]
    return f"{type(e).__name__}: {text}" if text else type(e).__name__
