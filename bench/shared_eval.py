"""Where the shared evaluation lives: ``../shared/eval`` beside the checkout (as CI lays it out).

``TROLY_SHARED_EVAL`` overrides it. The benches fall back to small built-in inputs when it is absent.
"""
from __future__ import annotations

import os
from pathlib import Path

EVAL = Path(os.environ.get("TROLY_SHARED_EVAL") or Path(__file__).resolve().parents[2] / "shared" / "eval")
DEV = EVAL / "dev.jsonl"
