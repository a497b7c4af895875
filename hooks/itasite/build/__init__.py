"""Build support that knows nothing of ITA: the cache between builds, provenance, compact HTML, the CSP."""
