"""Once a mail went out, the outbox keeps no secret from its links (triage.notifications.links.without_secrets)."""

from types import SimpleNamespace

import pytest

from triage.notifications import links

REPORT = SimpleNamespace(id=7, status_token="St4tus-token_abc", tracking_code="M-7K3Q")
SECRET_LINKS = [
    links.status_link(REPORT),
    links.feedback_link(REPORT),
    links.reply_link(REPORT),
    links.follow_confirm_link("f0ll0w-c0nfirm"),
    links.stop_following_link("st0p-f0llowing"),
    links.my_reports_link("my-r3ports"),
    links.invitation_link("inv1tation_tok3n"),
]
SECRETS = ["St4tus-token_abc", "f0ll0w-c0nfirm", "st0p-f0llowing", "my-r3ports", "inv1tation_tok3n"]


@pytest.mark.parametrize("link", SECRET_LINKS)
def test_every_secret_link_loses_its_secret_but_keeps_its_kind(link):
    kept = links.without_secrets(f"Open deze link:\n{link}\nMet vriendelijke groet")
    assert not any(secret in kept for secret in SECRETS)
    path = link.split(links.BASE_URL_MARK)[1].rsplit("/", 1)[0] + "/"
    assert f"{links.BASE_URL_MARK}{path}{links.SENT_SECRET}" in kept
    assert kept.startswith("Open deze link:\n") and kept.endswith("\nMet vriendelijke groet")


def test_links_without_a_secret_stay_as_they_are():
    text = (
        f"{links.track_link(REPORT)}\n{links.staff_report_link(REPORT)}\nhttps://www.example.org/melding/niet-van-ons"
    )
    assert links.without_secrets(text) == text
