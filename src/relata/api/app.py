"""The HTTP API and the dashboard: `create_app(db)` builds the FastAPI application.

Every asset is served by relata itself (no CDN, it works offline): the dashboard's own
files from `static/`, read once into memory (with the base map: Natural Earth's country
outlines, made by scripts/world_outlines.py), plotly.js from the installed `plotly` package
and Swagger UI (`/docs`) from the installed `swagger-ui-bundle-v2` package. No request names a
file: the paths served are fixed here.
"""

from __future__ import annotations

import functools
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response

from .. import __version__
from ..pipeline import Pipeline
from . import errors, routes_code, routes_data, routes_relations
from .context import DEFAULT_MAX_BODY, Context
from .errors import ApiError
from .limits import LimitBody
from .replay import Replay
from .warm import Warmer

ASSETS = {"app.js": "text/javascript", "style.css": "text/css", "favicon.png": "image/png",
          "world.json": "application/json"}
SWAGGER = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css"}
CACHE = {"Cache-Control": "public, max-age=3600"}


@functools.cache
def _asset(name: str) -> bytes:
    return files("relata.api").joinpath("static", name).read_bytes()


@functools.cache
def _plotly() -> bytes:
    import plotly

    return (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes()


@functools.cache
def _swagger(name: str) -> bytes:
    import swagger_ui_bundle

    return (Path(swagger_ui_bundle.swagger_ui_path) / name).read_bytes()


def create_app(db: str | Path, *, token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY, pipeline: Pipeline | None = None,
               warm: int = 0) -> FastAPI:
    """The application over the database `db` (opened read-only per request; for writing
    only inside `POST /api/ingest`, which is off unless `token` is given). `pipeline`: the
    models for /api/code and /api/ingest (default: loaded on the first such request).
    `warm`: how many of the busiest dyads have their default answer computed in the
    background once the server starts and whenever the database changes (see warm.py)."""
    context = Context(Path(db), token=token or None, max_body=max_body, _pipeline=pipeline)
    if warm > 0:
        context.warmer = Warmer(context, warm)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if context.warmer is not None:
            context.warmer.request()
        yield
        if context.warmer is not None:
            context.warmer.stop()

    app = FastAPI(title="relata", version=__version__, docs_url=None, redoc_url=None,
                  description="Political events coded from Russian news, and the relations "
                              "they make. Errors: {\"error\": {\"code\", \"message\", "
                              "\"field\"}}.", lifespan=lifespan)
    app.state.relata = context
    errors.install(app)
    app.add_middleware(LimitBody, max_body=max_body)
    app.add_middleware(Replay, context=context)  # first: a dyad answered again, at once
    for module in (routes_data, routes_relations, routes_code):
        app.include_router(module.router)

    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(_asset("index.html"))

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in ASSETS:  # a fixed list: the name never reaches the file system
            raise ApiError(404, f"no asset {name!r}")
        return Response(_asset(name), media_type=ASSETS[name], headers=CACHE)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:  # what browsers ask for before they read the page's <link>
        return Response(_asset("favicon.png"), media_type="image/png", headers=CACHE)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # FastAPI's page with its assets from relata, not from FastAPI's default CDN
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="relata — HTTP API",
                                   swagger_js_url="/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/favicon.ico")

    @app.get("/vendor/swagger-ui/{name}", include_in_schema=False)
    def swagger(name: str) -> Response:
        if name not in SWAGGER:  # a fixed list, as for /static
            raise ApiError(404, f"no asset {name!r}")
        return Response(_swagger(name), media_type=SWAGGER[name], headers=CACHE)

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        return Response(_plotly(), media_type="text/javascript", headers=CACHE)

    return app


def worker_app() -> FastAPI:
    """The app of one `relata serve --workers N` process (uvicorn's factory): built from
    the settings the command hands its workers as JSON in $RELATA_SERVE_WORKER; read-only
    (no ingest), the switch interval as in the one-process server."""
    import json
    import os
    import sys

    settings = json.loads(os.environ["RELATA_SERVE_WORKER"])
    sys.setswitchinterval(settings["switch_interval"])
    return create_app(settings["db"], max_body=settings["max_body"], warm=settings["warm"])
