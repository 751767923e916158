"""The werkagenda through its services on the demo board: its statuses, figures by hand and
from a file (checked line by line, nothing half-loaded, loading twice changes nothing), who may
keep it, and an old date showing the figures as they stood then."""

from __future__ import annotations

import datetime as dt

import pytest

from boardroom.domain import models as m
from boardroom.domain.enums import KpiStatus
from boardroom.domain.errors import PermissionDenied, ValidationProblem
from boardroom.services import werkagenda
from boardroom.services.integrity import verify
from tests.conftest import ANCHOR

SECRETARY, PROGRAMME_MANAGER, HOLDER = "Els Verhoeven", "Yvonne Dekker", "Henk Jansen"
WAIT, ABSENCE = "Wachttijd intake ggz", "Verzuim zorgpersoneel"


def statuses(session, on=ANCHOR) -> dict[str, KpiStatus]:
    return {
        kpi.name: kpi.standing.status
        for agreement in werkagenda.werkagenda(session, on)
        for kpi in agreement.kpis
    }


def figure_count(session) -> int:
    return session.repo.scalar("SELECT count(*) FROM kpi_measurements")


def test_the_demo_werkagenda_has_every_status(open_demo):
    session = open_demo(SECRETARY)
    assert statuses(session) == {
        "Uren overvolle SEH per maand": KpiStatus.ON_TRACK,
        "Aandeel 75-plussers zelfstandig thuis": KpiStatus.ON_TRACK,
        WAIT: KpiStatus.AT_RISK,
        "Deelnemers valpreventie per kwartaal": KpiStatus.BEHIND,
        ABSENCE: KpiStatus.NO_DATA,
        "Gemeenten met sluitende aanpak eenzaamheid": KpiStatus.ACHIEVED,
    }
    absence = next(
        k for a in werkagenda.werkagenda(session, ANCHOR) for k in a.kpis if k.name == ABSENCE
    )
    assert absence.standing.missed == dt.date(2026, 10, 1)
    assert [f.value for f in absence.figures] == [7.7, 7.5, 7.3]


def test_a_programme_manager_records_the_missing_figure_and_a_correction_is_logged(open_demo):
    session = open_demo(PROGRAMME_MANAGER)
    loaded = werkagenda.record_figure(session, "verzuim ZORGpersoneel", dt.date(2026, 10, 1), 7.1)
    assert loaded == werkagenda.Loaded(added=1)
    assert statuses(session)[ABSENCE] is KpiStatus.ON_TRACK  # 7.1 ≤ path 7.15
    again = werkagenda.record_figure(session, ABSENCE, dt.date(2026, 10, 1), 7.4, note="herzien")
    assert again == werkagenda.Loaded(corrected=1)
    assert statuses(session)[ABSENCE] is KpiStatus.BEHIND
    events = session.repo.query(
        "SELECT operation, actor FROM event_log WHERE table_name = 'kpi_measurements'"
        " ORDER BY id DESC LIMIT 2"
    )
    assert [(e["operation"], e["actor"]) for e in events] == [
        ("update", PROGRAMME_MANAGER),
        ("insert", PROGRAMME_MANAGER),
    ]
    assert verify(session.database).ok


def test_a_portfolio_holder_reads_but_does_not_keep_the_werkagenda(open_demo):
    session = open_demo(HOLDER)
    assert len(statuses(session)) == 6
    with pytest.raises(PermissionDenied, match="may not keep the werkagenda"):
        werkagenda.record_figure(session, WAIT, dt.date(2026, 10, 1), 12)


GOOD = """kpi,date,value,source,note
Wachttijd intake ggz,2026-12-31,14.9,Wachttijdenregistratie ggz,
Verzuim zorgpersoneel,2026-10-01,"7,1",Vernet,later aangeleverd
"""


def test_a_file_of_figures_is_loaded_and_loading_it_again_changes_nothing(open_demo):
    session = open_demo(SECRETARY)
    before = figure_count(session)
    assert werkagenda.import_figures(session, GOOD) == werkagenda.Loaded(added=2)
    assert figure_count(session) == before + 2
    assert werkagenda.import_figures(session, GOOD) == werkagenda.Loaded(unchanged=2)
    semicolons = "kpi;date;value\nWachttijd intake ggz;31-12-2026;14,7\n"
    assert werkagenda.import_figures(session, semicolons) == werkagenda.Loaded(corrected=1)
    assert figure_count(session) == before + 2
    assert verify(session.database).ok


BAD = """kpi,date,value,source,note
Wachttijd intake ggz,2026-12-31,14.9,,
Onbekend,2026-01-01,3,,
Verzuim zorgpersoneel,2026-13-01,3,,
Verzuim zorgpersoneel,2026-12-01,veel,,
Verzuim zorgpersoneel,2024-12-01,7,,
Wachttijd intake ggz,2026-12-31,1,,
Verzuim zorgpersoneel,2026-12-01
"""


def test_bad_lines_are_each_named_and_nothing_is_loaded(open_demo):
    session = open_demo(SECRETARY)
    before = figure_count(session)
    with pytest.raises(ValidationProblem) as raised:
        werkagenda.import_figures(session, BAD, "metingen.csv")
    assert str(raised.value) == (
        "metingen.csv: nothing was loaded; fix these lines:"
        " line 3: no KPI named 'Onbekend';"
        " line 4: '2026-13-01' is not a date (YYYY-MM-DD);"
        " line 5: 'veel' is not a number;"
        " line 6: 2024-12-01 is before the KPI's baseline date 2025-10-01;"
        " line 7: the same KPI and date as line 2;"
        " line 8: 2 fields, the header has 5"
    )
    assert figure_count(session) == before  # line 2 was good, and is not loaded either


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "line 1: the header must be kpi,date,value,source,note"),
        ("kpi,value\n", "line 1: the header must be kpi,date,value,source,note (missing: date"),
        ("kpi,date,value,where\n", "unknown: where"),
        ("kpi,date,value\n\n", "the file holds no figures"),
    ],
)
def test_a_file_without_the_header_or_without_figures_is_refused(open_demo, text, message):
    session = open_demo(SECRETARY)
    with pytest.raises(ValidationProblem, match=message.replace("(", r"\(")):
        werkagenda.import_figures(session, text)


def test_an_old_date_shows_the_figures_as_they_stood_then(open_demo):
    session = open_demo(SECRETARY)
    werkagenda.import_figures(session, GOOD)
    at_july = statuses(session, dt.date(2026, 7, 15))
    assert at_july[ABSENCE] is KpiStatus.ON_TRACK  # 7.5 in July, the figure of October unseen
    assert statuses(session)[ABSENCE] is KpiStatus.ON_TRACK
    wait = next(
        k
        for a in werkagenda.werkagenda(session, dt.date(2026, 7, 15))
        for k in a.kpis
        if k.name == WAIT
    )
    assert [f.value for f in wait.figures] == [13.8, 14.1, 14.6]


def test_a_kpi_needs_a_target_date_after_its_baseline_and_a_unique_name(open_demo):
    session = open_demo(SECRETARY)
    agreement = werkagenda.save_agreement(
        session, {"theme": "Acute zorg", "title": "Snellere ambulance", "aim": "experience"}
    )
    kpi = {
        "agreement_id": agreement,
        "name": "Responstijd A1",
        "unit": "min",
        "baseline": 16,
        "baseline_on": "2026-01-01",
        "target": 15,
        "target_on": "2025-01-01",
    }
    with pytest.raises(ValidationProblem, match="the target date must be after the baseline"):
        werkagenda.save_kpi(session, kpi)
    with pytest.raises(ValidationProblem, match="a KPI named 'wachttijd intake GGZ' exists"):
        werkagenda.save_kpi(
            session, {**kpi, "name": "wachttijd intake GGZ", "target_on": "2027-01-01"}
        )
    werkagenda.save_kpi(session, {**kpi, "target_on": "2027-01-01"})
    assert statuses(session)["Responstijd A1"] is KpiStatus.NO_DATA


def test_the_minutes_keep_the_figures_as_they_stood_at_the_meeting(open_demo):
    from boardroom.exports.markup import to_markdown
    from boardroom.exports.minutes import minutes_document
    from boardroom.services.minutes import build_minutes
    from boardroom.services.record import find_meeting

    session = open_demo(SECRETARY)
    meeting = find_meeting(session, "2026-11-12")

    def werkagenda_rows() -> list[str]:
        text = to_markdown(minutes_document(build_minutes(session, meeting.id)))
        section = text.split("## Work agenda", 1)[1].split("\n## ", 1)[0]
        return [
            line for line in section.splitlines() if line.startswith("| ") and "KPI" not in line
        ]

    before = werkagenda_rows()
    assert before == [  # the meeting's themes: its two theme items
        "| Deelnemers valpreventie per kwartaal (deelnemers) | 120 (1 Oct 2025)"
        " | 150 (1 Jan 2026) · 170 (1 Apr 2026) · 185 (1 Jul 2026) · 205 (1 Oct 2026) | 210"
        " | 300 (1 Oct 2027) | behind |",
        "| Verzuim zorgpersoneel (%) | 7.8 (1 Oct 2025) | 7.7 (1 Jan 2026) · 7.5 (1 Apr 2026)"
        " · 7.3 (1 Jul 2026) | — | 6.5 (1 Oct 2027) | no data (no figure for 1 Oct 2026) |",
    ]
    # after the meeting: the missing figure arrives, and the last one is corrected
    werkagenda.import_figures(
        session,
        "kpi,date,value\nVerzuim zorgpersoneel,2026-10-01,7.1\n"
        "Deelnemers valpreventie per kwartaal,2026-10-01,199\n",
    )
    assert werkagenda_rows() == before
    now = statuses(session)
    assert (now[ABSENCE], now["Deelnemers valpreventie per kwartaal"]) == (
        KpiStatus.ON_TRACK,
        KpiStatus.BEHIND,
    )


def test_a_steering_decision_is_shown_with_its_agreement_and_in_the_minutes(open_demo):
    from boardroom.domain.errors import Conflict
    from boardroom.exports.markup import to_markdown
    from boardroom.exports.minutes import minutes_document
    from boardroom.services import decide
    from boardroom.services import meeting as live
    from boardroom.services.minutes import build_minutes
    from boardroom.services.record import find_meeting

    chair = open_demo("Marianne van der Velde")
    december = find_meeting(chair, "2026-12-10")
    live.start_meeting(chair, december.id)
    wait = next(a for a in werkagenda.werkagenda(chair, ANCHOR) if a.theme == "Mentale gezondheid")
    decision_id, number = decide.record_decision(
        chair,
        december.id,
        None,
        "Extra capaciteit intake ggz",
        "De tafel vraagt GGZ Lindewaard om een plan voor de wachttijd.",
        agreement_id=wait.id,
    )
    on = ANCHOR  # the clock of the tests: the meeting of 10 December is held on 24 November
    shown = next(a for a in werkagenda.werkagenda(chair, on) if a.id == wait.id)
    assert shown.decisions == [(number, "Extra capaciteit intake ggz", "2026-12-10")]
    before = next(
        a for a in werkagenda.werkagenda(chair, on - dt.timedelta(days=1)) if a.id == wait.id
    )
    assert before.decisions == []  # not before it was taken
    text = to_markdown(minutes_document(build_minutes(chair, december.id)))
    assert f"**Steering decisions:** {number} Extra capaciteit intake ggz (2026-12-10)" in text
    werkagenda.steer(chair, decision_id, None)
    assert next(a for a in werkagenda.werkagenda(chair, on) if a.id == wait.id).decisions == []
    approved = chair.repo.query(
        "SELECT d.id FROM decisions d JOIN meetings m ON m.id = d.meeting_id"
        " WHERE m.status = 'minutes_approved' LIMIT 1"
    )[0]["id"]
    with pytest.raises(Conflict, match="meeting are approved"):
        werkagenda.steer(chair, approved, wait.id)
    assert verify(chair.database).ok


def test_a_consent_round_on_a_proposal_that_steers_an_agreement_makes_a_steering_decision(
    open_demo,
):
    from boardroom.domain.enums import ConsentAnswerKind, DecisionMethod
    from boardroom.services import decide
    from boardroom.services import meeting as live
    from boardroom.services.record import find_meeting

    chair = open_demo("Marianne van der Velde")
    december = find_meeting(chair, "2026-12-10")
    live.start_meeting(chair, december.id)
    for person in chair.repo.members():
        if person.is_active(ANCHOR):
            live.set_attendance(chair, december.id, person.id, "present")
    item = chair.repo.items(december.id)[3]  # 4. Wonen, welzijn en zorg
    agreement = next(a for a in werkagenda.werkagenda(chair, theme_ids=[item.theme_id]))
    round_id = decide.propose(
        chair,
        item.id,
        "Elke gemeente wijst een aanjager aan.",
        DecisionMethod.CONSENT,
        agreement_id=agreement.id,
    )
    for member in chair.repo.model(m.Round, round_id).voter_order:
        decide.give_answer(chair, round_id, member, ConsentAnswerKind.CONSENT)
    decide.close_consent(chair, round_id)
    decision = chair.repo.query(
        "SELECT number, agreement_id FROM decisions ORDER BY id DESC LIMIT 1"
    )[0]
    assert decision["agreement_id"] == agreement.id
    shown = next(a for a in werkagenda.werkagenda(chair, ANCHOR) if a.id == agreement.id)
    assert [n for n, _t, _d in shown.decisions] == [decision["number"]]
