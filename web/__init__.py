"""The web layer: the Flask app factory and one blueprint per audience. It talks HTTP and calls triage/."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from models import Queue
from triage.proposals import load_classifiers
from web import cli, compression, database, errors, i18n, jobs, menu, municipality, security
from web.auth import login_manager
from web.config import settings_from_environment
from web.extensions import csrf, init_limiter


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(settings_from_environment())
    app.config.update(config or {})
    municipality.init_app(app)
    if app.config["TRUSTED_PROXIES"]:
        proxies = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    database.init_app(app)
    app.extensions["classifiers"] = load_classifiers(
        Path(app.config["ARTIFACT_DIR"]),
        {"category": app.config["CATEGORY_THRESHOLD"], "queue": app.config["QUEUE_THRESHOLD"]},
    )
    csrf.init_app(app)
    init_limiter(app)
    login_manager.init_app(app)
    compression.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    menu.init_app(app)
    security.init_app(app)
    cli.init_app(app)
    jobs.init_app(app)
    app.context_processor(lambda: {"queues": tuple(Queue)})  # the staff menu has a page per queue
    _register_blueprints(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from web.addresses import blueprint as addresses
    from web.admin import blueprint as admin
    from web.admin_config import blueprint as admin_config
    from web.admin_people import blueprint as admin_people
    from web.admin_profile import blueprint as admin_profile
    from web.admin_texts import blueprint as admin_texts
    from web.algorithm import blueprint as algorithm
    from web.api import blueprint as api
    from web.api_docs import blueprint as api_docs
    from web.auth import blueprint as auth
    from web.contact_centre import blueprint as contact_centre
    from web.dashboard import blueprint as dashboard
    from web.follow import blueprint as follow
    from web.my_reports import admin_blueprint as erasure_requests
    from web.my_reports import blueprint as my_reports
    from web.open311 import blueprint as open311
    from web.public_map import blueprint as public_map
    from web.resident import blueprint as resident
    from web.search import blueprint as search
    from web.set_password import blueprint as set_password
    from web.team import blueprint as team
    from web.triage_inbox import blueprint as triage_inbox

    app.register_blueprint(resident)
    app.register_blueprint(addresses)
    app.register_blueprint(api)
    app.register_blueprint(auth)
    app.register_blueprint(triage_inbox)
    app.register_blueprint(team)
    app.register_blueprint(search)
    app.register_blueprint(admin)
    app.register_blueprint(admin_profile)
    app.register_blueprint(admin_texts)
    app.register_blueprint(admin_config)
    app.register_blueprint(admin_people)
    app.register_blueprint(set_password)
    app.register_blueprint(dashboard)
    app.register_blueprint(open311)
    app.register_blueprint(api_docs)
    app.register_blueprint(contact_centre)
    app.register_blueprint(my_reports)
    app.register_blueprint(erasure_requests)
    app.register_blueprint(public_map)
    app.register_blueprint(follow)
    app.register_blueprint(algorithm)
    csrf.exempt(api)
    csrf.exempt(open311)
