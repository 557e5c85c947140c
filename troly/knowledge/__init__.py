"""The knowledge base: SQLite (truth), Chroma vectors and a BM25 index (derived), hybrid search.

``from troly.knowledge import KnowledgeBase`` is the entry point (see ``base.py``); imports are
lazy so that importing the package costs nothing until the base is used.
"""
from __future__ import annotations

__all__ = ["IngestReport", "KnowledgeBase"]


def __getattr__(name: str):
    if name in __all__:
        from troly.knowledge import base

        return getattr(base, name)
    raise AttributeError(name)
