"""Finding the user's line of code for error messages and MLIR locations.

Every traced op records the first stack frame outside the ``kiln`` package,
with the column range of the expression being evaluated there (Python 3.11+
keeps per-instruction positions), so that both frontend errors and compiler
diagnostics can point at the user's expression.
"""

import linecache
import os
import sys
from dataclasses import dataclass
from typing import Optional

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


@dataclass(frozen=True)
class SourceInfo:
    file: str
    line: int
    #: 0-based column range of the expression, or None when unknown.
    column: Optional[int]
    end_column: Optional[int]
    function: str

    @property
    def code(self) -> str:
        return linecache.getline(self.file, self.line).rstrip("\n")

    def mlir_file_loc(self) -> str:
        """The location without ``loc(...)``, e.g. ``"f.py":3:5``."""
        return f'{mlir_string(self.file)}:{self.line}:{(self.column or 0) + 1}'

    def mlir_loc(self) -> str:
        return f"loc({self.mlir_file_loc()})"

    def render(self) -> str:
        """``File "...", line N, in fn`` plus the source line and a caret."""
        text = f'  File "{self.file}", line {self.line}, in {self.function}\n'
        code = self.code
        if not code:
            return text
        stripped = code.lstrip()
        indent = len(code) - len(stripped)
        text += f"    {stripped}\n"
        if self.column is not None and self.column >= indent:
            end = self.end_column if self.end_column is not None else len(code)
            end = max(min(end, len(code)), self.column + 1)
            text += "    " + " " * (self.column - indent) + "^" * (end - self.column) + "\n"
        return text


def mlir_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _is_internal(filename: str) -> bool:
    return filename.startswith(_PACKAGE_DIR) or filename.startswith("<frozen")


def _positions(frame):
    code = frame.f_code
    if not hasattr(code, "co_positions") or frame.f_lasti < 0:
        return frame.f_lineno, None, None, None
    for index, position in enumerate(code.co_positions()):
        if index == frame.f_lasti // 2:
            return position
    return frame.f_lineno, None, None, None


def user_frame(skip: int = 1) -> Optional[SourceInfo]:
    """The innermost frame outside the kiln package, or None."""
    frame = sys._getframe(skip)
    while frame is not None and _is_internal(os.path.abspath(frame.f_code.co_filename)):
        frame = frame.f_back
    if frame is None:
        return None
    line, end_line, column, end_column = _positions(frame)
    if line is None:
        line = frame.f_lineno
    if end_line is not None and end_line != line:
        end_column = None  # multi-line expression: underline to the end of the first line
    return SourceInfo(
        file=frame.f_code.co_filename,
        line=line,
        column=column,
        end_column=end_column,
        function=frame.f_code.co_name,
    )
