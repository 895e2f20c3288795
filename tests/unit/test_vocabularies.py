"""The closed vocabularies have one owner each: queues, statuses and audit actions mean the same everywhere."""

from __future__ import annotations

import ast
import pathlib

from classifiers.proposal import QUEUE_ORDER
from classifiers.rules import QUEUES
from models import Queue, ReportStatus
from tests.support.python_source import parse
from triage.kernel.audit import AuditAction

S = ReportStatus


def test_classifier_queue_names_are_the_queue_enum_in_its_order():
    assert tuple(queue.value for queue in Queue) == QUEUES


def test_classifier_queue_order_is_the_queue_rank():
    assert {queue.value: queue.rank for queue in Queue} == QUEUE_ORDER


def test_maatwerk_outranks_complex_which_outranks_simple():
    assert Queue.MAATWERK.rank > Queue.COMPLEX.rank > Queue.SIMPLE.rank


def test_team_work_is_every_routed_status_that_is_not_closed():
    assert set(S.team_work()) == {S.TRIAGED, S.IN_PROGRESS, S.WAITING_RESIDENT, S.WAITING_EXTERNAL, S.REOPENED}


def test_open_reports_for_nearby_counts_include_the_inbox():
    assert set(S.open()) == set(S.team_work()) | {S.RECEIVED}


def test_done_and_cancelled_are_closed_and_need_a_message_to_the_resident():
    assert set(S.closed()) == {S.DONE, S.CANCELLED}
    assert {status for status in S if status.needs_resident_message} == {S.DONE, S.CANCELLED}


def test_only_waiting_for_the_resident_pauses_the_clock():
    assert {status for status in S if status.pauses_clock} == {S.WAITING_RESIDENT}


def test_only_done_resolves_a_report():
    assert S.resolved() == (S.DONE,)


def test_only_a_received_report_awaits_triage():
    assert {status for status in S if status.awaits_triage} == {S.RECEIVED}


def test_audit_action_values_are_the_names_already_stored():
    stored = {
        "report.received", "proposal.made", "triage.auto_routed", "triage.accepted", "triage.corrected",
        "triage.duplicate", "triage.split", "triage.split_from", "due.set", "status.changed", "note.added",
        "contact.logged", "report.claimed", "report.requeued", "report.assigned", "escalation.due_soon",
        "escalation.overdue", "feedback.given", "reporter.anonymised", "classifier.retrained", "demo.seeded",
        "resident.replied", "resident.no_answer", "contact.viewed",
        "contact_centre.lookup", "call.noted", "contact.corrected", "resident.data_shown", "erasure.requested",
        "erasure.handled",
        "follower.confirmed", "follower.stopped", "follower.added", "follower.anonymised",
    }  # fmt: skip
    assert {action.value for action in AuditAction} == stored


def _written_actions(tree: ast.AST) -> list[ast.expr]:
    """The action argument of each `record(...)` call, each `action=` keyword and each "action" key of a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name == "record" and len(node.args) >= 3:
                found.append(node.args[2])
            found.extend(keyword.value for keyword in node.keywords if keyword.arg == "action")
        elif isinstance(node, ast.Dict):
            found.extend(
                v
                for k, v in zip(node.keys, node.values, strict=True)
                if isinstance(k, ast.Constant) and k.value == "action"
            )
    return found


def test_audit_actions_are_written_from_the_vocabulary_not_as_bare_strings():
    bare = [
        f"{path}:{action.lineno}"
        for path in sorted(pathlib.Path("triage").rglob("*.py"))
        for action in _written_actions(parse(path))
        if isinstance(action, ast.Constant | ast.JoinedStr)
    ]
    assert not bare, bare
