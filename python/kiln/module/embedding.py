"""A lookup table of embeddings."""

import numpy as np

from kiln import _dtype
from kiln.module.module import Module
from kiln.tensor import Tensor


class Embedding(Module):
    """
    Row ``i`` of ``weight`` (shape ``[num_embeddings, embedding_dim]``) for
    each index ``i`` of the input (int32 or int64): the output has the
    input's shape plus ``embedding_dim``.

    .. code-block:: python

        emb = kiln.Embedding(10, 4)
        assert emb(kiln.Tensor([[1, 2, 3]])).shape == (1, 3, 4)
    """

    def __init__(self, num_embeddings: int, embedding_dim: int, dtype=_dtype.float32):
        super().__init__()
        #: The parameters' data type.
        self.dtype = dtype
        self.num_embeddings, self.embedding_dim = num_embeddings, embedding_dim
        self.weight = Tensor(np.random.default_rng().standard_normal((num_embeddings, embedding_dim)), dtype=dtype)

    def forward(self, x: Tensor) -> Tensor:
        from kiln.ops.gather import gather

        return gather(self.weight, 0, x)
