"""The shell of kravkoll's HTML pages (the report, the matrix, the server's pages): one
self-contained file with its stylesheet and, for the report, its one script inlined; both are
package files (``static/report.css``, ``static/report.js``)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from .. import __version__
from .markup import esc


@cache
def _static(name: str) -> str:
    """The text of a file in ``checker/reporters/static`` (package data), read once."""
    return files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def report_style() -> str:
    """The pages' stylesheet (``static/report.css``), inlined so a page needs no other file."""
    return _static("report.css")


def report_script() -> str:
    """The report's only script (``static/report.js``): Escape closes an open explanation (WCAG
    1.4.13), which opens again on the next focus or hover. The filter works without script
    (CSS); the script only hides a clause's heading when the filter leaves none of its findings."""
    return _static("report.js")


def page(title: str, language: str, body: str, script: bool = False) -> str:
    """A complete, self-contained HTML page."""
    js = f"<script>\n{report_script()}</script>\n" if script else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="kravkoll {esc(__version__)}">\n'
        f"<title>{esc(title)}</title>\n<style>\n{report_style()}</style>\n</head>\n<body>\n{body}{js}</body>\n</html>\n"
    )
