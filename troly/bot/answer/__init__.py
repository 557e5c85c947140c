"""The answer pipeline (``pipeline``: understand -> scope -> route -> finalize), its route table
(``routes``), and what it reads and composes with: the question (``query``), the documents in
memory (``library``), the targets, and the composers (``compose_*``). Internal: the public API is
``troly.bot.AnswerEngine``."""
