"""Streams. Kiln's CPU engines run synchronously on the calling thread, so
a stream orders nothing; it exists so nvtripy programs run unchanged."""


class Stream:
    """
    A queue of work on a device. Kiln runs each executable call to
    completion before returning, so :meth:`synchronize` has nothing to wait
    for.

    .. code-block:: python

        stream = kiln.Stream()
        stream.synchronize()
    """

    def __init__(self, priority: int = 0):
        self.priority = priority

    @property
    def ptr(self) -> int:
        """The native stream handle (0: Kiln's CPU engines have none)."""
        return 0

    def synchronize(self) -> None:
        """Waits for the stream's work to finish (a no-op in Kiln)."""

    def __eq__(self, other):
        return isinstance(other, Stream) and other.ptr == self.ptr

    def __hash__(self):
        return hash(self.ptr)

    def __repr__(self):
        return f"<Stream(ptr={self.ptr})>"


_default = None


def default_stream(device=None) -> Stream:
    """
    The stream executables use unless told otherwise.

    .. code-block:: python

        assert kiln.default_stream() == kiln.default_stream()
    """
    global _default
    if _default is None:
        _default = Stream()
    return _default
