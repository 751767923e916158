"""The domain's closed vocabularies as string enums.

Kept apart from the pydantic models so that reading paths (the dashboard at start-up) can
use them without importing pydantic.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    SECRETARY = "secretary"
    PORTFOLIO_HOLDER = "portfolio_holder"
    PROGRAMME_MANAGER = "programme_manager"
    ADVISER = "adviser"
    GUEST = "guest"
    MEMBER = "member"


class Circle(StrEnum):
    INNER = "inner"
    OUTER = "outer"


class DecisionMethod(StrEnum):
    VOTE = "vote"
    CONSENT = "consent"
    ACCLAMATION = "acclamation"


class VoteRule(StrEnum):
    SIMPLE = "simple"
    ABSOLUTE = "absolute"
    QUALIFIED = "qualified"
    UNANIMITY = "unanimity"


class VoterRule(StrEnum):
    """Who casts the votes: each member, one per perspective, or weighted by member/perspective."""

    MEMBER = "member"
    PERSPECTIVE = "perspective"
    WEIGHTED_MEMBER = "weighted_member"
    WEIGHTED_PERSPECTIVE = "weighted_perspective"


class QuorumRule(StrEnum):
    MEMBER_SHARE = "member_share"
    PERSPECTIVE_SHARE = "perspective_share"
    MEMBER_COUNT = "member_count"


class TieRule(StrEnum):
    REJECT = "reject"
    CHAIR_CASTING = "chair_casting"


class Language(StrEnum):
    NL = "nl"
    EN = "en"


class MeetingKind(StrEnum):
    REGULAR = "regular"
    EXTRA = "extra"
    EVALUATION = "evaluation"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    AGENDA_DRAFT = "agenda_draft"
    AGENDA_SET = "agenda_set"
    PAPERS_SENT = "papers_sent"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"
    MINUTES_APPROVED = "minutes_approved"


class ItemKind(StrEnum):
    OPENING = "opening"
    MINUTES = "minutes"
    ACTIONS_REVIEW = "actions_review"
    THEME = "theme"
    INTEREST_ROUND = "interest_round"
    BEHAVIOUR_CHECK = "behaviour_check"
    EVALUATION = "evaluation"
    ANY_OTHER_BUSINESS = "any_other_business"
    CLOSING = "closing"
    OTHER = "other"


class ItemSource(StrEnum):
    """Where an agenda item came from: re-planning a year replaces only template and plan items."""

    MANUAL = "manual"
    TEMPLATE = "template"
    PLAN = "plan"
    REQUEST = "request"


class Purpose(StrEnum):
    INFORMING = "informing"
    OPINION = "opinion"
    DECIDING = "deciding"


class ItemStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    DEFERRED = "deferred"


class RequestStatus(StrEnum):
    SUBMITTED = "submitted"
    SCHEDULED = "scheduled"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    ABSENT_WITH_NOTICE = "absent_with_notice"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"
    REMOTE = "remote"


class FloorStatus(StrEnum):
    WAITING = "waiting"
    GIVEN = "given"
    WITHDRAWN = "withdrawn"


class ProposalStatus(StrEnum):
    OPEN = "open"
    ADOPTED = "adopted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    DEFERRED = "deferred"


class Choice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class ConsentAnswerKind(StrEnum):
    CONSENT = "consent"
    CONCERN = "concern"
    OBJECTION = "objection"
    PASS = "pass"


class DecisionStatus(StrEnum):
    IN_FORCE = "in_force"
    SUPERSEDED = "superseded"
    REVOKED = "revoked"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class BehaviourScore(StrEnum):
    KEPT = "kept"
    UNDER_PRESSURE = "under_pressure"
    BROKEN = "broken"


class InterestRoundStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"


# -- the werkagenda --


class KpiStatus(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    AT_RISK = "at_risk"
    NO_DATA = "no_data"


class Frequency(StrEnum):
    """How often a KPI is measured (its measuring moments)."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"

    @property
    def months(self) -> int:
        return {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}[self.value]


class Scale(StrEnum):
    REGION = "region"
    SUBREGION = "subregion"
    MUNICIPALITY = "municipality"


class Aim(StrEnum):
    """The quadruple aim's dimensions; equity makes it the quintuple aim."""

    POPULATION_HEALTH = "population_health"
    EXPERIENCE = "experience"
    COSTS = "costs"
    WORK_SATISFACTION = "work_satisfaction"
    EQUITY = "equity"
