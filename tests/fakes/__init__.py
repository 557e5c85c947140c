"""Fake external services for tests; they listen on 127.0.0.1 only."""
from tests.fakes.openai_server import FakeOpenAI, Request

__all__ = ["FakeOpenAI", "Request"]
