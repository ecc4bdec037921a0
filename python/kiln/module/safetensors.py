"""Reading ``.safetensors`` checkpoints (a JSON header of names, dtypes,
shapes and byte ranges, then the raw little-endian data)."""

import json
import os
import struct
from typing import Dict

import ml_dtypes
import numpy as np

from kiln.exception import raise_error

_DTYPES = {
    "F32": np.float32, "F16": np.float16, "BF16": ml_dtypes.bfloat16, "F8_E4M3": ml_dtypes.float8_e4m3fn,
    "I8": np.int8, "I32": np.int32, "I64": np.int64, "BOOL": np.bool_, "F64": np.float64, "I16": np.int16,
    "U8": np.uint8,
}


def load_safetensors(path) -> Dict[str, "kiln.Tensor"]:
    """
    The tensors of a ``.safetensors`` file by name, as :class:`kiln.Tensor`
    (for :meth:`kiln.Module.load_state_dict`). A dtype Kiln has no tensor
    type for (float64, int16, uint8) is refused with its name.

    .. code-block:: python

        import json, struct
        data = np.arange(4, dtype=np.float32)
        header = json.dumps({"w": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]}}).encode()
        with open("w.safetensors", "wb") as f:
            f.write(struct.pack("<Q", len(header)) + header + data.tobytes())
        assert kiln.load_safetensors("w.safetensors")["w"].tolist() == [[0.0, 1.0], [2.0, 3.0]]
    """
    from kiln.tensor import Tensor

    path = os.fspath(path)
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise_error(f"load_safetensors: could not read '{path}': {e.strerror}")
    if len(raw) < 8:
        raise_error(f"load_safetensors: '{path}' is not a .safetensors file: it has no header")
    (size,) = struct.unpack("<Q", raw[:8])
    try:
        header = json.loads(raw[8 : 8 + size])
    except (ValueError, UnicodeDecodeError):
        raise_error(f"load_safetensors: '{path}' is not a .safetensors file: its header is not JSON")
    data = raw[8 + size :]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(entry.get("dtype"))
        if dtype is None:
            raise_error(f"load_safetensors: '{name}' in '{path}' has the unsupported dtype {entry.get('dtype')}")
        begin, end = entry["data_offsets"]
        shape = tuple(entry["shape"])
        if end > len(data) or end - begin != int(np.prod(shape, dtype=np.int64)) * np.dtype(dtype).itemsize:
            raise_error(f"load_safetensors: '{name}' in '{path}': its byte range does not match its shape")
        array = np.frombuffer(data[begin:end], dtype=np.dtype(dtype).newbyteorder("<")).reshape(shape)
        if array.dtype in (np.float64, np.int16, np.uint8):
            raise_error(f"load_safetensors: '{name}' in '{path}' is {array.dtype}, which Kiln tensors do not hold",
                        ["hint: convert the checkpoint (e.g. to float32) before loading"])
        tensors[name] = Tensor(array.astype(array.dtype.newbyteorder("=")))
    return tensors
