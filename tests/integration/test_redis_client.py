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


def commands_run(port: int) -> dict[str, int]:
    """How often the server has run each command since it started (INFO commandstats)."""
    with Redis(port=port) as observer:
        return {name.removeprefix("cmdstat_"): stats["calls"] for name, stats in observer.info("commandstats").items()}


def test_a_create_reads_job_statuses_in_one_pipeline_and_settles_no_registry(redis_app, redis_server):
    """The create path asks only each job's status (HGET, pipelined) before queuing: no job fetch (HGETALL)
    and no clean-up of abandoned jobs (ZRANGEBYSCORE on the started registry), which is the sweep's work."""
    client = redis_app.test_client()
    assert client.post("/api/v1/reports", json=REPORT).status_code == 201
    before = commands_run(redis_server.port)
    assert client.post("/api/v1/reports", json=REPORT).status_code == 201
    after = commands_run(redis_server.port)
    ran = {name: after.get(name, 0) - before.get(name, 0) for name in after}
    assert ran.get("hgetall", 0) == 0 and ran.get("zrangebyscore", 0) == 0
    assert ran["hget"] == 2  # the new report's proposal job and the mail run
    assert ran["rpush"] == 1  # the proposal queued; the mail run was still queued from the first create


def test_the_hand_over_queues_each_report_once_and_one_mail_run(redis_server):
    from rq import Queue

    from triage.jobs import QUEUE_NAME, hand_over_after_commit, redis_client

    connection = redis_client(redis_server.url)
    connection.flushdb()
    assert hand_over_after_commit(connection, [7, 8, 7]) == 2
    assert hand_over_after_commit(connection, [8, 9]) == 1  # 8 is still queued
    queued = Queue(QUEUE_NAME, connection=connection).job_ids
    assert queued == ["propose-7", "propose-8", "send-mail", "propose-9"]
