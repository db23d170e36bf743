"""The command line's own words — the summary line, what the exit code means, the progress bar —
in the user's language (``--ui-lang``, else the locale), while what is said about a document
follows the document's language; and the one table of words both languages share."""

from __future__ import annotations

import io
import re
import string
import sys
from pathlib import Path

import pytest
from check_helpers import (
    DRAFT,
    invoke,
    work,  # noqa: F401 - a pytest fixture
    write,
)
from check_helpers import RULESET as R

from checker.reporters.labels import LABELS, ui_language


def test_every_label_is_in_both_languages_with_the_same_placeholders() -> None:
    assert set(LABELS["sv"]) == set(LABELS["en"])
    fields = {
        language: {key: {name for _, name, _, _ in string.Formatter().parse(text) if name} for key, text in words.items()} for language, words in LABELS.items()
    }
    assert fields["sv"] == fields["en"]


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        (None, {}, "en"),
        (None, {"LANG": "sv_SE.UTF-8"}, "sv"),
        (None, {"LANG": "sv_SE.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),  # LC_MESSAGES before LANG
        (None, {"LC_MESSAGES": "en_GB.UTF-8", "LC_ALL": "sv_FI.UTF-8"}, "sv"),  # LC_ALL before both
        (None, {"LC_ALL": "", "LANG": "sv_SE"}, "sv"),  # an empty variable is not set
        (None, {"LANG": "C.UTF-8"}, "en"),
        ("sv", {"LANG": "en_US.UTF-8"}, "sv"),  # --ui-lang wins
        ("en", {"LANG": "sv_SE.UTF-8"}, "en"),
    ],
)
def test_the_ui_language_comes_from_the_option_else_the_locale(option: str | None, environ: dict[str, str], expected: str) -> None:
    assert ui_language(option, environ) == expected


def test_a_swedish_user_gets_a_swedish_summary_and_exit_code_note(work: Path) -> None:  # noqa: F811
    write(work / "utkast.md", DRAFT)
    for args, env in ((("--ui-lang", "sv"), {"LANG": "en_US.UTF-8"}), ((), {"LANG": "sv_SE.UTF-8", "LC_ALL": ""})):
        result = invoke("check", "utkast.md", "-r", R, *args, env=env)
        assert result.exit_code == 1
        lines = result.stdout.splitlines()
        assert lines[-2] == "Hittade 1 fel, 2 varningar, 0 tips i 1 fil."
        assert lines[-1].startswith("Slutkod 1: dokumenten har anmärkningar med allvarlighetsgrad fel eller högre (--fail-on).")
        assert "    Var: 4 Drift, rad 7" in lines  # about the Swedish document: Swedish
    english = invoke("check", "utkast.md", "-r", R, "--ui-lang", "en", env={"LANG": "sv_SE.UTF-8"}).stdout.splitlines()
    assert english[-2] == "Found 1 error, 2 warnings, 0 info in 1 file." and english[-1].startswith("Exit code 1: ")
    assert "    Var: 4 Drift, rad 7" in english  # the document is still Swedish


def test_no_findings_and_unreadable_files_in_swedish(work: Path) -> None:  # noqa: F811
    write(work / "rent.md", "# Avtal\n\nAvtalet gäller i två år.\n")
    clean = invoke("check", "rent.md", "-r", R, "--select", "OMATBART", "--ui-lang", "sv")
    assert (clean.exit_code, clean.stdout) == (0, "Inga anmärkningar: 0 fel, 0 varningar, 0 tips i 1 fil.\n")
    (work / "trasig.docx").write_bytes(b"not a zip")
    broken = invoke("check", "rent.md", "trasig.docx", "-r", R, "--select", "OMATBART", "--ui-lang", "sv")
    assert broken.exit_code == 2
    assert broken.stdout.splitlines() == [
        "Inga anmärkningar: 0 fel, 0 varningar, 0 tips i 1 fil; 1 fil kunde inte läsas.",
        "Slutkod 2: en fil gick inte att läsa (raderna om det står på standard error).",
    ]
    assert re.match(r"kravkoll: trasig\.docx: ", broken.stderr)


def test_quiet_prints_the_summary_alone_in_the_users_language(work: Path) -> None:  # noqa: F811
    write(work / "utkast.md", DRAFT)
    result = invoke("check", "utkast.md", "-r", R, "-q", env={"LC_ALL": "sv_SE.UTF-8"})
    assert result.stdout == "Hittade 1 fel, 2 varningar, 0 tips i 1 fil.\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("locale", "word"), [("sv_SE.UTF-8", "Kontrollerar"), ("en_GB.UTF-8", "Checking")])
def test_the_progress_bar_speaks_the_users_language(monkeypatch: pytest.MonkeyPatch, locale: str, word: str) -> None:
    from checker.cli.check import progress

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", locale)
    with progress(3, True) as tick:
        assert tick is not None
        tick()
    assert word in terminal.getvalue()
