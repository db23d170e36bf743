"""``followup ID "title" { for requirements where … linked by … }``: a requirement that no
follow-up statement (``define followup``) is linked to."""

from __future__ import annotations

from .linking import LinkingKind


class FollowUp(LinkingKind):
    name = statement_class = "followup"

    def missing(self, field: str) -> str:
        return "for requirements where ..." if field == "for" else field

    def target_problem(self, target: str) -> str | None:
        if target != "requirements":
            return "a followup rule looks at requirements: write 'for requirements where ...'"
        return None


FOLLOWUP = FollowUp()
