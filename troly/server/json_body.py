"""Reading a JSON object from a request body, refusing what would crash code further in.

``json.loads`` accepts things that later fail far from the request: a lone surrogate
(``"\\ud800"``) that no UTF-8 encoder can write back (SQLite, the response, a log line),
nesting deep enough to overflow the recursion limit, and ``NaN``/``Infinity``, which a JSON
response refuses to render. All of these are refused here, as not JSON, with one check.
"""
from __future__ import annotations

import json
from typing import Any


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def loads_object(raw: bytes | str, max_depth: int) -> dict | None:
    """The JSON object in ``raw``, or None when it is not one we can safely use."""
    try:
        data = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(data, dict) or not is_clean(data, max_depth):
        return None
    return data


def is_clean(data: Any, max_depth: int) -> bool:
    """True when ``data`` nests at most ``max_depth`` levels and every string (keys too) is
    encodable as UTF-8. Iterative, so a deep value cannot overflow the stack here."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if not encodable(value):
                return False
        elif isinstance(value, (dict, list)):
            if depth > max_depth:
                return False
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str) and not encodable(key):
                    return False
                stack.append((item, depth + 1))
    return True


def encodable(text: str) -> bool:
    """False for text with a lone surrogate (valid in a Python str, not in UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
