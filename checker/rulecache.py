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

**An extending ruleset's entry takes from its base's.** A ruleset holds every list, pattern,
define and rule of the rulesets it extends (en-contract, en-requirements and en-rfp each all of
en-base's vocabulary: a third of the four English entries' JSON). So the entry of a rule file
that extends another leaves out each item equal to the one of the same name in the entry of the
file it extends first (its base, when that entry is there and takes from none itself), with the
plans and words of the base's patterns; it names the base's entry by its key and the digest it
had, and keeps the names of every item in order, so that reading it back puts the base's items
(the same objects) where the compiled ruleset had them (:func:`_merged`). A base entry written
again with other content, or gone, makes the entry a miss; the base's rule files are among the
entry's own files, checked as every one is. A one-page check: 1,463 → 1,418 M instructions.

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
from .matching import boundary_plans, pattern_also_needed, pattern_words, remember_also_needed, remember_plans, remember_valid, remember_words
from .modelbase import made_of, rebuilt
from .rulemodel import Ruleset

FORMAT = 3
"""Version of the entry layout; part of the key."""
_NAMED_FIELDS = ("lists", "patterns", "defines")
"""The fields of a ruleset that map names to items, which an entry may take from its base's."""
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


def _read_entry(target: Path) -> tuple[Any, bytes]:
    """The JSON of an entry and the digest on its first line (:func:`_entry_bytes`), or None
    and ``b""`` when it is missing, not a regular file (a link is not followed), too large, not
    JSON, or not the JSON that digest was taken of."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(target, flags)
    except (OSError, ValueError):
        return None, b""
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES:
            return None, b""
        with os.fdopen(descriptor, "rb") as handle:
            descriptor = -1  # the handle closes it
            digest, _, body = handle.read(MAX_ENTRY_BYTES + 1).partition(b"\n")
            return (json.loads(body), digest) if hashlib.sha256(body).hexdigest().encode() == digest else (None, b"")
    except (OSError, ValueError, RecursionError):
        return None, b""
    finally:
        if descriptor >= 0:
            os.close(descriptor)


Loaded = dict[str, tuple[bytes, Ruleset]]
"""The entries a :class:`~checker.rulecompile.Loader` has read: each key with its entry's
digest and its ruleset, so that the entries that take from one base read it once."""


def lookup(path: Path, read_text: Any, resolve_extends: Any, loaded: Loaded | None = None) -> Ruleset | None:
    """The cached compiled ruleset of the rule file ``path``, when an entry exists and every
    file it was compiled from is unchanged; else None.

    ``read_text(path)`` gives a rule file's text (raising on any problem, which makes this a
    miss); ``resolve_extends(name, folder)`` the file ``extends "name"`` means in ``folder``.
    ``loaded``: the entries read so far (:data:`Loaded`), added to.
    """
    if not enabled():
        return None
    folder = _usable_dir(create=False)
    if folder is None:
        return None
    key = entry_key(path)
    entry, digest = _read_entry(_entry_path(folder, key))
    try:
        if not isinstance(entry, dict) or entry.get("key") != key or not _files_unchanged(path, entry["files"], read_text, resolve_extends):
            return None
        if loaded is not None and loaded.get(key, (None,))[0] == digest:  # read already, as another entry's base
            ruleset = loaded[key][1]
            remember_valid((p.source, p.flags) for p in ruleset.patterns.values())
            return ruleset
        ruleset = rebuilt(Ruleset, entry["ruleset"])
        if "base" in entry:
            base = _base_ruleset(folder, entry["base"], loaded)
            if base is None:
                return None
            ruleset = _merged(ruleset, entry["order"], base)
    except Exception:  # noqa: BLE001 - any malformed entry is a miss, never an error
        return None
    remember_plans(entry.get("plans"))
    remember_words(entry.get("words"))
    remember_also_needed(entry.get("also_needed"))
    remember_valid((p.source, p.flags) for p in ruleset.patterns.values())  # RE2 compiled them when the entry was written
    if loaded is not None and "base" not in entry:
        loaded[key] = (digest, ruleset)
    return ruleset


def _base_ruleset(folder: Path, record: Any, loaded: Loaded | None) -> Ruleset | None:
    """The ruleset of the base entry an entry takes items from (``record``: its key and the
    digest it had when the entry was written, :func:`_with_base`), or None when that entry is
    gone or is another now. Its rule files need no check of their own: they are files of the
    entry's chain, checked already, and the digest says the base entry is the one the items
    were left out against."""
    key, digest = record["key"], record["sha256"].encode()
    if loaded is not None and key in loaded:
        found_digest, ruleset = loaded[key]
        return ruleset if found_digest == digest else None
    base, found_digest = _read_entry(_entry_path(folder, key))
    if found_digest != digest or not isinstance(base, dict) or base.get("key") != key or "base" in base:
        return None
    ruleset = rebuilt(Ruleset, base["ruleset"])
    remember_plans(base.get("plans"))
    remember_words(base.get("words"))
    remember_also_needed(base.get("also_needed"))
    if loaded is not None:
        loaded[key] = (digest, ruleset)
    return ruleset


def _merged(ruleset: Ruleset, order: dict[str, list[str]], base: Ruleset) -> Ruleset:
    """``ruleset`` (an entry's, without the items it shares with its base) with the items of
    ``base`` it left out put back: ``order`` names every item of each named field (and every
    rule's id) in the order the compiled ruleset has them; a name the ruleset lacks is the
    base's item (the same object: the models are not changed once built). Raises on an order
    that names an item twice, leaves one of the ruleset's out or names one neither has."""
    values = dict(vars(ruleset))
    for name in _NAMED_FIELDS:
        own, inherited, names = values[name], getattr(base, name), order[name]
        if type(names) is not list or len(set(names)) != len(names) or not own.keys() <= set(names):
            raise ValueError(f"the order of {name} does not fit the entry")
        values[name] = {item: own[item] if item in own else inherited[item] for item in names}
    own_rules, inherited_rules, ids = {r.id: r for r in ruleset.rules}, {r.id: r for r in base.rules}, order["rules"]
    if type(ids) is not list or len(set(ids)) != len(ids) or len(own_rules) != len(ruleset.rules) or not own_rules.keys() <= set(ids):
        raise ValueError("the order of rules does not fit the entry")
    values["rules"] = [own_rules[rule] if rule in own_rules else inherited_rules[rule] for rule in ids]
    return made_of(Ruleset, values, ruleset.model_fields_set)


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
    also = pattern_also_needed(p.source for p in ruleset.patterns.values())
    entry = {"format": FORMAT, "key": key, "files": files, "ruleset": ruleset.model_dump(mode="json"), "plans": plans, "words": words, "also_needed": also}
    try:
        write_output(target, _entry_bytes(_with_base(entry, folder)), InputFiles())
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no cache, not an error
        return
    _prune(folder)


def _with_base(entry: dict[str, Any], folder: Path) -> dict[str, Any]:
    """``entry`` without what it shares with the entry of the ruleset its file extends first
    (its base), when that entry is there and whole: each list, pattern, define and rule equal to
    the base's of the same name (or id), and the plans and words of the base's patterns, are
    left out; ``base`` names the base entry (its key and the digest it has now), ``order`` the
    names of each field in order (:func:`_merged` puts them back). The three rulesets that
    extend en-base wrote its vocabulary again, a third of the four entries' JSON, read and
    rebuilt by every check. The entry as it was when nothing is shared, or when putting it
    back together would not give the same JSON."""
    extended = entry["files"][0]["extends"]
    if not extended:
        return entry
    base_key = entry_key(Path(next(iter(extended.values()))))
    base, digest = _read_entry(_entry_path(folder, base_key))
    if not isinstance(base, dict) or base.get("key") != base_key or "base" in base or not isinstance(base.get("ruleset"), dict):
        return entry
    whole, of_base = entry["ruleset"], base["ruleset"]
    own = dict(whole)
    order: dict[str, list[str]] = {}
    for name in _NAMED_FIELDS:
        theirs = of_base.get(name, {})
        own[name] = {item: value for item, value in whole[name].items() if theirs.get(item) != value}
        order[name] = list(whole[name])
    their_rules = {rule["id"]: rule for rule in of_base.get("rules", [])}
    own["rules"] = [rule for rule in whole["rules"] if their_rules.get(rule["id"]) != rule]
    order["rules"] = [rule["id"] for rule in whole["rules"]]
    if all(len(own[name]) == len(whole[name]) for name in (*_NAMED_FIELDS, "rules")):
        return entry
    put_back = dict(own)
    for name in _NAMED_FIELDS:
        put_back[name] = {item: own[name][item] if item in own[name] else of_base[name][item] for item in order[name]}
    own_rules = {rule["id"]: rule for rule in own["rules"]}
    put_back["rules"] = [own_rules[rule] if rule in own_rules else their_rules[rule] for rule in order["rules"]]
    if json.dumps(put_back, ensure_ascii=False) != json.dumps(whole, ensure_ascii=False):
        return entry
    plans, words, also = base.get("plans") or {}, base.get("words") or {}, base.get("also_needed") or {}
    return {
        **entry,
        "ruleset": own,
        "plans": {source: plan for source, plan in entry["plans"].items() if plans.get(source) != plan},
        "words": {source: needed for source, needed in entry["words"].items() if source not in words or words[source] != needed},
        "also_needed": {source: groups for source, groups in entry["also_needed"].items() if also.get(source) != groups},
        "base": {"key": base_key, "sha256": digest.decode()},
        "order": order,
    }


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
