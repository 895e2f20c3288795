"""Page numbers from the address: whatever is typed there gives a page, never an overflow in the database."""

from __future__ import annotations

MAX_PAGE = 10_000  # beyond any list we keep; a larger number shows the (empty) page past the end


def page_number(typed: str | None) -> int:
    """A positive page number; text, zero, negatives and numbers beyond any integer column give page 1 or MAX_PAGE."""
    typed = (typed or "").strip()
    if not (typed.isascii() and typed.isdigit()):
        return 1
    return max(1, min(int(typed) if len(typed) <= 6 else MAX_PAGE, MAX_PAGE))
