"""Posts for propaganda teams (Zalo, Facebook, loudspeaker scripts) grounded in the documents.

``PostWriter(kb, llm=None, settings=None).run(topic, channel, variants, audience) -> list[Post]``
(raises ``NoMaterial`` with a Vietnamese reason). The modules behind it: ``material`` (points),
``audience`` (citizens or cadres), ``hook``, ``topic``, ``spoken``, ``templates``, ``history``."""
from troly.bot.posts.writer import NoMaterial, Post, PostWriter

__all__ = ["NoMaterial", "Post", "PostWriter"]
