"""Load the LLM prompt templates (``troly/prompts/*.txt``).

Prompts are Vietnamese text that people tune without touching code, so they live in plain
files. Placeholders use ``$name`` (``string.Template``): braces and percent signs are common
in documents and must not need escaping.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from string import Template

_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=32)
def load(name: str) -> str:
    """The text of ``troly/prompts/<name>.txt`` (trailing white space removed)."""
    return (_DIR / f"{name}.txt").read_text(encoding="utf-8").rstrip()


def render(name: str, **values: object) -> str:
    """The template ``name`` with every ``$placeholder`` filled; a missing value raises KeyError."""
    return Template(load(name)).substitute({k: str(v) for k, v in values.items()})
