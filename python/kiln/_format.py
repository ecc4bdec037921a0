"""Printing tensor values the way nvtripy does: ``%g`` numbers, long
dimensions summarized with ``...``."""


def _number(value) -> str:
    if isinstance(value, str) or isinstance(value, bool):
        return str(value)
    return f"{value:g}"


def pretty(data, shape, threshold: int = 40, linewidth: int = 10, edgeitems: int = 3) -> str:
    numel = 1
    for d in shape:
        numel *= d
    summarize = numel > threshold

    def render(values, depth):
        if not isinstance(values, list):
            return _number(values)
        if not values or not isinstance(values[0], list):
            if summarize and len(values) > 2 * edgeitems:
                rows = [values[:edgeitems] + ["..."] + values[-edgeitems:]]
            else:
                rows = [values[i : i + linewidth] for i in range(0, len(values), linewidth)] or [[]]
            return "[" + (",\n" + " " * (depth + 1)).join(", ".join(_number(v) for v in row) for row in rows) + "]"
        if summarize and len(values) > 2 * edgeitems:
            parts = [render(v, depth + 1) for v in values[:edgeitems]] + ["..."]
            parts += [render(v, depth + 1) for v in values[-edgeitems:]]
        else:
            parts = [render(v, depth + 1) for v in values]
        newlines = "\n" * max(len(shape) - depth - 1, 1)
        return "[" + ("," + newlines + " " * (depth + 1)).join(parts) + "]"

    return render(data, 0)
