"""JSON in the shape the rule-language contract names; deterministic byte for byte.

Its JSON Schema ships as ``checker/schemas/report.schema.json`` (``kravkoll schema report``).
"""

from __future__ import annotations

from ..report import Report
from . import RenderOptions


def render(report: Report, options: RenderOptions) -> str:
    return report.model_dump_json(indent=2) + "\n"
