"""One Redis client per process: a create hands its proposal and mail jobs over on the connections of one pool,
instead of opening (and version-checking) two new connections per request, which was 31% of a create."""

import pytest
from redis import Redis

REPORT = {"description": "Lantaarnpaal brandt niet", "lat": 52.3812, "lon": 4.6368}


@pytest.fixture
def redis_app(tmp_path, monkeypatch, redis_server, set_up_artifacts):
    from web import create_app

    url = f"sqlite:///{tmp_path / 'pool.db'}"
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setenv("ARTIFACT_DIR", str(set_up_artifacts))
    app = create_app(
        {
            "DATABASE_URL": url,
            "UPLOAD_DIR": str(tmp_path / "up"),
            "RATELIMIT_ENABLED": False,
            "REDIS_URL": redis_server.url,
        }
    )
    assert app.test_cli_runner().invoke(args=["setup"]).exit_code == 0
    yield app
    app.extensions["database"].dispose()


def connections_received(port: int) -> int:
    """Connections the server has accepted since it started, our own INFO call included."""
    with Redis(port=port) as observer:
        return int(observer.info("stats")["total_connections_received"])


def test_two_creates_share_one_redis_connection(redis_app, redis_server):
    client = redis_app.test_client()
    assert client.post("/api/v1/reports", json=REPORT).status_code == 201  # the pool connects here
    before = connections_received(redis_server.port)
    assert client.post("/api/v1/reports", json=REPORT).status_code == 201
    assert client.post("/api/v1/reports", json=REPORT).status_code == 201
    # Only the observer's own connection is new: both creates enqueued over the first create's connection.
    assert connections_received(redis_server.port) - before == 1


def test_the_client_is_shared_per_process_and_url(redis_server):
    from triage.jobs import redis_client

    assert redis_client(redis_server.url) is redis_client(redis_server.url)
    assert redis_client(redis_server.url) is not redis_client(redis_server.url.replace("/0", "/1"))
