"""The web layer: the Flask app factory and one blueprint per audience. It talks HTTP and calls triage/."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, Response
from werkzeug.middleware.proxy_fix import ProxyFix

from models import Queue
from triage.proposals import load_classifiers
from triage.reference import MunicipalityProfile
from web import cli, compression, database, errors, i18n, menu, security
from web.auth import login_manager
from web.config import municipality_of, settings_from_environment
from web.extensions import csrf, limiter


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(settings_from_environment())
    app.config.update(config or {})
    _show_municipality(app, municipality_of(app.config))
    if app.config["TRUSTED_PROXIES"]:
        proxies = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    database.init_app(app)
    app.extensions["classifiers"] = load_classifiers(
        Path(app.config["ARTIFACT_DIR"]),
        {"category": app.config["CATEGORY_THRESHOLD"], "queue": app.config["QUEUE_THRESHOLD"]},
    )
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    compression.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    menu.init_app(app)
    security.init_app(app)
    cli.init_app(app)
    app.context_processor(lambda: {"queues": tuple(Queue)})  # the staff menu has a page per queue
    _register_blueprints(app)
    return app


def _show_municipality(app: Flask, profile: MunicipalityProfile) -> None:
    """Every template knows the municipality (name, logo); its house colour is a stylesheet of its own, so
    pages need no inline style."""
    app.context_processor(lambda: {"municipality": profile})
    house_style = f":root {{ --brand: {profile.colour}; }}\n"
    app.add_url_rule("/huisstijl.css", "house_style", lambda: Response(house_style, mimetype="text/css"))


def _register_blueprints(app: Flask) -> None:
    from web.addresses import blueprint as addresses
    from web.admin import blueprint as admin
    from web.algorithm import blueprint as algorithm
    from web.api import blueprint as api
    from web.api_docs import blueprint as api_docs
    from web.auth import blueprint as auth
    from web.dashboard import blueprint as dashboard
    from web.open311 import blueprint as open311
    from web.resident import blueprint as resident
    from web.search import blueprint as search
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
    app.register_blueprint(dashboard)
    app.register_blueprint(open311)
    app.register_blueprint(api_docs)
    app.register_blueprint(algorithm)
    csrf.exempt(api)
    csrf.exempt(open311)
