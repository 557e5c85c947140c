"""Webhook load: 1,000 updates from 50 concurrent senders against a ``troly serve``-like app.

The app runs under uvicorn on 127.0.0.1 with the real answer engine on the shipped corpus;
fake Telegram and Zalo Bot APIs (from tests/fakes) receive the replies. Half the senders are
Telegram chats, half Zalo chats; each sends its next update once the previous one is answered
(as a person would), and 5% of Zalo updates are delivered twice (the platform retrying) to
check that duplicates are answered once. Prints reply latency p50/p95 per channel and checks
that no reply is lost or duplicated.

    PYTHONPATH=. .venv/bin/python bench/bench_webhooks.py [--updates 1000] [--senders 50]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from tests.fakes.telegram_api import FakeTelegram  # noqa: E402
from tests.fakes.zalo_api import FakeZalo  # noqa: E402
from troly.bot.channels.runtime import CoreRunner, load_core  # noqa: E402
from troly.config import DEFAULT_CORPUS, Settings  # noqa: E402
from troly.server.app import create_app  # noqa: E402
from shared_eval import DEV  # noqa: E402

TG_SECRET, ZALO_SECRET = "bench-tg-secret", "bench-zalo-secret"
FALLBACK_QUESTIONS = ["Kế hoạch 114 giao nhiệm vụ gì?", "Ai ký Kế hoạch 114-KH/HU?", "Kết luận 69 về vấn đề gì?"]


def questions() -> list[str]:
    path = DEV
    if path.exists():
        return [json.loads(line)["q"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return FALLBACK_QUESTIONS


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--updates", type=int, default=1000)
    ap.add_argument("--senders", type=int, default=50)
    ap.add_argument("--data", help="TROLY_DATA with the corpus already ingested (default: a fresh temp dir)")
    args = ap.parse_args()
    data_dir = Path(args.data or tempfile.mkdtemp(prefix="troly-bench-"))

    with FakeTelegram() as tg, FakeZalo() as zalo:
        settings = Settings(
            data_dir=data_dir, rate_limit=10_000,
            telegram_token=tg.token, telegram_api_base=tg.api_base, telegram_webhook_secret=TG_SECRET,
            zalo_token=zalo.token, zalo_api_base=zalo.api_base, zalo_webhook_secret=ZALO_SECRET,
        )
        t0 = time.perf_counter()

        def build():
            core = load_core(settings)
            if core.services.kb.count() == 0:
                core.services.kb.ingest([DEFAULT_CORPUS])
            core.services.engine.ask("khởi động", None)  # warm the engine's library once
            return core

        runner = await asyncio.get_running_loop().run_in_executor(None, CoreRunner.start, build)
        print(f"engine + KB ready in {time.perf_counter() - t0:.1f}s "
              f"({runner.core.services.kb.count()} documents)")

        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(settings, runner), host="127.0.0.1", port=port,
                                               log_level="warning", lifespan="on"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            await asyncio.sleep(0.05)

        loop = asyncio.get_running_loop()
        finals: dict[str, asyncio.Queue] = {}

        def final_reply(chat: str) -> None:  # called from the fakes' threads
            loop.call_soon_threadsafe(finals[chat].put_nowait, time.perf_counter())

        def on_tg(call) -> None:
            if call.method == "sendMessage" and "reply_markup" in call.params:
                final_reply(f"tg:{call.params['chat_id']}")

        def on_zalo(call) -> None:
            if "1 = " in call.params.get("text", "") and "👍" in call.params.get("text", ""):
                final_reply(f"zalo:{call.params['chat_id']}")

        tg.on_call, zalo.on_send = on_tg, on_zalo
        qs = questions()
        rng = random.Random(7)
        per_sender = args.updates // args.senders
        latencies: dict[str, list[float]] = {"telegram": [], "zalo": []}
        lost = 0
        update_ids = iter(range(1, 10**9))

        async def sender(i: int, http: httpx.AsyncClient) -> None:
            nonlocal lost
            channel = "telegram" if i % 2 == 0 else "zalo"
            chat = f"tg:{1000 + i}" if channel == "telegram" else f"zalo:z{i}"
            finals[chat] = asyncio.Queue()
            for n in range(per_sender):
                q = rng.choice(qs)
                if channel == "telegram":
                    uid = next(update_ids)
                    body = {"update_id": uid, "message": {"message_id": uid, "date": int(time.time()), "text": q,
                            "chat": {"id": 1000 + i, "type": "private"},
                            "from": {"id": 1000 + i, "is_bot": False, "first_name": "B"}}}
                    url, headers = "/webhook/telegram", {"X-Telegram-Bot-Api-Secret-Token": TG_SECRET}
                else:
                    body = FakeZalo.update(f"z{i}", q, message_id=f"z{i}-{n}")
                    url, headers = "/webhook/zalo", {"X-Bot-Api-Secret-Token": ZALO_SECRET}
                start = time.perf_counter()
                r = await http.post(url, json=body, headers=headers)
                r.raise_for_status()
                if channel == "zalo" and rng.random() < 0.05:  # the platform delivers it again
                    (await http.post(url, json=body, headers=headers)).raise_for_status()
                try:
                    done = await asyncio.wait_for(finals[chat].get(), timeout=120)
                    latencies[channel].append(done - start)
                except asyncio.TimeoutError:
                    lost += 1

        t1 = time.perf_counter()
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            await asyncio.gather(*(sender(i, http) for i in range(args.senders)))
        wall = time.perf_counter() - t1
        await asyncio.sleep(1.0)  # let any duplicate reply arrive before counting
        extra = sum(q.qsize() for q in finals.values())
        logged = runner.core.services.feedback.counts()["questions"]
        server.should_exit = True
        thread.join(timeout=10)
        runner.close()

    total = sum(len(v) for v in latencies.values())
    print(f"{args.updates} updates, {args.senders} senders, wall {wall:.1f}s, {total / wall:.1f} replies/s")
    for channel, values in latencies.items():
        if values:
            print(f"  {channel:8s} n={len(values):4d}  p50={statistics.median(values) * 1000:7.1f} ms  "
                  f"p95={percentile(values, 95) * 1000:7.1f} ms  max={max(values) * 1000:7.1f} ms")
    print(f"lost replies: {lost}   duplicated replies: {extra}   questions logged: {logged}")
    ok = lost == 0 and extra == 0 and total == per_sender * args.senders and logged >= total
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
