"""JSON in the shape the rule-language contract names; deterministic byte for byte."""

from __future__ import annotations

import json

from ..report import Report
from . import RenderOptions


def render(report: Report, options: RenderOptions) -> str:
    data = report.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
