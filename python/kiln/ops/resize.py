"""Resizing the innermost dimensions: nearest, linear, cubic."""

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops

_MODES = ("nearest", "linear", "cubic")


def resize(input: Tensor, output_shape=None, mode: str = "linear", align_corners: bool = False,
           scales=None) -> Tensor:
    """
    Resizes ``input`` to ``output_shape`` (or by ``scales``, one factor per
    dimension), interpolating as ``torch.nn.functional.interpolate`` does:
    ``mode`` is ``"nearest"``, ``"linear"`` or ``"cubic"``; ``align_corners``
    maps corner pixels onto each other (linear and cubic only). Linear
    resizes up to three innermost dimensions, cubic two.

    .. code-block:: python

        x = kiln.reshape(kiln.arange(4), (1, 1, 2, 2))
        out = kiln.resize(x, output_shape=(1, 1, 4, 4), mode="nearest")
        assert out.tolist()[0][0][0] == [0.0, 0.0, 1.0, 1.0]
    """
    what = "kiln.resize"
    _utils.check_dtype_in(input, (_dtype.float32, _dtype.float16, _dtype.int8), what)
    if mode not in _MODES:
        raise_error(f"{what}: unsupported resize mode: expected one of {list(_MODES)}, got {mode!r}")
    if align_corners and mode == "nearest":
        raise_error(f"{what}: align_corners is only meaningful for 'linear' and 'cubic', got mode='nearest'")
    if (output_shape is None) == (scales is None):
        raise_error(f"{what}: expected exactly one of output_shape and scales")
    if output_shape is not None:
        output_shape = [int(d) for d in output_shape]
        if len(output_shape) != input.rank:
            raise_error(f"{what}: expected output_shape to have {input.rank} entries, got {output_shape}")
        in_shape = _utils.static_shape(input, what)
        scales = [o / i if i else 1.0 for o, i in zip(output_shape, in_shape)]
        result = (tuple(output_shape), input.dtype)
    else:
        scales = [float(s) for s in scales]
        if len(scales) != input.rank:
            raise_error(f"{what}: expected {input.rank} scales, got {scales}")
        result = None
    transform = "kALIGN_CORNERS" if align_corners else "kASYMMETRIC" if mode == "nearest" else "kHALF_PIXEL"
    op = {"nearest": trace_ops.ResizeNearest, "linear": trace_ops.ResizeLinear, "cubic": trace_ops.ResizeCubic}[mode]
    return _utils.make(op, [input], what, result=result, scales=None if result else scales, transform=transform)
