"""SQLite writers of one process take turns on a lock of their own instead of polling SQLite's write lock.

The busy handler sleeps up to 100 ms between tries, which left one of four concurrent residents waiting over a
second; a writer in line is woken when the turn is given back. These tests cut SQLite's busy timeout to
200 ms while the first writer holds the lock for longer, so a writer that waited inside SQLite would fail: only
the turns can make it wait and succeed. (Not zero: the turn is given back just before the COMMIT reaches SQLite,
so the next writer may meet the lock for the moment the COMMIT takes.)
"""

import threading

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from models.database import WRITES_AHEAD, make_engine

SQLITE_WAIT_MS = 200  # SQLite's own wait in these tests: far shorter than the first writer holds the lock


@pytest.fixture
def impatient_engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'turns.db'}")

    @event.listens_for(engine, "connect")
    def _short_busy_wait(dbapi_conn, _record) -> None:  # runs after the product's own connect set-up
        dbapi_conn.execute(f"PRAGMA busy_timeout={SQLITE_WAIT_MS}")

    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT UNIQUE)")
    yield engine.execution_options(**{WRITES_AHEAD: True})
    engine.dispose()


def write(engine, body: str) -> None:
    with engine.connect() as connection, connection.begin():
        connection.execute(text("INSERT INTO note (body) VALUES (:body)"), {"body": body})


def notes(engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.scalars(text("SELECT body FROM note ORDER BY id")))


def test_a_second_writer_waits_for_its_turn_and_writes(impatient_engine):
    holding, release = threading.Event(), threading.Event()
    failures = []

    def long_writer() -> None:
        with impatient_engine.connect() as connection, connection.begin():
            connection.execute(text("INSERT INTO note (body) VALUES ('first')"))
            holding.set()
            release.wait(5)

    def second_writer() -> None:
        try:
            write(impatient_engine, "second")
        except Exception as error:  # a "database is locked" here means the turn did not hold it back
            failures.append(error)

    first = threading.Thread(target=long_writer)
    first.start()
    holding.wait(5)
    second = threading.Thread(target=second_writer)
    second.start()
    second.join(3 * SQLITE_WAIT_MS / 1000)
    assert second.is_alive()  # in line for its turn, not failed on the lock
    release.set()
    first.join(5)
    second.join(5)
    assert failures == []
    assert notes(impatient_engine) == ["first", "second"]


def test_a_failed_write_gives_its_turn_back(impatient_engine):
    write(impatient_engine, "once")
    with pytest.raises(IntegrityError):
        write(impatient_engine, "once")  # refused by the database: rolled back
    done = threading.Event()
    threading.Thread(target=lambda: (write(impatient_engine, "after"), done.set())).start()
    assert done.wait(5)  # another thread gets the turn: the failed writer did not keep it
    assert notes(impatient_engine) == ["once", "after"]


def test_reading_takes_no_turn(impatient_engine):
    plain = impatient_engine.execution_options(**{WRITES_AHEAD: False})
    holding, release = threading.Event(), threading.Event()

    def long_writer() -> None:
        with impatient_engine.connect() as connection, connection.begin():
            connection.execute(text("INSERT INTO note (body) VALUES ('pending')"))
            holding.set()
            release.wait(5)

    writer = threading.Thread(target=long_writer)
    writer.start()
    holding.wait(5)
    try:
        with plain.connect() as connection, connection.begin():
            assert list(connection.scalars(text("SELECT body FROM note"))) == []  # WAL: reads the last commit
    finally:
        release.set()
        writer.join(5)
