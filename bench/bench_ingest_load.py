"""Answers while an ingest runs: ``/api/ask`` from concurrent clients, without and with uploads.

A ``troly serve`` app (real engine, shipped corpus) runs under uvicorn on 127.0.0.1. Phase 1
sends N questions from C concurrent clients; phase 2 sends the same load while an admin
uploads D synthetic documents one after the other through ``/admin/api/documents`` (the
writer thread ingests them). Prints p50/p95/p99 and errors of each phase, the p95 ratio, and
how long the ingest took. Figures only: nothing here asserts.

    PYTHONPATH=. .venv/bin/python bench/bench_ingest_load.py [--asks 1000] [--clients 50] [--docs 50] [--same-thread]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import httpx  # noqa: E402
import uvicorn  # noqa: E402

import synth  # noqa: E402
from bench_webhooks import free_port, percentile, questions  # noqa: E402
from troly.bot.channels.runtime import CoreRunner, load_core  # noqa: E402
from troly.config import DEFAULT_CORPUS, Settings  # noqa: E402
from troly.server.app import create_app  # noqa: E402

TOKEN = "bench-admin-token"


async def ask_load(url: str, n: int, clients: int, qs: list[str]) -> tuple[list[float], int]:
    rng = random.Random(11)
    todo = [rng.choice(qs) for _ in range(n)]
    latencies: list[float] = []
    errors = 0

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        while todo:
            q = todo.pop()
            start = time.perf_counter()
            try:
                r = await http.post(url + "/api/ask", json={"q": q})
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - start)
            errors += not ok

    async with httpx.AsyncClient(timeout=300) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return latencies, errors


def upload_all(url: str, files: list[Path], done: dict) -> None:
    start = time.perf_counter()
    statuses: dict[int, int] = {}
    with httpx.Client(timeout=600, headers={"Authorization": f"Bearer {TOKEN}"}) as http:
        for path in files:
            r = http.post(url + "/admin/api/documents", files={"file": (path.name, path.read_bytes(), "text/plain")})
            statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
    done.update(seconds=time.perf_counter() - start, statuses=statuses)


def report(name: str, latencies: list[float], errors: int) -> float:
    ms = [x * 1000 for x in latencies]
    p95 = percentile(ms, 95)
    print(f"{name:<22} n={len(ms)} errors={errors} p50={percentile(ms, 50):.0f} ms p95={p95:.0f} ms "
          f"p99={percentile(ms, 99):.0f} ms")
    return p95


async def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--asks", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--docs", type=int, default=50)
    ap.add_argument("--same-thread", action="store_true",
                    help="for comparison: writes on the answering thread (no writer process)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="troly-bench-ingest-"))
    settings = Settings(data_dir=work / "data", rate_limit=10**7, admin_token=TOKEN)
    synth.main(args.docs, work / "docs")
    files = sorted((work / "docs").iterdir())

    def build():
        core = load_core(settings)
        core.services.kb.ingest([DEFAULT_CORPUS])
        core.services.engine.ask("khởi động", None)  # warm the library once
        if args.same_thread:
            core.writer = None
        return core

    runner = await asyncio.get_running_loop().run_in_executor(None, CoreRunner.start, build)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, runner, telegram=False, zalo=False),
                                           host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        await asyncio.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    qs = questions()

    base = report("without ingest", *await ask_load(url, args.asks, args.clients, qs))
    done: dict = {}
    uploader = threading.Thread(target=upload_all, args=(url, files, done))
    uploader.start()
    during_lat, during_err = await ask_load(url, args.asks, args.clients, qs)
    still = uploader.is_alive()
    during = report("during ingest", during_lat, during_err)
    uploader.join()
    print(f"ingest of {len(files)} uploads: {done['seconds']:.1f}s, HTTP statuses {done['statuses']}; "
          f"{'ran through the whole phase' if still else 'finished before the asks did'}")
    print(f"p95 during / without: {during / base:.2f}x (target <= 3x)")
    server.should_exit = True
    runner.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
