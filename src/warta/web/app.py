"""`warta serve`: the HTTP API and the Read / Explore page, all assets served from the package.

Safety choices, in one place:
- every request body is capped (2 MB by default) by ``BodyLimit`` before any parsing → 413;
- no request value is ever used to build a path: articles come from the in-memory index,
  static files only from the package folder through Starlette's ``StaticFiles``;
- the page renders every field with ``textContent``; a strict Content-Security-Policy
  (no inline script, no foreign origin) is a second line of defence;
- FastAPI's Swagger page loads from a CDN, so it is off; ``/docs`` is a small local page that
  reads ``/openapi.json``.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
import pathlib
from typing import Annotated, Callable, Optional

import anyio
from fastapi import FastAPI, HTTPException, Path, Query, Response
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware
from pydantic import BaseModel, Field

from warta.web.corpus import Corpus

__all__ = ["create_app", "MAX_BODY", "LOOPBACK_HOSTS"]

log = logging.getLogger(__name__)

STATIC = pathlib.Path(__file__).resolve().parent / "static"
MAX_BODY = 2 * 1024 * 1024
LOOPBACK_HOSTS = ["127.0.0.1", "localhost"]

_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

EventTypes = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class BodyLimit:
    """ASGI middleware: refuse bodies over ``limit`` bytes with 413, declared or streamed."""

    def __init__(self, app, limit: int = MAX_BODY) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await self._reject(send, 400, "bad Content-Length")
                if declared > self.limit:
                    return await self._reject(send, 413, f"request body over {self.limit} bytes")
        # Buffer at most limit+1 bytes, then replay them: catches chunked bodies without a length.
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:
                return await self._reject(send, 413, f"request body over {self.limit} bytes")
            chunks.append(body)
            more = message.get("more_body", False)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _reject(send, status: int, detail: str) -> None:
        body = ('{"detail":"%s"}' % detail).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


class ExtractRequest(BaseModel):
    text: str = Field(description="the article text (plain text; HTML is extracted with a warning)")
    published: Optional[str] = Field(default=None, description="ISO 8601 date or datetime; anchors relative dates")
    title: Optional[str] = None


def _default_extract() -> Callable:
    from warta.api import extract  # the same entry point as `warta extract`
    return extract


def create_app(store_path: str | pathlib.Path | None = None, *, preload: bool = True,
               allowed_hosts: Optional[list[str]] = None) -> FastAPI:
    """Build the app; ``store_path`` is a DuckDB corpus from `warta batch` (optional).

    ``preload`` loads the spaCy pipeline at start-up so the first request is not slow.
    ``allowed_hosts`` restricts the Host header (`warta serve` on loopback passes the loopback
    names, so a web page that DNS-rebinds its own name to 127.0.0.1 cannot read the corpus).
    """
    corpus = Corpus.from_store(store_path) if store_path else Corpus(name="")
    limiter = anyio.CapacityLimiter(1)  # one extraction at a time: the pipeline is not thread-safe
    state: dict = {"extract": None}

    def get_extract() -> Callable:
        if state["extract"] is None:
            state["extract"] = _default_extract()
        return state["extract"]

    @asynccontextmanager
    async def lifespan(app):
        if preload:
            await anyio.to_thread.run_sync(_warm, get_extract, limiter=limiter)
        yield

    app = FastAPI(title="warta", summary="Indonesian news understanding: records, corpus and views",
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.corpus = corpus
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    @app.middleware("http")
    async def headers(request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(Exception)
    async def internal(request, exc):  # never leak a traceback or a path to the client
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    # -- API --------------------------------------------------------------------------------
    @app.post("/api/extract", tags=["extract"], summary="Extract one record from an article text",
              response_class=Response, responses={200: {"description": "the record (article.schema.json)",
                                                        "content": {"application/json": {}}}})
    async def extract(req: ExtractRequest):
        from warta.pipeline import parse_published
        try:
            parse_published(req.published)
        except ValueError as err:
            raise HTTPException(422, str(err)) from None
        fn = get_extract()
        try:
            record = await anyio.to_thread.run_sync(
                lambda: fn(req.text, published=req.published, title=req.title), limiter=limiter)
        except ValueError as err:  # warta.textprep.InputError is a ValueError: bad input, not a crash
            raise HTTPException(422, str(err)) from None
        # pydantic's own serialiser: the same JSON as `warta extract` prints, without a dict round trip
        return Response(record.to_json(), media_type="application/json")

    @app.get("/api/info", tags=["corpus"], summary="Corpus name and size")
    def info() -> dict:
        return {**corpus.info(), "version": _version()}

    @app.get("/api/articles", tags=["corpus"], summary="List articles, or full-text search with q")
    def articles(q: Annotated[Optional[str], Query(max_length=500)] = None,
                 limit: Annotated[int, Query(ge=1, le=500)] = 50,
                 offset: Annotated[int, Query(ge=0)] = 0) -> dict:
        return corpus.articles(q=q, limit=limit, offset=offset)

    @app.get("/api/articles/{article_id}", tags=["corpus"], summary="One full record",
             response_class=Response, responses={200: {"description": "the stored record",
                                                       "content": {"application/json": {}}}})
    def article(article_id: Annotated[str, Path(max_length=300)]):
        rec = corpus.article_json(article_id)  # an index lookup: the id never touches the filesystem
        if rec is None:
            raise HTTPException(404, "no such article")
        return Response(rec, media_type="application/json")

    @app.get("/api/events", tags=["corpus"], summary="Events filtered by actor, type, status, dates")
    def events(actor: Annotated[Optional[str], Query(max_length=200, description="entity key or name part")] = None,
               type: Annotated[Optional[list[str]], Query(description="PLOVER type(s)")] = None,
               status: Annotated[Optional[list[str]], Query()] = None,
               since: Annotated[Optional[str], Query(pattern=_DATE)] = None,
               until: Annotated[Optional[str], Query(pattern=_DATE)] = None,
               article: Annotated[Optional[str], Query(max_length=300)] = None,
               limit: Annotated[int, Query(ge=1, le=2000)] = 200,
               offset: Annotated[int, Query(ge=0)] = 0) -> dict:
        return corpus.events(actor=actor, type=_split(type), status=_split(status), since=since, until=until,
                             article=article, limit=limit, offset=offset)

    @app.get("/api/entities", tags=["corpus"], summary="Entities across the corpus, most frequent first")
    def entities(q: Annotated[Optional[str], Query(max_length=200)] = None,
                 type: Annotated[Optional[list[str]], Query()] = None,
                 limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict]:
        return corpus.entities(q=q, type=_split(type), limit=limit)

    @app.get("/api/quotes", tags=["corpus"], summary="Quotes, by speaker (entity key or name part)")
    def quotes(speaker: Annotated[Optional[str], Query(max_length=200)] = None,
               q: Annotated[Optional[str], Query(max_length=200)] = None,
               article: Annotated[Optional[str], Query(max_length=300)] = None,
               limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict:
        return corpus.quotes(speaker=speaker, q=q, article=article, limit=limit)

    @app.get("/api/network", tags=["explore"], summary="Who acts on or talks about whom")
    def network(limit: Annotated[int, Query(ge=2, le=200)] = 40) -> dict:
        return corpus.network(limit=limit)

    @app.get("/api/timeline", tags=["explore"], summary="Event counts per date, type and status")
    def timeline(precision: Annotated[str, Query(pattern="^(day|month|year)$")] = "day") -> dict:
        return corpus.timeline(precision)

    @app.get("/api/places", tags=["explore"], summary="Event places with coordinates")
    def places() -> list[dict]:
        return corpus.places()

    # -- page -------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return FileResponse(STATIC / "docs.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _split(values: Optional[list[str]]) -> Optional[list[str]]:
    """Accept both ?type=A&type=B and ?type=A,B."""
    if not values:
        return None
    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return out or None


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("warta")
    except PackageNotFoundError:
        return "unknown"


def _warm(get_extract: Callable) -> None:
    try:
        get_extract()("Presiden Joko Widodo berkunjung ke Jakarta.")
    except Exception:  # a missing model must not stop the corpus views
        log.exception("warm-up extraction failed")
