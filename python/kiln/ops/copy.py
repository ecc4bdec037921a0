"""Copying a tensor to a device."""

from kiln.exception import raise_error
from kiln.ops import _utils
from kiln.ops._registry import register_tensor_method
from kiln.tensor import Tensor


@register_tensor_method("copy")
def copy(input: Tensor, device) -> Tensor:
    """
    ``input``'s value as a new, evaluated tensor on ``device``. Kiln keeps
    data in host memory for every device, so this evaluates and copies.

    .. code-block:: python

        x = kiln.copy(kiln.Tensor([1.0, 2.0]), kiln.device("gpu"))
        assert x.device.kind == "gpu" and x.tolist() == [1.0, 2.0]
    """
    from kiln.device import device as device_cls

    _utils.check_tensor(input, "kiln.copy")
    if not isinstance(device, device_cls):
        raise_error(f"kiln.copy: expected a kiln.device, got {type(device).__name__}")
    out = Tensor._from_array(input.numpy())
    out._device = device
    return out
