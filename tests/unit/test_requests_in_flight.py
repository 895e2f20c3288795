"""The embedded default's background work lets requests go first: it waits for a moment without requests in
flight (at most a limit), counted by a WSGI middleware from the call until the response is closed."""

import threading

import pytest

from web.jobs import CountsRequests, RequestsInFlight


def streaming_app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"part one"
    yield b"part two"


def failing_app(environ, start_response):
    raise RuntimeError("the view failed")


def test_a_request_is_in_flight_until_its_response_is_closed():
    in_flight = RequestsInFlight()
    response = CountsRequests(streaming_app, in_flight)({}, lambda *args: None)
    assert in_flight._count == 1
    assert list(response) == [b"part one", b"part two"]
    assert in_flight._count == 1  # sent, but the server has not closed it yet
    response.close()
    assert in_flight._count == 0


def test_a_failing_request_is_no_longer_counted():
    in_flight = RequestsInFlight()
    with pytest.raises(RuntimeError):
        CountsRequests(failing_app, in_flight)({}, lambda *args: None)
    assert in_flight._count == 0


def test_the_background_waits_for_the_request_to_end():
    in_flight = RequestsInFlight()
    in_flight.enter()
    waited = threading.Event()
    waiter = threading.Thread(target=lambda: (in_flight.wait_for_quiet(10), waited.set()))
    waiter.start()
    assert not waited.wait(0.2)  # a request is in flight: the background work waits
    in_flight.leave()
    assert waited.wait(5)  # woken when it ends, long before the limit
    waiter.join()


def test_a_stream_of_requests_delays_the_background_only_up_to_the_limit():
    in_flight = RequestsInFlight()
    in_flight.enter()  # never leaves
    in_flight.wait_for_quiet(0.05)  # returns at the limit: the owed work goes ahead anyway
    assert in_flight._count == 1
