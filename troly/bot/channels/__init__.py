"""Chat channels (Telegram, Zalo) on one conversation core; see ``core.ConversationCore``."""
from .core import ConversationCore, Services
from .replies import Button, Incoming, Reply, SourceItem

__all__ = ["ConversationCore", "Services", "Button", "Incoming", "Reply", "SourceItem"]
