"""Keeping API keys out of request logs.

Writes carry the key in the form body, which no access log prints; but a client may put it in a query
string (`GET .../requests.json?api_key=...`), and the development server's and gunicorn's access logs
print the whole URL. Their loggers get a filter that replaces the key before the line is written.
"""

from __future__ import annotations

import logging
import re

API_KEY_IN_URL = re.compile(r"(api(?:_|%5f)key=)[^&\s\"']*", re.IGNORECASE)
REQUEST_LOGGERS = ("werkzeug", "gunicorn.access")


class HideApiKeys(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if API_KEY_IN_URL.search(message):
            record.msg, record.args = API_KEY_IN_URL.sub(r"\1[hidden]", message), ()
        return True


def hide_api_keys_in_request_logs() -> None:
    """Idempotent: every app made in one process shares the loggers, and gets one filter each."""
    for name in REQUEST_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, HideApiKeys) for existing in logger.filters):
            logger.addFilter(HideApiKeys())
