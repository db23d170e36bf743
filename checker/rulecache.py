"""Compiled rulesets kept on disk, so that a run does not parse and compile rule files that
have not changed since the last one.

**Where.** ``$KRAVKOLL_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/kravkoll``, else
``~/.cache/kravkoll``: one file ``ruleset-KEY.json`` per rule file loaded. ``--no-cache``
(on every command that loads rulesets) or ``KRAVKOLL_NO_CACHE=1`` turns it off; the folder may
be deleted at any time.

**What.** An entry is JSON, after a first line with the SHA-256 of that JSON (so that a file damaged
where it is still JSON, a changed letter in a name, is no entry): the compiled :class:`~checker.rulemodel.Ruleset` as ``rules list
--format json`` prints it, how the matcher decides each ``\\b`` of its patterns
(:func:`checker.matching.boundary_plans`, which takes longer to work out than the ruleset to
read back; its patterns compiled when it was written, so a run compiles each only when it first
searches with it: :func:`checker.matching.remember_valid`), the words each pattern needs
(:func:`checker.matching.pattern_words`, so that a one-page check builds its filter of only the
patterns whose words the page holds), and the files it was compiled from — every file of its ``extends``
chain with the SHA-256 of its text and the file each of its ``extends`` names resolved to. It is
used only when all of that still holds: every file has the same text and every ``extends`` name
still finds the same file (a rule file put beside an extending one takes the place of the
shipped ruleset it names, so that is checked too). The entry's name and the key written inside
it come from kravkoll's version, the source of its rule compiler, the Python and pydantic
versions and the rule file's path, so another version or a changed compiler never reads it.

**Why JSON, not pickle.** Unpickling runs code named by the file, so a cache file planted or
altered by someone else would run code as the user; JSON is only data, and the ruleset is
rebuilt from it by the models' own fields (:func:`checker.modelbase.rebuilt`: every key a field,
every required field there, each value of its field's JSON type, each literal one of its type's
and each condition of a kind the rule language has), which refuses anything that is not a
ruleset, as pydantic's validation would (without first building the validator of every rule
model, which took more of a one-page check than reading the entries). A corrupt, truncated, foreign or hostile entry is therefore ignored: the rule files are
compiled as without a cache and the entry is written again. (Someone who can write into the
user's private cache folder could still put a valid ruleset of their own there, as they could
edit the user's rule files; no code of theirs runs.) Rebuilding from JSON costs about a
millisecond per ruleset, against some 40 ms to parse and compile one.

**Safety.** The folder is created private (``0700``) and used only when it is a real folder
(not a symbolic link) owned by the user; entries are opened without following links
(``O_NOFOLLOW``, and only when regular files) and written whole, by a temporary file renamed
over the old entry (:func:`checker.files.write_output`); a link, pipe or other non-file planted
where an entry goes is removed (the link itself, never what it points to) and replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from .files import InputFiles, write_output
from .matching import boundary_plans, pattern_words, remember_plans, remember_valid, remember_words
from .modelbase import rebuilt
from .rulemodel import Ruleset

FORMAT = 2
"""Version of the entry layout; part of the key."""
MAX_ENTRY_BYTES = 256 * 1024 * 1024
"""Largest entry read; a larger file is not one kravkoll wrote for a rule file of at most 4 MB
(and at most 32 of them in a chain)."""
MAX_ENTRIES = 500
"""Entries kept; beyond them the least recently written are removed when one is written."""
_COMPILER_SOURCES = (
    "rulecompile",
    "rulekinds",
    "conditiontypes",
    "conditions.py",
    "modelbase.py",
    "modeltwin.py",
    "ruleparse.py",
    "rulesyntax.py",
    "rulelimits.py",
    "rulemodel.py",
    "matching",
    "reading.py",
)
"""The files (and folders of them) whose code decides what a rule file compiles to: part of the key."""


def enabled() -> bool:
    """False when ``KRAVKOLL_NO_CACHE`` is set to anything but empty or ``0``."""
    return os.environ.get("KRAVKOLL_NO_CACHE", "") in ("", "0")


def disable() -> None:
    """Turn the cache off for this process and the worker processes it starts (``--no-cache``)."""
    os.environ["KRAVKOLL_NO_CACHE"] = "1"


def cache_dir() -> Path:
    """The folder entries live in (see the module notes); it may not exist yet."""
    explicit = os.environ.get("KRAVKOLL_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "kravkoll"


@cache
def _code_fingerprint() -> str:
    """What the compiled form depends on besides the rule files: kravkoll's version, the source
    of its rule compiler and grammar (so a changed checkout never reads an old entry), the
    Python version and pydantic's (the text of its ``version.py``, found without importing
    pydantic, which a warm check does not load: the compiler's models are written by it)."""
    from importlib.util import find_spec  # noqa: PLC0415

    from .paths import grammar_file  # noqa: PLC0415

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{sys.version}".encode())
    package = Path(__file__).parent
    sources = [path for name in _COMPILER_SOURCES for path in (sorted((package / name).glob("*.py")) if (package / name).is_dir() else [package / name])]
    pydantic = find_spec("pydantic")
    pydantic_version = [Path(pydantic.origin).with_name("version.py")] if pydantic is not None and pydantic.origin else []
    for source in [*sources, grammar_file(), *pydantic_version]:
        digest.update(source.read_bytes())
    return digest.hexdigest()


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def entry_key(path: Path) -> str:
    """The key of the entry for the rule file ``path`` as it is written (the spelling shows in
    the compiled ruleset) and where it is."""
    spelled = str(path)
    where = os.path.abspath(spelled)
    return hashlib.sha256(f"{_code_fingerprint()}\0{spelled}\0{where}".encode("utf-8", "surrogatepass")).hexdigest()


def _usable_dir(create: bool) -> Path | None:
    """The cache folder when it is safe to use: a real folder owned by this user."""
    try:
        folder = cache_dir()
        if create:
            os.makedirs(folder, mode=0o700, exist_ok=True)
        status = os.lstat(folder)
    except (OSError, ValueError, RuntimeError):  # RuntimeError: no home folder to be found
        return None
    if not stat.S_ISDIR(status.st_mode):
        return None
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        return None
    return folder


def _entry_path(folder: Path, key: str) -> Path:
    return folder / f"ruleset-{key}.json"


def _read_entry(target: Path) -> Any:
    """The JSON of an entry, or None when it is missing, not a regular file (a link is not
    followed), too large, not JSON, or not the JSON its first line's digest was taken of
    (:func:`_entry_bytes`)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(target, flags)
    except (OSError, ValueError):
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(descriptor, "rb") as handle:
            descriptor = -1  # the handle closes it
            digest, _, body = handle.read(MAX_ENTRY_BYTES + 1).partition(b"\n")
            return json.loads(body) if hashlib.sha256(body).hexdigest().encode() == digest else None
    except (OSError, ValueError, RecursionError):
        return None
    finally:
        if descriptor >= 0:
            os.close(descriptor)


def lookup(path: Path, read_text: Any, resolve_extends: Any) -> Ruleset | None:
    """The cached compiled ruleset of the rule file ``path``, when an entry exists and every
    file it was compiled from is unchanged; else None.

    ``read_text(path)`` gives a rule file's text (raising on any problem, which makes this a
    miss); ``resolve_extends(name, folder)`` the file ``extends "name"`` means in ``folder``.
    """
    if not enabled():
        return None
    folder = _usable_dir(create=False)
    if folder is None:
        return None
    key = entry_key(path)
    entry = _read_entry(_entry_path(folder, key))
    try:
        if not isinstance(entry, dict) or entry.get("key") != key or not _files_unchanged(path, entry["files"], read_text, resolve_extends):
            return None
        ruleset = rebuilt(Ruleset, entry["ruleset"])
    except Exception:  # noqa: BLE001 - any malformed entry is a miss, never an error
        return None
    remember_plans(entry.get("plans"))
    remember_words(entry.get("words"))
    remember_valid((p.source, p.flags) for p in ruleset.patterns.values())  # RE2 compiled them when the entry was written
    return ruleset


def _files_unchanged(path: Path, files: list[dict[str, Any]], read_text: Any, resolve_extends: Any) -> bool:
    """Whether ``files`` (the entry's record) starts at ``path`` and still describes every file
    of the chain: same text, same files found for every ``extends`` name."""
    recorded = {record["path"]: record for record in files}
    if not files or files[0]["path"] != str(path) or len(recorded) != len(files):
        return False
    for record in files:
        file = Path(record["path"])
        if text_digest(read_text(file)) != record["sha256"]:
            return False
        for name, target in record["extends"].items():
            found = resolve_extends(name, file.parent)
            if found is None or str(found) != target or target not in recorded:
                return False
    return True


def store(path: Path, ruleset: Ruleset, files: list[dict[str, Any]]) -> None:
    """Write the entry of ``path``: its compiled ``ruleset`` and the ``files`` it was compiled
    from (``path``'s first), each ``{"path", "sha256", "extends": {name: file}}``. Failing to
    write (a read-only or full disk, an unsafe folder) is not an error: the next run compiles."""
    if not enabled():
        return
    folder = _usable_dir(create=True)
    if folder is None:
        return
    key = entry_key(path)
    target = _entry_path(folder, key)
    _remove_planted(target)
    plans = boundary_plans(p.source for p in ruleset.patterns.values())
    words = pattern_words(p.source for p in ruleset.patterns.values())
    entry = {"format": FORMAT, "key": key, "files": files, "ruleset": ruleset.model_dump(mode="json"), "plans": plans, "words": words}
    try:
        write_output(target, _entry_bytes(entry), InputFiles())
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no cache, not an error
        return
    _prune(folder)


def _entry_bytes(entry: dict[str, Any]) -> bytes:
    """An entry as written: the SHA-256 of its JSON on the first line, then the JSON. The
    digests of the rule files say the files are unchanged, not that the ruleset beside them is
    what they compiled to: a file damaged inside a text (a list's name, a term, a rule's id) is
    still JSON and still a ruleset, and without this digest it was used as it stood."""
    body = json.dumps(entry, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def _remove_planted(target: Path) -> None:
    """Remove a symbolic link (the link, never what it points to) or other non-file planted
    where an entry goes, so that the entry can be written in its place."""
    try:
        if not stat.S_ISREG(os.lstat(target).st_mode):
            os.unlink(target)
    except OSError:
        return


def _prune(folder: Path) -> None:
    """Remove the least recently written entries beyond :data:`MAX_ENTRIES`."""
    try:
        entries = [
            (entry.stat(follow_symlinks=False).st_mtime, entry.path)
            for entry in os.scandir(folder)
            if entry.name.startswith("ruleset-") and entry.name.endswith(".json")
        ]
        if len(entries) <= MAX_ENTRIES:
            return
        entries.sort()
        for _mtime, old in entries[: len(entries) - MAX_ENTRIES]:
            os.unlink(old)
    except OSError:
        return
