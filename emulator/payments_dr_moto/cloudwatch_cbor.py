"""CloudWatch over the Smithy RPC v2 CBOR protocol, for moto's CloudWatch backend.

The AWS SDK for Java 2.57 speaks CloudWatch's newest protocol: POST
``/service/GraniteServiceVersion20100801/operation/<Operation>`` with a CBOR body and the header
``smithy-protocol: rpc-v2-cbor``. moto 5.2.5 answers only the JSON and query protocols (which boto3 uses),
so such requests got a 404. This module adds that path to moto's CloudWatch URLs: it decodes the CBOR
request, hands it to moto's own CloudWatch response class as the equivalent JSON-protocol request, and
encodes the answer (or the error) back to CBOR with the operation's output shape, using botocore's CBOR
reader and writer.
"""

import datetime
import json
from typing import Any

import botocore.session
from botocore.parsers import BaseCBORParser
from botocore.serialize import RpcV2CBORSerializer
from moto.core.request import Request

TARGET_PREFIX = "GraniteServiceVersion20100801"
PATH = "{0}/service/" + TARGET_PREFIX + "/operation/(?P<operation>[A-Za-z]+)$"

_model = None


def _service_model() -> Any:
    global _model
    if _model is None:
        _model = botocore.session.get_session().get_service_model("cloudwatch")
    return _model


class _Reader(BaseCBORParser):
    def __init__(self) -> None:
        super().__init__()

    def read(self, body: bytes) -> Any:
        if not body:
            return {}
        return self.parse_data_item(self.get_peekable_stream_from_bytes(body))


class _Writer(RpcV2CBORSerializer):
    def write(self, value: Any, shape: Any) -> bytes:
        serialized = bytearray()
        self._serialize_data_item(serialized, value, shape)
        return bytes(serialized)

    def write_error(self, code: str, message: str) -> bytes:
        serialized = bytearray()
        self._serialize_type_map(serialized, {"__type": code, "message": message}, _StringMap(), None)
        return bytes(serialized)


class _StringShape:
    type_name = "string"


class _StringMap:
    """A stand-in shape: a map of strings to strings (for error bodies, which have no model shape)."""

    type_name = "map"
    key = _StringShape()
    value = _StringShape()


def _json_ready(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return value.decode("latin-1")
    return value


def _from_json(value: Any, shape: Any) -> Any:
    """moto's JSON answer, typed by the output shape (timestamps back to datetimes) for the CBOR writer."""
    if value is None or shape is None:
        return value
    kind = shape.type_name
    if kind == "structure":
        return {k: _from_json(v, shape.members[k]) for k, v in value.items() if k in shape.members}
    if kind == "list":
        return [_from_json(v, shape.member) for v in value]
    if kind == "map":
        return {k: _from_json(v, shape.value) for k, v in value.items()}
    if kind == "timestamp":
        if isinstance(value, (int, float)):
            return datetime.datetime.fromtimestamp(value, tz=datetime.timezone.utc)
        return datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if kind in ("double", "float"):
        return float(value)
    return value


def dispatch_cbor(request: Any, full_url: str, headers: Any) -> tuple[int, dict[str, str], bytes]:
    """Answers one CBOR request through moto's CloudWatch JSON-protocol handler."""
    from moto.cloudwatch.responses import CloudWatchResponse

    operation = full_url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    model = _service_model()
    response_headers = {"smithy-protocol": "rpc-v2-cbor", "Content-Type": "application/cbor"}
    try:
        operation_model = model.operation_model(operation)
    except Exception:  # noqa: BLE001 botocore raises OperationNotFoundError
        body = _Writer().write_error("UnknownOperationException", f"unknown operation {operation}")
        return 404, response_headers, body
    params = _json_ready(_Reader().read(request.get_data() if hasattr(request, "get_data") else request.data))
    json_headers = {
        "X-Amz-Target": f"{TARGET_PREFIX}.{operation}",
        "Content-Type": "application/x-amz-json-1.0",
    }
    if "Authorization" in request.headers:
        json_headers["Authorization"] = request.headers["Authorization"]
    json_request = Request.from_primitives("POST", full_url.split("/service/")[0] + "/", json_headers,
                                           json.dumps(params).encode())
    status, _, out_body = CloudWatchResponse.dispatch(json_request, json_request.url, json_request.headers)
    text = out_body.decode() if isinstance(out_body, bytes) else out_body
    answer = json.loads(text) if text else {}
    if int(status) >= 400:
        code = str(answer.get("__type", "InternalFailure")).split("#")[-1]
        message = answer.get("message") or answer.get("Message") or ""
        return int(status), response_headers, _Writer().write_error(code, message)
    output = operation_model.output_shape
    if output is None:
        return 200, response_headers, b""
    return 200, response_headers, _Writer().write(_from_json(answer, output), output)


def install() -> None:
    """Adds the CBOR path to moto's CloudWatch URLs (before the server builds its CloudWatch app)."""
    from moto.cloudwatch import urls

    urls.url_paths[PATH] = dispatch_cbor
