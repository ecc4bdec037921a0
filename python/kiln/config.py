"""Global settings (``kiln.config``)."""

import os
from typing import List

#: Whether executables check their inputs' dtypes, shapes and bounds in
#: Python before running (the engine checks shapes against its profiles
#: either way).
enable_input_validation: bool = True

#: Extra detail for error messages: with ``"all"``, a note about an operand
#: also shows its value when it is already computed. Set from
#: ``KILN_EXTRA_ERROR_INFORMATION`` (comma-separated).
extra_error_information: List[str] = [v for v in os.environ.get("KILN_EXTRA_ERROR_INFORMATION", "").split(",") if v]
