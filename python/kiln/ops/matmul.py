"""Matrix multiplication (``@``) with numpy semantics: 1-D operands are
vectors, leading (batch) dimensions broadcast."""

from kiln.exception import raise_error
from kiln.ops import _utils
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
    m, k = a.shape[-2:]
    n, k_other = (b.shape[-2], b.shape[-1]) if transpose_other else (b.shape[-1], b.shape[-2])
    if k != k_other:
        raise_error(
            f"{what}: shape mismatch in matrix multiply: expected the last dimension of the left operand "
            f"to equal the {'last' if transpose_other else 'second-to-last'} dimension of the right operand, "
            f"got {input.shape} @ {other.shape} ({k} != {k_other})",
            [input, other],
        )
    batch = _utils.broadcast_shapes([a.shape[:-2], b.shape[:-2]], what + " (batch dimensions)", [input, other])
    rank = len(batch) + 2
    a, b = _utils.expand_rank(a, rank), _utils.expand_rank(b, rank)
    out = _utils.make(trace_ops.MatrixMultiply, [a, b], batch + (m, n), a.dtype, transpose_b=transpose_other)
    if a_vector or b_vector:
        shape = batch + ((m,) if not a_vector else ()) + ((n,) if not b_vector else ())
        out = reshape(out, shape)
    return out
