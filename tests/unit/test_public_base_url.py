"""Links in mails and Open311 discovery follow where `serve` listens, unless PUBLIC_BASE_URL says otherwise."""

from triage.periodic import DEFAULT_BASE_URL
from web.config import public_base_url


def test_links_follow_the_port_and_host_served_on(monkeypatch):
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    assert public_base_url("127.0.0.1", 8080, DEFAULT_BASE_URL) == "http://127.0.0.1:8080"
    assert public_base_url("0.0.0.0", 8080, DEFAULT_BASE_URL) == "http://127.0.0.1:8080"
    assert public_base_url("meldingen.local", 80, DEFAULT_BASE_URL) == "http://meldingen.local:80"


def test_a_set_public_base_url_wins(monkeypatch):
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://meldingen.example.nl")
    assert public_base_url("127.0.0.1", 8080, "https://meldingen.example.nl") == "https://meldingen.example.nl"
    monkeypatch.delenv("PUBLIC_BASE_URL")
    assert public_base_url("127.0.0.1", 8080, "https://app.config.example") == "https://app.config.example"
