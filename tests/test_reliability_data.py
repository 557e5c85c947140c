"""Issue 16, data side: document identity, concurrent writers, the schema's uniqueness, uploads.

Every directive here is constructed (two communes' plans that share the number 32/KH-UBND); the
real Ingestor reads them, a fake encoder embeds them (fast, no model).
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from troly.config import Settings
from troly.knowledge.base import KnowledgeBase
from troly.knowledge.store import Store
from troly.vn import parse_key

from knowledge_fakes import FakeEncoder

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

PLAN = """ỦY BAN NHÂN DÂN
XÃ {place}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 32/KH-UBND
{place}, ngày {day} tháng 8 năm 2025

KẾ HOẠCH
Tuyên truyền chuyển đổi số năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. {body}

II. NHIỆM VỤ
1. Văn phòng Ủy ban nhân dân xã chủ trì tổ chức tuyên truyền, hoàn thành trước ngày 30/9/2025.

Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""
EAST = dict(place="AN BÌNH", day="19", body="Phổ biến nền tảng số cho người dân trên loa phát thanh.")
WEST = dict(place="BÌNH AN", day="19", body="Mở lớp bồi dưỡng kỹ năng số cho cán bộ và hội viên nông dân.")


def plan(path: Path, **kw) -> Path:
    path.write_text(PLAN.format(**kw), encoding="utf-8")
    return path


def open_kb(data: Path, **settings) -> KnowledgeBase:
    return KnowledgeBase(Settings(data_dir=data, **settings), encoder=FakeEncoder())


@pytest.fixture
def kb(tmp_path):
    base = open_kb(tmp_path / "data")
    yield base
    base.close()


def top_doc(kb: KnowledgeBase, query: str) -> str:
    return kb.search(query, k=1)[0].doc_id


# --- item 1: identity ------------------------------------------------------------------------------

def test_same_number_from_another_issuer_is_another_document_even_when_the_first_file_is_gone(kb, tmp_path):
    first = plan(tmp_path / "east.txt", **EAST)
    assert kb.ingest([first]).added == [str(first)]
    first.unlink()  # moved away after ingest: identity must not rest on it
    second = plan(tmp_path / "west.txt", **WEST)
    report = kb.ingest([second])
    assert report.added == [str(second)] and not report.replaced
    assert kb.count() == 2
    ids = kb.resolve(parse_key("32/KH-UBND"))
    assert len(ids) == 2 and "32/KH-UBND" in ids
    other = next(i for i in ids if i != "32/KH-UBND")
    assert other.startswith("32/KH-UBND~")
    assert top_doc(kb, "loa phát thanh nền tảng số") == "32/KH-UBND"  # the first is still answerable
    assert top_doc(kb, "bồi dưỡng kỹ năng số hội viên nông dân") == other


def test_a_number_shared_by_two_documents_leads_to_both(kb, tmp_path):
    kb.ingest([plan(tmp_path / "east.txt", **EAST), plan(tmp_path / "west.txt", **WEST)])
    hits = kb.search("32/KH-UBND", k=2, by_document=True)
    assert sorted(h.doc_id for h in hits) == kb.resolve(parse_key("32/KH-UBND"))
    assert hits[0].score == hits[1].score  # both get the boost of their own number


def test_identity_needs_issuer_number_and_date_and_a_matching_place():
    from troly.knowledge.identity import identity
    from troly.models import Facts

    east = Facts(key="32/KH-UBND", issuer="ỦY BAN NHÂN DÂN", place="An Bình", date="2025-08-19")
    assert identity(east) == identity(Facts(key="32/KH-UBND", issuer="Ủy ban nhân dân", place="AN BÌNH",
                                            date="2025-08-19"))
    assert identity(east) != identity(Facts(key="32/KH-UBND", issuer="ỦY BAN NHÂN DÂN", place="Bình An",
                                            date="2025-08-19"))  # an issuer read without its commune
    assert identity(Facts(key="32/KH-UBND", issuer="ỦY BAN NHÂN DÂN")) == ""  # no date: nothing to match on


def test_the_distinct_id_is_stable_across_bases(tmp_path):
    ids = []
    for n in range(2):
        base = open_kb(tmp_path / f"data{n}")
        base.ingest([plan(tmp_path / f"e{n}.txt", **EAST)])
        ids.append(base.ingest([plan(tmp_path / f"w{n}.txt", **WEST)]).doc_ids[0])
        base.close()
    assert ids[0] == ids[1] and ids[0] != "32/KH-UBND"


def test_two_uploads_of_the_same_name_from_two_communes_are_both_kept(kb, tmp_path):
    status1, doc1 = kb.ingest_file(plan(tmp_path / "a.txt", **EAST), "ke-hoach.txt")
    status2, doc2 = kb.ingest_file(plan(tmp_path / "b.txt", **WEST), "ke-hoach.txt")
    assert (status1, status2) == ("added", "added") and doc1.id != doc2.id
    assert kb.count() == 2 and doc1.source != doc2.source


def test_the_same_issuer_number_and_date_replaces_and_says_so(kb, tmp_path):
    old = plan(tmp_path / "east.txt", **EAST)
    kb.ingest([old, plan(tmp_path / "west.txt", **WEST)])
    new = plan(tmp_path / "east-v2.txt", **{**EAST, "body": "Phủ sóng wifi miễn phí tại nhà văn hóa các thôn."})
    report = kb.ingest([new])
    assert report.updated == [str(new)] and report.replaced == [(str(new), str(old))]
    assert report.doc_ids == ["32/KH-UBND"] and kb.count() == 2
    assert kb.get("32/KH-UBND").source == str(new)
    assert all("loa phát thanh" not in h.chunk.text for h in kb.search("loa phát thanh nền tảng số", k=5))
    again = kb.ingest([old, new, tmp_path / "west.txt"])  # the replaced file, unchanged, does not flip back
    assert len(again.unchanged) == 3 and kb.get("32/KH-UBND").source == str(new)


@pytest.fixture
def run(kb, monkeypatch):
    """``troly <argv>`` on this knowledge base."""
    import argparse

    from troly.cli import kb_cmds

    monkeypatch.setattr(kb_cmds, "_open", lambda: kb)
    parser = argparse.ArgumentParser()
    kb_cmds.register(parser.add_subparsers(dest="command"))

    def go(*argv):
        args = parser.parse_args(list(argv))
        return args.func(args)
    return go


def test_ingest_says_which_file_a_replacement_replaced(run, tmp_path, capsys):
    old = plan(tmp_path / "east.txt", **EAST)
    new = plan(tmp_path / "east-v2.txt", **{**EAST, "body": "Phủ sóng wifi miễn phí tại nhà văn hóa các thôn."})
    assert run("ingest", str(old)) == 0 and run("ingest", str(new)) == 0
    out = capsys.readouterr().out
    assert f"replaced: {old} by {new} (the same issuer, number and date)" in out
    assert "added 0, updated 1" in out


def test_remove_by_number_lists_before_it_deletes_two(kb, run, tmp_path, capsys):
    kb.ingest([plan(tmp_path / "east.txt", **EAST), plan(tmp_path / "west.txt", **WEST)])
    assert run("remove", "32/kh-ubnd") == 1
    err = capsys.readouterr().err
    assert "2 documents" in err and "BÌNH AN" in err and kb.count() == 2
    assert run("remove", "--id", "32/KH-UBND") == 0 and kb.count() == 1
    assert run("remove", "--all", "32/KH-UBND") == 0 and kb.count() == 0


# --- item 2: one writer at a time, and the schema refuses a document twice ---------------------------

WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from knowledge_fakes import FakeEncoder, FakeIngestor
    from troly.config import Settings
    from troly.knowledge.base import KnowledgeBase

    barrier = Path(sys.argv[2])

    class Meeting(FakeIngestor):
        # both processes have looked the file up and found it new before either stores it; then
        # the second lets the first store it before it decides on an id of its own
        def run(self, path, name=None):
            (barrier / (sys.argv[3] + "-" + Path(path).name)).touch()
            end = time.monotonic() + 10
            while len(list(barrier.glob("*-" + Path(path).name))) < 2 and time.monotonic() < end:
                time.sleep(0.02)
            if sys.argv[3] == "two":
                time.sleep(0.3)
            return super().run(path, name)

    kb = KnowledgeBase(Settings(data_dir=Path(sys.argv[1])), encoder=FakeEncoder(), ingestor=Meeting())
    report = kb.ingest([Path(sys.argv[4])])
    print(len(report.added), len(report.unchanged), len(report.failed))
""")


def test_two_concurrent_ingests_store_each_document_once(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(4):  # numbers repeat: every pair shares one
        (corpus / f"f{i}.txt").write_text(f"number: {i // 2 + 1}/KH-UBND\n\nNội dung riêng của tệp số {i}.",
                                          encoding="utf-8")
    data, barrier = tmp_path / "data", tmp_path / "barrier"
    barrier.mkdir()
    script = WRITER.format(tests=str(TESTS))
    procs = [subprocess.Popen([sys.executable, "-c", script, str(data), str(barrier), name, str(corpus)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in ("one", "two")]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    kb = open_kb(data)
    sources = [s for s, _ in kb.store.sources()]
    assert len(sources) == 4 == len(set(sources)) and kb.count() == 4
    added = sum(int(o.split()[0]) for o, _ in outs)
    unchanged = sum(int(o.split()[1]) for o, _ in outs)
    assert (added, unchanged) == (4, 4)


OLD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('generation', '7');
CREATE TABLE documents (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, key TEXT NOT NULL DEFAULT '',
    facts TEXT NOT NULL, text TEXT NOT NULL, original TEXT NOT NULL DEFAULT '', ingested_at TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source);
CREATE TABLE chunks (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, section TEXT NOT NULL, text TEXT NOT NULL,
    refs TEXT NOT NULL DEFAULT ''
);
"""


def _old_row(c, doc_id, source, sha, issuer="", date=""):
    facts = '{"key": "5/KH-UBND", "number": "5/KH-UBND", "issuer": "%s", "date": "%s"}' % (issuer, date)
    c.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?)", (doc_id, source, sha, "5/KH-UBND", facts, "t", "", "x"))
    c.execute("INSERT INTO chunks VALUES (?,?,0,0,1,'','t','')", (doc_id + "#0", doc_id))


def test_an_old_base_loses_its_duplicates_and_gains_the_constraints(tmp_path):
    path = tmp_path / "old.sqlite3"
    c = sqlite3.connect(path)
    c.executescript(OLD_SCHEMA)
    _old_row(c, "5/KH-UBND", "/d/a.txt", "s1")
    _old_row(c, "5/KH-UBND~2", "/d/b.txt", "s2")
    _old_row(c, "5/KH-UBND~3", "/d/b.txt", "s2")  # the race's duplicate: same file twice
    _old_row(c, "7/KH-UBND", "/d/c.txt", "s3", "UBND xã A", "2025-01-02")
    _old_row(c, "7/KH-UBND~2", "/d/c-copy.txt", "s3", "UBND xã A", "2025-01-02")  # same document, same bytes
    _old_row(c, "7/KH-UBND~3", "/d/c-draft.txt", "s4", "UBND xã A", "2025-01-02")  # same document, other text
    c.commit()
    c.close()
    store = Store(path)
    ids = store.doc_ids()
    assert ids == ["5/KH-UBND", "5/KH-UBND~3", "7/KH-UBND", "7/KH-UBND~3"]
    assert store.chunk_ids() and all(not cid.startswith(("5/KH-UBND~2", "7/KH-UBND~2")) for cid in store.chunk_ids())
    assert store.generation() == 8
    with pytest.raises(sqlite3.IntegrityError):
        with store.conn:
            store.conn.execute("INSERT INTO documents(id, source, sha256, facts, text, ingested_at) "
                               "VALUES ('z', '/d/a.txt', 'q', '{}', '', '')")
    store.close()
    assert Store(path).doc_ids() == ids  # a second open changes nothing


# --- item 5: uploads are kept under TROLY_DATA, names never become paths -----------------------------

def test_an_upload_is_kept_under_the_data_dir_with_a_safe_name(kb, tmp_path):
    src = plan(tmp_path / "incoming.txt", **EAST)
    status, doc = kb.ingest_file(src, "../../../../tmp/.Kế hoạch 32?.txt")
    uploads = (tmp_path / "data" / "uploads").resolve()
    kept = Path(doc.source)
    assert status == "added" and kept.parent == uploads and kept.is_file()
    assert kept.name.startswith("ke_hoach_32-") and kept.suffix == ".txt"
    assert kept.read_bytes() == src.read_bytes()
    assert kb.ingest_file(src, "again.txt") == ("unchanged", kb.get(doc.id))
    assert sorted(p.name for p in uploads.iterdir()) == [kept.name]  # the second copy was not kept


def test_a_refused_upload_leaves_no_file(kb, tmp_path):
    from troly.ingest.errors import IngestError

    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 400)
    with pytest.raises(IngestError, match="not text in a language"):
        kb.ingest_file(junk, "junk.txt")
    assert not list((tmp_path / "data" / "uploads").iterdir())


def test_if_missing_never_reads_a_path_the_base_did_not_read(kb, tmp_path, monkeypatch):
    from troly.ingest.pipeline import Ingestor

    work = tmp_path / "srv" / "app"
    work.mkdir(parents=True)
    secret = tmp_path / "srv" / "secret.txt"
    secret.write_text("Mật khẩu máy chủ là hoa sen.", encoding="utf-8")
    monkeypatch.chdir(work)
    for source in ("../secret.txt", f"{work}/../secret.txt"):  # what older uploads left as sources
        kb.add(Ingestor().from_text("Văn bản tải lên có tên lạ.", source))
    own = plan(tmp_path / "east.txt", **EAST)
    kb.ingest([own])
    own.write_text(PLAN.format(**{**EAST, "body": "Nội dung đã sửa."}), encoding="utf-8")
    assert kb.stale_files() == [own]


def test_telegram_admin_upload_goes_through_the_kept_copy(kb, tmp_path):
    from types import SimpleNamespace

    from troly.bot.channels import admin
    from troly.bot.channels.replies import Incoming

    src = plan(tmp_path / "dl.txt", **EAST)
    services = SimpleNamespace(settings=Settings(data_dir=tmp_path / "data", admins={"telegram:1"}), kb=kb,
                               engine=None)
    msg = Incoming(channel="telegram", chat_id="1", user_id="1", file_name="../../../../tmp/x.txt", file_path=src)
    admin.ingest_upload(services, msg)
    (doc,) = kb.documents()
    assert Path(doc.source).parent == (tmp_path / "data" / "uploads").resolve()
    assert Path(doc.source).name.startswith("x-")


# --- limits through the knowledge base ---------------------------------------------------------------

def test_the_base_reads_with_the_limits_of_its_settings(tmp_path):
    kb = open_kb(tmp_path / "data", max_text_chars=200)
    report = kb.ingest([plan(tmp_path / "east.txt", **EAST)])
    assert not report.added and "too long" in report.failed[0][1]


def test_web_admin_upload_goes_through_the_kept_copy(tmp_path):
    from fastapi.testclient import TestClient

    from troly.bot.channels import core as core_mod
    from troly.bot.feedback import FeedbackStore
    from troly.server.app import create_app

    settings = Settings(data_dir=tmp_path / "data", admin_token="t0ken-for-tests", rate_limit=1000)
    kb = KnowledgeBase(settings, encoder=FakeEncoder())

    def core():
        services = core_mod.Services(engine=None, kb=kb, settings=settings, feedback=FeedbackStore(kb.connect))
        return core_mod.ConversationCore(services)

    app = create_app(settings, core_factory=core, telegram=False, zalo=False)
    with TestClient(app) as client:
        files = {"file": ("../../../../tmp/x.txt", PLAN.format(**EAST).encode(), "text/plain")}
        r = client.post("/admin/api/documents", files=files, headers={"Authorization": "Bearer t0ken-for-tests"})
    assert r.status_code == 200, r.text
    (doc,) = kb.documents()
    kept = Path(doc.source)
    assert kept.parent == (tmp_path / "data" / "uploads").resolve() and kept.name.startswith("x-") and kept.is_file()
