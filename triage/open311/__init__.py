"""Open311 GeoReport v2: what client systems post, which reports they may read, and their API keys."""
