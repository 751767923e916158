import datetime as dt
import json

import pytest

from boardroom.domain import models as m
from boardroom.domain.errors import Conflict, NotFound, PermissionDenied, ValidationProblem
from boardroom.services import composition as comp


def last_event(session):
    return session.repo.query("SELECT * FROM event_log ORDER BY id DESC LIMIT 1")[0]


def test_the_secretary_edits_a_member_and_the_change_is_logged_under_her_name(open_demo):
    session = open_demo("Els Verhoeven")
    lotte = session.repo.member_by_name("Lotte Kramer")
    comp.save_member(session, {"mandate": "Namens alle welzijnsorganisaties"}, lotte.id)
    assert session.repo.member_by_name("Lotte Kramer").mandate == "Namens alle welzijnsorganisaties"
    event = last_event(session)
    assert (event["actor"], event["operation"], event["table_name"]) == (
        "Els Verhoeven",
        "update",
        "members",
    )
    assert json.loads(event["after"])["mandate"] == "Namens alle welzijnsorganisaties"


@pytest.mark.parametrize("who", ["Ahmed Yilmaz", "Ingrid Smit", None])
def test_members_portfolio_holders_and_viewers_may_not_change_the_composition(open_demo, who):
    session = open_demo(who)
    before = session.repo.scalar("SELECT count(*) FROM event_log")
    with pytest.raises(PermissionDenied, match="may not edit the board's composition"):
        comp.save_perspective(session, {"name": "Apothekers"})
    assert session.repo.scalar("SELECT count(*) FROM event_log") == before


def test_adding_a_member_validates_and_places_them_last(open_demo):
    session = open_demo("Marianne van der Velde")
    ggd = next(p for p in session.repo.perspectives() if p.name == "GGD")
    new_id = comp.save_member(
        session,
        {
            "name": "Noor Bakker",
            "organisation": "GGD",
            "perspective_id": ggd.id,
            "roles": ["member"],
            "active_from": dt.date(2026, 12, 1),
        },
    )
    members = session.repo.members()
    assert members[-1].id == new_id and members[-1].perspective_id == ggd.id


@pytest.mark.parametrize(
    ("values", "error", "where"),
    [
        ({"name": "joost bakker"}, Conflict, "name"),
        ({"name": "X", "email": "x at y"}, ValidationProblem, "email"),
        ({"name": "X", "perspective_id": 999}, NotFound, "perspective"),
        ({"name": ""}, ValidationProblem, "name"),
        (
            {"name": "X", "active_from": dt.date(2026, 5, 1), "active_until": dt.date(2026, 1, 1)},
            Conflict,
            "active_until",
        ),
    ],
)
def test_bad_member_input_is_refused_with_the_field_and_nothing_written(
    open_demo, values, error, where
):
    session = open_demo("Els Verhoeven")
    count = session.repo.scalar("SELECT count(*) FROM members")
    with pytest.raises(error) as caught:
        comp.save_member(session, values)
    assert caught.value.where == where
    assert session.repo.scalar("SELECT count(*) FROM members") == count


def test_deactivating_keeps_history_and_reactivating_restores(open_demo):
    session = open_demo("Els Verhoeven")
    sophie = session.repo.member_by_name("Sophie Mulder")
    attended = session.repo.scalar(
        "SELECT count(*) FROM attendance WHERE member_id = ?", (sophie.id,)
    )
    comp.deactivate_member(session, sophie.id)
    after = session.repo.member_by_name("Sophie Mulder")
    assert after.active_until == dt.date(2026, 11, 23)
    assert not after.is_active(session.today)
    assert (
        session.repo.scalar("SELECT count(*) FROM attendance WHERE member_id = ?", (sophie.id,))
        == attended
    )
    comp.reactivate_member(session, sophie.id)
    assert session.repo.member_by_name("Sophie Mulder").is_active(session.today)


def test_a_perspective_with_members_cannot_be_deleted(open_demo):
    session = open_demo("Els Verhoeven")
    ggd = next(p for p in session.repo.perspectives() if p.name == "GGD")
    with pytest.raises(Conflict, match="1 member"):
        comp.delete_perspective(session, ggd.id)
    new = comp.save_perspective(session, {"name": "Apothekers", "seats": 1})
    comp.delete_perspective(session, new)
    assert [p.name for p in session.repo.perspectives()][-1] == "Burgers en patiënten"


def test_theme_holders_are_replaced_as_a_set(open_demo):
    session = open_demo("Els Verhoeven")
    theme = next(t for t in session.repo.themes() if t.name == "Acute zorg")
    fatima = session.repo.member_by_name("Fatima El Amrani").id
    joost = session.repo.member_by_name("Joost Bakker").id
    comp.save_theme(session, {"target_slots": 5}, [fatima, joost], theme.id)
    assert session.repo.theme_holders()[theme.id] == [joost, fatima]
    assert session.repo.model(m.Theme, theme.id).target_slots == 5
    with pytest.raises(ValidationProblem) as caught:
        comp.save_theme(session, {"preferred_months": [0]}, None, theme.id)
    assert caught.value.where == "preferred_months"


def test_rules_move_and_toggle(open_demo):
    session = open_demo("Els Verhoeven")
    rules = session.repo.models("behaviour_rules", order="position")
    comp.move_rule(session, "behaviour_rules", rules[2].id, -1)
    moved = session.repo.models("behaviour_rules", order="position")
    assert [r.id for r in moved][:3] == [rules[0].id, rules[2].id, rules[1].id]
    comp.set_rule_active(session, "behaviour_rules", rules[0].id, False)
    assert session.repo.model(m.BehaviourRule, rules[0].id).active is False
    new = comp.save_rule(session, "leading_principles", {"text": "We leren samen."})
    assert session.repo.model(m.LeadingPrinciple, new).position == 8


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Kees Hendriks", "Kees Hendriks"),
        ("kees", "Kees Hendriks"),
        ("hen", "Henk Jansen"),  # the start of a name beats a word inside another one
        ("smit", "Ingrid Smit"),
        ("  INGRID   smit ", "Ingrid Smit"),
        ("hendr", "Kees Hendriks"),
    ],
)
def test_members_are_found_as_people_type_them(open_demo, typed, found):
    from boardroom.services.session import find_member

    assert find_member(open_demo().repo, typed).name == found


@pytest.mark.parametrize(
    ("typed", "message"),
    [("a", "more than one member matches 'a'"), ("zz", "no member named 'zz'"), ("", "no member")],
)
def test_ambiguous_or_unknown_names_are_refused(open_demo, typed, message):
    from boardroom.services.session import find_member

    with pytest.raises(NotFound, match=message):
        find_member(open_demo().repo, typed)
