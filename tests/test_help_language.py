"""``--help`` in the user's language: Swedish with a Swedish locale or ``--ui-lang sv`` anywhere on
the command line, English otherwise; every text from the one table,
:data:`checker.reporters.help_labels.HELP`."""

from __future__ import annotations

import inspect
import string
from typing import Iterator

import click
import pytest
from check_helpers import invoke

from checker.cli import main
from checker.reporters.help_labels import HELP, translated, ui_lang_argument

SWEDISH = {"LANG": "sv_SE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
ENGLISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def commands(group: click.Group = main, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command of kravkoll, the groups included, with the words that call it."""
    yield path, group
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))
        else:
            yield (*path, name), command


def squeezed(text: str) -> str:
    """``text`` without whitespace: the help wraps its lines where the terminal's width says."""
    return "".join(text.split())


def test_every_help_text_is_in_both_languages_with_the_same_placeholders() -> None:
    assert set(HELP["sv"]) == set(HELP["en"])
    fields = {
        language: {key: {name for _, name, _, _ in string.Formatter().parse(text) if name} for key, text in words.items()} for language, words in HELP.items()
    }
    assert fields["sv"] == fields["en"]


def test_each_english_text_names_one_key_as_click_keeps_it() -> None:
    """The help is translated by its English text, as click stores it (``inspect.cleandoc``)."""
    english = list(HELP["en"].values())
    assert len(set(english)) == len(english)
    assert all(inspect.cleandoc(text) == text for text in english)


def test_every_command_and_option_takes_its_help_from_the_table() -> None:
    english = set(HELP["en"].values())
    context = click.Context(main)
    for path, command in commands():
        assert command.help in english, path
        assert command.short_help is None or command.short_help in english, path
        for param in command.get_params(context):
            if isinstance(param, click.Option):
                assert param.help in english, (path, param.name)


@pytest.mark.parametrize(("path", "command"), list(commands()), ids=lambda value: " ".join(value) if isinstance(value, tuple) else "")
def test_every_help_page_is_swedish_with_a_swedish_locale(path: tuple[str, ...], command: click.Command) -> None:
    result = invoke(*path, "--help", env=SWEDISH)
    assert result.exit_code == 0
    page = squeezed(result.stdout)
    assert result.stdout.startswith("Användning: ") and "\nFlaggor:\n" in result.stdout
    assert squeezed(inspect.cleandoc(HELP["sv"][_key(command.help)]).replace("\b\n", "")) in page
    for param in command.get_params(click.Context(command)):
        if isinstance(param, click.Option) and param.help:
            assert squeezed(translated(param.help, "sv")) in page, param.name
            assert squeezed(param.help) not in page, param.name


def _key(english: str | None) -> str:
    return next(key for key, text in HELP["en"].items() if text == english)


def test_the_groups_help_in_swedish() -> None:
    result = invoke("--help", env=SWEDISH)
    assert result.stdout.splitlines()[0] == "Användning: main [FLAGGOR] KOMMANDO [ARGUMENT]..."  # click's runner calls it main
    assert "Granska upphandlingsdokument: är kraven mätbara, uppföljda och" in result.stdout
    assert "\nKommandon:\n" in result.stdout
    assert "  annotate  En kopia av ett Word-dokument med en kommentar per anmärkning." in result.stdout
    assert "Visa den här hjälpen och avsluta." in result.stdout and "Visa versionen och avsluta." in result.stdout
    assert "Options" not in result.stdout and "Show this message" not in result.stdout


def test_check_help_in_swedish_with_ui_lang_anywhere() -> None:
    for args in (("--ui-lang", "sv", "check", "--help"), ("check", "--help", "--ui-lang", "sv"), ("check", "--ui-lang=sv", "--help")):
        result = invoke(*args, env=ENGLISH)
        assert result.exit_code == 0, args
        page = squeezed(result.stdout)
        assert result.stdout.startswith("Användning: main check [FLAGGOR] [PATHS]...")
        assert squeezed("Slutkoder: 0 ingen anmärkning på eller över --fail-on; 1 några;") in page
        assert squeezed("Utformat.  [standard: text]") in page
        assert squeezed("Processer för en omgång filer; 0: en per processor.  [standard: 1; x>=0]") in page  # click's own default, in Swedish
        assert "Exit codes" not in result.stdout and "default:" not in result.stdout


def test_english_by_default_and_ui_lang_en_over_a_swedish_locale() -> None:
    for args, env in (
        (("check", "--help"), ENGLISH),
        (("check", "--help"), {"LANG": "", "LC_ALL": "", "LC_MESSAGES": ""}),
        (("check", "--help", "--ui-lang", "en"), SWEDISH),
    ):
        result = invoke(*args, env=env)
        page = squeezed(result.stdout)
        assert result.stdout.startswith("Usage: main check [OPTIONS] [PATHS]..."), (args, env)
        assert squeezed("Exit codes: 0 no finding at or above --fail-on; 1 some;") in page
        assert squeezed("Processes for a batch of files; 0: one per CPU.  [default: 1; x>=0]") in page
        assert "Flaggor" not in result.stdout and "Slutkoder" not in result.stdout


def test_ui_lang_on_the_command_line_counts_up_to_a_double_dash() -> None:
    assert ui_lang_argument(["check", "--ui-lang", "sv", "a.md"]) == "sv"
    assert ui_lang_argument(["--ui-lang=sv", "check", "--ui-lang", "en"]) == "en"  # the last one, as click reads it
    assert ui_lang_argument(["check", "--", "--ui-lang", "sv"]) is None  # a file named --ui-lang
    assert ui_lang_argument(["check", "--ui-lang", "de"]) is None and ui_lang_argument(["check", "--ui-lang"]) is None


def test_a_usage_error_shows_the_usage_line_in_the_users_language() -> None:
    result = invoke("check", "--format", "pdf", env=SWEDISH)
    assert result.exit_code == 2
    assert result.stderr.startswith("Användning: main check [FLAGGOR] [PATHS]...")


@pytest.mark.parametrize("path", [path for path, _command in commands()], ids=lambda path: " ".join(path) or "kravkoll")
def test_every_command_takes_ui_lang(path: tuple[str, ...]) -> None:
    result = invoke(*path, "--help", "--ui-lang", "sv", env=ENGLISH)
    assert result.exit_code == 0 and result.stdout.startswith("Användning: ")


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        ("Check documents. Then report.", 45, "Check documents."),
        ("Check procurement documents against the shipped rulesets of their language", 45, "Check procurement documents against the..."),
        ("Short help\n\nA second paragraph.", 45, "Short help"),
        ("\b\nKept as written.", 45, "Kept as written."),
        ("", 45, ""),
    ],
)
def test_a_commands_short_help_is_its_first_sentence_or_what_fits(text: str, limit: int, shown: str) -> None:
    """The command list's one line (click's own helper for it is deprecated): the first sentence
    when it fits, else the words that fit with "..."."""
    from checker.cli.help import short_help

    assert short_help(text, limit) == shown
