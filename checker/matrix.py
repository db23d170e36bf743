"""The traceability matrix of checked documents: for each requirement, whether it is
measurable, which statements follow it up and which sanction it (:func:`~checker.engine.trace`),
a scorecard of the shares, and the balance elements of each document (:mod:`checker.balance`).

``kravkoll matrix`` renders it as md, csv, html or json (:mod:`checker.reporters.matrix`);
``kravkoll report`` shows it in its HTML report (:mod:`checker.reporters.html`).
"""

from __future__ import annotations

from typing import Iterable

from .balance import balance
from .engine import DocumentResult, tool_info, trace
from .engine.sanctions import sanction_models
from .report import FileReport, Link, Matrix, MatrixDocument, Scorecard, TraceRow
from .rulemodel import Ruleset


def counted(row: TraceRow) -> bool:
    """Whether a row counts in the scorecard: a requirement on the supplier, or one whose party
    is not known (rows that carry no ``party`` reading count)."""
    return getattr(row, "party", None) in (None, "supplier", "unknown")


def _specific(links: list[Link]) -> bool:
    return any(link.how != "blanket" for link in links)


def scorecard(rows: list[TraceRow]) -> Scorecard:
    """Counts of the supplier's requirements (:func:`counted`) that are measurable, followed up,
    sanctioned and complete; followed up and sanctioned also split into specific and blanket only."""
    rows = [row for row in rows if counted(row)]
    return Scorecard.model_construct(
        requirements=len(rows),
        measurable=sum(row.measurable for row in rows),
        followed_up=sum(bool(row.follow_up) for row in rows),
        sanctioned=sum(bool(row.sanction) for row in rows),
        complete=sum(row.status == "complete" for row in rows),
        followed_up_specific=sum(_specific(row.follow_up) for row in rows),
        followed_up_blanket_only=sum(bool(row.follow_up) and not _specific(row.follow_up) for row in rows),
        sanctioned_specific=sum(_specific(row.sanction) for row in rows),
        sanctioned_blanket_only=sum(bool(row.sanction) and not _specific(row.sanction) for row in rows),
    )


def matrix_document(result: DocumentResult) -> MatrixDocument:
    """The matrix, scorecard, balance and sanction model of one checked document."""
    # Its models, and the rows, links and sanctions in them, are made by ``model_construct``
    # from values that are valid already: validation (by the models' pydantic twins) would
    # pass each nested model through its twin (12,000 sanctions of one clause took 39 s on a
    # loaded machine, where the test allows 5).
    document = result.document
    rows = trace(result)
    return MatrixDocument.model_construct(
        path=document.path,
        format=document.format,
        language=document.language,
        rulesets=[r.name for r in result.rulesets],
        scorecard=scorecard(rows),
        requirements=rows,
        balance=balance(result),
        sanctions=sanction_models(result),
    )


def build_matrix(results: Iterable[DocumentResult | FileReport]) -> Matrix:
    """The matrix of every document checked; unreadable files keep their error."""
    documents: list[MatrixDocument] = []
    used: dict[str, Ruleset] = {}
    for result in results:
        if isinstance(result, FileReport):
            documents.append(MatrixDocument.model_construct(path=result.path, error=result.error))
            continue
        for ruleset in result.rulesets:
            used.setdefault(ruleset.name, ruleset)
        documents.append(matrix_document(result))
    return Matrix.model_construct(tool=tool_info(used.values()), documents=documents)
