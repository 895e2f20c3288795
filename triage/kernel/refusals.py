"""Refusals as data: a field name or an action and a message key, translated by whoever shows them (page or JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One reason a field was refused; `code` is a message key such as "description.required"."""

    code: str
    params: dict = field(default_factory=dict)


class Problems(dict[str, list[Problem]]):
    """Problems per field, in the order found."""

    def add(self, field_name: str, code: str, **params) -> None:
        self.setdefault(field_name, []).append(Problem(code, params))


class SubmissionRejected(Exception):
    """Raised by a service when input is refused; nothing has been changed when it is raised."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(", ".join(f"{name}: {[p.code for p in items]}" for name, items in problems.items()))
        self.problems = problems


class DecisionRefused(Exception):
    """A staff action or a resident's answer refused; `code` is a message key and nothing has been changed."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code
