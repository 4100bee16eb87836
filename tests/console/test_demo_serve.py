"""`trackmon demo --serve`: the console and a buyer page served over a demo folder's database."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import httpx

from tests.console.helpers import NO_EMAIL_ORDER, add_order_without_email, form_token
from trackmon import schema
from trackmon.db import make_engine
from trackmon.demo import DemoPaths, demo_settings
from trackmon.demo_serve import ServeInfo, serve_demo

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


async def test_serve_prints_a_password_that_signs_in_and_a_tracking_page(tmp_path: Path) -> None:
    paths = DemoPaths(tmp_path)
    settings = demo_settings(paths, "http://127.0.0.1:9")
    schema.upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    add_order_without_email(engine, NOW, settings)
    engine.dispose()
    announced: list[ServeInfo] = []
    stop = asyncio.Event()
    server = asyncio.create_task(serve_demo(paths, 0, "pw-123", announced.append, stop=stop, clock=lambda: NOW))
    for _ in range(200):
        if announced or server.done():
            break
        await asyncio.sleep(0.05)
    assert announced, "serve_demo never announced its address"
    info = announced[0]
    assert info.url.startswith("http://127.0.0.1:") and info.password == "pw-123" and info.tracking_page
    try:
        async with httpx.AsyncClient(base_url=info.url) as client:
            page = await client.get(info.tracking_page)
            assert page.status_code == 200 and NO_EMAIL_ORDER in page.text
            assert (await client.get("/")).status_code == 303
            form = await client.get("/signin")
            signed = await client.post("/signin", data={"form_token": form_token(form.text), "password": "pw-123"})
            assert signed.status_code == 303 and signed.headers["location"] == "/"
            assert "Exceptions" in (await client.get("/")).text
    finally:
        stop.set()
        await asyncio.wait_for(server, 10)
