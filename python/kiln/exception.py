"""Kiln's user-facing exception and its rendering."""

from typing import Iterable, Optional

from kiln import _stack


class KilnException(Exception):
    """
    Raised for errors in user programs: an invalid operation (shapes that do not
    broadcast, a dimension out of range), a program the compiler rejects, or a
    wrong input to a compiled :class:`Executable`. The message names the
    user's file and line, shows the line with a caret under the expression,
    and says what was expected and what was found.

    .. code-block:: python

        try:
            kiln.ones((2, 3)) @ kiln.ones((4, 5))
        except kiln.KilnException as e:
            print(e)
    """


def render(summary: str, source: Optional[_stack.SourceInfo] = None, notes: Iterable[str] = ()) -> str:
    parts = [summary]
    if source is not None:
        parts.append("\n" + source.render().rstrip("\n"))
    for note in notes:
        parts.append(note)
    return "\n".join(parts)


def raise_error(summary: str, details: Iterable = (), source: Optional[_stack.SourceInfo] = None):
    """Raises KilnException pointing at the user's current line.

    ``details`` items are strings, or tensors (whose creation site is shown as
    a note).
    """
    if source is None:
        source = _stack.user_frame(2)
    notes = []
    for detail in details:
        trace = getattr(detail, "_trace", None)
        if trace is not None:
            # Never evaluate a tensor here: it may depend on a compile input,
            # and its values would only clutter the message.
            if trace.source is not None and not _same_line(trace.source, source):
                label = getattr(detail, "_label", None) or "note: the operand"
                notes.append(
                    f"\n{label} {_describe_trace(trace)} was created here:\n" + trace.source.render().rstrip("\n")
                )
            from kiln import config

            array = getattr(trace.producer, "array", None)
            if "all" in config.extra_error_information and array is not None:
                notes.append(f"its value: {array.tolist()}")
        elif detail is not None:
            notes.append(str(detail))
    raise KilnException(render(summary, source, notes)) from None


def _same_line(a, b) -> bool:
    return b is not None and a.file == b.file and a.line == b.line


def _describe_trace(trace) -> str:
    shape = "(" + ", ".join("?" if d < 0 else str(d) for d in trace.shape) + ("," if trace.rank == 1 else "") + ")"
    return f"(shape={shape}, dtype={trace.dtype})"
