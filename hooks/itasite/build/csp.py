"""The Content-Security-Policy header a built site can be served with.

The site loads nothing from other origins, so the policy allows the site's own files only. Material puts a
few small scripts inline in every page (they differ with the page's depth and address); rather than allow
inline scripts in general, the policy lists their SHA-256 hashes, read from the built pages.

`python -m itasite csp SITE_DIR` prints the header value; `make build` writes it to
site/content-security-policy.txt.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
# Data blocks (JSON, and the schema.org JSON-LD of the downloads page) are never run, so the policy needs no hash
DATA_BLOCK = re.compile(r"""\btype=["']?application/(?:ld\+)?json\b""", re.I)
DIRECTIVES = [
    ("default-src", ["'none'"]),
    ("script-src", ["'self'"]),  # + the hashes of the inline scripts
    ("style-src", ["'self'"]),
    ("img-src", ["'self'", "data:"]),  # Material draws its icons from data: URIs in its CSS
    ("font-src", ["'self'"]),
    ("connect-src", ["'self'"]),
    ("worker-src", ["'self'"]),
    ("manifest-src", ["'self'"]),
    ("base-uri", ["'self'"]),
    ("form-action", ["'self'"]),
    ("frame-ancestors", ["'self'"]),
]


def inline_script_hashes(site: Path) -> list[str]:
    """CSP source expressions for every distinct inline script of the built pages (data blocks aside)."""
    scripts = {
        body
        for page in sorted(site.rglob("*.html"))
        for attributes, body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8"))
        if not DATA_BLOCK.search(attributes) and body.strip()
    }
    digests = (base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() for body in scripts)
    return sorted(f"'sha256-{digest}'" for digest in digests)


def content_security_policy(site: Path) -> str:
    """The header value for `site`."""
    hashes = inline_script_hashes(site)
    return "; ".join(
        " ".join([name, *sources, *(hashes if name == "script-src" else [])]) for name, sources in DIRECTIVES
    )
