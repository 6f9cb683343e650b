"""The permission table, role by role and action by action, written out by hand; and the audit log."""

import ast
import json
import re
from dataclasses import replace

import pytest

from analytics import audit, operations, users
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
from analytics.measure.actions import action_list
from analytics.measure.inventory import filter_options
from analytics.measure.metrics import Filters, metrics_by
from tests.conftest import ROOT

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


# -- who is which role (analytics/users.py) -----------------------------------------------------------

def test_bootstrap_administrators_email_grants_and_groups(store):
    users.set_grant(store, ADMIN, "email", "Karin@Example.org ", "recruiter", "Karin Lindqvist")
    users.set_grant(store, ADMIN, "group", "hr-analysts", "analyst")
    users.set_grant(store, ADMIN, "group", "it-admins", "administrator")
    users.set_grant(store, ADMIN, "group", "recruiters", "recruiter")
    admins = ["Boss@example.org"]
    # Named in the secrets: administrator, whatever the table says.
    assert users.principal_for(store, "boss@EXAMPLE.org", [], None, admins) == Principal("boss@example.org", "administrator")
    # An own e-mail grant wins over the groups (Karin is in it-admins too, but her grant says recruiter).
    assert users.principal_for(store, "karin@example.org", ["it-admins"], "Karin L", admins) == RECRUITER
    # Among groups the most capable role wins.
    assert users.principal_for(store, "ann@example.org", ["recruiters", "hr-analysts"], "Ann", admins) == ANALYST
    assert users.principal_for(store, "ola@example.org", ["recruiters", "it-admins"], "Ola", admins).role is Role.ADMINISTRATOR
    # A recruiter by group is scoped by the name the identity provider sends.
    assert users.principal_for(store, "olle@example.org", ["recruiters"], "Olle Berg", admins) == Principal(
        "olle@example.org", Role.RECRUITER, "Olle Berg")
    # Nothing grants a role: no access; no e-mail: no access.
    assert users.principal_for(store, "guest@example.org", ["visitors"], "Guest", admins) is None
    assert users.principal_for(store, None, ["it-admins"], "Anon", admins) is None


def test_role_changes_are_administrators_own_and_audited(store):
    with pytest.raises(AccessDenied):
        users.set_grant(store, ANALYST, "email", "x@example.org", "administrator")
    with pytest.raises(AccessDenied):
        users.grants(store, RECRUITER)
    users.set_grant(store, ADMIN, "email", "x@example.org", "analyst", recruiter="ignored for analysts")
    users.set_grant(store, ADMIN, "email", "x@example.org", "recruiter", recruiter=" Karin Lindqvist ")
    assert users.remove_grant(store, ADMIN, "email", "x@example.org") is True
    assert users.remove_grant(store, ADMIN, "email", "x@example.org") is False
    assert users.grants(store, ADMIN).empty
    log = audit.entries(store, ADMIN, action="user_role_change")
    assert [json.loads(d) for d in log["details"]] == [
        {"before": "recruiter", "role": None, "subject": "x@example.org", "subject_kind": "email"},
        {"before": "analyst", "recruiter": "Karin Lindqvist", "role": "recruiter", "subject": "x@example.org",
         "subject_kind": "email"},
        {"before": None, "recruiter": None, "role": "analyst", "subject": "x@example.org", "subject_kind": "email"},
    ]
    assert set(log["actor"]) == {"ada@example.org"}


@pytest.mark.parametrize("kind, subject, message", [
    ("email", "not an address", "is not an e-mail address"), ("email", "@example.org", "is not an e-mail address"),
    ("group", "  ", "a group needs its name"), ("team", "x", "unknown kind 'team'"),
])
def test_a_grant_for_a_malformed_subject_is_refused_and_nothing_is_stored(store, kind, subject, message):
    with pytest.raises(ValueError, match=message):
        users.set_grant(store, ADMIN, kind, subject, "analyst")
    assert users.grants(store, ADMIN).empty and audit.entries(store, ADMIN).empty


# -- the write actions, checked and audited (analytics/operations.py) -----------------------------------

# Applications in January; C1's acknowledgement on 1 March is the latest event (as of), so C2-C5 are
# silent for over 50 days, beyond the 14-day silence limit, and on the action list.
EVENTS = """candidate_id,process_id,event_type,occurred_at,process_name,recruiter
C1,P-1,application_received,2026-01-02 09:00,Nurse,Karin Lindqvist
C1,P-1,acknowledgement_sent,2026-03-01 09:00,Nurse,Karin Lindqvist
C2,P-1,application_received,2026-01-03 09:00,Nurse,Karin Lindqvist
C3,P-2,application_received,2026-01-04 09:00,Driver,Olle Berg
C4,P-3,application_received,2026-01-05 09:00,Chef,Karin Lindqvist
C5,P-3,application_received,2026-01-06 09:00,Chef,Olle Berg
"""


def test_only_an_administrator_imports_undoes_and_changes_settings_and_each_is_audited(store):
    for person in (ANALYST, RECRUITER):
        with pytest.raises(AccessDenied, match="may not import data"):
            operations.import_upload(store, person, EVENTS.encode(), "export.csv")
        with pytest.raises(AccessDenied, match="may not change settings"):
            operations.save_settings(store, person, ack_sla_hours=24)
    assert store.is_empty() and store.settings().ack_sla_hours == 48
    report = operations.import_upload(store, ADMIN, EVENTS.encode(), "export.csv")
    assert report.ok and report.rows_stored == 6
    with pytest.raises(AccessDenied, match="may not undo an import"):
        operations.undo(store, ANALYST, report.import_id)
    operations.save_settings(store, ADMIN, ack_sla_hours=24, silence_limit_days=store.settings().silence_limit_days)
    operations.undo(store, ADMIN, report.import_id)
    assert store.is_empty()
    log = audit.entries(store, ADMIN)
    assert log["action"].tolist() == ["undo", "settings", "import"]
    assert json.loads(log.at[0, "details"]) == {"answers_removed": 0, "events_removed": 6, "import_id": report.import_id}
    assert json.loads(log.at[1, "details"]) == {"changed": {"ack_sla_hours": [48, 24]}}   # only what changed
    assert json.loads(log.at[2, "details"]) == {"error": None, "file": "export.csv", "format": "canonical",
                                                "import_id": report.import_id, "kind": "events", "rejected": 0,
                                                "stored": 6}


def test_no_import_or_undo_is_stored_without_its_audit_entry(store, monkeypatch):
    """The entry is written in the transaction that stores the rows: when it cannot be, nothing is."""
    report = operations.import_upload(store, ADMIN, EVENTS.encode(), "export.csv")

    def unwritable(*args, **kwargs):
        raise RuntimeError("the audit log cannot be written")

    monkeypatch.setattr(audit, "record", unwritable)
    with pytest.raises(RuntimeError, match="audit log"):   # one new row (C6): not stored
        operations.import_upload(store, ADMIN, EVENTS.replace("C5,", "C6,").encode(), "more.csv")
    assert store.scalar("SELECT count(*) FROM imports") == 1 and store.scalar("SELECT count(*) FROM events") == 6
    with pytest.raises(RuntimeError, match="audit log"):   # not undone
        operations.undo(store, ADMIN, report.import_id)
    assert store.scalar("SELECT count(*) FROM imports") == 1 and store.scalar("SELECT count(*) FROM events") == 6
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'import'") == 1


def test_a_refused_file_is_audited_after_it_stored_nothing(store):
    report = operations.import_upload(store, ADMIN, b"candidate_id,process_id\nC1,P-1\n", "short.csv")
    assert not report.ok and store.is_empty()
    details = json.loads(audit.entries(store, ADMIN).at[0, "details"])
    assert (details["file"], details["import_id"], details["stored"], details["error"]) == (
        "short.csv", None, 0, report.error_code)


def test_a_download_is_checked_before_it_is_made_and_then_audited(store):
    made = []

    def build() -> bytes:
        made.append(1)
        return b"rows"

    with pytest.raises(AccessDenied, match="may not see and download the action list|may not download the action list"):
        operations.downloaded(store, ANALYST, "action_list", build, {"rows": 2})
    assert made == [] and audit.entries(store, ADMIN).empty
    assert operations.downloaded(store, RECRUITER, "action_list", build, {"rows": 2}) == b"rows"
    assert operations.downloaded(store, ANALYST, "report", build, {"format": "html"}) == b"rows"
    log = audit.entries(store, ADMIN)
    assert log["action"].tolist() == ["report_download", "action_list_download"]
    assert log["actor"].tolist() == ["ann@example.org", "karin@example.org"]


def test_the_audit_log_downloads_as_formula_safe_csv_and_the_download_is_logged(store):
    audit.record(store, "=HYPERLINK(\"http://x\")", "sign_in")
    with pytest.raises(AccessDenied):
        operations.audit_csv(store, ANALYST)
    text = operations.audit_csv(store, ADMIN).decode("utf-8-sig")
    assert text.splitlines()[0] == "entry_id,occurred_at,actor,role,action,details"
    row = text.splitlines()[1]
    assert re.fullmatch(r'1,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000,"\'=HYPERLINK\(""http://x""\)",,sign_in,', row), row
    assert audit.entries(store, ADMIN)["action"].tolist() == ["audit_export", "sign_in"]


def test_the_command_line_imports_and_undoes_as_its_os_user(tmp_path, monkeypatch):
    from analytics.cli import main
    from analytics.store import Store

    monkeypatch.setenv("USER", "alice")
    monkeypatch.setenv("LOGNAME", "alice")
    export = tmp_path / "export.csv"
    export.write_text(EVENTS, encoding="utf-8")
    db = tmp_path / "cli.duckdb"
    assert main(["import", str(export), "--db", str(db)]) == 0
    assert main(["undo", "1", "--db", str(db)]) == 0
    opened = Store(db)
    try:
        log = audit.entries(opened, ADMIN)
        assert log["action"].tolist() == ["undo", "import"]
        assert log["actor"].tolist() == ["os:alice", "os:alice"]
        assert log["role"].tolist() == ["administrator", "administrator"]
    finally:
        opened.close()


# -- a recruiter's scope, applied inside the engine ------------------------------------------------------

@pytest.fixture
def staffed(store):
    """Karin recruits for P-1 and, with Olle, for P-3; Olle alone for P-2."""
    assert operations.import_upload(store, ADMIN, EVENTS.encode(), "export.csv").ok
    return store


def test_a_recruiter_sees_only_the_processes_where_they_are_the_recruiter(staffed):
    karin = Filters(scope_recruiter="Karin Lindqvist")
    by_process = metrics_by(staffed, "process", filters=karin).set_index("process_id")["applications"]
    assert by_process.sort_index().to_dict() == {"P-1": 2, "P-3": 2}   # all of P-3, Olle's applicant too
    overall = metrics_by(staffed, "all", filters=karin)["applications"].tolist()
    assert overall == [4]
    # Asking for another recruiter's process (a link's ?process=P-2) cannot widen the scope.
    assert metrics_by(staffed, "process", filters=replace(karin, processes=("P-2",))).empty
    # The ordinary recruiter filter narrows within the scope.
    assert metrics_by(staffed, "all", filters=replace(karin, recruiters=("Olle Berg",)))["applications"].tolist() == [1]
    # A recruiter whose name appears nowhere sees nothing; no scope sees all.
    assert metrics_by(staffed, "process", filters=Filters(scope_recruiter="")).empty
    assert metrics_by(staffed, "all")["applications"].tolist() == [5]


def test_a_recruiters_filter_choices_and_action_list_are_theirs(staffed):
    options = filter_options(staffed, "Olle Berg")
    assert list(options.processes) == ["P-3", "P-2"]   # by name: Chef, Driver
    assert options.recruiters == ("Karin Lindqvist", "Olle Berg")   # who recruits in Olle's processes
    assert list(filter_options(staffed).processes) == ["P-3", "P-2", "P-1"]   # by name: Chef, Driver, Nurse
    actions = action_list(staffed, filters=Filters(scope_recruiter="Olle Berg"))
    assert sorted(actions["process_id"].unique()) == ["P-2", "P-3"]
    assert sorted(actions["candidate_id"]) == ["C3", "C4", "C5"]   # C4 is Karin's, in a process they share
    karin = action_list(staffed, filters=Filters(scope_recruiter="Karin Lindqvist"))
    assert sorted(karin["candidate_id"]) == ["C2", "C4", "C5"]   # C1 was acknowledged on the day of as-of


# -- nothing reaches the writers around the checks -------------------------------------------------------

RAW_WRITERS = {"import_bytes", "import_file", "undo_import", "save_mapping", "import_mapping_json",
               "add_subject_pattern", "delete_subject_pattern", "calibrate_from_store", "save_settings"}


def test_pages_helpers_and_commands_write_only_through_the_checked_operations():
    """The app and the CLI call analytics.operations, which checks the role and audits; none calls
    the importer, the mappings, the subject patterns, calibration or Store.save_settings itself."""
    sources = [ROOT / "app.py", ROOT / "analytics" / "cli.py", *ROOT.glob("content/*.py"), *ROOT.glob("ui/*.py")]
    found = []
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None
            if isinstance(node, ast.alias):
                name = node.name
            checked = isinstance(node, ast.Attribute) and getattr(node.value, "id", None) == "operations"
            if name in RAW_WRITERS and not checked:
                found.append(f"{path.relative_to(ROOT)}: {name}")
    assert found == []
