"""Selecting slices by index: gather."""

from kiln import _dtype
from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def gather(input: Tensor, dim: int, index: Tensor) -> Tensor:
    """
    Slices of ``input`` along ``dim`` picked by ``index`` (int32 or int64),
    like ``numpy.take(input, index, axis=dim)``: dimension ``dim`` is
    replaced by the dimensions of ``index``.

    .. code-block:: python

        table = kiln.Tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
        rows = kiln.gather(table, 0, kiln.Tensor([2, 0]))
        assert rows.tolist() == [[5.0, 6.0], [1.0, 2.0]]
    """
    what = "kiln.gather"
    _utils.check_tensor(input, what)
    _utils.check_tensor(index, what, "index")
    _utils.check_dtype_in(index, (_dtype.int32, _dtype.int64), what + " (index)")
    if input.rank == 0:
        raise_error(f"{what}: expected an input of rank >= 1, got a 0-d tensor", [input])
    dim = _utils.normalize_dim(dim, input.rank, "dim")
    return _utils.make(trace_ops.Gather, [input, index], what, axis=dim)
