"""The demo board: the Lindewaard composition plus a generated history.

The history is made by the use cases a user calls, as the member who would call them (the
holder files a request, the secretary schedules it, attaches and sends the papers, marks
attendance and records the rounds; the chair opens and closes the meeting and approves the
previous minutes), each at its own moment on a settable clock: the steps wait on a timeline
in time order. So every rule (seats and quorum, the vote's outcome, numbering, review dates,
who may do what) is kept once, in the services, and the demo and every fixture built from it
follow a change to it. Only the meetings' calendar and the interest rounds' turn are written
directly (a year plan makes those, see services.planning).

Deterministic: the same anchor date and shape give the same board, row for row (the clock
used for every timestamp is derived from the anchor, and the random choices are seeded).
The same generator, with a larger shape, makes the ten-year benchmark board (bench/).
"""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import itertools
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from boardroom.domain import models as m
from boardroom.domain.boardfile import parse_board_file
from boardroom.domain.clock import Clock
from boardroom.services import agenda, composition, decide, meeting, papers, record
from boardroom.services.session import AMSTERDAM, Identity, Session
from boardroom.services.setup import _discard, _fresh_session, create_board

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


#: Who comes in a member's place (a colleague from their organisation), by member.
SUBSTITUTES = ("Anouk Meijer", "Bas van Leeuwen", "Carolien de Jong", "Dirk Verbeek", "Esther Kok")


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


class Item(NamedTuple):
    """An agenda item as the generator drafted it, and how long it will take when held."""

    id: int
    kind: m.ItemKind
    theme: m.Theme | None
    purpose: m.Purpose
    elapsed: int  # seconds
    interest_round: int | None


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0))


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
        self.names = {x.id or 0: x.name for x in self.members}
        self.decisions_by_theme: dict[int, list[int]] = {}
        self.topic_use: dict[str, int] = {}
        self.request_count = 0
        #: the steps still to take, in time order (local moment, order of scheduling, step)
        self.timeline: list[tuple[dt.datetime, int, Callable[[], None]]] = []
        self.order = itertools.count()
        #: papers to attach per (meeting, late): (item, title, the meeting's start)
        self.papers: dict[tuple[int, bool], list[tuple[int, str, dt.datetime]]] = {}
        #: the supersede special's meeting: its first acclamation replaces an earlier decision
        self.to_supersede = False
        #: the months of the year's two evaluations (those the demo records, see EVALUATIONS)
        self.evaluation_months = {
            _add_months(anchor.replace(day=1), months).month for months, *_ in EVALUATIONS
        }

    # -- helpers -------------------------------------------------------------------------

    def insert(self, table: str, values: dict[str, Any]) -> int:
        return self.repo.insert(table, values)

    def active(self, on: dt.date) -> list[m.Member]:
        return [x for x in self.members if x.is_active(on)]

    def topic(self, theme: m.Theme) -> tuple[str, str]:
        """The theme's next topic (title, proposal text); the next call gives the one after."""
        used = self.topic_use.get(theme.name, 0)
        self.topic_use[theme.name] = used + 1
        return self._topic(theme, used)

    def next_topic(self, theme: m.Theme) -> tuple[str, str]:
        """The topic the theme's next `topic()` will give, without taking it (the agenda's
        proposed decision is the proposal the meeting will put)."""
        return self._topic(theme, self.topic_use.get(theme.name, 0))

    def _topic(self, theme: m.Theme, used: int) -> tuple[str, str]:
        options = TOPICS.get(theme.name) or [(f"Voorstel {theme.name}", f"Voorstel {theme.name}.")]
        title, text = options[used % len(options)]
        round_ = used // len(options)
        follow_ups = ("", " (voortgang)", " (evaluatie)")
        suffix = follow_ups[round_] if round_ < len(follow_ups) else f" ({round_ + 1})"
        return f"{title}{suffix}", text

    # -- the history: every step a use case, at its moment ----------------------------------

    def later(self, at: dt.datetime, step: Callable[[], None]) -> None:
        """Do `step` at the local moment `at` (in time order with every other step)."""
        heapq.heappush(self.timeline, (at, next(self.order), step))

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
        previous: int | None = None
        for number, (index, starts_at) in enumerate(past):
            self.held_meeting(meeting_ids[index], starts_at, number, special.get(number), previous)
            previous = meeting_ids[index]
        if future:
            next_id, next_at = meeting_ids[future[0][0]], future[0][1]
            self.later(
                min(next_at - dt.timedelta(days=14), self._anchor_time()),
                lambda: self.next_meeting(next_id, next_at, len(past)),
            )
        self.later(self._anchor_time() - dt.timedelta(days=5), lambda: self.open_requests(future))
        while self.timeline:
            at, _, step = heapq.heappop(self.timeline)
            self.clock.at(at)
            step()

    @contextmanager
    def acting(self, name: str) -> Iterator[None]:
        """Act as this member, with their roles (permissions checked, the log says who)."""
        member = self.by_name[name]
        kept = self.session.user, self.session.system, self.repo.actor
        self.session.user = Identity(member.id or 0, member.name, tuple(member.roles))
        self.session.system, self.repo.actor = False, member.name
        try:
            yield
        finally:
            self.session.user, self.session.system, self.repo.actor = kept

    def agenda(
        self, meeting_id: int, starts_at: dt.datetime, number: int, held: bool
    ) -> list[Item]:
        """The standard items with the themes on turn, and their papers to send."""
        themes = [t for t in self.themes if t.active]
        count = 1 + self.shape.deciding_items
        on_turn = [themes[(number + k * len(themes) // count) % len(themes)] for k in range(count)]
        perspectives = list(self.perspectives.values())
        turn = perspectives[number % len(perspectives)]
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
        # first the draws, in the plan's order: how long each item will take when held (the
        # evaluation: no draw, so that the rest of the history stays as it was) and whether a
        # theme's paper comes late
        drawn: list[tuple[int, bool]] = []
        for kind, _title, _purpose, minutes, _theme in plan:
            if kind == m.ItemKind.EVALUATION:
                elapsed = minutes * 60 if held else 0
            else:
                elapsed = minutes * 60 + self.rng.randint(-120, 240) if held else 0
            late = False
            if kind == m.ItemKind.THEME:
                late = held and self.rng.random() < 0.15
                self.rng.randint(0, 900_000)  # (was a made-up file's size: the draws stay)
            drawn.append((max(0, elapsed), late))
        # then the agenda as the secretary drafts it: the standard closing items first (each
        # new item goes before them), then the rest in order
        tail = (m.ItemKind.ANY_OTHER_BUSINESS, m.ItemKind.BEHAVIOUR_CHECK, m.ItemKind.CLOSING)
        order = [k for k in reversed(range(len(plan))) if plan[k][0] in tail]
        order += [k for k in range(len(plan)) if plan[k][0] not in tail]
        made: dict[int, Item] = {}
        for k in order:
            kind, title, purpose, minutes, item_theme = plan[k]
            elapsed, late = drawn[k]
            holder = self.holders.get(item_theme.id or 0, [None])[0] if item_theme else None
            deciding = kind == m.ItemKind.THEME and purpose == m.Purpose.DECIDING
            proposal = self.next_topic(item_theme)[1] if deciding and item_theme else ""
            presenter = holder or self.by_name[DEMO_CHAIR].id
            if kind == m.ItemKind.THEME and holder and self.request_count < 10_000:
                # the holder asked for the item; the secretary scheduled it
                item_id = self.requested(meeting_id, holder, item_theme, title, purpose, minutes)
                if proposal:  # and wrote the decision it asks for on the agenda
                    self.drafted(
                        meeting_id, kind, title, purpose, minutes, holder, item_theme, proposal,
                        item_id=item_id,
                    )  # fmt: skip
            else:
                item_id = self.drafted(
                    meeting_id, kind, title, purpose, minutes, presenter, item_theme, proposal
                )
            interest_round = None
            if kind == m.ItemKind.INTEREST_ROUND:
                # (a year plan makes an interest round; the demo's turn is written directly)
                interest_round = self.insert(
                    "interest_rounds",
                    {
                        "meeting_id": meeting_id,
                        "perspective_id": turn.id,
                        "agenda_item_id": item_id,
                        "status": "planned",
                    },
                )
            made[k] = Item(item_id, kind, item_theme, purpose, elapsed, interest_round)
            if kind == m.ItemKind.THEME:
                self.papers.setdefault((meeting_id, late), []).append((item_id, title, starts_at))
        return [made[k] for k in range(len(plan))]

    def drafted(
        self,
        meeting_id: int,
        kind: m.ItemKind,
        title: str,
        purpose: m.Purpose,
        minutes: int,
        presenter: int | None,
        theme: m.Theme | None = None,
        proposal: str = "",
        *,
        item_id: int | None = None,
    ) -> int:
        """An item the secretary puts on the agenda (or, given `item_id`, edits)."""
        form = {
            "title": title,
            "kind": kind,
            "purpose": purpose,
            "minutes": minutes,
            "presenter_id": presenter,
            "theme_id": theme.id if theme else None,
            "proposal": proposal,
        }
        with self.acting(DEMO_SECRETARY):
            if item_id is not None:
                agenda.edit_item(self.session, item_id, form)
                return item_id
            return agenda.add_item(self.session, meeting_id, form)

    def send_papers(self, meeting_id: int, late: bool, send: bool = True) -> None:
        """The secretary attaches the meeting's papers (those that came late, later) and sends
        them (`send`: the papers of the meeting after the anchor wait)."""
        with self.acting(DEMO_SECRETARY):
            for item_id, title, starts_at in self.papers.pop((meeting_id, late), []):
                slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:40]
                content = (
                    f"# Notitie {title}\n\nVoor de vergadering van {starts_at:%d-%m-%Y}.\n\n"
                    "## Aanleiding\n\nDe tafel bespreekt de voortgang en de volgende stap.\n\n"
                    "## Voorstel\n\nZie het besluitvoorstel op de agenda.\n"
                ).encode()
                papers.attach_paper(
                    self.session, item_id, content, f"{slug}.md", f"Notitie {title}"
                )
            if send:
                agenda.mark_papers_sent(self.session, meeting_id)

    def request(
        self,
        requester: int,
        theme: m.Theme | None,
        title: str,
        purpose: m.Purpose,
        minutes: int,
        month: str | None,
        papers_ready: dt.date | None = None,
    ) -> int:
        """A member asks for agenda space (as they do with `request` or the request form)."""
        self.request_count += 1
        with self.acting(self.names[requester]):
            return agenda.submit_request(
                self.session,
                {
                    "theme": theme.name if theme else None,
                    "title": title,
                    "purpose": purpose.value,
                    "minutes": minutes,
                    "month": month,
                    "papers_ready": papers_ready,
                },
            )

    def requested(
        self,
        meeting_id: int,
        holder: int,
        theme: m.Theme | None,
        title: str,
        purpose: m.Purpose,
        minutes: int,
    ) -> int:
        """A theme item the holder asked for and the secretary scheduled; returns the item."""
        starts_at = self.repo.model(m.Meeting, meeting_id).starts_at
        ready = starts_at.date() - dt.timedelta(days=10)
        request_id = self.request(
            holder, theme, title, purpose, minutes, f"{starts_at:%Y-%m}", ready
        )
        with self.acting(DEMO_SECRETARY):
            return agenda.schedule_request(self.session, request_id, meeting_id)

    def not_scheduled(self, request_id: int, declined: str | None) -> None:
        """The secretary declines the request (saying why), or its requester withdraws it."""
        if declined is not None:
            with self.acting(DEMO_SECRETARY):
                agenda.decline_request(self.session, request_id, declined)
        else:
            requester = self.repo.model(m.AgendaRequest, request_id).requester_id
            with self.acting(self.names[requester]):
                agenda.withdraw_request(self.session, request_id)

    def past_requests(self, starts_at: dt.datetime, scheduled: int) -> None:
        """Requests around a held meeting that did not make its agenda (declined, withdrawn)."""
        for k in range(max(0, self.shape.requests_per_meeting - scheduled)):
            theme = self.themes[(k + starts_at.month) % len(self.themes)]
            requester = self.holders.get(theme.id or 0, [self.by_name[DEMO_CHAIR].id])[0]
            request_id = self.request(
                requester or 0,
                theme,
                f"{self.topic(theme)[0]}: verkenning",
                m.Purpose.INFORMING,
                15,
                f"{starts_at:%Y-%m}",
            )
            self.not_scheduled(
                request_id, "Agenda vol; schriftelijk afgedaan." if k % 2 == 0 else None
            )

    def attendance(self, meeting_id: int, day: dt.date) -> None:
        """The secretary marks who is there (a draw per member)."""
        for member in self.active(day):
            draw = self.rng.random()
            status = m.AttendanceStatus.PRESENT
            substitute = ""
            if draw > 0.93:
                status = m.AttendanceStatus.ABSENT_WITH_NOTICE
            elif draw > 0.88 and member.circle == m.Circle.INNER:
                status = m.AttendanceStatus.SUBSTITUTE
                substitute = SUBSTITUTES[(member.id or 0) % len(SUBSTITUTES)]
            elif draw > 0.80:
                status = m.AttendanceStatus.REMOTE
            elif draw > 0.79:
                status = m.AttendanceStatus.ABSENT
            meeting.set_attendance(self.session, meeting_id, member.id or 0, status, substitute)

    def held_meeting(
        self,
        meeting_id: int,
        starts_at: dt.datetime,
        number: int,
        special: str | None,
        previous: int | None,
    ) -> None:
        """A meeting before the anchor, step by step: its agenda drafted two weeks ahead, set,
        the papers sent (some late), then held (see hold)."""
        items: list[Item] = []

        def draft() -> None:
            items.extend(self.agenda(meeting_id, starts_at, number, held=True))

        def set_agenda() -> None:
            with self.acting(DEMO_SECRETARY):
                agenda.set_agenda(self.session, meeting_id)

        self.later(starts_at - dt.timedelta(days=14), draft)
        self.later(starts_at - dt.timedelta(days=9), set_agenda)
        self.later(
            starts_at - dt.timedelta(days=8, hours=6), lambda: self.send_papers(meeting_id, False)
        )
        self.later(
            starts_at - dt.timedelta(days=3, hours=6), lambda: self.send_papers(meeting_id, True)
        )
        self.later(
            starts_at, lambda: self.hold(meeting_id, starts_at, number, items, special, previous)
        )

    def hold(
        self,
        meeting_id: int,
        starts_at: dt.datetime,
        number: int,
        items: list[Item],
        special: str | None,
        previous: int | None,
    ) -> None:
        """The meeting as the chair and the secretary run it: opened, attendance marked, item
        by item on the clock (the previous minutes approved, proposals decided, the interest
        round and the behaviour check recorded, actions taken), closed."""
        with self.acting(DEMO_CHAIR):
            meeting.start_meeting(self.session, meeting_id)
        with self.acting(DEMO_SECRETARY):
            self.attendance(meeting_id, starts_at.date())
        moment = self.clock.value
        self.to_supersede = special == "supersede"
        method = m.DecisionMethod.VOTE if number % 4 == 1 else m.DecisionMethod.CONSENT
        decision_ids: list[int] = []
        for item in items:
            self.clock.value = moment
            with self.acting(DEMO_SECRETARY):
                meeting.go_to_item(self.session, meeting_id, item.id)
            self.clock.value = moment + dt.timedelta(minutes=2)
            if item.kind == m.ItemKind.MINUTES and previous is not None:
                with self.acting(DEMO_CHAIR):
                    record.approve_minutes(self.session, previous)
            with self.acting(DEMO_SECRETARY):
                decision_ids += self.on_item(meeting_id, item, items, decision_ids, special, method)
            moment += dt.timedelta(seconds=item.elapsed)
        self.clock.value = moment
        with self.acting(DEMO_CHAIR):
            meeting.close_meeting(self.session, meeting_id)

    def on_item(
        self,
        meeting_id: int,
        item: Item,
        items: list[Item],
        decision_ids: list[int],
        special: str | None,
        method: m.DecisionMethod,
    ) -> list[int]:
        """What is recorded on one item; returns the decisions taken on it."""
        taken: list[int] = []
        if item.kind == m.ItemKind.INTEREST_ROUND and item.interest_round:
            meeting.record_interest(
                self.session,
                item.interest_round,
                INTERESTS["helps"],
                INTERESTS["pinches"],
                INTERESTS["asks"],
            )
        if item.kind == m.ItemKind.THEME and item.purpose == m.Purpose.DECIDING and item.theme:
            decided = self.decide(meeting_id, item, special, method)
            if decided:
                taken.append(decided)
        if item.kind == m.ItemKind.THEME:
            for _ in range(self.shape.extra_decisions if item.purpose == m.Purpose.DECIDING else 0):
                earlier = self.decisions_by_theme.get(item.theme.id or 0) if item.theme else None
                supersedes = earlier[0] if self.to_supersede and earlier else None
                self.to_supersede = self.to_supersede and supersedes is None
                taken.append(self.acclamation(meeting_id, item, supersedes))
        if item.kind == m.ItemKind.BEHAVIOUR_CHECK:
            self.behaviour_check(meeting_id)
        if item.kind == m.ItemKind.CLOSING:
            self.past_requests(
                self.session.local_now(), len([i for i in items if i.kind == m.ItemKind.THEME])
            )
            self.actions(meeting_id, items, decision_ids + taken)
        return taken

    def decide(
        self, meeting_id: int, item: Item, special: str | None, method: m.DecisionMethod
    ) -> int | None:
        """A proposal put and decided by the board's rules: a roll-call vote or a consent
        round (with the objection special: an objection, an amended version, a second round)."""
        assert item.theme is not None
        title, text = self.topic(item.theme)
        if special in ("objection", "rejected"):
            method = m.DecisionMethod.CONSENT if special == "objection" else m.DecisionMethod.VOTE
        proposal_id = decide.put_proposal(self.session, item.id, text, method, title=title)
        if method == m.DecisionMethod.VOTE:
            return self.vote(proposal_id, special)
        return self.consent(proposal_id, special, text)

    def vote(self, proposal_id: int, special: str | None) -> int | None:
        round_id = decide.open_round(self.session, proposal_id)
        voters = self.repo.model(m.Round, round_id).voter_order
        for k, voter in enumerate(voters):
            if special == "rejected":
                choice = m.Choice.AGAINST if k % 2 == 0 else m.Choice.FOR
            else:
                draw = self.rng.random()
                choice = (
                    m.Choice.ABSTAIN
                    if draw > 0.9
                    else (m.Choice.AGAINST if draw > 0.8 else m.Choice.FOR)
                )
            decide.cast_ballot(self.session, round_id, voter, choice)
        return self.theme_decision(decide.close_vote(self.session, round_id).decision_id)

    def consent(self, proposal_id: int, special: str | None, text: str) -> int | None:
        rounds = 2 if special == "objection" else 1
        result = None
        for number in range(1, rounds + 1):
            if number == 2:
                text = (
                    f"{text} Voor de VVT komt een overbruggingsbudget van € 150.000 uit het "
                    "transformatiefonds; evaluatie na zes maanden."
                )
                decide.amend(self.session, proposal_id, text)
            round_id = decide.open_round(self.session, proposal_id)
            for voter in self.repo.model(m.Round, round_id).voter_order:
                answer, note = m.ConsentAnswerKind.CONSENT, ""
                member = self.repo.model(m.Member, voter)
                perspective = self.perspectives.get(member.perspective_id or 0)
                name = perspective.name if perspective else ""
                if special == "objection" and number == 1 and name == "Ouderenzorg (VVT)":
                    answer = m.ConsentAnswerKind.OBJECTION
                    note = (
                        "Zonder dekking voor de extra inzet van de VVT kunnen wij dit niet "
                        "uitvoeren; wij vragen een overbruggingsbudget."
                    )
                elif self.rng.random() > 0.85:
                    answer = m.ConsentAnswerKind.CONCERN
                    note = (
                        f"Zorg vanuit {name}: let op de uitvoerbaarheid in de kleinere gemeenten."
                    )
                decide.give_answer(self.session, round_id, voter, answer, note)
            result = decide.close_consent(self.session, round_id)
        return self.theme_decision(result.decision_id if result else None)

    def theme_decision(self, decision_id: int | None) -> int | None:
        """Keep an adopted decision under its theme (for a later one to supersede)."""
        if decision_id is not None:
            theme_id = self.repo.model(m.Decision, decision_id).theme_id
            if theme_id is not None:
                self.decisions_by_theme.setdefault(theme_id, []).append(decision_id)
        return decision_id

    def acclamation(self, meeting_id: int, item: Item, supersedes: int | None) -> int:
        """A decision by acclamation on the item (the first of the supersede special's
        meeting replaces the theme's earliest decision)."""
        title, text = self.topic(item.theme) if item.theme else ("Mededeling", "")
        decision_id, _number = decide.record_decision(
            self.session,
            meeting_id,
            item.id,
            f"Uitvoering: {title}",
            text,
            m.DecisionMethod.ACCLAMATION,
            supersedes_id=supersedes,
        )
        return self.theme_decision(decision_id) or decision_id

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
            meeting.score_rule(
                self.session, meeting_id, rule.id or 0, score, BEHAVIOUR_NOTES.get(score, "")
            )

    def actions(self, meeting_id: int, items: list[Item], decision_ids: list[int]) -> None:
        """The actions taken at the meeting, and what becomes of each later (done, cancelled,
        an update from its owner), each at its own moment."""
        held_on = self.session.today
        owners = [x for x in self.active(held_on) if x.circle == m.Circle.INNER] + [
            x for x in self.active(held_on) if m.Role.PROGRAMME_MANAGER in x.roles
        ]
        theme_items = [i for i in items if i.kind == m.ItemKind.THEME]
        for k in range(self.shape.actions_per_meeting):
            owner = owners[self.rng.randrange(len(owners))]
            item = theme_items[k % len(theme_items)]
            due = held_on + dt.timedelta(days=self.rng.choice((14, 21, 28, 42, 56)))
            subject = item.theme.name if item.theme else "de tafel"
            verb = (
                "Werk een voorstel uit voor",
                "Stem af met de achterban over",
                "Lever cijfers aan over",
                "Organiseer een werksessie over",
            )[k % 4]
            action_id, _number = decide.add_action(
                self.session,
                meeting_id,
                f"{verb} {subject.lower()}.",
                owner.name,
                due.isoformat(),
                item_id=item.id,
                decision_id=decision_ids[k % len(decision_ids)] if decision_ids else None,
            )
            age = (self.anchor - due).days
            if age > 30:
                draw = self.rng.random()
                if draw < 0.85:
                    done = due - dt.timedelta(days=self.rng.randint(0, 7))
                    self.later(_at(done, 10), self.complete(action_id, done))
                elif draw < 0.92:
                    reason = "Vervallen door besluit van de tafel."
                    self.later(_at(due, 10), self.cancel(action_id, reason))
                elif k % 2 == 0:
                    self.later(_at(due - dt.timedelta(days=3), 9), self.update(action_id, owner))
            elif age > 0 and self.rng.random() < 0.5:
                self.later(_at(due, 10), self.complete(action_id, due))
            elif age > 0 and k % 2 == 0:
                self.later(_at(due - dt.timedelta(days=3), 9), self.update(action_id, owner))

    def complete(self, action_id: int, on: dt.date) -> Callable[[], None]:
        def step() -> None:
            with self.acting(DEMO_SECRETARY):
                record.complete_action(self.session, action_id, on)

        return step

    def cancel(self, action_id: int, reason: str) -> Callable[[], None]:
        def step() -> None:
            with self.acting(DEMO_SECRETARY):
                record.cancel_action(self.session, action_id, reason)

        return step

    def update(self, action_id: int, owner: m.Member) -> Callable[[], None]:
        def step() -> None:
            with self.acting(owner.name):
                record.add_update(
                    self.session,
                    action_id,
                    "Loopt; afstemming met de achterban duurt langer dan gepland.",
                )

        return step

    def next_meeting(self, meeting_id: int, starts_at: dt.datetime, number: int) -> None:
        self.agenda(meeting_id, starts_at, number, held=False)
        self.send_papers(meeting_id, False, send=False)

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
            request_id = self.request(
                requester.id or 0,
                themes[theme],
                title,
                m.Purpose(purpose),
                minutes,
                month,
                self.anchor + dt.timedelta(days=21),
            )
            if status != "submitted":
                self.not_scheduled(request_id, reason if status == "declined" else None)


def _adjust_member_dates(session: Session, anchor: dt.date) -> None:
    """Gert-Jan Bos handed his seat to Pieter de Graaf seven months before the anchor."""
    handover = _add_months(anchor.replace(day=1), -7)
    left = session.repo.member_by_name("Gert-Jan Bos")
    joined = session.repo.member_by_name("Pieter de Graaf")
    if left and joined:
        composition.save_member(
            session,
            {
                "active_from": _add_months(anchor.replace(day=1), -30),
                "active_until": handover - dt.timedelta(days=1),
            },
            left.id,
        )
        composition.save_member(session, {"active_from": handover}, joined.id)


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
