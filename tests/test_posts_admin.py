"""Review before publishing on the admin page (real create_app, TestClient): ask for a post, keep
the officer's final text, search the history by topic; a declined topic says why. The knowledge
base is web_fakes.MemoryKB (real SQLite file) holding a constructed plan (posts_fixtures)."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from posts_fixtures import AGRI, AGRI_SOURCE, read
from web_fakes import MemoryKB, QuoteEngine

from troly.bot.posts.history import PostHistory
from troly.config import Settings

import troly.server.app as app_mod
import troly.bot.channels.core as core_mod
import troly.bot.feedback as feedback_mod

TOKEN = "posts-admin-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class PostKB(MemoryKB):
    """MemoryKB plus what PostWriter reads (every document; no search hits)."""

    def documents(self):
        return list(self.docs.values())

    def search(self, query, k=5, doc_ids=None):
        return []


@pytest.fixture
def client(tmp_path: Path):
    settings = Settings(data_dir=tmp_path, admin_token=TOKEN, rate_limit=1000)
    kb = PostKB(tmp_path / "troly.sqlite3")
    kb.add(read(AGRI_SOURCE, AGRI))

    def core():
        services = core_mod.Services(engine=QuoteEngine(kb), kb=kb, settings=settings,
                                     feedback=feedback_mod.FeedbackStore(kb.connect))
        return core_mod.ConversationCore(services)

    app = app_mod.create_app(settings, core_factory=core, telegram=False, zalo=False)
    with TestClient(app) as c:
        c.kb = kb
        yield c


def test_ask_edit_copy_and_find_a_post_in_the_history(client):
    r = client.post("/admin/api/posts", headers=AUTH,
                    json={"topic": "khoa học công nghệ trong nông nghiệp", "channel": "facebook", "audience": "dan"})
    assert r.status_code == 200, r.text
    entry = r.json()["entry"]
    assert entry["channel"] == "facebook" and entry["audience"] == "dan" and not entry["edited"]
    assert entry["final"] == entry["draft"] and "88/KH-UBND" in entry["draft"]
    assert entry["sources"] and all(s["quote"] in AGRI for s in entry["sources"])

    final = entry["draft"].replace("📢 ", "📢 [Tin tỉnh] ")
    r = client.put(f"/admin/api/posts/{entry['id']}", headers=AUTH, json={"text": final})
    assert r.status_code == 200 and r.json()["entry"]["final"] == final and r.json()["entry"]["edited"]

    client.post("/admin/api/posts", headers=AUTH, json={"topic": "an ninh mạng", "channel": "zalo"})
    hits = client.get("/admin/api/posts", headers=AUTH, params={"q": "nong nghiep"}).json()["entries"]
    assert [h["id"] for h in hits] == [entry["id"]] and hits[0]["final"] == final  # diacritics optional
    assert len(client.get("/admin/api/posts", headers=AUTH).json()["entries"]) == 2
    # kept in SQLite: a new store on the same file sees the same history
    assert PostHistory(client.kb.connect).get(entry["id"]).final == final


def test_a_declined_topic_and_bad_requests_say_why_in_vietnamese(client):
    r = client.post("/admin/api/posts", headers=AUTH, json={"topic": "bảo hiểm y tế học sinh", "channel": "loa"})
    assert r.status_code == 422 and "Chưa tìm thấy" in r.json()["error"]
    assert client.post("/admin/api/posts", headers=AUTH, json={"topic": "", "channel": "zalo"}).status_code == 400
    assert client.post("/admin/api/posts", headers=AUTH, json={"topic": "x", "channel": "tivi"}).status_code == 400
    assert client.put("/admin/api/posts/999", headers=AUTH, json={"text": "bài"}).status_code == 404
    assert client.get("/admin/api/posts").status_code == 401  # no session, no token


def test_the_admin_page_has_the_review_card(client):
    client.post("/admin/login", data={"token": TOKEN}, follow_redirects=False)
    page = client.get("/admin").text
    for marker in ('id="post-form"', 'id="post-text"', 'id="post-copy"', 'id="post-search"',
                   "Soạn bài tuyên truyền", "Cán bộ, đảng viên"):
        assert marker in page
    assert "{{" not in page and "posts_copied" in page
