"""The permission table, role by role and action by action, written out by hand; and the audit log."""

import json

import pytest

from analytics import audit
from analytics.access import (
    LOCAL_ADMINISTRATOR,
    PERMISSIONS,
    AccessDenied,
    Principal,
    Role,
    allows,
    recruiter_scope,
    require,
)

ADMIN = Principal("ada@example.org", Role.ADMINISTRATOR)
ANALYST = Principal("ann@example.org", Role.ANALYST)
RECRUITER = Principal("karin@example.org", Role.RECRUITER, recruiter="Karin Lindqvist")

# action: (administrator, analyst, recruiter) — what the issue asks for, not read from the code.
EXPECTED = {
    "import": (True, False, False),
    "undo": (True, False, False),
    "settings": (True, False, False),
    "erase": (True, False, False),
    "export_candidate": (True, False, False),
    "retention": (True, False, False),
    "audit": (True, False, False),
    "manage_users": (True, False, False),
    "report": (True, True, True),
    "action_list": (True, False, True),
    "dashboards": (True, True, True),
}


def test_the_table_names_exactly_the_expected_actions():
    assert set(PERMISSIONS) == set(EXPECTED)


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("column, principal", [(0, ADMIN), (1, ANALYST), (2, RECRUITER)])
def test_each_role_and_action(action, column, principal):
    expected = EXPECTED[action][column]
    assert allows(principal, action) is expected
    if expected:
        require(principal, action)
    else:
        with pytest.raises(AccessDenied):
            require(principal, action)


def test_a_refusal_says_who_what_and_which_role_may():
    with pytest.raises(AccessDenied) as refused:
        require(ANALYST, "undo")
    assert str(refused.value) == "ann@example.org (analyst) may not undo an import: only administrator may."
    with pytest.raises(AccessDenied) as refused:
        require(ANALYST, "action_list")
    assert str(refused.value) == ("ann@example.org (analyst) may not download the action list: "
                                  "only administrator or recruiter may.")
    assert isinstance(refused.value, PermissionError)


def test_an_unknown_action_is_a_mistake_not_a_refusal():
    with pytest.raises(ValueError, match="unknown action 'delete_everything'"):
        require(ADMIN, "delete_everything")


def test_the_local_administrator_and_role_names():
    assert LOCAL_ADMINISTRATOR == Principal("local administrator", Role.ADMINISTRATOR, None)
    assert Principal("x", "analyst").role is Role.ANALYST
    with pytest.raises(ValueError):
        Principal("x", "superuser")


def test_only_a_recruiter_is_scoped_and_one_without_a_name_sees_nothing():
    assert recruiter_scope(RECRUITER) == "Karin Lindqvist"
    assert recruiter_scope(Principal("new@example.org", Role.RECRUITER)) == ""
    assert recruiter_scope(ADMIN) is None and recruiter_scope(ANALYST) is None


def test_audit_entries_come_back_newest_first_with_their_details(store):
    audit.record(store, ADMIN, "sign_in")
    audit.record(store, "os:alice", "import", {"import_id": 3, "file": "export.csv"})
    audit.record(store, RECRUITER, "action_list_download", {"rows": 2})
    log = audit.entries(store, ADMIN)
    assert log["entry_id"].tolist() == [3, 2, 1]
    assert log["actor"].tolist() == ["karin@example.org", "os:alice", "ada@example.org"]
    assert log["role"].fillna("(none)").tolist() == ["recruiter", "(none)", "administrator"]
    assert log["action"].tolist() == ["action_list_download", "import", "sign_in"]
    assert json.loads(log.at[1, "details"]) == {"file": "export.csv", "import_id": 3}
    assert log["details"].isna().tolist() == [False, False, True]
    times = log["occurred_at"].tolist()
    assert times[0] >= times[1] >= times[2] and str(times[0].tzinfo) == "UTC"


def test_audit_entries_filter_by_action_and_actor_and_limit(store):
    for actor, action in [(ADMIN, "sign_in"), (ANALYST, "sign_in"), (ADMIN, "undo"), (ADMIN, "sign_in")]:
        audit.record(store, actor, action)
    assert audit.entries(store, ADMIN, action="sign_in")["entry_id"].tolist() == [4, 2, 1]
    assert audit.entries(store, ADMIN, actor="ada@example.org", action="sign_in")["entry_id"].tolist() == [4, 1]
    assert audit.entries(store, ADMIN, limit=2)["entry_id"].tolist() == [4, 3]
    since = audit.entries(store, ADMIN)["occurred_at"].iloc[1]   # entry 3's moment
    assert set(audit.entries(store, ADMIN, since=since)["entry_id"]) >= {3, 4}


def test_only_an_administrator_reads_the_log_and_actions_are_checked(store):
    audit.record(store, ADMIN, "sign_in")
    for reader in (ANALYST, RECRUITER):
        with pytest.raises(AccessDenied, match="may not read the audit log"):
            audit.entries(store, reader)
    with pytest.raises(ValueError, match="unknown audit action 'sign-in'"):
        audit.record(store, ADMIN, "sign-in")
    assert len(audit.entries(store, ADMIN)) == 1


def test_an_entry_written_inside_a_failed_transaction_is_rolled_back_with_it(store):
    with pytest.raises(RuntimeError), store.transaction() as cursor:
        audit.record(store, ADMIN, "import", {"import_id": 1}, cursor=cursor)
        raise RuntimeError("the import failed")
    assert audit.entries(store, ADMIN).empty
