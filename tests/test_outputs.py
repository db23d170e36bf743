"""Inputs are never overwritten, outputs are written whole and never through a link, what is not a
regular file is refused, and nothing from a file name or a document drives the terminal or CI."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from check_helpers import (
    DRAFT,
    RULESET,
    invoke,
    run,
    work,  # noqa: F401 - a pytest fixture
    write,
)

from checker import files
from checker.errors import KravError
from checker.files import InputFiles, write_output

R = str(RULESET)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FIFO_GUARD_SECONDS = 60
"""A refused pipe answers at once; a regression blocks, and fails here instead of hanging the suite."""

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    """Temporary files of a write, anywhere under ``folder``."""
    return sorted(p.name for p in folder.rglob(f"{files.TEMPORARY_PREFIX}*"))


# ---- no command writes over one of its inputs --------------------------------------------------

OVERWRITES = {
    "check -o": ("check", "doc.md", "-r", R, "-o", "doc.md"),
    "check --output-format": ("check", "doc.md", "-r", R, "--output-format", "json=doc.md"),
    "check --write-baseline": ("check", "doc.md", "-r", R, "--write-baseline", "doc.md"),
    "check --write-baseline over --baseline": ("check", "doc.md", "-r", R, "--baseline", "b.json", "--write-baseline", "b.json"),
    "check -o over --config": ("check", "doc.md", "-r", R, "--config", "k.toml", "-o", "k.toml"),
    "check -o over --ruleset": ("check", "doc.md", "-r", "regler.krav", "-o", "regler.krav"),
    "check -o over a document of a folder": ("check", "mapp", "-r", R, "-o", "mapp/doc.md"),
    "report -o": ("report", "doc.md", "-r", R, "-o", "doc.md"),
    "matrix -o": ("matrix", "doc.md", "-r", R, "-o", "doc.md"),
    "matrix -o over an unreadable input": ("matrix", "tom.md", "-o", "tom.md"),
    "report .docx -o": ("report", "doc.docx", "-o", "doc.docx"),
    "annotate -o over --config": ("annotate", "doc.docx", "--config", "k.toml", "-o", "k.toml"),
}


def _inputs(work: Path) -> dict[str, str]:
    """Every file the OVERWRITES cases read, with its digest."""
    write(work / "doc.md", DRAFT)
    write(work / "mapp" / "doc.md", DRAFT)
    write(work / "tom.md", "")
    (work / "doc.docx").write_bytes((EXAMPLES / "sv-avtal-sla.docx").read_bytes())
    (work / "regler.krav").write_bytes(RULESET.read_bytes())
    write(work / "k.toml", 'fail-on = "never"\n')
    assert invoke("check", "doc.md", "-r", R, "--write-baseline", "b.json").exit_code == 0
    return {p.name: digest(p) for p in work.rglob("*") if p.is_file()}


@pytest.mark.parametrize("args", OVERWRITES.values(), ids=OVERWRITES.keys())
def test_no_command_writes_over_one_of_its_inputs(work: Path, args: tuple[str, ...]) -> None:
    before = _inputs(work)
    target = args[-1].partition("=")[2] or args[-1]
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kravkoll: {target}: would overwrite the input ")  # the name the input was given
    assert result.stderr.endswith(f"{target}; kravkoll never writes over its inputs (choose another output file)\n")
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""  # refused before any work
    assert {p.name: digest(p) for p in work.rglob("*") if p.is_file()} == before
    assert leftovers(work) == []


@pytest.mark.parametrize("command", ["check", "report", "matrix"])
def test_a_hard_link_or_a_symbolic_link_to_an_input_is_the_input(work: Path, command: str) -> None:
    document = write(work / "doc.md", DRAFT)
    os.link(document, work / "hård.md")
    (work / "länk.md").symlink_to(document)
    (work / "sub").mkdir()
    before = digest(document)
    for target in ("hård.md", "länk.md", "sub/../doc.md", str(document)):
        result = invoke(command, "doc.md", "-r", R, "-o", target)
        assert result.exit_code == 2, target
        assert result.stderr.splitlines()[-1] == (
            f"kravkoll: {target}: would overwrite the input doc.md; kravkoll never writes over its inputs (choose another output file)"
        )
    assert digest(document) == before and (work / "länk.md").is_symlink()


# ---- no output follows a link ------------------------------------------------------------------


def test_a_planted_link_as_the_default_report_is_left_and_its_target_untouched(work: Path) -> None:
    write(work / "x.md", DRAFT)
    victim = write(work.parent / f"{work.name}-bashrc", "export PATH=/usr/bin\n")
    (work / "x.report.html").symlink_to(victim)
    result = invoke("report", "x.md", "-r", R)
    assert result.exit_code == 2
    assert result.stderr == ("kravkoll: x.report.html: is a symbolic link; kravkoll does not write through links (remove it or choose another output file)\n")
    assert victim.read_text(encoding="utf-8") == "export PATH=/usr/bin\n"
    assert (work / "x.report.html").is_symlink() and os.readlink(work / "x.report.html") == str(victim)


@pytest.mark.parametrize("option", ["-o", "--output-format", "--write-baseline"])
def test_a_dangling_link_as_an_output_creates_nothing_where_it_points(work: Path, option: str) -> None:
    write(work / "doc.md", DRAFT)
    (work / "ut").symlink_to(work / "skapad")
    value = "json=ut" if option == "--output-format" else "ut"
    result = invoke("check", "doc.md", "-r", R, option, value)
    assert result.exit_code == 2 and "ut: is a symbolic link" in result.stderr
    assert not (work / "skapad").exists() and (work / "ut").is_symlink()


def test_annotate_refuses_a_planted_link_as_its_copy(work: Path) -> None:
    (work / "avtal.docx").write_bytes((EXAMPLES / "sv-avtal-sla.docx").read_bytes())
    victim = write(work / "annan.txt", "orörd\n")
    (work / "avtal.kravkoll.docx").symlink_to(victim)
    result = invoke("annotate", "avtal.docx")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "avtal.kravkoll.docx: is a symbolic link" in result.stderr
    assert victim.read_text(encoding="utf-8") == "orörd\n"


@needs_fifo
def test_an_output_that_is_a_pipe_is_refused_not_waited_on(work: Path) -> None:
    write(work / "doc.md", DRAFT)
    os.mkfifo(work / "rör")
    result = run("check", "doc.md", "-r", R, "-o", "rör", cwd=work, timeout=FIFO_GUARD_SECONDS)
    assert result.returncode == 2
    assert result.stderr.decode() == ("kravkoll: rör: is a named pipe, not a regular file; kravkoll writes only regular files ('-' is standard output)\n")


def test_check_writes_to_standard_output_for_a_dash(work: Path) -> None:
    write(work / "doc.md", DRAFT)
    result = invoke("check", "doc.md", "-r", R, "-f", "json", "-o", "-")
    assert json.loads(result.stdout)["summary"]["error"] == 1
    assert not (work / "-").exists()


# ---- outputs are written whole -----------------------------------------------------------------


def test_an_output_is_replaced_whole_keeping_its_permissions_and_no_temporary_file_is_left(work: Path) -> None:
    write(work / "doc.md", DRAFT)
    old = write(work / "doc.report.html", "gammal rapport")
    old.chmod(0o640)
    assert invoke("report", "doc.md", "-r", R).exit_code == 0
    assert old.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    assert invoke("check", "doc.md", "-r", R, "-o", "ny.txt").exit_code == 1
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((work / "ny.txt").stat().st_mode) == 0o666 & ~umask
    assert leftovers(work) == []


def _fail_fsync_with(exception: BaseException):
    def fsync(_descriptor: int) -> None:
        raise exception

    return fsync


@pytest.mark.parametrize(
    "command",
    [
        ("report", "doc.md", "-r", R, "-o", "ut.html"),
        ("matrix", "doc.md", "-r", R, "-o", "ut.html"),
        ("check", "doc.md", "-r", R, "-o", "ut.html"),
        ("check", "doc.md", "-r", R, "--output-format", "sarif=ut.html"),
        ("check", "doc.md", "-r", R, "--write-baseline", "ut.html"),
        ("annotate", "doc.docx", "-o", "ut.html"),
    ],
    ids=lambda args: " ".join(a for a in args if a not in (R, "-r")),
)
def test_ctrl_c_or_a_full_disk_while_writing_leaves_the_old_file_and_no_temporary_file(
    work: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    write(work / "doc.md", DRAFT)
    (work / "doc.docx").write_bytes((EXAMPLES / "sv-avtal-sla.docx").read_bytes())
    old = write(work / "ut.html", "förra versionen")
    monkeypatch.setattr(files.os, "fsync", _fail_fsync_with(KeyboardInterrupt()))
    interrupted = invoke(*command)
    assert interrupted.exit_code == 130 and interrupted.stderr.endswith("kravkoll: interrupted\n")
    assert old.read_text(encoding="utf-8") == "förra versionen" and leftovers(work) == []
    monkeypatch.setattr(files.os, "fsync", _fail_fsync_with(OSError(errno.ENOSPC, "No space left on device")))
    full = invoke(*command)
    assert full.exit_code == 2 and full.stderr.endswith("kravkoll: ut.html: cannot write: No space left on device\n")
    assert old.read_text(encoding="utf-8") == "förra versionen" and leftovers(work) == []


_TERMINATED_WHILE_WRITING = """
import os, signal, sys
from checker import files
files.os.fsync = lambda _descriptor: os.kill(os.getpid(), signal.SIGTERM)
files.write_output(sys.argv[1], "ny", files.InputFiles())
"""


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_a_termination_signal_while_writing_exits_without_leaving_a_temporary_file(tmp_path: Path) -> None:
    target = write(tmp_path / "ut.json", "gammal")
    source_tree = str(Path(__file__).resolve().parent.parent)
    result = subprocess.run(
        [sys.executable, "-c", _TERMINATED_WHILE_WRITING, str(target)],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": source_tree},
        check=False,
    )
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert target.read_text(encoding="utf-8") == "gammal" and leftovers(tmp_path) == []


def test_an_ignored_hangup_stays_ignored_while_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as under nohup
    try:
        monkeypatch.setattr(files.os, "fsync", lambda _descriptor: os.kill(os.getpid(), signal.SIGHUP))
        write_output(tmp_path / "ut.json", "ny", InputFiles())
        assert (tmp_path / "ut.json").read_text(encoding="utf-8") == "ny"
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, previous)


def _file_size_limit() -> None:
    """A file system that takes 2 KB per file: writing more fails as on a full disk (EFBIG)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE as a full disk")
def test_a_real_write_that_fails_halfway_keeps_the_old_report(work: Path) -> None:
    write(work / "doc.md", DRAFT)
    old = write(work / "doc.report.html", "förra rapporten")
    result = run("report", "doc.md", "-r", R, cwd=work, preexec_fn=_file_size_limit)
    assert result.returncode == 2
    assert result.stderr.decode() == "kravkoll: doc.report.html: cannot write: File too large\n"
    assert old.read_text(encoding="utf-8") == "förra rapporten" and leftovers(work) == []


def test_the_writer_refuses_unsafe_targets_as_a_library_function(tmp_path: Path) -> None:
    source = write(tmp_path / "in.md", "text")
    with pytest.raises(KravError, match="would overwrite the input"):
        write_output(tmp_path / "in.md", "ut", InputFiles.of([source, None, "-", tmp_path / "saknas"]))
    with pytest.raises(KravError, match="is a folder"):
        write_output(tmp_path, "ut", InputFiles())
    write_output(tmp_path / "ut.bin", b"\x00\x01", InputFiles.of([source]))
    assert (tmp_path / "ut.bin").read_bytes() == b"\x00\x01"


# ---- what is not a regular file is refused at once ---------------------------------------------


@needs_fifo
@pytest.mark.parametrize("role", ["document", "baseline", "config", "ruleset"])
def test_a_named_pipe_as_an_input_is_refused_at_once_and_the_batch_goes_on(work: Path, role: str) -> None:
    write(work / "doc.md", DRAFT)
    pipe = work / {"document": "rör.md", "baseline": "rör.json", "config": "rör.toml", "ruleset": "rör.krav"}[role]
    os.mkfifo(pipe)
    extra = {
        "document": [pipe.name, "-r", R],
        "baseline": ["-r", R, "--baseline", pipe.name],
        "config": ["-r", R, "--config", pipe.name],
        "ruleset": ["-r", pipe.name],
    }[role]
    result = run("check", "doc.md", *extra, cwd=work, timeout=FIFO_GUARD_SECONDS)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kravkoll: {pipe.name}: ")
    assert "not a regular file (a named pipe)" in lines[0]
    if role == "document":  # the other document is still checked
        assert "in 1 file; 1 file could not be read" in result.stdout.decode()


@needs_fifo
def test_annotate_refuses_a_named_pipe_as_its_document(work: Path) -> None:
    os.mkfifo(work / "rör.docx")
    result = run("annotate", "rör.docx", cwd=work, timeout=FIFO_GUARD_SECONDS)
    assert result.returncode == 2
    assert result.stderr.decode() == "kravkoll: rör.docx: cannot read: not a regular file (a named pipe)\n"


# ---- nothing from a file name or a document drives the terminal or CI ---------------------------

INJECTED_NAME = "x\n::error file=README.md,line=1::injected\x1b[31m.md"


def test_a_file_name_cannot_start_a_line_on_standard_error(work: Path) -> None:
    (work / INJECTED_NAME).write_bytes(b"\x00\x01binary\x00")  # unreadable: an error line that names the file
    for args in (
        ("check", ".", "-r", R),
        ("check", INJECTED_NAME, "-r", R),
        ("check", INJECTED_NAME + "saknas", "-r", R),
        ("matrix", INJECTED_NAME),
        ("report", INJECTED_NAME),
    ):
        result = invoke(*args)
        assert result.exit_code == 2
        lines = result.stderr.splitlines()
        assert lines and all(line.startswith("kravkoll: ") for line in lines), lines
        assert "\x1b" not in result.stderr
        assert "x\\n::error file=README.md,line=1::injected\\x1b[31m.md" in lines[0]


def test_a_file_name_cannot_start_a_line_in_text_or_github_output(work: Path) -> None:
    write(work / INJECTED_NAME, DRAFT)
    text = invoke("check", ".", "-r", R).stdout
    assert "\x1b" not in text
    assert not any(line.startswith("::") for line in text.splitlines())
    assert text.splitlines()[0].startswith("x\\n::error file=README.md,line=1::injected\\x1b[31m.md:7:30: error")
    github = invoke("check", ".", "-r", R, "-f", "github").stdout.splitlines()
    assert len(github) == 3 and all(line.startswith("::error file=x%0A%3A%3Aerror ") or line.startswith("::warning file=x%0A") for line in github)


ESCAPES = "Leverantören ska åtgärda fel \x1b[31m snabbt \x1b[0m, se \x1b]8;;http://x\x07 länk \x1b]8;;\x07."


def test_terminal_sequences_in_a_document_are_shown_not_sent(work: Path) -> None:
    filler = "".join(f"Punkt {n}: tjänsten levereras enligt avtalet och dess bilagor.\n\n" for n in range(20))
    write(work / "doc.md", f"# Avtal\n\n{filler}{ESCAPES}\n")
    coloured = invoke("check", "doc.md", "-r", R, "--color").stdout  # kravkoll's own colours only
    assert "\x1b]" not in coloured and "\x1b[31m " not in coloured and "\x07" not in coloured
    result = invoke("check", "doc.md", "-r", R)
    assert "\x1b" not in result.stdout
    lines = result.stdout.splitlines()
    shown = next(line for line in lines if line.startswith("    | Leverantören"))
    assert "\\x1b[31m snabbt \\x1b[0m, se \\x1b]8;;http://x\\x07 länk \\x1b]8;;\\x07." in shown
    carets = lines[lines.index(shown) + 1]
    underlined = "".join(shown[i] for i, c in enumerate(carets) if c == "^" and i < len(shown))
    assert underlined == "snabbt"  # the underline stays under the match, after the escapes
    matrix = invoke("matrix", "doc.md", "-r", R).stdout
    assert "\x1b" not in matrix and "\x07" not in matrix
