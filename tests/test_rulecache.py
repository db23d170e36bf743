"""The cache of compiled rulesets (checker/rulecache.py): used, invalidated, never trusted blindly."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from check_helpers import run, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import rulecache, ruleparse
from checker.rulecompile import load_rulesets, shipped_ruleset_names

BASE = """\
ruleset "base" {
  language en
}
terms duty = "shall"
define requirement = "shall", "must"
requirement R1 "A duty" {
  category unmeasurable
  when     duty
  message  "a duty"
}
"""

LEAF = """\
ruleset "leaf" {
  language en
  extends "base"
}
terms late = "late"
requirement R2 "Late" {
  category unmeasurable
  when     late
  message  "late"
}
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KRAVKOLL_CACHE_DIR", str(folder))
    monkeypatch.delenv("KRAVKOLL_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the rule files parsed, in order."""
    parsed: list[str] = []
    real = ruleparse.parse_rule_text

    def counting(text: str, path: str):  # noqa: ANN202
        parsed.append(path)
        return real(text, path)

    monkeypatch.setattr(ruleparse, "parse_rule_text", counting)
    return parsed


def rule_files(folder: Path) -> tuple[Path, Path]:
    return write(folder / "base.krav", BASE), write(folder / "leaf.krav", LEAF)


def dumps(rulesets: list) -> list[str]:
    return [r.model_dump_json() for r in rulesets]


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("ruleset-*.json"))


def entry_json(entry: Path) -> dict:
    """An entry's JSON (after the line with its digest)."""
    return json.loads(entry.read_bytes().partition(b"\n")[2])


def test_second_load_of_the_shipped_rulesets_parses_nothing(cache: Path, parses: list[str]) -> None:
    first = load_rulesets(shipped_ruleset_names())
    assert len(parses) == len(shipped_ruleset_names())
    assert len(entries(cache)) == len(shipped_ruleset_names())
    parses.clear()
    second = load_rulesets(shipped_ruleset_names())
    assert parses == []
    assert dumps(second) == dumps(first)


def test_a_changed_rule_file_is_compiled_again(tmp_path: Path, cache: Path, parses: list[str]) -> None:
    _base, leaf = rule_files(tmp_path)
    load_rulesets([leaf])
    write(leaf, LEAF.replace('"late"', '"overdue"'))
    parses.clear()
    [ruleset] = load_rulesets([leaf])
    assert str(leaf) in parses
    assert ruleset.lists["late"].terms == ["overdue"]


def test_a_changed_extended_file_is_compiled_again(tmp_path: Path, cache: Path, parses: list[str]) -> None:
    base, leaf = rule_files(tmp_path)
    load_rulesets([leaf])
    parses.clear()
    load_rulesets([leaf])
    assert parses == []
    write(base, BASE.replace('"shall"', '"must"'))
    [ruleset] = load_rulesets([leaf])
    assert str(base) in parses
    assert ruleset.lists["duty"].terms == ["must"]


def test_a_file_that_takes_the_place_of_an_extended_ruleset_is_seen(tmp_path: Path, cache: Path, parses: list[str]) -> None:
    """``extends "en-base"`` means the shipped ruleset until an en-base.krav is put beside."""
    leaf = write(tmp_path / "leaf.krav", LEAF.replace('extends "base"', 'extends "en-base"'))
    [shipped] = load_rulesets([leaf])
    write(tmp_path / "en-base.krav", BASE.replace('ruleset "base"', 'ruleset "en-base"'))
    parses.clear()
    [local] = load_rulesets([leaf])
    assert str(leaf) in parses
    assert shipped.extends == local.extends == ["en-base"]
    assert "duty" in local.lists
    assert "duty" not in shipped.lists


@pytest.mark.parametrize(
    "damage",
    [
        b"",  # empty
        b'{"format": 1, "key": "',  # truncated
        b"\x80\x81 not json",  # not even text
        b"[" * 100_000,  # nested beyond any recursion limit
        b'{"format": 1, "key": "0000", "files": [], "ruleset": {}}',  # another entry's
        b'{"format": 1, "key": "KEY", "files": "x", "ruleset": 5}',  # right key, not a ruleset
        b'{"format": 1, "key": "KEY", "files": FILES, "ruleset": {"name": "evil", "path": 3}}',  # right record, invalid model
    ],
)
@pytest.mark.parametrize("with_digest", [False, True])
def test_a_corrupt_or_foreign_entry_is_ignored_and_written_again(tmp_path: Path, cache: Path, parses: list[str], damage: bytes, with_digest: bool) -> None:
    """Refused by its digest; and, JSON written with the right digest (as a foreign or hostile
    entry could be), by its key, its record or its model."""
    _base, leaf = rule_files(tmp_path)
    expected = dumps(load_rulesets([leaf]))
    for entry in entries(cache):
        good = entry_json(entry)
        damaged = damage.replace(b"KEY", good["key"].encode()).replace(b"FILES", json.dumps(good["files"]).encode())
        try:
            entry.write_bytes(rulecache._entry_bytes(json.loads(damaged)) if with_digest else damaged)
        except (ValueError, RecursionError):  # not JSON: no digest can make it an entry
            entry.write_bytes(damaged)
    parses.clear()
    assert dumps(load_rulesets([leaf])) == expected
    assert str(leaf) in parses
    parses.clear()
    assert dumps(load_rulesets([leaf])) == expected
    assert parses == []  # written again, whole


def test_an_entry_damaged_where_it_is_still_a_ruleset_is_not_used(tmp_path: Path, cache: Path, parses: list[str]) -> None:
    """A changed letter inside a text (here a term) leaves valid JSON and a valid ruleset whose
    rule files are unchanged: the entry's digest refuses it, and the files are compiled again."""
    _base, leaf = rule_files(tmp_path)
    load_rulesets([leaf])
    for entry in entries(cache):
        entry.write_bytes(entry.read_bytes().replace(b'"late"', b'"lame"'))
    parses.clear()
    [ruleset] = load_rulesets([leaf])
    assert ruleset.lists["late"].terms == ["late"]
    assert str(leaf) in parses


def test_an_entry_for_other_rule_text_is_not_used(tmp_path: Path, cache: Path) -> None:
    """An entry copied over another one (a valid ruleset, the wrong one) is refused by its key."""
    one = write(tmp_path / "one" / "leaf.krav", LEAF)
    write(tmp_path / "one" / "base.krav", BASE)
    other = write(tmp_path / "two" / "leaf.krav", LEAF.replace('"late"', '"overdue"'))
    write(tmp_path / "two" / "base.krav", BASE)
    load_rulesets([one])
    before = set(entries(cache))
    load_rulesets([other])
    [other_entry] = [e for e in entries(cache) if e not in before and entry_json(e)["files"][0]["path"] == str(other)]
    [one_entry] = [e for e in before if entry_json(e)["files"][0]["path"] == str(one)]
    other_entry.write_bytes(one_entry.read_bytes())
    [ruleset] = load_rulesets([other])
    assert ruleset.lists["late"].terms == ["overdue"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_the_cache_never_follows_a_planted_link(tmp_path: Path, cache: Path, parses: list[str]) -> None:
    _base, leaf = rule_files(tmp_path)
    expected = dumps(load_rulesets([leaf]))
    victim = write(tmp_path / "victim.txt", "keep me")
    for entry in entries(cache):
        entry.unlink()
        entry.symlink_to(victim)
    parses.clear()
    assert dumps(load_rulesets([leaf])) == expected
    assert str(leaf) in parses  # the link was not read as an entry
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert entries(cache) and all(not e.is_symlink() for e in entries(cache))  # links replaced by entries, not written through


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses: list[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / "cache"
    link.symlink_to(elsewhere, target_is_directory=True)
    monkeypatch.setenv("KRAVKOLL_CACHE_DIR", str(link))
    _base, leaf = rule_files(tmp_path / "rules")
    load_rulesets([leaf])
    parses.clear()
    load_rulesets([leaf])
    assert str(leaf) in parses
    assert list(elsewhere.iterdir()) == []


def test_no_cache_environment_neither_reads_nor_writes(tmp_path: Path, cache: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _base, leaf = rule_files(tmp_path)
    load_rulesets([leaf])
    written = {e: e.read_bytes() for e in entries(cache)}
    monkeypatch.setenv("KRAVKOLL_NO_CACHE", "1")
    write(leaf, LEAF.replace('"late"', '"overdue"'))
    parses.clear()
    load_rulesets([leaf])
    load_rulesets([leaf])
    assert parses.count(str(leaf)) == 2
    assert {e: e.read_bytes() for e in entries(cache)} == written


def test_no_cache_option_of_the_cli(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"KRAVKOLL_CACHE_DIR": str(cache)}
    _base, leaf = rule_files(tmp_path)
    for command in (["rules", "list", "--no-cache", str(leaf)], ["rules", "test", "--no-cache", str(leaf)]):
        result = run(*command, cwd=tmp_path, env=env)
        assert result.returncode in (0, 1), result.stderr
        assert not cache.exists() or entries(cache) == []
    document = write(tmp_path / "doc.md", "# Terms\n\nThe supplier shall deliver late.\n")
    assert run("check", "--no-cache", "--lang", "en", "-r", str(leaf), str(document), cwd=tmp_path, env=env).stdout
    assert not cache.exists() or entries(cache) == []
    with_cache = run("check", "--lang", "en", "-r", str(leaf), str(document), cwd=tmp_path, env=env)
    assert b"R2" in with_cache.stdout
    assert len(entries(cache)) == 2  # leaf and the base it extends


def test_the_boundary_plans_come_from_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm load brings how the set decides each \\b, so the matcher analyses no pattern again,
    and it finds what it finds without them."""
    from support import md  # noqa: PLC0415

    from checker.engine import build_shared  # noqa: PLC0415
    from checker.matching import boundaries, patterns  # noqa: PLC0415

    document = md("# Delivery\n\nThe supplier shall respond within 4 hours and as soon as possible.\n", language="en")
    names = [n for n in shipped_ruleset_names() if n.startswith("en-")]
    cold = load_rulesets(names)
    analysed: list[str] = []
    real = boundaries.boundary_plan
    monkeypatch.setattr(patterns, "boundary_plan", lambda source: analysed.append(source) or real(source))
    monkeypatch.setattr(boundaries, "_KNOWN_PLANS", {})
    warm = load_rulesets(names)
    warm_matcher = build_shared(warm).matcher
    assert boundaries._KNOWN_PLANS
    assert [p.plan for p in warm_matcher.patterns.values()]
    assert analysed == []
    monkeypatch.setattr(boundaries, "_KNOWN_PLANS", {})
    cold_matcher = build_shared(cold).matcher
    assert [p.plan for p in cold_matcher.patterns.values()] == [p.plan for p in warm_matcher.patterns.values()]
    assert analysed  # without the cache they are worked out
    from checker.engine import check_document  # noqa: PLC0415

    assert [f.model_dump() for f in check_document(document, warm).findings] == [f.model_dump() for f in check_document(document, cold).findings]


def test_a_remembered_plan_that_does_not_fit_its_pattern_is_not_used() -> None:
    from checker.matching import boundary_plan, compile_pattern, remember_plans  # noqa: PLC0415
    from checker.matching.boundaries import _KNOWN_PLANS  # noqa: PLC0415

    source = r"\bfoo\d+\b"
    remember_plans({source: ["hold"], r"\bbar\b": ["anything"], 5: ["hold"]})
    try:
        assert compile_pattern(source).plan == boundary_plan(source)
        assert r"\bbar\b" not in _KNOWN_PLANS
    finally:
        _KNOWN_PLANS.pop(source, None)


LOADED_AFTER = """
import runpy, sys
sys.argv = ["kravkoll", *sys.argv[1:]]
try:
    runpy.run_module("checker.cli", run_name="__main__")
except SystemExit:
    pass
print(sorted(name for name in ("lark", "pydantic", "docx", "jsonschema", "concurrent.futures", "checker.reporters.html",
                               "checker.reporters.sarif", "checker.readers.docx") if name in sys.modules), file=sys.stderr)
"""


def modules_loaded(tmp_path: Path, *args: str) -> list[str]:
    """Which of some costly modules ``kravkoll ARGS`` imports."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent), "KRAVKOLL_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", LOADED_AFTER, *args], cwd=tmp_path, env=env, capture_output=True, check=False)
    return json.loads(result.stderr.decode().strip().splitlines()[-1].replace("'", '"'))


def test_a_one_file_check_with_a_warm_cache_imports_only_what_it_uses(tmp_path: Path) -> None:
    document = write(tmp_path / "doc.md", "# Delivery\n\nThe supplier shall deliver within 30 days.\n")
    assert "lark" in modules_loaded(tmp_path, "check", "--lang", "en", str(document))  # the cache is cold: rule files parsed
    assert modules_loaded(tmp_path, "check", "--lang", "en", str(document)) == []  # the models are plain classes: no pydantic
    assert "lark" in modules_loaded(tmp_path, "check", "--no-cache", "--lang", "en", str(document))


def test_help_and_version_import_neither_pydantic_nor_reporters(tmp_path: Path) -> None:
    assert modules_loaded(tmp_path, "--help") == []
    assert modules_loaded(tmp_path, "--version") == []


def test_without_a_home_folder_there_is_no_cache_and_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses: list[str]) -> None:
    monkeypatch.delenv("KRAVKOLL_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(RuntimeError("no home"))))
    _base, leaf = rule_files(tmp_path)
    assert load_rulesets([leaf]) == load_rulesets([leaf])
    assert parses.count(str(leaf)) == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("plant", ["pipe", "folder"])
def test_a_pipe_or_folder_in_place_of_an_entry_neither_blocks_nor_fails(tmp_path: Path, cache: Path, parses: list[str], plant: str) -> None:
    _base, leaf = rule_files(tmp_path)
    expected = dumps(load_rulesets([leaf]))
    for entry in entries(cache):
        entry.unlink()
        os.mkfifo(entry) if plant == "pipe" else entry.mkdir()
    parses.clear()
    assert dumps(load_rulesets([leaf])) == expected
    assert str(leaf) in parses


# -- entries that take items from their base's entry


def test_an_extending_entry_takes_what_it_shares_from_its_base(tmp_path: Path, cache: Path, parses: list[str]) -> None:
    """The leaf's entry leaves out the base's list, define and rule it has unchanged, and names
    the base's entry; read back, the leaf is what compiling it gives, in the same order."""
    base, leaf = rule_files(tmp_path)
    compiled = dumps(load_rulesets([leaf, base]))
    [leaf_entry] = [entry_json(e) for e in entries(cache) if entry_json(e)["files"][0]["path"] == str(leaf)]
    assert leaf_entry["base"]["key"] == rulecache.entry_key(base)
    assert "duty" not in leaf_entry["ruleset"]["lists"] and "late" in leaf_entry["ruleset"]["lists"]
    assert [rule["id"] for rule in leaf_entry["ruleset"]["rules"]] == ["R2"]
    assert leaf_entry["order"]["rules"] == ["R1", "R2"]
    parses.clear()
    assert dumps(load_rulesets([leaf, base])) == compiled
    assert dumps(load_rulesets([leaf])) + dumps(load_rulesets([base])) == compiled  # the base read for the leaf alone
    assert parses == []


def test_the_shipped_rulesets_from_the_cache_are_those_compiled(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = shipped_ruleset_names()
    load_rulesets(names)
    warm = load_rulesets(names)
    alone = [load_rulesets([name])[0] for name in names]
    monkeypatch.setenv("KRAVKOLL_NO_CACHE", "1")
    compiled = load_rulesets(names)
    assert dumps(warm) == dumps(alone) == dumps(compiled)
    assert warm == compiled
    monkeypatch.delenv("KRAVKOLL_NO_CACHE")
    assert sum("base" in entry_json(e) for e in entries(cache)) >= 5  # en-contract, en-requirements, en-rfp, sv-krav, sv-lou (at least)


@pytest.mark.parametrize("damage", ["base entry rewritten", "base entry removed", "order", "base record"])
def test_an_entry_whose_base_is_not_the_one_it_was_written_against_is_compiled_again(tmp_path: Path, cache: Path, parses: list[str], damage: str) -> None:
    """A base entry written again with other content (a valid digest, a valid ruleset: as a
    foreign or hostile one could be), a base entry gone, or an order or base record that does not
    fit: the leaf is compiled from its files and its entry written again."""
    base, leaf = rule_files(tmp_path)
    expected = dumps(load_rulesets([leaf]))
    by_path = {entry_json(e)["files"][0]["path"]: e for e in entries(cache)}
    base_entry, leaf_entry = by_path[str(base)], by_path[str(leaf)]
    if damage == "base entry rewritten":
        changed = entry_json(base_entry)
        changed["ruleset"]["lists"]["duty"]["terms"] = ["must"]
        base_entry.write_bytes(rulecache._entry_bytes(changed))
    elif damage == "base entry removed":
        base_entry.unlink()
    else:
        changed = entry_json(leaf_entry)
        if damage == "order":
            changed["order"]["lists"] = ["late", "late"]
        else:
            changed["base"]["key"] = "0" * 64
        leaf_entry.write_bytes(rulecache._entry_bytes(changed))
    parses.clear()
    assert dumps(load_rulesets([leaf])) == expected
    assert str(leaf) in parses
    parses.clear()
    assert dumps(load_rulesets([leaf])) == expected
    assert parses == []  # written again


_NAMES = ("alpha", "beta", "gamma", "delta")


def _item(kind: str, name: str, words: list[str], adds: bool = False) -> str:
    operator = "+=" if adds else "="
    if kind == "terms":
        return f"terms {name} {operator} " + ", ".join(f'"{word}"' for word in words)
    return f"pattern {name} {operator} /\\b(?:{'|'.join(words)})\\b/"


def _rule(rule_id: str, condition: str) -> str:
    return f'requirement {rule_id} "{rule_id}" {{\n  category unmeasurable\n  when     {condition}\n  message  "{rule_id}"\n}}\n'


@st.composite
def _rule_files(draw: st.DrawFn) -> tuple[str, str]:
    """A base and a leaf that extends it: lists and patterns of the base kept, redefined
    (even as the other kind), grown by ``+=`` or added to in the leaf; defines and rules of
    either that use them, inline lists among them, and rules of the leaf replacing the base's."""
    word = st.sampled_from(["late", "soon", "prompt", "shall", "must", "timely"])
    kinds = {name: draw(st.sampled_from(["terms", "pattern"])) for name in _NAMES}
    base = ['ruleset "base" {\n  language en\n}']
    for name in _NAMES[:3]:
        base.append(_item(kinds[name], name, draw(st.lists(word, min_size=1, max_size=3, unique=True))))
    base.append('define requirement = "shall", "must"')
    base.append(f"define quick = {' or '.join(draw(st.lists(st.sampled_from(_NAMES[:3]), min_size=1, max_size=3, unique=True)))}")
    base_rules = draw(st.lists(st.sampled_from(["R1", "R2", "R3"]), max_size=3, unique=True))
    base += [_rule(rule_id, draw(st.sampled_from([*_NAMES[:3], "quick", '"late", "soon"']))) for rule_id in base_rules]
    leaf = ['ruleset "leaf" {\n  language en\n  extends "base"\n}']
    for name in _NAMES:
        change = draw(st.sampled_from(["keep", "same", "other kind", "grow"] if name != "delta" else ["keep", "same"]))
        words = draw(st.lists(word, min_size=1, max_size=2, unique=True))
        if change == "same" or (name == "delta" and change != "keep"):
            leaf.append(_item(kinds[name], name, words))
        elif change == "other kind":
            leaf.append(_item("pattern" if kinds[name] == "terms" else "terms", name, words))
        elif change == "grow":
            leaf.append(_item(kinds[name], name, words, adds=True))
    used = [name for name in _NAMES if name != "delta" or any(line.startswith(("terms delta", "pattern delta")) for line in leaf)]
    if draw(st.booleans()):
        leaf.append(f"define quick = {draw(st.sampled_from(used))}")
    leaf_rules = draw(st.lists(st.sampled_from(["R2", "R4"]), max_size=2, unique=True))
    leaf += [_rule(rule_id, draw(st.sampled_from([*used, "quick", '"prompt"']))) for rule_id in leaf_rules]
    return "\n".join(base) + "\n", "\n".join(leaf) + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=_rule_files())
def test_an_entry_read_back_with_its_base_is_the_compiled_ruleset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: tuple[str, str]) -> None:
    """Against the simple reference, compiling without a cache: the leaf (and the base) read
    from the cache dump to the same JSON, in the same order, whether the base was read first,
    after or only for the leaf."""
    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        folder = Path(scratch)
        monkeypatch.setenv("KRAVKOLL_CACHE_DIR", str(folder / "cache"))
        monkeypatch.delenv("KRAVKOLL_NO_CACHE", raising=False)
        base, leaf = write(folder / "base.krav", files[0]), write(folder / "leaf.krav", files[1])
        cold = dumps(load_rulesets([leaf, base]))
        monkeypatch.setenv("KRAVKOLL_NO_CACHE", "1")
        assert dumps(load_rulesets([leaf, base])) == cold
        monkeypatch.delenv("KRAVKOLL_NO_CACHE")
        assert dumps(load_rulesets([leaf, base])) == cold
        assert dumps(load_rulesets([base, leaf])) == [cold[1], cold[0]]
        assert dumps(load_rulesets([leaf])) == cold[:1]
