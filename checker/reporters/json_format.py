"""JSON in the shape the rule-language contract names; deterministic byte for byte.

Its JSON Schema ships as ``checker/schemas/report.schema.json`` (``kravkoll schema report``).
"""

from __future__ import annotations

from ..modelbase import dumped_json
from ..report import Report
from . import RenderOptions


def render(report: Report, options: RenderOptions) -> str:
    return dumped_json(report) + "\n"
