"""Matrix multiplication (``@``) with numpy semantics: 1-D operands are
vectors, leading (batch) dimensions broadcast."""

from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.ops._registry import register_tensor_method
from kiln.ops.shape import reshape
from kiln.tensor import Tensor
from kiln.trace import ops as trace_ops


def matmul(input: Tensor, other: Tensor, *, transpose_other: bool = False) -> Tensor:
    """
    Matrix product of two floating-point tensors, like ``numpy.matmul``.

    Args:
        input: Shape ``(..., M, K)``, or ``(K,)``.
        other: Shape ``(..., K, N)``, or ``(K,)``.
        transpose_other: Treat ``other`` as ``(..., N, K)`` and multiply by its
            transpose without materializing it (used by :class:`kiln.Linear`).

    .. code-block:: python

        a = kiln.ones((2, 3))
        b = kiln.ones((3, 4))
        assert (a @ b).shape == (2, 4)
    """
    what = "operator '@'"
    if not isinstance(input, Tensor) or not isinstance(other, Tensor):
        raise_error(f"{what}: expected two kiln.Tensor operands, got {type(input).__name__} and {type(other).__name__}")
    _utils.check_same_dtype([input, other], what)
    _utils.check_dtype_in(input, _utils.FLOATING, what)
    if input.rank == 0 or other.rank == 0:
        raise_error(f"{what}: expected operands of rank >= 1, got ranks {input.rank} and {other.rank}")

    a_vector, b_vector = input.rank == 1, other.rank == 1
    a = reshape(input, (1,) + input.shape) if a_vector else input
    if b_vector:
        b = reshape(other, (1,) + other.shape if transpose_other else other.shape + (1,))
    else:
        b = other
    m, k = a._trace.shape[-2:]
    n, k_other = (b._trace.shape[-2], b._trace.shape[-1]) if transpose_other else (b._trace.shape[-1], b._trace.shape[-2])
    if k != k_other and k >= 0 and k_other >= 0:
        raise_error(
            f"{what}: shape mismatch in matrix multiply: expected the last dimension of the left operand "
            f"to equal the {'last' if transpose_other else 'second-to-last'} dimension of the right operand, "
            f"got {input.shape} @ {other.shape} ({k} != {k_other})",
            [input, other],
        )
    rank = _utils.check_broadcast([a._trace.shape[:-2], b._trace.shape[:-2]], what + " (batch dimensions)",
                                  [input, other]) + 2
    a, b = _utils.expand_rank(a, rank), _utils.expand_rank(b, rank)
    out = _utils.make(trace_ops.MatrixMultiply, [a, b], what, transpose_b=transpose_other)
    if a_vector or b_vector:
        dims = out._trace.shape
        keep = dims[:-2] + ((dims[-2],) if not a_vector else ()) + ((dims[-1],) if not b_vector else ())
        out = _utils.make(trace_ops.CollapseRank, [out], what, result=(keep, out.dtype)) if keep != dims else out
    return out


@register_tensor_method("__matmul__")
def _matmul_operator(self, other):
    return matmul(self, other)


@register_tensor_method("__rmatmul__")
def _rmatmul_operator(self, other):
    return matmul(other, self)


def outer(vec1: Tensor, vec2: Tensor) -> Tensor:
    """
    The outer product of two 1-D tensors: ``out[i, j] = vec1[i] * vec2[j]``.

    .. code-block:: python

        out = kiln.outer(kiln.Tensor([1.0, 2.0]), kiln.Tensor([3.0, 4.0, 5.0]))
        assert out.tolist() == [[3.0, 4.0, 5.0], [6.0, 8.0, 10.0]]
    """
    what = "kiln.outer"
    for name, v in (("vec1", vec1), ("vec2", vec2)):
        _utils.check_tensor(v, what, name)
        if v.rank != 1:
            raise_error(f"{what}: expected '{name}' to be 1-D, got rank {v.rank}", [v])
    _utils.check_same_dtype([vec1, vec2], what)
    return vec1.unsqueeze(1) * vec2.unsqueeze(0)
