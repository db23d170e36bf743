"""Links between requirements and the follow-up or sanction statements that go with them."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from ..document import Statement
from ..rulemodel import LINK_METHODS, Ruleset
from .matches import EMPTY

if TYPE_CHECKING:
    from .classify import Classification


Linked = tuple[str, int, str, str | None]
"""(how, statement, reason, detail) of one link: see :class:`~checker.report.Link`."""


def links_to_itself(requirement: Statement, kind: str) -> bool:
    """Whether a requirement that is itself a ``kind`` statement ("followup" or "sanction") is
    its own follow-up or sanction. A consequence in the same sentence is a specific sanction ("If
    availability falls below 99.5 %, a credit of 5 % applies"); a follow-up phrase inside the
    requirement is not follow-up (labelling.md: "as measured by the provider" is not), unless the
    requirement is a table row, whose surveillance cell follows up its level (a row that is a
    blanket statement, "Status report | after each sprint", follows itself up as blanket:
    :func:`iter_links`)."""
    return kind == "sanction" or requirement.table is not None


def beyond_blanket(kind: str, c: Classification) -> frozenset[int]:
    """The requirements no blanket ``kind`` statement covers: for sanctions the ``no_blanket_sanction``
    statements, duties whose breach no blanket consequence reaches (the supplier's deadline to
    claim its own payment, "The contractor shall submit a final invoice within 60 calendar days":
    a late invoice delays the supplier's own payment; re-performance, rejection of deliverables,
    termination for default or withheld payment for an unacceptable invoice answer for its
    performance and its invoices' contents, not for when it claims). Only a consequence that
    names them (id, clause, topic) sanctions them."""
    return c.statements_of_class("no_blanket_sanction") if kind == "sanction" else EMPTY


def parts_of(requirement: Statement, kind: str, c: Classification) -> frozenset[int]:
    """The statements that are part of ``requirement`` and so are never its ``kind`` statements
    by section, topic or blanket: itself, and, when its own follow-up phrase is not its
    follow-up (:func:`links_to_itself`), the list items its sentence introduces ("In lieu of a
    status report, the following are required: • links to the branch • screenshots"): they
    say what it requires, and carry its class from it."""
    i = requirement.index
    if links_to_itself(requirement, kind):
        return frozenset((i,))
    return c.index.list_items.get(i, EMPTY) | {i}


def links_of(requirement: Statement, targets: frozenset[int], methods: Sequence[str], c: Classification, kind: str) -> list[Linked]:
    """(how, statement, reason, detail) for each statement of ``targets`` (the ``kind``
    statements) linked to ``requirement``."""
    return list(iter_links(requirement, targets, methods, c, kind))


def iter_links(requirement: Statement, targets: frozenset[int], methods: Sequence[str], c: Classification, kind: str) -> Iterator[Linked]:
    """The links of :func:`links_of`, one at a time: a rule only asks whether there is one;
    the sources of :func:`link_sources` one after the other."""
    for _, source in link_sources(requirement, targets, methods, c, kind):
        yield from source


def link_sources(requirement: Statement, targets: frozenset[int], methods: Sequence[str], c: Classification, kind: str) -> list[tuple[str, Iterator[Linked]]]:
    """The links of ``requirement`` to the statements of ``targets`` (the ``kind`` statements), as
    (how, links) sources that yield nothing until read, each in the order of the statements, so a
    reader that wants the closest few (:func:`~checker.engine.trace`) reads no more of them.

    ``id`` links statements that name the requirement's id or the number of a clause it stands
    in (a cross-reference), and the cells of a flattened performance table's row numbered so
    (:attr:`Classification.numbered_rows`: the row of task 1 measures the duties of section 1);
    ``section`` those in its clause (the nearest enclosing section, unless that is the whole
    document), its table or its flattened table's row; ``topic`` those that share a topic list with it;
    ``blanket`` the blanket clauses, the items of a blanket clause's list through the clause
    that introduces them. When the rule links by blanket, a blanket clause links only that way,
    in the requirement's clause, table or topic too: what it covers makes it blanket, not where
    it stands (labelling.md); its topic words are part of its "all". A statement whose clause
    states its scope (:attr:`Classification.scopes`: "the sole and exclusive remedy for failure to meet the Availability commitment") links by
    section, topic or blanket only to requirements about a topic of that scope; an id names
    the requirement, whatever the scope. The statements a section, table, topic or blanket clause
    links to are the same for every requirement that shares it, so they are computed once
    (:meth:`Classification.among`); checking stays linear in the size of the document.
    """
    index = c.index
    i = requirement.index
    blanket = c.linking_blanket if "blanket" in methods else EMPTY
    sources: list[tuple[str, Iterator[Linked]]] = []
    exempt = i in beyond_blanket(kind, c)
    if i in targets and links_to_itself(requirement, kind) and not (exempt and i in blanket):
        itself = ("blanket", i, "blanket", c.blanket_words(i)) if i in blanket else ("self", i, "self", None)
        sources.append((itself[0], iter((itself,))))
    parts = parts_of(requirement, kind, c)
    row_of, rows_numbered, row_number = c.numbered_rows
    if "id" in methods:
        keys = index.reference_keys(i)
        if keys:
            mentions = index.mentions_in(targets)
            for key, reason, detail in keys:
                named = c.among(targets, mentions.get(key, EMPTY), rows_numbered.get(key, EMPTY))
                sources.append(("id", _links("id", reason, detail, named, lambda j: j not in parts)))
    in_scope = c.in_scope

    def specific(j: int) -> bool:
        return j not in parts and j not in blanket and in_scope(i, j)

    cell_row = c.cell_rows.get(i)
    if "section" in methods and cell_row is not None:  # a cell of a flattened table's row: that row's cells, not the others'
        sources.append(("section", _links("section", "table", f"row {cell_row[1]}", c.among(targets, cell_row[0]), specific)))
    elif "section" in methods:
        section = index.section_group(i)
        if section:
            label = c.document.sections[requirement.section].shown_label
            cells = c.cell_rows  # a flattened table's method cell checks its own row, not the clause's other duties
            sources.append(("section", _links("section", "clause", label, c.among(targets, section), lambda j: specific(j) and j not in cells)))
        if requirement.table is not None:
            table = index.by_table.get(requirement.table, EMPTY)
            sources.append(("section", _links("section", "table", f"{requirement.table}", c.among(targets, table), specific)))
        if i in row_of:  # a cell of a flattened table's numbered row: the row's other cells
            sources.append(("section", _links("section", "table", f"row {row_number[i]}", c.among(targets, row_of[i]), specific)))
    if "topic" in methods:
        for topic, members in c.linking_topics.items():
            if i in members:
                sources.append(("topic", _links("topic", "topic", topic, c.among(targets, members), specific)))
    if "blanket" in methods and not exempt:
        sources.append(("blanket", _blanket_links(i, c.among(targets, blanket), blanket, targets, parts, c)))
    return sources


def _links(how: str, reason: str, detail: str | None, statements: tuple[int, ...], keep: Callable[[int], bool]) -> Iterator[Linked]:
    """(how, j, reason, detail) for each statement j of ``statements`` that ``keep`` keeps."""
    return ((how, j, reason, detail) for j in statements if keep(j))


def _blanket_links(
    i: int, clauses: tuple[int, ...], blanket: frozenset[int], targets: frozenset[int], parts: frozenset[int], c: Classification
) -> Iterator[Linked]:
    """The blanket links of requirement ``i`` (:func:`link_sources`) among ``clauses``, the
    blanket targets in order: an item of a blanket clause's list links through its lead-in."""
    statements = c.document.statements
    for j in clauses:
        lead_in = statements[j].lead_in
        through_lead_in = lead_in is not None and lead_in in blanket and lead_in in targets and lead_in not in parts
        if j not in parts and not through_lead_in and c.in_scope(i, j):
            yield ("blanket", j, "blanket", c.blanket_words(j))


def linked_targets(requirements: frozenset[int], targets: frozenset[int], methods: Sequence[str], c: Classification, kind: str) -> frozenset[int]:
    """The statements of ``targets`` (the ``kind`` statements) that :func:`iter_links` links to
    at least one of ``requirements``. A requirement shares the links of its clause, table, topics
    and the blanket clauses with the others there, so each such group is asked once, for each of
    its targets whether a requirement of it reaches that target (a few statements are a
    requirement's own parts, a scope leaves some out): linear in the size of the document, where
    listing every requirement's links is quadratic in it."""
    index, statements = c.index, c.document.statements
    blanket = c.linking_blanket if "blanket" in methods else EMPTY
    exempt = beyond_blanket(kind, c)
    parts = {i: parts_of(statements[i], kind, c) for i in requirements}
    found = {i for i in requirements & targets if links_to_itself(statements[i], kind) and not (i in exempt and i in blanket)}
    in_scope: dict[tuple[int, frozenset[str]], list[int]] = {}

    def reached(j: int, group: list[int]) -> bool:
        """Whether a requirement of ``group`` that ``j``'s scope admits does not hold ``j`` as its part."""
        scope = c.scopes.get(j)
        if scope is not None:
            key = (id(group), scope)
            if key not in in_scope:
                in_scope[key] = [i for i in group if c.in_scope(i, j)]
            group = in_scope[key]
        return any(j not in parts[i] for i in group)

    row_of, rows_numbered, _ = c.numbered_rows
    if "id" in methods:
        mentions = index.mentions_in(targets)
        naming: dict[str, list[int]] = {}
        for i in requirements:
            for key, _, _ in index.reference_keys(i):
                naming.setdefault(key, []).append(i)
        for key, group in naming.items():
            named = mentions.get(key, EMPTY) | (rows_numbered.get(key, EMPTY) & targets)
            found.update(j for j in named if any(j not in parts[i] for i in group))
    groups: dict[frozenset[int], list[int]] = {}  # a clause, a table, a flattened table's row or a topic → its requirements
    cell_rows = c.cell_rows
    clauses: set[frozenset[int]] = set()  # the groups that are clauses: their flattened tables' cells check their own rows
    for i in sorted(requirements):
        if "section" in methods and i in cell_rows:
            groups.setdefault(cell_rows[i][0], []).append(i)
        elif "section" in methods:
            if section := index.section_group(i):
                groups.setdefault(section, []).append(i)
                clauses.add(section)
            if (table := statements[i].table) is not None:
                groups.setdefault(index.by_table.get(table, EMPTY), []).append(i)
            if i in row_of:
                groups.setdefault(row_of[i], []).append(i)
    if "topic" in methods:
        for members in c.linking_topics.values():
            if about := sorted(requirements & members):
                groups.setdefault(members, []).extend(about)
    for members, group in groups.items():
        # a clause's flattened-table method cells check their own rows (cell_rows), not its other duties
        in_rows = [i for i in group if i in cell_rows] if members in clauses else group
        found.update(j for j in c.among(targets, members) if j not in blanket and reached(j, in_rows if j in cell_rows else group))
    if "blanket" in methods and (requirements - exempt):
        everyone = sorted(requirements - exempt)
        for j in c.among(targets, blanket):
            lead_in = statements[j].lead_in
            if lead_in is not None and lead_in in blanket and lead_in in targets:
                # It links through its lead-in: only to the requirements whose parts hold the lead-in.
                group = [i for i in (lead_in, statements[lead_in].lead_in) if i in requirements and i not in exempt and lead_in in parts[i]]
            else:
                group = everyone
            if reached(j, group):
                found.add(j)
    return frozenset(found)


def unlinked(candidates: frozenset[int], targets: frozenset[int], methods: Sequence[str], c: Classification, kind: str) -> list[int]:
    """The statements of ``candidates`` that :func:`iter_links` links to none of ``targets`` (the
    ``kind`` statements), in order; a rule asks this of every requirement, so it is answered for
    all of them at once: the targets of no scope for every candidate, then those of each scope
    (few) for the candidates about one of its topics."""
    index, statements = c.index, c.document.statements
    exempt = beyond_blanket(kind, c)
    remaining = set(
        candidates - frozenset(i for i in candidates & targets if links_to_itself(statements[i], kind) and not (i in exempt and i in c.linking_blanket))
    )
    parts = {i: parts_of(statements[i], kind, c) for i in remaining}
    # Cheapest first: any one link will do, and the id search then looks for few ids.
    by_scope: dict[frozenset[str], set[int]] = {}
    for j in targets & c.scopes.keys():
        by_scope.setdefault(c.scopes[j], set()).add(j)
    unscoped = targets - frozenset().union(*by_scope.values())
    remaining = _unlinked_by_clause(remaining, unscoped, methods, c, parts, exempt)
    for scope, scoped in by_scope.items():
        about = frozenset().union(*(c.topic_members.get(topic, EMPTY) for topic in scope))
        inside = remaining & about
        remaining = (remaining - inside) | _unlinked_by_clause(inside, frozenset(scoped), methods, c, parts, exempt)
    if "id" in methods and remaining:
        keys = {i: [key for key, _, _ in found] for i in remaining if (found := index.reference_keys(i))}
        wanted = {key for found in keys.values() for key in found}
        mentions = index.mentions(targets, wanted) if wanted else {}
        rows_numbered = c.numbered_rows[1]
        for key, row in rows_numbered.items():
            if key in wanted and row & targets:
                mentions[key] = mentions.get(key, EMPTY) | (row & targets)
        remaining = {i for i in remaining if not (i in keys and any(_has_other(mentions.get(key, EMPTY), parts[i]) for key in keys[i]))}
    return sorted(remaining)


def _unlinked_by_clause(
    remaining: set[int], targets: frozenset[int], methods: Sequence[str], c: Classification, parts: dict[int, frozenset[int]], exempt: frozenset[int] = EMPTY
) -> set[int]:
    """The statements of ``remaining`` that no statement of ``targets`` is linked to by blanket,
    section or topic (:func:`unlinked`; ``parts``: each one's :func:`parts_of`; ``exempt``: those
    no blanket statement covers, :func:`beyond_blanket`)."""
    index, statements = c.index, c.document.statements
    if "blanket" in methods and remaining:
        blanket = c.linking_blanket & targets
        remaining = {i for i in remaining if i in exempt or not _has_other(blanket, parts[i])}
    if "section" in methods and remaining:
        in_section = _targets_by(targets - c.cell_rows.keys(), lambda j: statements[j].section)  # a method cell checks its own row
        in_section.pop(None, None)  # statements before the first heading share no section
        for whole in index.whole_document_sections:
            in_section.pop(whole, None)
        in_table = _targets_by(targets, lambda j: statements[j].table)
        in_table.pop(None, None)  # statements outside tables share no table
        row_of, cell_rows = c.numbered_rows[0], c.cell_rows
        remaining = {
            i
            for i in remaining
            if not (
                (i in cell_rows and _has_other(cell_rows[i][0] & targets, parts[i]))
                or (i not in cell_rows and _has_other(in_section.get(statements[i].section, EMPTY), parts[i]))
                or _has_other(in_table.get(statements[i].table, EMPTY), parts[i])
                or (i in row_of and _has_other(row_of[i] & targets, parts[i]))
            )
        }
    if "topic" in methods and remaining:
        for members in c.linking_topics.values():
            linked = members & targets
            remaining = {i for i in remaining if i not in members or not _has_other(linked, parts[i])}
    return remaining


Nearest = tuple[int, str, str | None]
"""(statement, why not linked, detail) of :func:`nearest_unlinked`."""


def nearest_unlinked(i: int, targets: frozenset[int], methods: Sequence[str], c: Classification, kind: str) -> Nearest | None:
    """For requirement ``i``, which :func:`unlinked` found linked to none of ``targets``: the
    target nearest to it in the document, and why it is not linked: ``"scope"`` when it would
    be but for the scope its clause states (detail: the topics of that scope), ``"elsewhere"``
    when it stands in another clause and shares no topic with the requirement. None when the
    document has no such statement. Found by bisection: a comment asks it for each finding."""
    ordered = c.among(targets, targets)
    at = bisect_left(ordered, i)
    parts = parts_of(c.document.statements[i], kind, c)
    near = [j for j in ordered[max(at - 1, 0) : at + 2 + len(parts)] if j not in parts]
    if not near:
        return None
    j = min(near, key=lambda k: (abs(k - i), k))
    if not c.in_scope(i, j) and _near_enough(i, j, methods, c, i in beyond_blanket(kind, c)):
        return (j, "scope", ", ".join(sorted(c.scopes[j])))
    return (j, "elsewhere", None)


def _near_enough(i: int, j: int, methods: Sequence[str], c: Classification, exempt: bool = False) -> bool:
    """Whether ``j`` would link to ``i`` by section, table, topic or blanket, scope aside
    (``exempt``: no blanket statement covers ``i``, :func:`beyond_blanket`)."""
    statements, blanket = c.document.statements, c.linking_blanket
    if "section" in methods and (j in c.index.section_group(i) or (statements[i].table is not None and statements[i].table == statements[j].table)):
        return True
    if "blanket" in methods and j in blanket and not exempt:
        return True
    return "topic" in methods and any(i in members and j in members for members in c.linking_topics.values())


def _has_other(group: frozenset[int], own: frozenset[int]) -> bool:
    """Whether ``group`` holds a statement that is not one of ``own`` (a requirement's
    :func:`parts_of`, a few statements)."""
    return len(group) > len(own) or any(j not in own for j in group)


def _targets_by(targets: frozenset[int], group_of: Callable[[int], Any]) -> dict[Any, frozenset[int]]:
    """For each group (a section, a table) that holds targets: the targets in it, found from the
    targets alone (each scope asks again with its own few)."""
    groups: dict[Any, set[int]] = {}
    for j in targets:
        groups.setdefault(group_of(j), set()).add(j)
    return {key: frozenset(members) for key, members in groups.items()}


def link_methods(ruleset: Ruleset, kind: str) -> tuple[str, ...]:
    """How a ruleset links requirements to ``kind`` statements ("followup" or "sanction"): the
    ``linked by`` methods of its rules of that kind for requirements; all four if it has none."""
    methods = {m for rule in ruleset.rules if rule.kind == kind and rule.target == "requirements" for m in rule.linked_by}
    return tuple(m for m in LINK_METHODS if m in methods) or LINK_METHODS
