"""The knowledge-base commands, driven through argparse with a fake encoder and ingestor."""
from __future__ import annotations

import argparse
import json

import pytest

from troly.cli import kb_cmds
from troly.config import Settings
from troly.knowledge.base import KnowledgeBase
from troly.models import Citation

from knowledge_fakes import FakeEncoder, FakeIngestor


@pytest.fixture
def run(tmp_path, monkeypatch):
    settings = Settings(data_dir=tmp_path / "data")
    enc, ing = FakeEncoder(), FakeIngestor()
    monkeypatch.setattr(kb_cmds, "_open", lambda: KnowledgeBase(settings, encoder=enc, ingestor=ing))
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    kb_cmds.register(sub)

    def go(*argv):
        args = parser.parse_args(list(argv))
        return args.func(args)
    return go


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text("number: 114-KH/HU\n\nCác chi bộ báo cáo kết quả trước ngày 15/5/2025.",
                             encoding="utf-8")
    (d / "b.txt").write_text("number: 32/KH-UBND\n\nTuyên truyền trên loa phát thanh.", encoding="utf-8")
    return d


def test_ingest_summary_and_if_missing(run, corpus, capsys, monkeypatch):
    assert run("ingest", str(corpus)) == 0
    assert "added 2, updated 0, unchanged 0, failed 0" in capsys.readouterr().out
    assert run("ingest", str(corpus)) == 0
    assert "unchanged 2" in capsys.readouterr().out
    (corpus / "c.txt").write_text("Mới.", encoding="utf-8")
    assert run("ingest", "--if-missing", str(corpus)) == 0
    assert "nothing to do" in capsys.readouterr().err
    assert run("docs", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    # a stored file that changed, or a newer pipeline, is re-read; the new file still is not added
    (corpus / "b.txt").write_text("number: 32/KH-UBND\n\nTuyên truyền trên loa và mạng xã hội.", encoding="utf-8")
    assert run("ingest", "--if-missing", str(corpus)) == 0
    out = capsys.readouterr()
    assert "re-reading 1" in out.err and "added 0, updated 1, unchanged 0" in out.out
    monkeypatch.setattr("troly.ingest.pipeline.PIPELINE_VERSION", "next")
    assert run("ingest", "--if-missing", str(corpus)) == 0
    assert "updated 2" in capsys.readouterr().out
    assert run("docs", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_ingest_fails_only_when_every_file_fails(run, tmp_path, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"garbage")
    assert run("ingest", str(bad)) == 1
    assert "bad.docx" in capsys.readouterr().err
    good = tmp_path / "good.txt"
    good.write_text("Nội dung.", encoding="utf-8")
    assert run("ingest", str(bad), str(good)) == 0


def test_docs_json_fields(run, corpus, capsys, monkeypatch):
    run("ingest", str(corpus))
    capsys.readouterr()
    kb = kb_cmds._open()
    doc = kb.get("114-KH/HU")
    doc.facts.date, doc.facts.cites = "2025-04", [Citation(key="57-NQ/TW", number="57-NQ/TW")] * 2
    doc.facts.recipients = ["Các chi bộ"]
    doc.sha256 = "edited"
    kb.add(doc)
    run("docs", "--json")
    entries = {e["id"]: e for e in json.loads(capsys.readouterr().out)}
    e = entries["114-KH/HU"]
    assert set(e) >= {"id", "type", "number", "date", "place", "issuer", "title", "signer", "signer_title",
                      "recipients", "cites", "repaired", "damaged"}
    assert e["number"] == "114-KH/HU" and e["date"] == "2025-04" and e["cites"] == ["57-NQ/TW"]
    assert e["recipients"] == ["Các chi bộ"]
    assert run("docs") == 0 and "114-KH/HU" in capsys.readouterr().out


def test_search_and_remove(run, corpus, capsys):
    run("ingest", str(corpus))
    capsys.readouterr()
    assert run("search", "loa phat thanh", "-k", "1", "--json") == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 1 and hits[0]["document"] == "32/KH-UBND" and "loa" in hits[0]["text"]
    assert set(hits[0]) >= {"document", "section", "text", "score"}
    assert run("remove", "32/kh-ubnd") == 0
    assert "32/KH-UBND" in capsys.readouterr().out
    run("search", "loa phat thanh", "--json")
    assert json.loads(capsys.readouterr().out) == []
    assert run("remove", "32/KH-UBND") == 1
    assert "no document matches" in capsys.readouterr().err
