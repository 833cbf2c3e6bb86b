"""What the warm path read for a command's key, in a module of its own: the Environment carries
one to the loader, and neither needs the other's imports to name it."""

from __future__ import annotations

import os


class Prepared:
    """What the warm path read for its key: handed to the loader, never kept anywhere else.

    key: the page cache key; data: the knowledge base file as named, real: its real path;
    raw: its bytes and the stat taken before reading them; wages: the wage extract's two
    files' bytes, None when neither exists; wages_known: False when they could not both be
    read, or the state table could not be (the loader then reads them itself, and says what is
    wrong); licensing: the state table's bytes, None when there is none. `used` is set by the
    loader when it built the run's knowledge base from these bytes: only then is the page stored.
    """

    __slots__ = ("data", "digests", "key", "licensing", "raw", "real", "used", "wages", "wages_known")

    def __init__(
        self,
        key: bytes,
        data: str,
        real: str,
        raw: tuple[bytes, os.stat_result],
        wages: tuple[bytes, bytes] | None,
        wages_known: bool = True,
        licensing: bytes | None = None,
    ) -> None:
        self.key = key
        self.data = data
        self.real = real
        self.raw = raw
        self.wages = wages
        self.wages_known = wages_known
        self.licensing = licensing
        self.used = False
        # the files' BLAKE2b digests (the data's, then the extract's), which the knowledge-base key reuses
        self.digests: tuple[str, ...] = ()

    def covers(self, path: str | os.PathLike[str]) -> bool:
        """Whether `path` is the file these bytes were read from, named the same way (so its wage
        extract is the same folder's)."""
        named = os.fspath(path)
        if os.path.realpath(named) != self.real:
            return False
        return os.path.realpath(os.path.dirname(named) or ".") == os.path.realpath(os.path.dirname(self.data) or ".")
