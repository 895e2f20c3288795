"""What the tests share besides the domain factories (those are in tests/factories.py).

databases: throw-away PostgreSQL databases and a prepared database as `make run` leaves it; servers: local
stand-ins for SMTP, Redis and outside HTTP hosts; web: logging in and posting forms; open311: reading the
Open311 answers; dashboard_history: a small history worked out by hand; browser: the axe check; artifacts: the
demo classifiers, trained once a session; python_source: the project's code as syntax trees.
A test module imports only tests.factories and tests.support, never another test module or a conftest
(tests/unit/test_test_layout.py keeps that rule).
"""
