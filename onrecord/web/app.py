"""The archive on the web: a REST API (OpenAPI at ``/docs``) and server-rendered pages.

Read-only by default. ``POST /api/articles`` exists only when the app is
created with a token, and answers only requests carrying
``Authorization: Bearer <token>``. Every page is rendered by Jinja2 with
autoescape on; article text reaches the page only as escaped pieces.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote as urlquote

from fastapi import Body, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__
from ..errors import OnrecordError
from ..model import Article
from ..store import SearchQuery, open_store
from ..store.links import describe_links
from ..store.records import fts_words
from .highlight import colour_speakers, cut_highlights, cut_matches

__all__ = ["create_app"]

HERE = Path(__file__).parent
#: Page size of the search page and the default of ``/api/quotes``.
PAGE_SIZE = 50


def _text_param(value: str | None) -> str | None:
    """Reject NUL characters (no backend stores them) as a client error, not a server one."""
    if value is not None and "\x00" in value:
        raise HTTPException(422, "query parameters may not contain NUL characters")
    return value or None


def create_app(store_url: str, token: str | None = None) -> FastAPI:
    """Build the web app over the archive at ``store_url``.

    Args:
        store_url: a SQLite path or ``postgresql://`` URL (see :func:`onrecord.store.open_store`).
        token: when given, enables ``POST /api/articles`` for requests bearing it.

    Returns:
        The FastAPI application (serve it with uvicorn).
    """
    store = open_store(store_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="onrecord archive",
        version=__version__,
        description="Who said what, about whom, and whether they took it back.",
        lifespan=lifespan,
    )
    app.state.store = store
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
    env.filters["urlpart"] = lambda s: urlquote(str(s), safe="")
    env.globals["cut_matches"] = cut_matches
    templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # -- API -----------------------------------------------------------------------------------
    @app.get("/api/quotes", tags=["api"], summary="Search quotes")
    def api_quotes(
        q: str | None = None,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: Annotated[int, Query(ge=0, le=1000)] = PAGE_SIZE,
        offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
    ) -> dict[str, Any]:
        """Quotes matching ``q`` (every word), a speaker (name, alias or id) and a date range."""
        query = SearchQuery(
            _text_param(q), _text_param(speaker), _text_param(since), _text_param(until), limit, offset
        )
        result = store.search(query)
        return {"quotes": [h.to_dict() for h in result.hits], "total": result.total}

    @app.get("/api/speakers", tags=["api"], summary="List speakers")
    def api_speakers(
        limit: Annotated[int, Query(ge=0, le=1000)] = 100, offset: Annotated[int, Query(ge=0, le=10**9)] = 0
    ) -> dict[str, Any]:
        """Speakers with at least one quote, most quoted first."""
        return {"speakers": [s.to_dict() for s in store.speakers(limit=limit, offset=offset)]}

    @app.get("/api/speakers/{speaker_id}", tags=["api"], summary="One speaker")
    def api_speaker(speaker_id: Annotated[int, PathParam(ge=0, le=2**62)]) -> dict[str, Any]:
        """A speaker with aliases, descriptors, merge decisions and a dated timeline with links."""
        view = store.speaker(speaker_id)
        if view is None:
            raise HTTPException(404, f"no speaker {speaker_id}")
        return view.to_dict()

    @app.get("/api/articles/{article_id:path}", tags=["api"], summary="One article")
    def api_article(article_id: str) -> dict[str, Any]:
        """An article record with its text (``source_text``) and every link into or out of it."""
        view = store.article(article_id) if "\x00" not in article_id else None
        if view is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return view.to_dict()

    if token:

        def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
            expected = f"Bearer {token}"
            if authorization is None or not hmac.compare_digest(authorization.encode(), expected.encode()):
                raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                                    headers={"WWW-Authenticate": "Bearer"})

        @app.post("/api/articles", tags=["api"], summary="Ingest an article", status_code=201,
                  dependencies=[Depends(require_token)])
        def api_ingest(record: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
            """Ingest a contract record (with ``source_text``), or ``{"text", "id"?, "title"?, "url"?,
            "published"?, "mode"?}`` to extract first."""
            article = _article_from_body(record)
            try:
                result = store.ingest(article)
            except OnrecordError as e:
                raise HTTPException(422, str(e)) from e
            return {"article_id": result.article_id, "key": result.key, "status": result.status}

    # -- pages ---------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page_search(request: Request, q: str = "", speaker: str = "", since: str = "", until: str = "",
                    offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> HTMLResponse:
        query = SearchQuery(_text_param(q), _text_param(speaker), _text_param(since), _text_param(until),
                            PAGE_SIZE, offset)
        result = store.search(query) if (q or speaker or since or until) else None
        return templates.TemplateResponse(
            request, "search.html",
            {"q": q, "speaker": speaker, "since": since, "until": until, "result": result,
             "words": fts_words(q), "stats": store.stats(), "top": store.speakers(limit=12)},
        )

    @app.get("/speakers/{speaker_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_speaker(request: Request, speaker_id: int) -> HTMLResponse:
        view = store.speaker(speaker_id) if 0 <= speaker_id < 2**62 else None
        if view is None:
            return templates.TemplateResponse(request, "missing.html", {"what": f"speaker {speaker_id}"}, 404)
        entries = [(hit, describe_links(hit.ref, hit.links)) for hit in view.timeline]
        others = store.quotes_by_ref(n.other for _, notes in entries for n in notes)
        return templates.TemplateResponse(request, "speaker.html",
                                          {"view": view, "entries": entries, "others": others})

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def page_article(request: Request, article_id: str) -> HTMLResponse:
        view = store.article(article_id) if "\x00" not in article_id else None
        if view is None:
            return templates.TemplateResponse(request, "missing.html", {"what": f"article {article_id!r}"}, 404)
        article = view.article
        speaker_of_quote = {
            q.id: view.speakers.get(q.speaker_id or "", view.speakers.get(f"name:{q.speaker_name}"))
            for q in article.quotes
        }
        palette = colour_speakers([speaker_of_quote[q.id] for q in article.quotes if q.speaker_name])
        colours = {q.id: palette.get(speaker_of_quote[q.id], 0) for q in article.quotes}
        pieces = cut_highlights(article.text, article.quotes, colours)
        legend = []
        seen = set()
        for q in article.quotes:
            sid = speaker_of_quote[q.id]
            if q.speaker_name and sid not in seen:
                seen.add(sid)
                legend.append((q.speaker_name, sid, palette[sid]))
        quotes = [(q, colours[q.id], speaker_of_quote[q.id], describe_links(f"{view.id}#{q.id}", view.links))
                  for q in article.quotes]
        others = store.quotes_by_ref(n.other for *_, notes in quotes for n in notes)
        return templates.TemplateResponse(
            request, "article.html",
            {"view": view, "article": article, "pieces": pieces, "legend": legend, "quotes": quotes,
             "others": others},
        )

    return app


def _article_from_body(body: dict[str, Any]) -> Article:
    """A posted contract record, or a text to extract now."""
    try:
        if isinstance(body.get("quotes"), list):
            article = Article.from_dict(body)
            if not article.text:
                raise HTTPException(422, "a posted record must carry its text as 'source_text'")
            return article
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            raise HTTPException(422, "post a contract record (with 'quotes' and 'source_text') or {'text': ...}")
        from ..api import extract

        return extract(text, id=body.get("id"), title=body.get("title"), url=body.get("url"),
                       published=body.get("published"), mode=body.get("mode"))
    except (KeyError, TypeError, ValueError) as e:
        raise HTTPException(422, f"not a valid record: {e}") from e
    except OnrecordError as e:
        raise HTTPException(422, str(e)) from e
