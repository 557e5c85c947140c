"""Rendering of the web area's static assets: ``{{key}}`` placeholders filled with escaped
Vietnamese text from ``troly.prompts.web``, and the security headers every page gets."""
from __future__ import annotations

import html
import json
import logging
import re
from functools import lru_cache
from pathlib import Path

from fastapi.responses import HTMLResponse

from troly.prompts import web as text

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"  # beside the server that serves them
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
MEDIA = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon"}

# The chat page may be framed by any portal (that is what the widget does); admin never.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors {frames}")

def json_for_script(data: dict[str, str]) -> str:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>`` breakout)."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@lru_cache(maxsize=16)
def asset_text(name: str) -> str:
    return (STATIC_DIR / name).read_text(encoding="utf-8")


def render_page(name: str, strings: dict[str, str], extra: dict[str, str] | None = None) -> str:
    """Fill ``{{key}}`` with escaped text from ``text.PAGE`` (and ``extra``), and
    ``{{strings}}`` with the script strings as JSON."""
    values = {k: html.escape(v) for k, v in {**text.PAGE, **(extra or {})}.items()}
    values["strings"] = json_for_script(strings)

    def fill(m: re.Match[str]) -> str:
        key = m.group(1)
        if key not in values:
            log.warning("asset %s has an unknown placeholder %s", name, key)
            return ""
        return values[key]

    return _PLACEHOLDER.sub(fill, asset_text(name))


def page_response(body: str, status: int = 200, frames: str = "*") -> HTMLResponse:
    resp = HTMLResponse(body, status_code=status)
    resp.headers["Content-Security-Policy"] = _CSP.format(frames=frames)
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Referrer-Policy"] = "same-origin"
    resp.headers["Cache-Control"] = "no-store"
    if frames == "'none'":
        resp.headers["X-Frame-Options"] = "DENY"
    return resp


