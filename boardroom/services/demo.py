"""The demo board: the Lindewaard composition plus a generated history.

Deterministic: the same anchor date and shape give the same board, row for row (the clock
used for every timestamp is derived from the anchor, and the random choices are seeded).
The same generator, with a larger shape, makes the ten-year benchmark board (bench/).
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from boardroom.domain import models as m
from boardroom.domain.boardfile import parse_board_file
from boardroom.domain.clock import Clock
from boardroom.domain.numbering import action_number, decision_number, meeting_number
from boardroom.domain.outcome import DecisionOutcome
from boardroom.domain.voting import Seat, Tally, entitled_weight, outcome, quorum, voting_seats
from boardroom.services.session import AMSTERDAM, Session
from boardroom.services.setup import _discard, _fresh_session, create_board
from boardroom.storage.record_reads import SEAL_SCHEME

DEMO_SECRETARY = "Els Verhoeven"
DEMO_CHAIR = "Marianne van der Velde"


@dataclass(frozen=True)
class HistoryShape:
    """How much history to generate around the anchor date."""

    months_back: int = 12
    months_ahead: int = 3
    skip_summer: bool = True  # no meetings in July and August
    deciding_items: int = 1
    extra_decisions: int = 1  # decisions by acclamation per meeting, besides the deciding items
    actions_per_meeting: int = 3
    requests_per_meeting: int = 1
    seed: int = 2026


TEN_YEARS = HistoryShape(
    months_back=120,
    months_ahead=3,
    skip_summer=False,
    deciding_items=2,
    extra_decisions=12,
    actions_per_meeting=67,
    requests_per_meeting=5,
)

TOPICS: dict[str, list[tuple[str, str]]] = {
    "Acute zorg": [
        (
            "Regionale spoedpost: vervolgfase",
            "De spoedpost Lindestad gaat over naar 24/7 "
            "bezetting met één gezamenlijke triage door huisartsen en SEH.",
        ),
        (
            "Capaciteitsafspraken SEH en ambulancezorg",
            "De ziekenhuizen delen dagelijks hun "
            "SEH-capaciteit in het regionale capaciteitsdashboard.",
        ),
        (
            "Acute ouderenzorg: spoedbedden VVT",
            "Er komen 12 regionale spoedbedden in de VVT, toegankelijk via één loket.",
        ),
    ],
    "Ouderen langer thuis": [
        (
            "Regionaal programma valpreventie",
            "Alle gemeenten en de VVT voeren het valpreventieprogramma In Balans uit.",
        ),
        (
            "Wijkverpleging: gezamenlijke planning",
            "De thuiszorgorganisaties plannen avond- en nachtzorg gezamenlijk per subregio.",
        ),
        (
            "Woonzorgcentra en geclusterd wonen",
            "De tafel onderschrijft de woonzorgvisie en vraagt "
            "gemeenten deze op te nemen in hun woonvisie.",
        ),
    ],
    "Mentale gezondheid": [
        (
            "Wachttijden GGZ: regionale aanpak",
            "Er komt één regionale aanmeldstraat voor "
            "basis-GGZ met een wachttijdmonitor per kwartaal.",
        ),
        (
            "Mentale gezondheidsnetwerk",
            "Het netwerk van huisartsen, GGZ en sociaal domein start "
            "in drie wijken met een gezamenlijk spreekuur.",
        ),
    ],
    "Preventie en gezondheidsvaardigheden": [
        (
            "Regionale preventieagenda",
            "De GGD stelt met de gemeenten een regionale preventieagenda op met drie speerpunten.",
        ),
        (
            "Gezondheidsvaardigheden in de spreekkamer",
            "Alle partijen trainen hun medewerkers in begrijpelijke communicatie (B1).",
        ),
    ],
    "Arbeidsmarkt en digitale zorg": [
        (
            "Regionaal arbeidsmarktplan zorg en welzijn",
            "De partijen werven gezamenlijk en zetten een regionale flexpool op.",
        ),
        (
            "Gegevensuitwisseling: regionaal dossier",
            "De tafel kiest voor één regionale infrastructuur voor gegevensuitwisseling.",
        ),
        (
            "Digitale zorg tenzij",
            "Nieuwe zorgpaden worden digitaal ontworpen, tenzij de patiënt dat niet kan of wil.",
        ),
    ],
    "Wonen, welzijn en zorg": [
        (
            "Wijkteams en huisartsen: samenwerkingsafspraken",
            "Elke huisartsenpraktijk heeft een vaste contactpersoon in het wijkteam.",
        ),
        (
            "Inzet transformatiemiddelen sociaal domein",
            "De gemeenten reserveren 5% van de transformatiemiddelen voor regionale initiatieven.",
        ),
    ],
}

INTERESTS = {
    "helps": "Heldere afspraken over capaciteit en één aanspreekpunt in de regio.",
    "pinches": "De financiering van de nieuwe werkwijze is na dit jaar niet geregeld.",
    "asks": "Steun bij het gesprek met de zorgverzekeraar en de gemeenten over structurele dekking.",
}

BEHAVIOUR_NOTES = {
    m.BehaviourScore.UNDER_PRESSURE: "Stukken kwamen laat binnen; niet iedereen had ze gelezen.",
    m.BehaviourScore.BROKEN: "Afspraak over vertrouwelijkheid niet nagekomen; besproken in de "
    "rondvraag.",
}


class _Clock:
    """A settable clock: every timestamp of the generated history comes from here."""

    def __init__(self, start: dt.datetime) -> None:
        self.value = start

    def __call__(self) -> dt.datetime:
        return self.value

    def at(self, local: dt.datetime) -> None:
        self.value = local.replace(tzinfo=AMSTERDAM).astimezone(dt.UTC)


def second_thursday(year: int, month: int) -> dt.date:
    thursdays = [
        week[calendar.THURSDAY]
        for week in calendar.monthcalendar(year, month)
        if week[calendar.THURSDAY]
    ]
    return dt.date(year, month, thursdays[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def meeting_dates(anchor: dt.date, shape: HistoryShape) -> list[dt.datetime]:
    """Second Thursdays, 15:00, from months_back before the anchor to months_ahead after."""
    first = _add_months(anchor.replace(day=1), -shape.months_back)
    starts = []
    for offset in range(shape.months_back + shape.months_ahead + 1):
        month = _add_months(first, offset)
        if shape.skip_summer and month.month in (7, 8):
            continue
        day = second_thursday(month.year, month.month)
        starts.append(dt.datetime.combine(day, dt.time(15, 0)))
    return starts


class _Generator:
    def __init__(self, session: Session, clock: _Clock, anchor: dt.date, shape: HistoryShape):
        self.session = session
        self.repo = session.repo
        self.clock = clock
        self.anchor = anchor
        self.shape = shape
        self.rng = random.Random(shape.seed)
        self.board = self.repo.board()
        assert self.board is not None
        self.members = self.repo.members()
        self.perspectives = {p.id: p for p in self.repo.perspectives()}
        self.themes = self.repo.themes()
        self.holders = self.repo.theme_holders()
        self.rules = self.repo.rules("behaviour_rules", active_only=True)
        self.by_name = {x.name: x for x in self.members}
        self.decisions_by_theme: dict[int, list[int]] = {}
        self.topic_use: dict[str, int] = {}
        self.request_count = 0
        #: the months of the year's two evaluations (those the demo records, see EVALUATIONS)
        self.evaluation_months = {
            _add_months(anchor.replace(day=1), months).month for months, *_ in EVALUATIONS
        }

    # -- helpers -------------------------------------------------------------------------

    def insert(self, table: str, values: dict[str, Any]) -> int:
        return self.repo.insert(table, values)

    def active(self, on: dt.date) -> list[m.Member]:
        return [x for x in self.members if x.is_active(on)]

    def seats(self, on: dt.date, attendance: dict[int, m.AttendanceStatus]) -> list[Seat]:
        seats = [
            Seat(
                member_id=x.id or 0,
                perspective_id=x.perspective_id,
                circle=x.circle,
                member_weight=x.vote_weight,
                perspective_weight=self.perspectives[x.perspective_id].vote_weight
                if x.perspective_id
                else 1.0,
                attendance=attendance.get(x.id or 0),
            )
            for x in self.active(on)
            if x.perspective_id is not None
        ]
        return voting_seats(seats, self.board.outer_circle_votes if self.board else False)

    def topic(self, theme: m.Theme) -> tuple[str, str]:
        options = TOPICS.get(theme.name) or [(f"Voorstel {theme.name}", f"Voorstel {theme.name}.")]
        used = self.topic_use.get(theme.name, 0)
        self.topic_use[theme.name] = used + 1
        title, text = options[used % len(options)]
        round_ = used // len(options)
        follow_ups = ("", " (voortgang)", " (evaluatie)")
        suffix = follow_ups[round_] if round_ < len(follow_ups) else f" ({round_ + 1})"
        return f"{title}{suffix}", text

    # -- the history ---------------------------------------------------------------------

    def run(self) -> None:
        starts = meeting_dates(self.anchor, self.shape)
        meeting_ids = []
        for index, starts_at in enumerate(starts):
            self.clock.at(starts_at - dt.timedelta(days=60))
            location = (
                "Ziekenhuis Rivierenland, Auditorium"
                if index % 3 == 2
                else "Gemeentehuis Lindestad, Raadzaal"
            )
            meeting_ids.append(
                self.insert(
                    "meetings",
                    {
                        "starts_at": starts_at.isoformat(timespec="minutes"),
                        "duration_minutes": 150,
                        "location": location,
                        "kind": "regular",
                        "status": "planned",
                    },
                )
            )
        past = [(i, s) for i, s in enumerate(starts) if s.date() < self.anchor]
        future = [(i, s) for i, s in enumerate(starts) if s.date() >= self.anchor]
        special = {
            len(past) - 7: "objection",
            len(past) - 5: "rejected",
            len(past) - 3: "supersede",
        }
        for number, (index, starts_at) in enumerate(past):
            self.held_meeting(
                meeting_ids[index],
                starts_at,
                number,
                special.get(number),
                last=index == past[-1][0],
            )
        if future:
            index, starts_at = future[0]
            self.next_meeting(meeting_ids[index], starts_at, len(past))
        self.open_requests(future)

    def agenda(
        self, meeting_id: int, starts_at: dt.datetime, number: int, held: bool
    ) -> list[tuple[int, m.ItemKind, m.Theme | None, m.Purpose]]:
        """The standard items with the themes on turn; returns (item id, kind, theme, purpose)."""
        themes = [t for t in self.themes if t.active]
        count = 1 + self.shape.deciding_items
        on_turn = [themes[(number + k * len(themes) // count) % len(themes)] for k in range(count)]
        perspectives = list(self.perspectives.values())
        turn = perspectives[number % len(perspectives)]
        items: list[tuple[int, m.ItemKind, m.Theme | None, m.Purpose]] = []
        plan: list[tuple[m.ItemKind, str, m.Purpose, int, m.Theme | None]] = [
            (m.ItemKind.OPENING, "Opening en mededelingen", m.Purpose.INFORMING, 10, None),
            (m.ItemKind.MINUTES, "Verslag vorige vergadering", m.Purpose.DECIDING, 5, None),
            (
                m.ItemKind.ACTIONS_REVIEW,
                "Actielijst en besluitenlijst",
                m.Purpose.INFORMING,
                10,
                None,
            ),
        ]
        for k, theme in enumerate(on_turn):
            purpose = m.Purpose.DECIDING if k < self.shape.deciding_items else m.Purpose.OPINION
            title = self.topic(theme)[0] if purpose == m.Purpose.OPINION else theme.name
            plan.append((m.ItemKind.THEME, title, purpose, 30, theme))
        plan.append(
            (m.ItemKind.INTEREST_ROUND, f"Belangenronde: {turn.name}", m.Purpose.OPINION, 20, None)
        )
        if held and starts_at.month in self.evaluation_months:  # twice a year, as planned
            title = "Evaluatie van de samenwerking"
            plan.append((m.ItemKind.EVALUATION, title, m.Purpose.OPINION, 20, None))
        plan += [
            (m.ItemKind.ANY_OTHER_BUSINESS, "Rondvraag", m.Purpose.INFORMING, 5, None),
            (m.ItemKind.BEHAVIOUR_CHECK, "Spelregelcheck", m.Purpose.INFORMING, 10, None),
            (m.ItemKind.CLOSING, "Sluiting", m.Purpose.INFORMING, 5, None),
        ]
        for position, (kind, title, purpose, minutes, item_theme) in enumerate(plan, start=1):
            holder = self.holders.get(item_theme.id or 0, [None])[0] if item_theme else None
            presenter = holder or self.by_name[DEMO_CHAIR].id
            if kind == m.ItemKind.EVALUATION:  # no draw: the rest of the history stays as it was
                elapsed = minutes * 60 if held else 0
            else:
                elapsed = minutes * 60 + self.rng.randint(-120, 240) if held else 0
            item_id = self.insert(
                "agenda_items",
                {
                    "meeting_id": meeting_id,
                    "position": position,
                    "kind": kind.value,
                    "purpose": purpose.value,
                    "title": title,
                    "theme_id": item_theme.id if item_theme else None,
                    "presenter_id": presenter,
                    "requested_by_id": holder if kind == m.ItemKind.THEME else None,
                    "timebox_minutes": minutes,
                    "status": "done" if held else "planned",
                    "elapsed_seconds": max(0, elapsed),
                },
            )
            items.append((item_id, kind, item_theme, purpose))
            if kind == m.ItemKind.INTEREST_ROUND:
                self.insert(
                    "interest_rounds",
                    {
                        "meeting_id": meeting_id,
                        "perspective_id": turn.id,
                        "agenda_item_id": item_id,
                        **(INTERESTS if held else {}),
                        "status": "held" if held else "planned",
                    },
                )
            if kind == m.ItemKind.THEME:
                self.paper(item_id, title, starts_at, late=held and self.rng.random() < 0.15)
                if holder and self.request_count < 10_000:
                    self.scheduled_request(
                        item_id, holder, item_theme, title, purpose, minutes, starts_at
                    )
        return items

    def paper(self, item_id: int, title: str, starts_at: dt.datetime, late: bool) -> None:
        slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:40]
        sent = starts_at - dt.timedelta(days=3 if late else 8, hours=6)
        content = (
            f"# Notitie {title}\n\nVoor de vergadering van {starts_at:%d-%m-%Y}.\n\n"
            "## Aanleiding\n\nDe tafel bespreekt de voortgang en de volgende stap.\n\n"
            "## Voorstel\n\nZie het besluitvoorstel op de agenda.\n"
        ).encode()
        self.rng.randint(0, 900_000)  # (was the size of a made-up file: the draws stay the same)
        digest, _new = self.repo.store_paper_content(content, self.clock().isoformat())
        self.insert(
            "papers",
            {
                "agenda_item_id": item_id,
                "title": f"Notitie {title}",
                "path": "",
                "file_name": f"{slug}.md",
                "media_type": "text/markdown",
                "sha256": digest,
                "size": len(content),
                "sent_at": sent.replace(tzinfo=AMSTERDAM)
                .astimezone(dt.UTC)
                .isoformat(timespec="seconds"),
            },
        )

    def scheduled_request(
        self,
        item_id: int,
        holder: int,
        theme: m.Theme | None,
        title: str,
        purpose: m.Purpose,
        minutes: int,
        starts_at: dt.datetime,
    ) -> None:
        self.request_count += 1
        self.insert(
            "agenda_requests",
            {
                "requester_id": holder,
                "theme_id": theme.id if theme else None,
                "title": title,
                "purpose": purpose.value,
                "minutes_needed": minutes,
                "preferred_month": f"{starts_at:%Y-%m}",
                "papers_ready": (starts_at.date() - dt.timedelta(days=10)).isoformat(),
                "status": "scheduled",
                "agenda_item_id": item_id,
            },
        )

    def past_requests(self, starts_at: dt.datetime, scheduled: int) -> None:
        """Requests around a held meeting that did not make its agenda (declined, withdrawn)."""
        for k in range(max(0, self.shape.requests_per_meeting - scheduled)):
            theme = self.themes[(k + starts_at.month) % len(self.themes)]
            requester = self.holders.get(theme.id or 0, [self.by_name[DEMO_CHAIR].id])[0]
            declined = k % 2 == 0
            self.insert(
                "agenda_requests",
                {
                    "requester_id": requester,
                    "theme_id": theme.id,
                    "title": f"{self.topic(theme)[0]}: verkenning",
                    "purpose": "informing",
                    "minutes_needed": 15,
                    "preferred_month": f"{starts_at:%Y-%m}",
                    "status": "declined" if declined else "withdrawn",
                    "reason": "Agenda vol; schriftelijk afgedaan." if declined else "",
                },
            )

    def attendance(self, meeting_id: int, day: dt.date) -> dict[int, m.AttendanceStatus]:
        statuses: dict[int, m.AttendanceStatus] = {}
        for member in self.active(day):
            draw = self.rng.random()
            status = m.AttendanceStatus.PRESENT
            substitute = ""
            if draw > 0.93:
                status = m.AttendanceStatus.ABSENT_WITH_NOTICE
            elif draw > 0.88 and member.circle == m.Circle.INNER:
                status = m.AttendanceStatus.SUBSTITUTE
                substitute = f"Vervanger namens {member.organisation}"
            elif draw > 0.80:
                status = m.AttendanceStatus.REMOTE
            elif draw > 0.79:
                status = m.AttendanceStatus.ABSENT
            statuses[member.id or 0] = status
            self.insert(
                "attendance",
                {
                    "meeting_id": meeting_id,
                    "member_id": member.id,
                    "status": status.value,
                    "substitute_name": substitute,
                },
            )
        return statuses

    def held_meeting(
        self, meeting_id: int, starts_at: dt.datetime, number: int, special: str | None, last: bool
    ) -> None:
        self.clock.at(starts_at - dt.timedelta(days=14))
        self.repo.update("meetings", meeting_id, {"status": "agenda_draft"})
        items = self.agenda(meeting_id, starts_at, number, held=True)
        self.clock.at(starts_at - dt.timedelta(days=9))
        self.repo.update("meetings", meeting_id, {"status": "agenda_set"})
        self.clock.at(starts_at - dt.timedelta(days=8))
        self.repo.update("meetings", meeting_id, {"status": "papers_sent"})
        self.clock.at(starts_at)
        self.repo.update(
            "meetings",
            meeting_id,
            {"status": "in_progress", "started_at": self.clock().isoformat(timespec="seconds")},
        )
        attendance = self.attendance(meeting_id, starts_at.date())
        seats = self.seats(starts_at.date(), attendance)
        year_starts = self.repo.meeting_starts_in_year(starts_at.year)
        meeting_nr = meeting_number(starts_at, year_starts)
        counter = {"B": 0, "A": 0}
        minute = 20
        decision_ids: list[int] = []
        for item_id, kind, theme, purpose in items:
            minute += 12
            self.clock.at(starts_at + dt.timedelta(minutes=minute))
            if kind == m.ItemKind.THEME and purpose == m.Purpose.DECIDING and theme:
                decision_id = self.decide(
                    meeting_id,
                    item_id,
                    theme,
                    seats,
                    starts_at,
                    meeting_nr,
                    counter,
                    special,
                    method=m.DecisionMethod.VOTE if number % 4 == 1 else m.DecisionMethod.CONSENT,
                )
                if decision_id:
                    decision_ids.append(decision_id)
                    special = None if special == "supersede" else special
            if kind == m.ItemKind.THEME:
                for _ in range(self.shape.extra_decisions if purpose == m.Purpose.DECIDING else 0):
                    decision_ids.append(
                        self.acclamation(meeting_id, item_id, theme, starts_at, meeting_nr, counter)
                    )
            if kind == m.ItemKind.BEHAVIOUR_CHECK:
                self.behaviour_check(meeting_id)
        self.past_requests(starts_at, len([i for i in items if i[1] == m.ItemKind.THEME]))
        self.clock.at(starts_at + dt.timedelta(minutes=140))
        self.actions(meeting_id, items, decision_ids, starts_at, meeting_nr, counter)
        self.clock.at(starts_at + dt.timedelta(minutes=150))
        self.repo.update(
            "meetings",
            meeting_id,
            {"status": "closed", "closed_at": self.clock().isoformat(timespec="seconds")},
        )
        if not last:
            self.clock.at(starts_at + dt.timedelta(days=28))
            self.repo.update("meetings", meeting_id, {"status": "minutes_approved"})
            self.insert(
                "seals",
                {
                    "meeting_id": meeting_id,
                    "hash": self.repo.seal_hash(meeting_id),
                    "scheme": SEAL_SCHEME,
                },
            )

    def decide(
        self,
        meeting_id: int,
        item_id: int,
        theme: m.Theme,
        seats: list[Seat],
        starts_at: dt.datetime,
        meeting_nr: int,
        counter: dict[str, int],
        special: str | None,
        method: m.DecisionMethod,
    ) -> int | None:
        title, text = self.topic(theme)
        assert self.board is not None
        if special in ("objection", "rejected"):
            method = m.DecisionMethod.CONSENT if special == "objection" else m.DecisionMethod.VOTE
        proposal_id = self.insert(
            "proposals",
            {
                "meeting_id": meeting_id,
                "agenda_item_id": item_id,
                "title": title,
                "method": method.value,
                "vote_rule": self.board.vote_rule.value
                if method == m.DecisionMethod.VOTE
                else None,
                "secret": False,
            },
        )
        version_id = self.insert(
            "proposal_versions", {"proposal_id": proposal_id, "version": 1, "text": text}
        )
        # one voter per present perspective, in seat order
        voters: dict[int | None, Seat] = {}
        for seat in seats:
            if seat.present and seat.perspective_id not in voters:
                voters[seat.perspective_id] = seat
        q = quorum(seats, self.board.quorum_rule, self.board.quorum_value)
        if method == m.DecisionMethod.VOTE:
            facts, adopted = self.vote(proposal_id, version_id, seats, voters, q, special)
        else:
            facts, adopted, text = self.consent(proposal_id, version_id, voters, q, special, text)
        self.repo.update("proposals", proposal_id, {"status": "adopted" if adopted else "rejected"})
        # what the secretary notes on the item (free text, in the board's language)
        outcome_note = "Aangenomen." if adopted else "Verworpen; komt terug met een nieuw voorstel."
        self.repo.update("agenda_items", item_id, {"outcome": outcome_note})
        if not adopted:
            return None
        supersedes = None
        if special == "supersede" and self.decisions_by_theme.get(theme.id or 0):
            supersedes = self.decisions_by_theme[theme.id or 0][0]
        decision_id = self.record_decision(
            meeting_id,
            item_id,
            proposal_id,
            title,
            text,
            method,
            facts,
            theme,
            starts_at,
            meeting_nr,
            counter,
            supersedes,
        )
        return decision_id

    def vote(
        self,
        proposal_id: int,
        version_id: int,
        seats: list[Seat],
        voters: dict[int | None, Seat],
        q: Any,
        special: str | None,
    ) -> tuple[DecisionOutcome, bool]:
        assert self.board is not None
        round_id = self.insert(
            "rounds",
            {"proposal_id": proposal_id, "number": 1, "version_id": version_id, "kind": "vote"},
        )
        ballots = []
        for k, seat in enumerate(voters.values()):
            if special == "rejected":
                choice = m.Choice.AGAINST if k % 2 == 0 else m.Choice.FOR
            else:
                draw = self.rng.random()
                choice = (
                    m.Choice.ABSTAIN
                    if draw > 0.9
                    else (m.Choice.AGAINST if draw > 0.8 else m.Choice.FOR)
                )
            weight = 1.0
            ballots.append((choice, weight))
            self.insert(
                "ballots",
                {
                    "round_id": round_id,
                    "voter_id": seat.member_id,
                    "perspective_id": seat.perspective_id,
                    "choice": choice.value,
                    "weight": weight,
                },
            )
        tally = Tally.of(ballots)
        entitled = entitled_weight(seats, self.board.voter_rule)
        result = outcome(
            tally,
            self.board.vote_rule,
            entitled,
            qualified_share=self.board.qualified_share,
            tie_rule=self.board.tie_rule,
        )
        self.repo.update(
            "rounds",
            round_id,
            {
                "status": "closed",
                "outcome": result.value,
                "quorum_met": q.met,
                "entitled_weight": entitled,
                "for_weight": tally.for_weight,
                "against_weight": tally.against_weight,
                "abstain_weight": tally.abstain_weight,
            },
        )
        facts = DecisionOutcome.of_vote(
            1,
            secret=False,
            rule=self.board.vote_rule,
            voters=self.board.voter_rule,
            quorum=q,
            tally=tally,
            entitled=entitled,
        )
        return facts, result.value == "adopted"

    def consent(
        self,
        proposal_id: int,
        version_id: int,
        voters: dict[int | None, Seat],
        q: Any,
        special: str | None,
        text: str,
    ) -> tuple[DecisionOutcome, bool, str]:
        rounds = 2 if special == "objection" else 1
        concerns: list[str] = []
        for number in range(1, rounds + 1):
            concerns = []  # the adopting round's concerns are the decision's
            if number == 2:
                text = (
                    f"{text} Voor de VVT komt een overbruggingsbudget van € 150.000 uit het "
                    "transformatiefonds; evaluatie na zes maanden."
                )
                version_id = self.insert(
                    "proposal_versions", {"proposal_id": proposal_id, "version": 2, "text": text}
                )
            round_id = self.insert(
                "rounds",
                {
                    "proposal_id": proposal_id,
                    "number": number,
                    "version_id": version_id,
                    "kind": "consent",
                },
            )
            objections = 0
            for seq, seat in enumerate(voters.values(), start=1):
                answer, note = m.ConsentAnswerKind.CONSENT, ""
                perspective = self.perspectives.get(seat.perspective_id or 0)
                name = perspective.name if perspective else ""
                if special == "objection" and number == 1 and name == "Ouderenzorg (VVT)":
                    answer = m.ConsentAnswerKind.OBJECTION
                    note = (
                        "Zonder dekking voor de extra inzet van de VVT kunnen wij dit niet "
                        "uitvoeren; wij vragen een overbruggingsbudget."
                    )
                    objections += 1
                elif self.rng.random() > 0.85:
                    answer = m.ConsentAnswerKind.CONCERN
                    note = (
                        f"Zorg vanuit {name}: let op de uitvoerbaarheid in de kleinere gemeenten."
                    )
                    concerns.append(note)
                self.insert(
                    "consent_answers",
                    {
                        "round_id": round_id,
                        "member_id": seat.member_id,
                        "seq": seq,
                        "answer": answer.value,
                        "note": note,
                    },
                )
            self.repo.update(
                "rounds",
                round_id,
                {
                    "status": "closed",
                    "outcome": "objection" if objections else "adopted",
                    "quorum_met": q.met,
                },
            )
        return DecisionOutcome.of_consent(rounds, quorum=q, concerns=len(concerns)), True, text

    def record_decision(
        self,
        meeting_id: int,
        item_id: int,
        proposal_id: int | None,
        title: str,
        text: str,
        method: m.DecisionMethod,
        facts: DecisionOutcome | None,
        theme: m.Theme | None,
        starts_at: dt.datetime,
        meeting_nr: int,
        counter: dict[str, int],
        supersedes: int | None = None,
    ) -> int:
        assert self.board is not None
        counter["B"] += 1
        review = None
        if method == m.DecisionMethod.CONSENT:
            review = _add_months(starts_at.date(), self.board.consent_review_months).isoformat()
        decision_id = self.insert(
            "decisions",
            {
                "number": decision_number(starts_at.year, meeting_nr, counter["B"]),
                "title": title,
                "text": text,
                "meeting_id": meeting_id,
                "agenda_item_id": item_id,
                "proposal_id": proposal_id,
                "method": method.value,
                "outcome": (facts or DecisionOutcome()).to_json(),
                "review_date": review,
                "theme_id": theme.id if theme else None,
                "supersedes_id": supersedes,
            },
        )
        if supersedes:
            self.repo.update("decisions", supersedes, {"status": "superseded"})
        if theme:
            self.decisions_by_theme.setdefault(theme.id or 0, []).append(decision_id)
        return decision_id

    def acclamation(
        self,
        meeting_id: int,
        item_id: int,
        theme: m.Theme | None,
        starts_at: dt.datetime,
        meeting_nr: int,
        counter: dict[str, int],
    ) -> int:
        title, text = self.topic(theme) if theme else ("Mededeling", "")
        return self.record_decision(
            meeting_id,
            item_id,
            None,
            f"Uitvoering: {title}",
            text,
            m.DecisionMethod.ACCLAMATION,
            None,
            theme,
            starts_at,
            meeting_nr,
            counter,
        )

    def behaviour_check(self, meeting_id: int) -> None:
        for rule in self.rules:
            draw = self.rng.random()
            score = (
                m.BehaviourScore.BROKEN
                if draw > 0.96
                else m.BehaviourScore.UNDER_PRESSURE
                if draw > 0.78
                else m.BehaviourScore.KEPT
            )
            self.insert(
                "behaviour_checks",
                {
                    "meeting_id": meeting_id,
                    "rule_id": rule.id,
                    "score": score.value,
                    "note": BEHAVIOUR_NOTES.get(score, ""),
                },
            )

    def actions(
        self,
        meeting_id: int,
        items: list[tuple[int, m.ItemKind, m.Theme | None, m.Purpose]],
        decision_ids: list[int],
        starts_at: dt.datetime,
        meeting_nr: int,
        counter: dict[str, int],
    ) -> None:
        owners = [x for x in self.active(starts_at.date()) if x.circle == m.Circle.INNER] + [
            x for x in self.active(starts_at.date()) if m.Role.PROGRAMME_MANAGER in x.roles
        ]
        theme_items = [i for i in items if i[1] == m.ItemKind.THEME]
        for k in range(self.shape.actions_per_meeting):
            counter["A"] += 1
            owner = owners[self.rng.randrange(len(owners))]
            item_id, _, theme, _ = theme_items[k % len(theme_items)]
            due = starts_at.date() + dt.timedelta(days=self.rng.choice((14, 21, 28, 42, 56)))
            subject = theme.name if theme else "de tafel"
            verb = (
                "Werk een voorstel uit voor",
                "Stem af met de achterban over",
                "Lever cijfers aan over",
                "Organiseer een werksessie over",
            )[k % 4]
            status, done_at, reason = "open", None, ""
            age = (self.anchor - due).days
            if age > 30:
                draw = self.rng.random()
                if draw < 0.85:
                    status, done_at = "done", (due - dt.timedelta(days=self.rng.randint(0, 7)))
                elif draw < 0.92:
                    status, reason = "cancelled", "Vervallen door besluit van de tafel."
            elif age > 0 and self.rng.random() < 0.5:
                status, done_at = "done", due
            action_id = self.insert(
                "actions",
                {
                    "number": action_number(starts_at.year, meeting_nr, counter["A"]),
                    "text": f"{verb} {subject.lower()}.",
                    "owner_id": owner.id,
                    "due_date": due.isoformat(),
                    "meeting_id": meeting_id,
                    "agenda_item_id": item_id,
                    "decision_id": decision_ids[k % len(decision_ids)] if decision_ids else None,
                    "status": status,
                    "done_at": done_at.isoformat() if done_at else None,
                    "reason": reason,
                },
            )
            if status == "open" and age > 0 and k % 2 == 0:
                self.insert(
                    "action_updates",
                    {
                        "action_id": action_id,
                        "noted_on": (due - dt.timedelta(days=3)).isoformat(),
                        "note": "Loopt; afstemming met de achterban duurt langer dan gepland.",
                        "by_member_id": owner.id,
                    },
                )

    def next_meeting(self, meeting_id: int, starts_at: dt.datetime, number: int) -> None:
        self.clock.at(min(starts_at - dt.timedelta(days=14), self._anchor_time()))
        self.repo.update("meetings", meeting_id, {"status": "agenda_draft"})
        self.agenda(meeting_id, starts_at, number, held=False)

    def _anchor_time(self) -> dt.datetime:
        return dt.datetime.combine(self.anchor, dt.time(9, 0))

    def open_requests(self, future: list[tuple[int, dt.datetime]]) -> None:
        """Requests waiting for the secretary, one declined, one withdrawn."""
        self.clock.at(self._anchor_time() - dt.timedelta(days=5))
        month = f"{future[1][1]:%Y-%m}" if len(future) > 1 else None
        plans = [
            (
                "Ingrid Smit",
                "Mentale gezondheid",
                "Voortgang regionale aanmeldstraat GGZ",
                "informing",
                20,
                "submitted",
                "",
            ),
            (
                "Kees Hendriks",
                "Preventie en gezondheidsvaardigheden",
                "Vaststellen regionale preventieagenda 2027",
                "deciding",
                30,
                "submitted",
                "",
            ),
            (
                "Ruud Visser",
                "Arbeidsmarkt en digitale zorg",
                "Zorginkoop en regionale afspraken",
                "opinion",
                25,
                "submitted",
                "",
            ),
            (
                "Henk Jansen",
                "Ouderen langer thuis",
                "Pilot domotica in de thuiszorg",
                "informing",
                15,
                "declined",
                "Eerst uitwerken in de programmalijn; terug op de agenda in het voorjaar.",
            ),
            (
                "Joost Bakker",
                "Acute zorg",
                "Presentatie jaarcijfers SEH",
                "informing",
                15,
                "withdrawn",
                "Wordt schriftelijk gedeeld.",
            ),
        ]
        themes = {t.name: t for t in self.themes}
        for name, theme, title, purpose, minutes, status, reason in plans:
            requester = self.by_name[name]
            if not requester.is_active(self.anchor):
                continue
            self.insert(
                "agenda_requests",
                {
                    "requester_id": requester.id,
                    "theme_id": themes[theme].id,
                    "title": title,
                    "purpose": purpose,
                    "minutes_needed": minutes,
                    "preferred_month": month,
                    "papers_ready": (self.anchor + dt.timedelta(days=21)).isoformat(),
                    "status": status,
                    "reason": reason,
                },
            )


def _adjust_member_dates(session: Session, anchor: dt.date) -> None:
    """Gert-Jan Bos handed his seat to Pieter de Graaf seven months before the anchor."""
    handover = _add_months(anchor.replace(day=1), -7)
    left = session.repo.member_by_name("Gert-Jan Bos")
    joined = session.repo.member_by_name("Pieter de Graaf")
    if left and joined:
        session.repo.update(
            "members",
            left.id or 0,
            {
                "active_from": _add_months(anchor.replace(day=1), -30).isoformat(),
                "active_until": (handover - dt.timedelta(days=1)).isoformat(),
            },
        )
        session.repo.update("members", joined.id or 0, {"active_from": handover.isoformat()})


#: The demo's werkagenda: per theme one result agreement and its KPI — (theme, title,
#: owner, parties, scale, aim, KPI, unit, baseline, target, source, the four quarterly figures
#: of the last year; None: the measuring moment passed without a figure).
WERKAGENDA: tuple[tuple[Any, ...], ...] = (
    (
        "Acute zorg",
        "Minder overvolle spoedeisende hulp",
        "Thomas Peters",
        ["Ziekenhuis Rivierenland", "Huisartsenkring Lindewaard", "RAV Lindewaard"],
        "region",
        "experience",
        "Uren overvolle SEH per maand",
        "uur",
        62.0,
        30.0,
        "Ziekenhuis Rivierenland, SEH-monitor",
        (58.0, 52.0, 47.0, 41.0),
    ),
    (
        "Ouderen langer thuis",
        "Ouderen wonen langer zelfstandig",
        "Nicole Brouwer",
        ["Gemeenten Lindewaard", "Thuiszorg Lindewaard", "Zorgkantoor"],
        "region",
        "population_health",
        "Aandeel 75-plussers zelfstandig thuis",
        "%",
        88.0,
        91.0,
        "CBS / Vektis",
        (88.4, 88.9, 89.3, 89.8),
    ),
    (
        "Mentale gezondheid",
        "Kortere wachttijd voor een intake ggz",
        "Bram Willems",
        ["GGZ Lindewaard", "Huisartsenkring Lindewaard", "Zorgverzekeraar"],
        "region",
        "experience",
        "Wachttijd intake ggz",
        "weken",
        14.0,
        8.0,
        "Wachttijdenregistratie ggz",
        (13.8, 14.1, 14.6, 15.2),
    ),
    (
        "Preventie en gezondheidsvaardigheden",
        "Valpreventie in elke gemeente",
        "Bram Willems",
        ["GGD Lindewaard", "Fysiotherapeuten", "Welzijnsorganisaties"],
        "municipality",
        "population_health",
        "Deelnemers valpreventie per kwartaal",
        "deelnemers",
        120.0,
        300.0,
        "GGD-monitor",
        (150.0, 170.0, 185.0, 205.0),
    ),
    (
        "Arbeidsmarkt en digitale zorg",
        "Minder verzuim in zorg en welzijn",
        "Yvonne Dekker",
        ["Werkgevers zorg en welzijn", "Regionaal werkgeversverband"],
        "region",
        "work_satisfaction",
        "Verzuim zorgpersoneel",
        "%",
        7.8,
        6.5,
        "Vernet verzuimcijfers",
        (7.7, 7.5, 7.3, None),
    ),
    (
        "Wonen, welzijn en zorg",
        "Een sluitende aanpak van eenzaamheid",
        "Nicole Brouwer",
        ["Gemeenten Lindewaard", "Welzijnsorganisaties", "Woningcorporaties"],
        "subregion",
        "equity",
        "Gemeenten met sluitende aanpak eenzaamheid",
        "gemeenten",
        4.0,
        9.0,
        "Regionale monitor welzijn",
        (5.0, 7.0, 8.0, 9.0),
    ),
)


def _werkagenda(session: Session, clock: _Clock, anchor: dt.date) -> None:
    """Result agreements a year under way: baseline at the start of the quarter a year before
    the anchor's, target two years after it, a figure at every quarter since, each entered
    (the clock) two weeks after the date it is about, as the region's data team delivers."""
    from boardroom.services import werkagenda

    quarter = dt.date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1)
    baseline_on = _add_months(quarter, -12)
    clock.at(dt.datetime.combine(baseline_on + dt.timedelta(days=10), dt.time(10, 0)))
    figures_at = []
    for n, row in enumerate(WERKAGENDA, 1):
        theme, title, owner, parties, scale, aim, kpi, unit, base, target, source, figures = row
        agreement = werkagenda.save_agreement(
            session,
            {
                "theme": theme,
                "title": title,
                "owner": owner,
                "parties": parties,
                "scale": scale,
                "aim": aim,
                "position": n,
            },
        )
        werkagenda.save_kpi(
            session,
            {
                "agreement_id": agreement,
                "name": kpi,
                "unit": unit,
                "baseline": base,
                "baseline_on": baseline_on,
                "target": target,
                "target_on": _add_months(baseline_on, 24),
                "source": source,
            },
        )
        for quarter_number, value in enumerate(figures, 1):
            if value is not None:
                figures_at.append(
                    (_add_months(baseline_on, 3 * quarter_number), kpi, value, source)
                )
    for on, kpi, value, source in sorted(figures_at, key=lambda f: f[0]):
        delivered = min(on + dt.timedelta(days=14), anchor)  # never after the demo's today
        clock.at(dt.datetime.combine(delivered, dt.time(7, 0)))
        werkagenda.record_figure(session, kpi, on, value, source)


#: The demo's two process evaluations: per statement (in order, the five patterns repeated
#: over the board's statements) how many gave 1…5, and the comments; the second is better on
#: four statements of five and worse on the fifth.
EVALUATIONS = (
    (
        -7,
        14,
        ((0, 2, 5, 6, 1), (1, 3, 6, 3, 1), (0, 1, 4, 7, 2), (2, 4, 5, 3, 0), (0, 2, 4, 6, 2)),
        ["Te veel informeren, te weinig besluiten.", "De stukken komen vaak laat."],
    ),
    (
        -1,
        15,
        ((0, 1, 3, 8, 3), (0, 2, 5, 6, 2), (0, 1, 3, 8, 3), (1, 3, 5, 5, 1), (1, 3, 6, 4, 1)),
        ["Het belangenrondje helpt.", "Nog steeds te weinig tijd voor de werkagenda."],
    ),
)


def _evaluations(session: Session, clock: _Clock, anchor: dt.date) -> None:
    """Two process evaluations, at the meetings seven months and one month before the anchor:
    the board's principles and rules as its statements, counts only."""
    from boardroom.services import evaluation

    first = _add_months(anchor.replace(day=1), EVALUATIONS[0][0])
    clock.at(dt.datetime.combine(first, dt.time(9, 0)))
    evaluation.default_statements(session)
    ids = [s.id or 0 for s in evaluation.statements(session)]
    for months, respondents, counts, comments in EVALUATIONS:
        month = _add_months(anchor.replace(day=1), months)
        held_on = second_thursday(month.year, month.month)
        clock.at(dt.datetime.combine(held_on, dt.time(18, 0)))
        meeting = session.repo.meeting_on_day(held_on.isoformat())
        evaluation.record_evaluation(
            session,
            held_on,
            respondents,
            {sid: list(counts[n % len(counts)]) for n, sid in enumerate(ids)},
            comments,
            meeting,
        )


def demo_board_text() -> str:
    return resources.files("boardroom.data").joinpath("demo-board.toml").read_text("utf-8")


def build_demo(
    db_path: Path, now: Clock, anchor: dt.date | None = None, shape: HistoryShape | None = None
) -> Session:
    """Create the demo board in a new database, its history around `anchor` (default: the
    clock's today, in the board's time); returns a session on `now`."""
    anchor = anchor or now().astimezone(AMSTERDAM).date()
    shape = shape or HistoryShape()
    plan = parse_board_file(demo_board_text(), "demo-board.toml")
    clock = _Clock(dt.datetime.combine(anchor, dt.time(0, 0), tzinfo=dt.UTC))
    session = _fresh_session(db_path, now)
    try:
        session.now = clock
        first = meeting_dates(anchor, shape)[0]
        clock.at(first - dt.timedelta(days=90))
        with session.database.transaction():
            create_board(session, plan)
            session.repo.actor = DEMO_SECRETARY
            _adjust_member_dates(session, anchor)
            _Generator(session, clock, anchor, shape).run()
            _werkagenda(session, clock, anchor)
            _evaluations(session, clock, anchor)
            clock.at(dt.datetime.combine(anchor, dt.time(8, 0)))
    except BaseException:
        _discard(session, db_path)
        raise
    session.now = now
    return session
