"""What a pipeline relies on: folder discovery, ruff-like options, and time limits on every command."""

from __future__ import annotations

import json
import os
from pathlib import Path

import docx
import pytest
from check_helpers import (
    CLEAN,
    DRAFT,
    RULESET,
    invoke,
    work,  # noqa: F401 - a pytest fixture
    write,
)
from docx_builder import to_bytes

from checker.limits import alarm_available

R = str(RULESET)
needs_alarm = pytest.mark.skipif(not alarm_available(), reason="no SIGALRM here: the time limit is not enforced")


def checked_files(*args: str) -> list[str]:
    result = invoke("check", *args, "-r", R, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    return [Path(f["path"]).as_posix() for f in json.loads(result.stdout)["files"]]


# ---- discovery -----------------------------------------------------------------------------


def test_folder_check_respects_gitignore_and_skips_tool_folders_and_licences(work: Path) -> None:
    (work / ".git").mkdir()
    write(work / ".gitignore", "utkast/\n*.bak.md\n/rot.md\n!behall.bak.md\n# a comment\n")
    write(work / "underlag" / ".gitignore", "lokal.md\n")
    for name in [
        "underlag/avtal.md",
        "underlag/lokal.md",
        "underlag/gammal.bak.md",
        "underlag/behall.bak.md",
        "underlag/sub/rot.md",
        "rot.md",
        "utkast/a.md",
        "node_modules/pkg/README.md",
        "miljo/lib/x.md",
        "LICENSE.md",
        "underlag/COPYING.txt",
        "underlag/LICENCE-MIT.txt",
        "underlag/licensavtal.md",
    ]:
        write(work / name, CLEAN)
    write(work / "miljo" / "pyvenv.cfg", "home = /usr/bin\n")
    assert checked_files(".") == ["underlag/avtal.md", "underlag/behall.bak.md", "underlag/licensavtal.md", "underlag/sub/rot.md"]
    assert checked_files("underlag") == [
        "underlag/avtal.md",
        "underlag/behall.bak.md",
        "underlag/licensavtal.md",
        "underlag/sub/rot.md",
    ]  # the repository's .gitignore applies inside too
    everything = checked_files(".", "--no-ignore")
    assert len(everything) == 13 and "node_modules/pkg/README.md" in everything and "LICENSE.md" in everything
    assert checked_files("underlag/lokal.md") == ["underlag/lokal.md"]  # a file named on the command line is checked


def test_gitignore_outside_a_repository_is_only_read_inside_the_folder(work: Path) -> None:
    write(work / ".gitignore", "*.md\n")  # not a repository: a parent's .gitignore does not apply
    write(work / "projekt" / "avtal.md", CLEAN)
    assert checked_files("projekt") == ["projekt/avtal.md"]


def test_folders_nested_deeper_than_pythons_recursion_limit(work: Path) -> None:
    from checker.discovery import documents_in

    deepest = work
    try:
        for _ in range(1200):  # 2,400 characters: within PATH_MAX (os.makedirs itself would recurse too deep)
            deepest = deepest / "d"
            os.mkdir(deepest)
        write(deepest / "x.md", CLEAN)
        assert [p.name for p in documents_in(Path("d"))] == ["x.md"]
    finally:  # pytest's clean-up (shutil.rmtree) would recurse too deep as well
        (deepest / "x.md").unlink(missing_ok=True)
        while deepest != work:
            deepest.rmdir()
            deepest = deepest.parent


def test_gitignore_patterns() -> None:
    from checker.discovery import ignored, parse_gitignore

    rules = parse_gitignore("docs/**/utkast*.md\n**/arkiv\nbilaga?.md\n[Tt]mp/\n!docs/viktig/utkast1.md\n\\#hash.md\n", Path("/r"))
    assert ignored("/r/docs/a/b/utkast1.md", False, rules)
    assert ignored("/r/docs/utkast2.md", False, rules)
    assert not ignored("/r/annat/docs/utkast2.md", False, rules)  # anchored to the file's folder
    assert not ignored("/r/docs/viktig/utkast1.md", False, rules)  # taken back by "!"
    assert ignored("/r/x/arkiv", True, rules) and ignored("/r/bilaga1.md", False, rules)
    assert ignored("/r/Tmp", True, rules) and not ignored("/r/Tmp", False, rules)  # folders only
    assert ignored("/r/#hash.md", False, rules) and not ignored("/r/bilaga12.md", False, rules)


# ---- options -------------------------------------------------------------------------------


def test_output_format_is_an_alias_of_format_and_keeps_format_equals_file(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    as_ruff = invoke("check", "utkast.md", "-r", R, "--output-format", "json")
    assert json.loads(as_ruff.stdout)["summary"]["error"] == 1
    old = invoke("check", "utkast.md", "-r", R, "--output-format", "sarif=k.sarif", "--write", "junit=k.xml")
    assert old.stdout.startswith("utkast.md:7:30: error")  # text on standard output, as before
    assert json.loads((work / "k.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert (work / "k.xml").read_text(encoding="utf-8").startswith("<?xml")
    clash = invoke("check", "utkast.md", "-r", R, "--format", "json", "--output-format", "sarif")
    assert clash.exit_code == 2 and "one output format for standard output" in clash.stderr
    assert invoke("check", "utkast.md", "-r", R, "--output-format", "yaml").exit_code == 2


def test_statistics_count_findings_per_rule(work: Path) -> None:
    write(work / "a.md", DRAFT)
    write(work / "b.md", DRAFT.replace("K4.1", "K4.2"))
    text = invoke("check", "a.md", "b.md", "-r", R, "--statistics")
    assert text.stdout.splitlines() == [
        "    2  sv-avtal/OMATBART          error    Kravet går inte att följa upp",
        "    2  sv-avtal/UTAN-SANKTION     warning  Uppföljt krav utan konsekvens",
        "    2  sv-avtal/UTAN-UPPFOLJNING  warning  Mätbart krav utan uppföljning",
    ]
    assert text.exit_code == 1  # the exit code does not change
    data = json.loads(invoke("check", "a.md", "b.md", "-r", R, "--statistics", "-f", "json", "--ignore", "UTAN-SANKTION").stdout)
    assert [(row["rule"], row["count"]) for row in data] == [("sv-avtal/OMATBART", 2), ("sv-avtal/UTAN-UPPFOLJNING", 2)]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_quiet_silences_warnings_and_notes_in_every_format(work: Path, fmt: str) -> None:
    write(work / "utkast.md", DRAFT)
    (work / "tom").mkdir()
    loud = invoke("check", "utkast.md", "tom", "-r", R, "-f", fmt, "--write-baseline", "b.json")
    assert "warning: tom: no documents" in loud.stderr and "wrote 3 findings to the baseline" in loud.stderr
    quiet = invoke("check", "utkast.md", "tom", "-r", R, "-f", fmt, "--write-baseline", "b.json", "--quiet")
    assert quiet.stderr == ""
    errors = invoke("check", "utkast.md", "saknas.md", "-r", R, "-f", fmt, "--quiet")
    assert errors.stderr == "kravkoll: saknas.md: no such file or folder\n"  # errors are never silenced


def test_severity_override_on_the_command_line(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    write(work / "kravkoll.toml", '[severity]\n"OMATBART" = "warning"\n')
    result = invoke("check", "utkast.md", "-r", R, "-f", "json", "--severity", "OMATBART,UTAN-SANKTION=info")
    assert {(f["rule"], f["severity"]) for f in json.loads(result.stdout)["findings"]} == {
        ("sv-avtal/OMATBART", "info"),
        ("sv-avtal/UTAN-SANKTION", "info"),
        ("sv-avtal/UTAN-UPPFOLJNING", "warning"),
    }
    assert result.exit_code == 0
    for bad in ("OMATBART", "OMATBART=high", "=info"):
        assert invoke("check", "utkast.md", "-r", R, "--severity", bad).exit_code == 2
    typo = invoke("check", "utkast.md", "-r", R, "--severity", "OMATBRT=info")
    assert typo.exit_code == 2 and "did you mean 'OMATBART'?" in typo.stderr


# ---- time limits ---------------------------------------------------------------------------

SLOW_PARAGRAPH = "K1.1 Leverantören ska åtgärda fel snabbt. Tillgängligheten följs upp.\n\n"


def slow_markdown(folder: Path) -> Path:
    """About two seconds of work: far over the limits of 0.3 s below, which a one-line file
    meets with room to spare on a busy machine."""
    return write(folder / "lang.md", "# 1 Drift\n\n" + SLOW_PARAGRAPH * 16000)


@needs_alarm
@pytest.mark.parametrize("command", ["check", "report", "matrix"])
def test_every_command_that_reads_documents_takes_a_timeout(work: Path, command: str) -> None:
    slow = slow_markdown(work)
    result = invoke(command, str(slow), "-r", R, "--timeout", "0.3", "-o", "ut.txt")
    assert result.exit_code == 2
    assert f"kravkoll: {slow}: took longer than 0.3 s" in result.stderr
    write(work / "kravkoll.toml", "timeout = 0.3\n")  # the configuration's, too
    assert "took longer than 0.3 s" in invoke(command, str(slow), "-r", R, "-o", "ut.txt").stderr


@needs_alarm
def test_annotate_takes_a_timeout(work: Path) -> None:
    document = docx.Document()
    for number in range(12000):  # each paragraph its own: Word's XML compresses far less than a repeated line
        document.add_paragraph(f"K{number}.1 Leverantören ska åtgärda fel {number} snabbt. Tillgängligheten följs upp.")
    (work / "lang.docx").write_bytes(to_bytes(document))
    result = invoke("annotate", "lang.docx", "-r", R, "--timeout", "0.3")
    assert result.exit_code == 2 and result.stderr == "kravkoll: lang.docx: took longer than 0.3 s (the --timeout); skipped\n"
    assert not (work / "lang.kravkoll.docx").exists()


@needs_alarm
def test_a_batch_has_a_default_limit_per_document_and_a_single_document_none(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import config

    monkeypatch.setattr(config, "BATCH_TIMEOUT", 0.3)
    slow = slow_markdown(work)
    write(work / "kort.md", "Leverantören ska åtgärda fel snabbt.\n")
    batch = invoke("check", str(slow), "kort.md", "-r", R, "-f", "json")
    assert batch.exit_code == 2 and f"{slow}: took longer than 0.3 s" in batch.stderr
    assert any(f["file"] == "kort.md" for f in json.loads(batch.stdout)["findings"])
    assert invoke("check", str(slow), "-r", R, "--quiet").exit_code == 1  # one document: no default limit
    assert invoke("check", str(slow), "kort.md", "-r", R, "--timeout", "600", "--quiet").exit_code == 1
    matrix = invoke("matrix", str(slow), "kort.md", "-r", R)
    assert matrix.exit_code == 2 and "took longer than 0.3 s" in matrix.stderr
