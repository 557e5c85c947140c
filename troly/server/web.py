"""Web pages of ``troly serve``: the chat page (``/``), the embeddable widget
(``/widget.js``), their assets (``/assets/...``) and the admin page with its API
(``/admin``, see ``troly.server.web_admin``).

The chat page talks to ``POST /api/ask`` and ``POST /api/feedback`` (``troly.server.api``);
nothing here answers questions. Assets are plain files in ``troly/server/static/`` (no build
step); the Vietnamese text comes from ``troly.prompts.web`` and is filled in here, escaped,
so documents and answers are only ever rendered by the scripts with ``textContent``.
"""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from troly.prompts import web as text
from troly.server import web_admin
from troly.server.web_render import MEDIA, STATIC_DIR, asset_text, json_for_script, page_response, render_page

router = APIRouter()
router.include_router(web_admin.router)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def chat_page(request: Request, embed: str = "") -> HTMLResponse:
    body_class = "embed" if embed not in ("", "0", "false") else ""
    return page_response(render_page("index.html", text.CHAT_JS, {"body_class": body_class}))


@router.get("/widget.js", include_in_schema=False)
def widget_script() -> Response:
    """The one-line embed: ``<script src="https://host/widget.js" async></script>``."""
    body = asset_text("widget.js").replace("__TROLY_STRINGS__", json_for_script(text.WIDGET_JS))
    return Response(body, media_type=MEDIA[".js"], headers={
        "Cache-Control": "public, max-age=300",
        "X-Content-Type-Options": "nosniff",
        # Portals on other origins load this script; it only reads its own src.
        "Access-Control-Allow-Origin": "*",
    })


@router.get("/assets/{name}", include_in_schema=False)
def asset(name: str) -> Response:
    """Files of the static folder by plain name only (no sub-paths, no traversal)."""
    path = STATIC_DIR / name
    if "/" in name or "\\" in name or name.startswith(".") or path.suffix not in MEDIA or not path.is_file():
        return JSONResponse({"error": text.ERRORS["not_found_asset"]}, status_code=404)
    return FileResponse(path, media_type=MEDIA[path.suffix], headers={
        "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})
