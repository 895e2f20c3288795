"""gzip for text responses, so the report form (Leaflet included) stays light on a phone connection.

Production may leave this to the proxy in front; the embedded default has no proxy. Static files are
compressed once per file version and kept in memory, pages on every response.
"""

from __future__ import annotations

import gzip
from functools import lru_cache

from flask import Flask, Response, request

COMPRESSIBLE = {
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/geo+json",
    "image/svg+xml",
}
MIN_SIZE = 500


def init_app(app: Flask) -> None:
    app.after_request(compress_response)


@lru_cache(maxsize=64)
def _gzip_static(etag: str, path: str, data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _wants_gzip(response: Response) -> bool:
    return (
        "gzip" in request.headers.get("Accept-Encoding", "").lower()
        and response.status_code == 200
        and response.mimetype in COMPRESSIBLE
        and "Content-Encoding" not in response.headers
    )


def compress_response(response: Response) -> Response:
    response.vary.add("Accept-Encoding")
    if not _wants_gzip(response):
        return response
    static_etag = response.get_etag()[0] if response.direct_passthrough else None
    response.direct_passthrough = False
    source = response.response
    data = response.get_data()  # reads a file response's body, but leaves the file open:
    if hasattr(source, "close"):
        source.close()  # closed here, not at garbage collection (a ResourceWarning, now and then, in a test)
    if len(data) < MIN_SIZE:
        return response
    body = _gzip_static(static_etag, request.path, data) if static_etag else gzip.compress(data, compresslevel=6)
    response.set_data(body)
    response.headers["Content-Encoding"] = "gzip"
    return response
