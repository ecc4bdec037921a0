"""Access to the compiled extension, imported on first use so that tracing
and MLIR printing work without it."""

_module = None


def native():
    global _module
    if _module is None:
        from kiln import _C

        _module = _C
    return _module
