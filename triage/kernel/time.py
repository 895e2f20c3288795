"""The one time zone of the product: service norms are counted in it and times are shown to people in it.

Every feature, the web and the mails import this constant, so "local time" means the same everywhere.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

LOCAL_TIME_ZONE = ZoneInfo("Europe/Amsterdam")
