"""The one command line, ``troly``. Each command group lives in its own module and
registers itself here (``register(subparsers)``), so a new command is a new module."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from importlib import import_module

# Offline by default: no model hub, no telemetry. Operators with internet may override.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

COMMAND_MODULES = (
    "troly.cli.kb_cmds",  # ingest, docs, search, remove
    "troly.cli.ask_cmds",  # ask, chat
    "troly.cli.repair_cmd",  # repair
    "troly.cli.post_cmds",  # post, deadlines
    "troly.cli.channel_cmds",  # telegram, zalo, serve
    "troly.cli.ops_cmds",  # backup, restore
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="troly", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        try:
            module = import_module(name)
        except ImportError as exc:  # one broken command group must not take the others down
            logging.getLogger(__name__).warning("commands from %s unavailable: %s", name, exc)
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    service = getattr(args, "service", False)  # servers log INFO to stdout (journald, docker logs)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO if service else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stdout if service else sys.stderr,
    )
    # httpx logs every request URL at INFO (a bot's URL holds its token); the others chatter.
    for noisy in ("httpx", "httpcore", "chromadb", "sentence_transformers", "urllib3", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    _redact_secrets()
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _redact_secrets() -> None:
    """Tokens and webhook secrets never reach a log line (libraries log URLs with the token)."""
    from troly.config import Settings
    from troly.server.redact import protect

    try:
        protect(Settings.from_env())
    except SystemExit:  # a malformed number: the command reports it itself
        pass


if __name__ == "__main__":
    sys.exit(main())
