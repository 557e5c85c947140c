"""Errors raised by ingest, with messages for operators (English) that name the file."""


class IngestError(Exception):
    """A file that cannot be read or understood. The message names the file and the cause."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
