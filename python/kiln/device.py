"""Devices."""

from kiln.exception import raise_error


class device:
    """
    Where a tensor lives: ``kiln.device("cpu")`` or ``kiln.device("gpu:0")``.
    Kiln's engines run on its CPU backend; a GPU device is accepted so that
    nvtripy programs run unchanged, and its tensors live in host memory.

    .. code-block:: python

        d = kiln.device("gpu:0")
        assert d.kind == "gpu" and d.index == 0
    """

    def __init__(self, device: str):
        if not isinstance(device, str):
            raise_error(f"kiln.device: expected a string such as 'cpu' or 'gpu:0', got {type(device).__name__}")
        kind, _, index = device.partition(":")
        if kind not in ("cpu", "gpu"):
            raise_error(f"kiln.device: unrecognized device kind: expected 'cpu' or 'gpu', got '{kind}'")
        if index and not index.isdigit():
            raise_error(f"kiln.device: expected a non-negative device index, got '{index}'")
        #: "cpu" or "gpu".
        self.kind = kind
        #: The device's index.
        self.index = int(index) if index else 0

    @staticmethod
    def fast_init(kind: str, index: int) -> "device":
        """Makes a device without parsing a string."""
        d = device.__new__(device)
        d.kind, d.index = kind, index
        return d

    def __str__(self):
        return f"{self.kind}:{self.index}"

    def __repr__(self):
        return f"device(kind={self.kind!r}, index={self.index})"

    def __eq__(self, other):
        return isinstance(other, device) and (self.kind, self.index) == (other.kind, other.index)

    def __hash__(self):
        return hash((self.kind, self.index))
