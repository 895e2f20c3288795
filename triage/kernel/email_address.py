"""What the product accepts as an e-mail address, in one place: a resident's contact address and a staff account's
log-in are checked by the same rule, so an address accepted in one form is never refused in another."""

from __future__ import annotations

import re

EMAIL = re.compile(r"^[^@\s<>]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})+$")
MAX_EMAIL = 254


def is_email_address(text: str) -> bool:
    return len(text) <= MAX_EMAIL and EMAIL.match(text) is not None
