"""Kiln's logger: severities from ``ultra_verbose`` to ``error``, set
globally or temporarily. Kiln logs what it compiles and caches when asked."""

import contextlib
import sys

_SEVERITIES = ["ultra_verbose", "verbose", "timing", "info", "warning", "error"]


class Logger:
    """
    The global logger, ``kiln.logger``. ``verbosity`` is the least severe
    level printed (``"verbose"``, ``"info"``, ``"warning"``, ...);
    ``use_verbosity`` changes it for a ``with`` block.

    .. code-block:: python

        kiln.logger.verbose("not printed at the default verbosity")
        with kiln.logger.use_verbosity("verbose"):
            kiln.logger.verbose("printed")
    """

    def __init__(self):
        self._verbosity = "info"
        self.enable_color = False
        self._seen = set()

    @property
    def verbosity(self) -> str:
        return self._verbosity

    @verbosity.setter
    def verbosity(self, value: str):
        if value not in _SEVERITIES:
            from kiln.exception import raise_error

            raise_error(f"kiln.logger: unknown verbosity: expected one of {_SEVERITIES}, got {value!r}")
        self._verbosity = value

    @contextlib.contextmanager
    def use_verbosity(self, verbosity: str):
        old = self._verbosity
        self.verbosity = verbosity
        try:
            yield
        finally:
            self._verbosity = old

    def log(self, message, severity: str, mode: str = "each"):
        if _SEVERITIES.index(severity) < _SEVERITIES.index(self._verbosity):
            return
        text = message() if callable(message) else str(message)
        if mode == "once":
            if text in self._seen:
                return
            self._seen.add(text)
        print(f"[kiln] ({severity.upper()}) {text}", file=sys.stderr)

    def ultra_verbose(self, message, mode="each"):
        self.log(message, "ultra_verbose", mode)

    def verbose(self, message, mode="each"):
        self.log(message, "verbose", mode)

    def timing(self, message, mode="each"):
        self.log(message, "timing", mode)

    def info(self, message, mode="each"):
        self.log(message, "info", mode)

    def warning(self, message, mode="each"):
        self.log(message, "warning", mode)

    def error(self, message, mode="each"):
        self.log(message, "error", mode)


logger = Logger()
