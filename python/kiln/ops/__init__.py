"""The ops, one module per family. The public functions are re-exported by
the ``kiln`` package."""
