"""The application factory: the routers, the security guard and the OpenAPI docs (offline)."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import FastAPI, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html

from ..errors import FilterError, QueryTimeout
from .deps import ResponseCache, as_json
from ..store import location
from .routes import ROUTERS
from .routes.static import STATIC
from .security import MAX_BODY, Guard


def create_app(db: str | Path, *, token: str | None = None, allowed_hosts: list[str] | None = None,
               max_body: int = MAX_BODY, cache_size: int = 256):
    """The ASGI app serving the REST API under /api and the web UI at / for database `db`.

    `token`: required on every request when given. `allowed_hosts`: accepted Host headers
    (None accepts any; `serve` passes the bound names). `cache_size`: aggregated answers kept
    until the database changes (0: none).
    """
    api = FastAPI(
        title="newsweave",
        summary="The sourced model of a conflict: actors, events, relations and their evidence.",
        docs_url=None, redoc_url=None,
    )
    api.state.db = location(db)
    api.state.cache = ResponseCache(cache_size)
    for router in ROUTERS:
        api.include_router(router)

    @api.exception_handler(RequestValidationError)
    def invalid(request, exc: RequestValidationError):
        # FastAPI's usual 422 body, ASCII-escaped: the input it echoes may hold a lone surrogate.
        body = json.dumps({"detail": jsonable_encoder(exc.errors())}, ensure_ascii=True)
        return Response(body, status_code=422, media_type="application/json")

    @api.exception_handler(FilterError)
    def invalid_filter(request, exc: FilterError):
        # A filter value the library refused (an unknown type, an actor matching no entity…):
        # the same 422 body as a malformed parameter's, naming the value.
        error = {"type": "value_error", "loc": ["query", exc.option], "msg": str(exc), "input": exc.value}
        return Response(json.dumps({"detail": [error]}, ensure_ascii=True, default=str), status_code=422,
                        media_type="application/json")

    @api.exception_handler(QueryTimeout)
    def too_long(request, exc: QueryTimeout):
        # The client's query asked for too much: a 4xx it can act on, as Datasette answers.
        return as_json({"detail": str(exc)}, status_code=400)

    @api.get("/docs", include_in_schema=False)
    def docs():
        # Swagger UI from the built static folder, not a CDN: the server works offline.
        if (STATIC / "swagger" / "swagger-ui-bundle.js").is_file():
            return get_swagger_ui_html(openapi_url="/openapi.json", title="newsweave API",
                                       swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                       swagger_css_url="/static/swagger/swagger-ui.css",
                                       swagger_favicon_url="/static/favicon.svg")
        from fastapi.responses import PlainTextResponse

        return PlainTextResponse("The API schema is at /openapi.json (build web/ for the interactive docs).")

    return Guard(api, token=token, allowed_hosts=allowed_hosts, max_body=max_body)
