"""Which files of a folder ``kravkoll check`` reads.

A folder is searched recursively for documents (:data:`~checker.readers.formats.DOCUMENT_SUFFIXES`). Always left out:
hidden files and folders (a name starting with ``.``) and Word's lock files (``~$…``). Left
out unless ``--no-ignore`` is given (``respect_ignores`` False):

- what ``.gitignore`` files ignore: those inside the folder, and those of its parent folders
  up to the root of the git repository it lies in (the folder holding ``.git``), each for the
  paths below it; the rules of git's own matching that documents need (``*``, ``?``, ``[…]``,
  ``**``, a leading or inner ``/`` anchoring a pattern to its file's folder, a trailing ``/``
  for folders only, ``!`` to take a path back, the last matching line deciding; a path inside
  an ignored folder stays ignored, as in git);
- folders of tools rather than documents: :data:`SKIPPED_FOLDERS` and any Python virtual
  environment (a folder holding ``pyvenv.cfg``);
- licence files (``LICENSE``, ``LICENCE``, ``COPYING``, with or without a suffix such as
  ``.md`` or ``-MIT.txt``): they are not procurement documents, and their wording ("as is",
  "without warranty") is exactly what the rules flag.

Each path is compared with the ignore patterns that apply to it, as git does; symbolic links to
folders are not followed (no cycles).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .lazyre import lazy_compile
from .readers.formats import DOCUMENT_SUFFIXES

SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "site-packages", "bower_components"})
_LICENCE = lazy_compile(r"(?i)(licen[cs]e|copying)([-._ ].*)?")


@dataclass(frozen=True)
class IgnoreRule:
    """One line of a ``.gitignore``: a pattern relative to ``base``, the file's folder as an
    absolute path ending in ``/`` (paths are compared as strings: pathlib is far slower here)."""

    base: str
    regex: re.Pattern[str]
    negated: bool
    folders_only: bool
    anchored: bool

    def matches(self, path: str, is_folder: bool) -> bool:
        """Whether the rule matches ``path``, an absolute path with ``/`` separators."""
        if (self.folders_only and not is_folder) or not path.startswith(self.base):
            return False
        return bool(self.regex.fullmatch(path[len(self.base) :] if self.anchored else path.rpartition("/")[2]))


def parse_gitignore(text: str, base: Path) -> list[IgnoreRule]:
    """The rules of a ``.gitignore`` whose folder is ``base`` (an absolute path)."""
    prefix = base.as_posix().rstrip("/") + "/"
    rules: list[IgnoreRule] = []
    for raw in text.splitlines():
        line = raw.rstrip(" \t") if not raw.endswith("\\ ") else raw
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        if negated:
            line = line[1:]
        elif line.startswith("\\"):  # "\#" and "\!" stand for the character itself
            line = line[1:]
        folders_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line
        rules.append(IgnoreRule(prefix, re.compile(_glob_regex(line.lstrip("/"))), negated, folders_only, anchored))
    return rules


def _glob_regex(pattern: str) -> str:
    """A gitignore glob as a regular expression over a ``/``-separated relative path."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == n:
            out.append("/.*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (end := pattern.find("]", i + 2)) != -1:
            body = pattern[i + 1 : end]
            body = "^" + body[1:] if body[:1] == "!" else body
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = end + 1
        elif pattern[i] == "\\" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def ignored(path: str, is_folder: bool, rules: list[IgnoreRule]) -> bool:
    """Whether the last rule that matches ``path`` (absolute, ``/`` separators) ignores it
    (False when none matches)."""
    for rule in reversed(rules):
        if rule.matches(path, is_folder):
            return not rule.negated
    return False


def _read_rules(folder: Path) -> list[IgnoreRule]:
    try:
        text = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return parse_gitignore(text, folder)


def _inherited_rules(folder: Path) -> list[IgnoreRule]:
    """The ``.gitignore`` rules of the folder's parents, up to its git repository's root
    (outermost first); none when the folder is not in a repository."""
    parents: list[Path] = []
    for parent in folder.parents:
        parents.append(parent)
        if (parent / ".git").exists():
            return [rule for p in reversed(parents) for rule in _read_rules(p)]
    return []


def is_tool_folder(folder: Path) -> bool:
    """A folder of tools, not documents: node_modules and the like, or a virtual environment."""
    return folder.name in SKIPPED_FOLDERS or (folder / "pyvenv.cfg").is_file()


def documents_in(folder: Path, respect_ignores: bool = True) -> Iterator[Path]:
    """The documents under ``folder``, in sorted order (see the module's docstring).

    Depth first with a stack of its own, so that folders nested thousands deep cannot exhaust
    Python's recursion limit.
    """
    root = folder.resolve()
    inherited = _inherited_rules(root) if respect_ignores else []
    stack = [_entries(folder, root, inherited, respect_ignores)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif isinstance(entry, Path):
            yield entry
        else:
            stack.append(_entries(*entry, respect_ignores))


def _entries(folder: Path, resolved: Path, rules: list[IgnoreRule], respect_ignores: bool) -> Iterator[Path | tuple[Path, Path, list[IgnoreRule]]]:
    """A folder's documents (paths) and subfolders to search (folder, resolved, rules), by name."""
    if respect_ignores:
        rules = rules + _read_rules(resolved)
    base = resolved.as_posix().rstrip("/")
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith(".") or name.startswith("~$"):
            continue
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if is_folder:
            path = folder / name
            if not (respect_ignores and (ignored(f"{base}/{name}", True, rules) or is_tool_folder(path))):
                yield path, resolved / name, rules
        elif name.lower().endswith(DOCUMENT_SUFFIXES) and entry.is_file():
            if not (respect_ignores and (ignored(f"{base}/{name}", False, rules) or _LICENCE.fullmatch(name))):
                yield folder / name
