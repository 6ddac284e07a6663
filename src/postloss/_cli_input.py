"""Reading ``postloss assess --input``: one JSON report, or JSON Lines for many.

The input is read as bytes and split into reports before any JSON is parsed, so a
report over :data:`MAX_REPORT_BYTES` is refused without reading it into the parser,
and JSON Lines of any length are read one line at a time.

An input whose first non-blank line is a whole JSON object (``{`` … ``}``) is JSON
Lines: one report per non-blank line. Anything else is one JSON document (pretty
printed, say), read whole up to the limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import attrs

__all__ = ["MAX_REPORT_BYTES", "Entry", "entries"]

#: The largest report read, in bytes (1 MB); a larger one is refused before parsing.
MAX_REPORT_BYTES = 1_000_000
_CHUNK = 1 << 16


@attrs.frozen(kw_only=True)
class Entry:
    """One report of the input: where it starts, its JSON text, or why it was refused.

    ``line`` is the line it starts on (1-based); ``text`` its bytes, or ``None`` when
    it is over the size limit (``too_large``); ``consumed`` the bytes of input read so
    far, for a progress bar.
    """

    line: int
    text: bytes | None
    consumed: int

    @property
    def too_large(self) -> bool:
        """Whether the report was refused, unread, for its size."""
        return self.text is None


def _skip_line(stream: BinaryIO) -> int:
    """Read to the end of the current line; the number of bytes read."""
    skipped = 0
    while chunk := stream.readline(_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _read_line(stream: BinaryIO) -> tuple[bytes | None, int]:
    """The next line without its terminator (``None`` when over the limit) and its size.

    At the end of the input, returns ``(b"", 0)``.
    """
    raw = stream.readline(MAX_REPORT_BYTES + 2)
    size = len(raw)
    body = raw.rstrip(b"\r\n")
    if len(body) > MAX_REPORT_BYTES:
        if not raw.endswith(b"\n"):
            size += _skip_line(stream)
        return None, size
    return body, size


def _is_json_line(line: bytes) -> bool:
    stripped = line.strip()
    return stripped.startswith(b"{") and stripped.endswith(b"}")


def entries(stream: BinaryIO) -> Iterator[Entry]:
    """Each report of *stream*, in order; nothing at all for an input of blank lines."""
    number = consumed = 0
    while True:
        line, size = _read_line(stream)
        number += 1
        consumed += size
        if size == 0:
            return
        if line is None or line.strip():
            break
    if line is None or _is_json_line(line):
        yield Entry(line=number, text=line, consumed=consumed)
        yield from _json_lines(stream, number, consumed)
        return
    rest = stream.read(MAX_REPORT_BYTES + 1 - len(line))
    consumed += len(rest)
    document = line + b"\n" + rest if rest else line
    if len(document.strip()) > MAX_REPORT_BYTES:  # the rest is left unread
        yield Entry(line=number, text=None, consumed=consumed)
        return
    yield Entry(line=number, text=document, consumed=consumed)


def _json_lines(stream: BinaryIO, number: int, consumed: int) -> Iterator[Entry]:
    while True:
        line, size = _read_line(stream)
        if size == 0:
            return
        number += 1
        consumed += size
        if line is None or line.strip():
            yield Entry(line=number, text=line, consumed=consumed)
