"""Bench: ``kravkoll annotate`` on the ~300-page Swedish requirements .docx of read_docx.py.

Times, on the same document and its findings (the shipped Swedish rulesets):

- python-docx opening the document and saving it again (the floor for any annotated copy);
- checking it (read_docx, then the rules), as ``annotate`` does before it writes;
- ``annotate``: reading it again with the paragraph elements kept, one comment per active
  finding (runs split, marks put in, comments added) and saving.

Run: ``python bench/annotate_docx.py [--pages 300] [--repeat 3]``. The annotated copy goes to
bench/out/bench.kravkoll.docx.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import docx
from read_docx import best_times, build

from checker.engine import check_each
from checker.readers.docx import read_docx, read_word
from checker.reporters.docx_annotate import annotate, annotate_reading


def open_and_save(data: bytes) -> bytes:
    buffer = io.BytesIO()
    docx.Document(io.BytesIO(data)).save(buffer)
    return buffer.getvalue()


def checked(data: bytes) -> list:
    return next(iter(check_each([read_docx(data, "bench.docx")]))).findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    data = build(options.pages)
    findings = checked(data)
    result = annotate_reading(read_word(data, "bench.docx", editable=True), findings)
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "bench.kravkoll.docx").write_bytes(result.data)
    kinds = {kind: sum(p.anchor == kind for p in result.placements) for kind in ("match", "statement", "document", "note")}
    print(
        f"document: {len(data) / 1024:.0f} KiB; {len(findings)} findings, {len(result.placements)} comments {kinds}; "
        f"annotated copy {len(result.data) / 1024:.0f} KiB"
    )
    best = best_times(
        options.repeat,
        {
            "save": (open_and_save, data),
            "check": (checked, data),
            "annotate": (annotate, data, findings),
        },
    )
    print("                                     CPU ms   wall ms")
    for name, label in (("save", "python-docx open + save"), ("check", "check (read + rules)"), ("annotate", "annotate (read + comments + save)")):
        cpu, wall = best[name]
        print(f"{label:<35}{cpu * 1000:8.0f} {wall * 1000:9.0f}")
    per_comment = (best["annotate"][0] - best["save"][0]) / max(len(result.placements), 1)
    print(f"annotate beyond open + save: {per_comment * 1000:.2f} ms CPU per comment (the reading included)")


if __name__ == "__main__":
    main()
