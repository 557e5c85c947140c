"""Shared fixtures. Tests never reach the network: HF hub and telemetry are off."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
sys.path.insert(0, str(Path(__file__).resolve().parent))  # helper modules next to the tests


@pytest.fixture(scope="session")
def shipped_kb(tmp_path_factory):
    """A knowledge base of the shipped corpus, built once per test session."""
    from troly.config import DEFAULT_CORPUS, Settings
    from troly.knowledge.base import KnowledgeBase

    settings = Settings.from_env(data_dir=tmp_path_factory.mktemp("troly-data"))
    kb = KnowledgeBase(settings)
    report = kb.ingest([DEFAULT_CORPUS])
    assert not report.failed, report.failed
    return kb


@pytest.fixture(scope="session")
def engine(shipped_kb):
    from troly.bot.engine import AnswerEngine

    return AnswerEngine(shipped_kb, shipped_kb.settings)


def repairer_in_tmp(tmp_path_factory, clean_texts):
    """A Repairer whose model cache goes to a temporary TROLY_DATA (restored afterwards)."""
    from troly.ingest.repair import Repairer

    old = os.environ.get("TROLY_DATA")
    os.environ["TROLY_DATA"] = str(tmp_path_factory.mktemp("data"))
    try:
        yield Repairer(list(clean_texts))
    finally:
        if old is None:
            os.environ.pop("TROLY_DATA", None)
        else:
            os.environ["TROLY_DATA"] = old
