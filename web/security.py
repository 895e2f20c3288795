"""Security headers on every response, and keeping private addresses out of caches and search engines.

The pages have no inline script or style, so the Content-Security-Policy allows scripts and styles from this
site only; images may also come from the map's tile server (MAP_TILE_URL), data: (Leaflet's empty tile) and
blob: (the form's photo previews). Staff pages, and pages whose address holds a resident's secret token (status,
confirmation, photos), are stored by no cache and indexed by no search engine; robots.txt lists them too.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request

STAFF_BLUEPRINTS = {"auth", "triage", "team", "admin", "dashboard"}
SECRET_ADDRESSES = {  # endpoints whose address holds a secret token
    "resident.confirmation",
    "resident.status_page",
    "resident.give_feedback_page",
    "resident.report_photo",
    "resident.draft_photo",
    "api.report_status",
}
ALWAYS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # the form's CSRF check on HTTPS needs the same-site Referer
    "Cross-Origin-Opener-Policy": "same-origin",
}


def init_app(app: Flask) -> None:
    app.after_request(_secure)
    app.add_url_rule("/robots.txt", "robots_txt", _robots_txt)


def _secure(response: Response) -> Response:
    response.headers.update(ALWAYS)
    response.headers["Content-Security-Policy"] = content_security_policy(current_app.config["MAP_TILE_URL"])
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = "max-age=31536000"
    if is_private(request.endpoint):
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def is_private(endpoint: str | None) -> bool:
    return endpoint is not None and (endpoint in SECRET_ADDRESSES or endpoint.partition(".")[0] in STAFF_BLUEPRINTS)


def content_security_policy(tile_url: str) -> str:
    images = " ".join(["'self'", "data:", "blob:", *filter(None, [tile_source(tile_url)])])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {images}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def tile_source(tile_url: str) -> str | None:
    """The tile server as a CSP source: its scheme and host; a {s} subdomain template becomes a wildcard."""
    parts = urlsplit(tile_url)
    if not parts.scheme or not parts.netloc:
        return None
    host = parts.netloc.replace("{s}.", "*.")
    return f"{parts.scheme}://{host}"


def _robots_txt() -> Response:
    lines = ["User-agent: *", *(f"Disallow: {prefix}" for prefix in private_prefixes())]
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


def private_prefixes() -> list[str]:
    """The start of every private address, up to its first variable part, taken from the app's own routes."""
    prefixes = sorted(
        {rule.rule.partition("<")[0] for rule in current_app.url_map.iter_rules() if is_private(rule.endpoint)}
    )
    return [prefix for prefix in prefixes if not any(prefix.startswith(p) and prefix != p for p in prefixes)]
