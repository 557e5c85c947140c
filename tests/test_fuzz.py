"""A bounded fuzz run (issue 16): a few hundred generated inputs, from a seeded random source,
through ``/api/ask``, ``/api/feedback``, both webhooks (with the right secrets) and ``troly ask --jsonl``.

Nothing may answer 5xx, nothing may crash (no ERROR log line from troly or the Telegram
library), and every quote cited in an answer is a verbatim substring of its document's text.
The knowledge base is real (real Ingestor, real search, the hashing encoder of
tests/knowledge_fakes.py) over the two constructed plans of tests/directive_fixtures.py; the
engine is the real AnswerEngine; Telegram and Zalo are the fake APIs on 127.0.0.1.
"""
from __future__ import annotations

import io
import json
import logging
import random
import time

import pytest
from fastapi.testclient import TestClient

from directive_fixtures import OTHER, PLAN, make_kb
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import FakeZalo
from webhook_settings import TG_SECRET, ZALO_SECRET, webhook_settings

SEED = 16
WORDS = sorted({w.strip(".,:;()-") for w in (PLAN + OTHER).split() if w.strip(".,:;()-")})
ODD = ["", " ", "\n", "\t", "\u0000", "\u200b", "\ufeff", "\u202e", "😀", "e\u0301", "%s", "{0}", "<b>", "&amp;",
       "' OR 1=1 --", "../../etc/passwd", "\\", '"', "/", "/nguon", "/hanchot", "/vanban", "/nhiemvu", "/bai",
       "/xoa 21-KH/HU", "/nhacviec", "/huynhac", "/id", "/start", "/khongco", "21-KH/HU", "08-HD/BTGHU", "số 21",
       "ngày 15/5/2025", "Ai", "khi nào", "bao nhiêu", "ở đâu", "?", "1", "2", "3", "x" * 300]
SURROGATES = ["\\ud800", "\\udfff", "\\udc00x", "\\ud83d"]  # JSON escapes Python reads as lone surrogates


def text(rng: random.Random) -> str:
    parts = [rng.choice(WORDS) if rng.random() < 0.7 else rng.choice(ODD) for _ in range(rng.randint(1, 14))]
    return " ".join(parts)[: rng.choice([50, 200, 2000, 2500])]


def nested(rng: random.Random, depth: int) -> object:
    value: object = text(rng)
    for _ in range(depth):
        value = [value] if rng.random() < 0.5 else {"k": value}
    return value


def odd_value(rng: random.Random) -> object:
    return rng.choice([None, True, 0, -1, 2**70, 1.5, [], {}, [text(rng)], {"q": text(rng)}, nested(rng, 40)])


def ask_body(rng: random.Random) -> bytes:
    """Mostly well-formed questions, the rest every kind of wrong."""
    roll = rng.random()
    if roll < 0.55:
        body = {"q": text(rng)}
        if rng.random() < 0.7:
            body["conversation_id"] = rng.choice([f"c{rng.randint(0, 5)}", rng.randint(0, 9), text(rng)[:30]])
        return json.dumps(body, ensure_ascii=rng.random() < 0.5).encode()
    if roll < 0.7:
        return json.dumps({"q": odd_value(rng), "conversation_id": odd_value(rng)}).encode()
    if roll < 0.8:
        esc = rng.choice(SURROGATES)
        field = rng.choice(["q", "conversation_id"])
        return ('{"q": "tuyên truyền", "%s": "%s"}' % (field, esc)).encode()
    if roll < 0.9:
        return rng.choice([b"", b"{", b"null", b"[]", b'"q"', b"NaN", b'{"q": NaN}', b"\xff\xfe{}",
                           b"{" * rng.randint(1, 5000), json.dumps({"q": nested(rng, rng.randint(20, 300))}).encode()])
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, 200)))


def vote_body(rng: random.Random, given: list[tuple[int, str]]) -> bytes:
    """Votes with the right token, another answer's, none, and ids and values of every kind."""
    ident, token = rng.choice(given) if given and rng.random() < 0.6 else (rng.randint(-5, 10**6), "x")
    body = {"id": rng.choice([ident, ident, str(ident), 2**70, -1, None, "1e3", [ident]]),
            "vote_token": rng.choice([token, token, rng.choice(given)[1] if given else "", None, 7, "\u0000"]),
            "vote": rng.choice([1, -1, 1, 0, 2, True, "1", None, 1.0])}
    return json.dumps(body).encode() if rng.random() < 0.9 else ask_body(rng)


def zalo_body(rng: random.Random, i: int) -> bytes:
    if rng.random() < 0.6:
        update = FakeZalo.update(f"z{rng.randint(0, 4)}", text(rng), message_id=f"f{i}",
                                 event=rng.choice(["message.text.received"] * 4 + ["message.image.received", ""]))
        if rng.random() < 0.2:
            update["message"]["text"] = odd_value(rng)
        if rng.random() < 0.1:
            update["message"]["chat"] = odd_value(rng)
        return json.dumps(update, ensure_ascii=False).encode()
    return ask_body(rng)


def telegram_body(rng: random.Random, i: int) -> bytes:
    chat = {"id": rng.randint(1, 5), "type": "private"}
    user = {"id": chat["id"], "is_bot": False, "first_name": text(rng)[:20] or "A"}
    roll = rng.random()
    if roll < 0.5:
        update = {"update_id": i, "message": {"message_id": i, "date": int(time.time()), "text": text(rng),
                                               "chat": chat, "from": user}}
    elif roll < 0.65:
        data = rng.choice(["src:1", "fb:1:1", "fb:999:-1", "fb:x:1", "src:", "zzz", text(rng)[:64]])
        update = {"update_id": i, "callback_query": {"id": f"cb{i}", "from": user, "chat_instance": "ci", "data": data,
                                                     "message": {"message_id": 1, "date": 0, "chat": chat}}}
    elif roll < 0.75:
        update = {"update_id": i, "message": odd_value(rng)}
    else:
        return ask_body(rng)
    return json.dumps(update, ensure_ascii=False).encode()


def check_quotes(answer: dict, documents: list) -> int:
    """Every cited quote is a verbatim span of the text of the document it names; -> quotes checked."""
    sources = answer.get("sources") or []
    for source in sources:
        named = [d for d in documents if source["document"] in (d.label, d.facts.key, d.facts.number)]
        assert any(source["quote"] in d.text for d in (named or documents)), source
    return len(sources)


@pytest.fixture
def errors(caplog):
    caplog.set_level(logging.WARNING)
    yield lambda: [r for r in caplog.records if r.levelno >= logging.ERROR
                   and r.name.split(".")[0] in ("troly", "telegram", "uvicorn", "fastapi")]


def test_fuzz_api_and_webhooks(tmp_path, errors):
    from troly.bot.channels.core import ConversationCore, Services
    from troly.bot.channels.runtime import CoreRunner
    from troly.bot.engine import AnswerEngine
    from troly.bot.feedback import FeedbackStore
    from troly.server.app import create_app

    rng = random.Random(SEED)
    with FakeTelegram() as tg, FakeZalo() as zalo:
        settings = webhook_settings(tmp_path, tg, zalo, rate_limit=0)

        def core() -> ConversationCore:  # built on the runner's thread, where the knowledge base lives
            kb = make_kb(tmp_path / "kb")
            return ConversationCore(Services(engine=AnswerEngine(kb, kb.settings), kb=kb, settings=settings,
                                             feedback=FeedbackStore(kb.connect)))

        runner = CoreRunner.start(core)
        documents = runner.worker.call_sync(runner.core.services.kb.documents)
        statuses: dict[str, list[int]] = {"ask": [], "feedback": [], "zalo": [], "telegram": []}
        cited, answers = 0, []
        try:
            with TestClient(create_app(settings, runner), raise_server_exceptions=False) as c:
                for _ in range(160):
                    r = c.post("/api/ask", content=ask_body(rng), headers={"Content-Type": "application/json"})
                    statuses["ask"].append(r.status_code)
                    if r.status_code == 200:
                        cited += check_quotes(r.json(), documents)
                        answers.append(r.json())
                given = [(a["id"], a["vote_token"]) for a in answers if a.get("vote_token")]
                for _ in range(60):
                    r = c.post("/api/feedback", content=vote_body(rng, given),
                               headers={"Content-Type": "application/json"})
                    statuses["feedback"].append(r.status_code)
                for i in range(90):
                    r = c.post("/webhook/zalo", content=zalo_body(rng, i), headers={"X-Bot-Api-Secret-Token": ZALO_SECRET})
                    statuses["zalo"].append(r.status_code)
                for i in range(1, 91):
                    r = c.post("/webhook/telegram", content=telegram_body(rng, i),
                               headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET})
                    statuses["telegram"].append(r.status_code)
                bot = c.app.state.zalo
                assert zalo.wait_for(lambda: bot.pending == 0, timeout=120)
                # the bots still answer afterwards
                assert c.post("/webhook/zalo", json=FakeZalo.update("after", "Ai chủ trì tuyên truyền?", "last"),
                              headers={"X-Bot-Api-Secret-Token": ZALO_SECRET}).status_code == 200
                assert zalo.wait_for(lambda: zalo.texts("after"), timeout=60)
                ok = c.post("/api/ask", json={"q": "Ai chủ trì tổng hợp báo cáo kết quả?"})
                assert ok.status_code == 200 and ok.json()["sources"]
                check_quotes(ok.json(), documents)
        finally:
            runner.close()
    for target, codes in statuses.items():
        assert all(code < 500 or code == 503 and target == "zalo" for code in codes), (target, sorted(set(codes)))
        assert 200 in codes and any(400 <= code < 500 for code in codes), (target, sorted(set(codes)))
    assert cited >= 20  # the verbatim check did run on real citations
    assert errors() == []


def test_fuzz_ask_jsonl(tmp_path, monkeypatch, capsys, errors):
    from troly.bot.engine import AnswerEngine
    from troly.cli import ask_cmds, main

    kb = make_kb(tmp_path / "kb")
    engine = AnswerEngine(kb, kb.settings)
    monkeypatch.setattr(ask_cmds, "_engine", lambda: engine)
    monkeypatch.setenv("TROLY_DATA", str(tmp_path))
    rng = random.Random(SEED + 1)
    lines = []
    for _ in range(150):
        line = ask_body(rng).decode("utf-8", "replace").replace("\n", " ").replace("\r", " ")
        lines.append(line if line.strip() else '{"q": ""}')
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["ask", "--jsonl"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(lines)  # one answer per line, in order
    answers = [json.loads(x) for x in out]
    cited = 0
    for a in answers:
        assert {"answer", "abstained", "sources"} <= set(a) and isinstance(a["answer"], str)
        cited += check_quotes(a, kb.documents())
    assert cited >= 20
    intents = [a.get("intent") for a in answers]
    assert "error" in intents and any(i != "error" for i in intents)
    assert errors() == []
