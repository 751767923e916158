"""The entities (docs/architecture.md §3) as pydantic models: validated at every boundary.

The same models are what storage reads and writes, what the TOML/JSON files are checked
against, and what forms validate their fields with. Ids and timestamps are given by storage.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from boardroom.domain.enums import (  # noqa: F401  (re-exported: m.Role, m.Purpose, …)
    ActionStatus,
    Aim,
    AttendanceStatus,
    BehaviourScore,
    Choice,
    Circle,
    ConsentAnswerKind,
    DecisionMethod,
    DecisionStatus,
    FloorStatus,
    Frequency,
    InterestRoundStatus,
    ItemKind,
    ItemSource,
    ItemStatus,
    Language,
    MeetingKind,
    MeetingStatus,
    ProposalStatus,
    Purpose,
    QuorumRule,
    RequestStatus,
    Role,
    Scale,
    TieRule,
    VoterRule,
    VoteRule,
)
from boardroom.domain.outcome import DecisionOutcome

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000)]


def _months(months: list[int]) -> list[int]:
    for month in months:
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} is not between 1 and 12")
    return sorted(set(months))


def _email(value: str) -> str:
    if value and ("@" not in value or " " in value):
        raise ValueError(f"not an e-mail address: {value!r}")
    return value


def _unique_roles(roles: list[Role]) -> list[Role]:
    return list(dict.fromkeys(roles)) or [Role.MEMBER]


# Field types the stored models and the board file share (one rule, checked in one place)
Months = Annotated[list[int], AfterValidator(_months)]  # 1–12, each once, in order
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
Slots = Annotated[int, Field(ge=0, le=24)]  # a theme's agenda slots a year
Weight = Annotated[float, Field(ge=0, le=1000)]
Seats = Annotated[int, Field(ge=0, le=100)]
Email = Annotated[Text, AfterValidator(_email)]
Roles = Annotated[list[Role], AfterValidator(_unique_roles)]


class Record(BaseModel):
    """Fields every stored row has; absent until storage gives them."""

    # defer_build: a model's validator is built on first use, not at import (start-up time).
    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, use_enum_values=False, defer_build=True
    )

    id: int | None = None
    created_at: str | None = None
    updated_at: str | None = None


#: the documents' accent colour when the board has not chosen its own
DEFAULT_ACCENT = "#333355"


class BoardSettings(BaseModel):
    """How the board decides and works: the board file's [board] and the stored board alike."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: Name
    region: Name
    decision_method: DecisionMethod = DecisionMethod.CONSENT
    vote_rule: VoteRule = VoteRule.SIMPLE
    qualified_share: float = Field(default=2 / 3, gt=0, le=1)
    voter_rule: VoterRule = VoterRule.MEMBER
    outer_circle_votes: bool = False
    quorum_rule: QuorumRule = QuorumRule.MEMBER_SHARE
    quorum_value: float = Field(default=0.5, gt=0)
    tie_rule: TieRule = TieRule.REJECT
    unanimity_allows_abstention: bool = True
    papers_lead_days: int = Field(default=7, ge=0, le=90)
    consent_review_months: int = Field(default=6, ge=1, le=60)
    language: Language = Language.NL

    @field_validator("quorum_value")
    @classmethod
    def _quorum_value(cls, value: float) -> float:
        if value > 1 and value != int(value):
            raise ValueError("a member count must be a whole number")
        return value


class Board(Record, BoardSettings):
    #: the house style its documents are set in: an accent colour, and a logo and a font
    #: (each kept in the board by its sha256, with the file name it came as)
    accent: Colour = DEFAULT_ACCENT
    logo_sha256: str = ""
    logo_name: str = ""
    font_sha256: str = ""
    font_name: str = ""
    font_bold_sha256: str = ""
    font_bold_name: str = ""


class Perspective(Record):
    name: Name
    seats: Seats = 1
    vote_weight: Weight = 1
    position: int = 0


class Member(Record):
    name: Name
    organisation: Text = ""
    perspective_id: int | None = None
    roles: Roles = Field(default_factory=lambda: [Role.MEMBER])
    circle: Circle = Circle.INNER
    mandate: Text = ""
    vote_weight: Weight | None = None
    email: Email = ""
    active_from: dt.date | None = None
    active_until: dt.date | None = None
    seat_order: int = 0

    def is_active(self, on: dt.date) -> bool:
        """Whether the member sits at the table on a date (history stays; members come and go)."""
        started = self.active_from is None or self.active_from <= on
        not_ended = self.active_until is None or on <= self.active_until
        return started and not_ended


class Theme(Record):
    name: Name
    programme_manager_id: int | None = None
    target_slots: Slots = 4
    preferred_months: Months = Field(default_factory=list)
    colour: Colour = "#4a90d9"
    active: bool = True


class BehaviourRule(Record):
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    position: int = 0
    active: bool = True


class LeadingPrinciple(BehaviourRule):
    pass


class Meeting(Record):
    starts_at: dt.datetime  # local time, Europe/Amsterdam, stored without offset
    duration_minutes: int = Field(default=150, ge=15, le=24 * 60)
    location: Text = ""
    kind: MeetingKind = MeetingKind.REGULAR
    status: MeetingStatus = MeetingStatus.PLANNED
    current_item_id: int | None = None
    started_at: str | None = None
    closed_at: str | None = None
    item_clock_started_at: str | None = None


class AgendaItem(Record):
    meeting_id: int
    position: int = 0
    kind: ItemKind = ItemKind.OTHER
    purpose: Purpose = Purpose.INFORMING
    title: Name
    theme_id: int | None = None
    presenter_id: int | None = None
    requested_by_id: int | None = None
    timebox_minutes: int = Field(default=10, ge=0, le=600)
    #: the decision the item asks the board for, as the agenda sends it (beslispunt); the
    #: proposal put in the meeting starts from it
    proposal: Text = ""
    notes: Text = ""
    outcome: Text = ""
    status: ItemStatus = ItemStatus.PLANNED
    deferred_to_meeting_id: int | None = None
    elapsed_seconds: int = 0
    source: ItemSource = ItemSource.MANUAL


class ItemNote(Record):
    """One author's notes on an agenda item (everyone who takes notes has their own)."""

    agenda_item_id: int
    author_id: int
    text: Annotated[str, StringConstraints(max_length=20_000)] = ""  # as typed, not stripped


class Invitation(Record):
    """A one-time link for a member to make a passkey: kept as the sha256 of its token."""

    member_id: int
    token_sha256: str
    expires_at: str  # UTC, ISO 8601
    used_at: str | None = None
    revoked_at: str | None = None
    invited_by_id: int | None = None


class Passkey(Record):
    """A member's WebAuthn credential: the public half, held for them as an SSH key is."""

    member_id: int
    credential_id: str  # base64url
    public_key: str  # the COSE key, base64url
    sign_count: int = Field(default=0, ge=0)
    transports: list[str] = Field(default_factory=list)
    label: Text = ""
    invitation_id: int | None = None
    last_used_at: str | None = None


class AgendaRequest(Record):
    requester_id: int
    theme_id: int | None = None
    title: Name
    purpose: Purpose = Purpose.INFORMING
    minutes_needed: int = Field(gt=0, le=600)
    preferred_meeting_id: int | None = None
    preferred_month: str | None = Field(default=None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    papers_ready: dt.date | None = None
    status: RequestStatus = RequestStatus.SUBMITTED
    reason: Text = ""
    agenda_item_id: int | None = None


class Paper(Record):
    """A document for an item; its bytes are kept in the board under `sha256` (`path`: where
    it was attached from, for papers attached before they were kept in the board)."""

    agenda_item_id: int
    title: Name
    path: Text = ""
    file_name: Text = ""
    media_type: str = "application/octet-stream"
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    sent_at: str | None = None
    added_by_id: int | None = None
    replaced_by_id: int | None = None


class Attendance(Record):
    meeting_id: int
    member_id: int
    status: AttendanceStatus
    substitute_name: Text = ""
    arrived_at: str | None = None
    left_at: str | None = None


class Proposal(Record):
    meeting_id: int
    agenda_item_id: int | None = None
    title: Name
    method: DecisionMethod
    vote_rule: VoteRule | None = None
    secret: bool = False
    status: ProposalStatus = ProposalStatus.OPEN
    agreement_id: int | None = None  # the result agreement its decision will steer


class ProposalVersion(Record):
    proposal_id: int
    version: int = Field(ge=1)
    text: Text


class Round(Record):
    """One vote or one consent round on one version of a proposal."""

    proposal_id: int
    number: int = Field(ge=1)
    version_id: int
    kind: DecisionMethod
    status: str = "open"
    outcome: str | None = None
    quorum_met: bool | None = None
    entitled_weight: float | None = None
    for_weight: float | None = None
    against_weight: float | None = None
    abstain_weight: float | None = None
    voter_order: list[int] = Field(default_factory=list)


class Ballot(Record):
    round_id: int
    voter_id: int
    perspective_id: int | None = None
    choice: Choice
    weight: float = 1
    #: who entered it: the voter, or the chair (or secretary) for them; None before it was kept
    entered_by_id: int | None = None


class FloorRequest(Record):
    """A member asking for the floor on an agenda item: waiting in the queue, given the floor
    by the chair, or withdrawn."""

    agenda_item_id: int
    member_id: int
    status: FloorStatus = FloorStatus.WAITING
    remote: bool = False  # asked while attending remotely
    given_at: str | None = None


class ConsentAnswer(Record):
    round_id: int
    member_id: int
    seq: int
    answer: ConsentAnswerKind
    note: Text = ""
    #: who entered it: the voter, or the chair (or secretary) for them; None before it was kept
    entered_by_id: int | None = None


class Decision(Record):
    number: str = Field(pattern=r"^B\d{4}-\d{2}-\d{2,}$")
    title: Name
    text: Text = ""
    meeting_id: int
    agenda_item_id: int | None = None
    proposal_id: int | None = None
    method: DecisionMethod
    outcome: DecisionOutcome = Field(default_factory=lambda: DecisionOutcome())
    outcome_summary: Text = ""  # the sentence stored before outcomes were facts (schema < 8)
    review_date: dt.date | None = None
    theme_id: int | None = None
    status: DecisionStatus = DecisionStatus.IN_FORCE
    supersedes_id: int | None = None
    agreement_id: int | None = None  # the result agreement it steers (the werkagenda)


class Action(Record):
    number: str = Field(pattern=r"^A\d{4}-\d{2}-\d{2,}$")
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
    owner_id: int
    due_date: dt.date | None = None
    meeting_id: int | None = None
    agenda_item_id: int | None = None
    decision_id: int | None = None
    status: ActionStatus = ActionStatus.OPEN
    done_at: dt.date | None = None
    reason: Text = ""


class ActionUpdate(Record):
    action_id: int
    noted_on: dt.date
    note: Text
    by_member_id: int | None = None


class BehaviourCheck(Record):
    meeting_id: int
    rule_id: int
    score: BehaviourScore
    note: Text = ""


class InterestRound(Record):
    meeting_id: int
    perspective_id: int
    agenda_item_id: int | None = None
    helps: Text = ""
    pinches: Text = ""
    asks: Text = ""
    status: InterestRoundStatus = InterestRoundStatus.PLANNED


# -- the werkagenda -----------------------------------------------------------


class ResultAgreement(Record):
    """What parties agreed to achieve on a theme, at which scale, serving which aim."""

    theme_id: int
    programme_line: Text = ""
    title: Name
    owner: Text = ""  # a member or the theme's programme manager, by name
    parties: list[Name] = Field(default_factory=list)
    scale: Scale = Scale.REGION
    aim: Aim
    position: int = 0
    active: bool = True


class Kpi(Record):
    """An indicator of a result agreement: from its baseline to its target, measured at its
    frequency, from a named source."""

    agreement_id: int
    name: Name
    unit: Annotated[str, StringConstraints(strip_whitespace=True, max_length=40)] = ""
    baseline: float
    baseline_on: dt.date
    target: float
    target_on: dt.date
    source: Text = ""
    frequency: Frequency = Frequency.QUARTERLY

    @field_validator("target_on")
    @classmethod
    def _after_baseline(cls, target_on: dt.date, info: ValidationInfo) -> dt.date:
        baseline_on = info.data.get("baseline_on")
        if baseline_on is not None and target_on <= baseline_on:
            raise ValueError("the target date must be after the baseline date")
        return target_on


class Measurement(Record):
    """A figure for a KPI: the date it is about, its value, where it comes from."""

    kpi_id: int
    measured_on: dt.date
    value: float
    source: Text = ""
    note: Text = ""
    entered_by_id: int | None = None


class EvaluationStatement(BehaviourRule):
    """A statement about the collaboration, scored 1 (not at all) to 5 (entirely)."""


class Evaluation(Record):
    """A process evaluation: how many took part, and their comments (no names)."""

    meeting_id: int | None = None
    held_on: dt.date
    respondents: int = Field(ge=0, le=500)
    comments: list[Text] = Field(default_factory=list)


class EvaluationCount(Record):
    """How many gave a statement this score in an evaluation (a count, never a person)."""

    evaluation_id: int
    statement_id: int
    score: int = Field(ge=1, le=5)
    count: int = Field(ge=0)
