"""Build support that knows nothing of ITA: the cache between builds, provenance, compact HTML, Material's
stylesheets cut to what the pages use, the CSP."""
