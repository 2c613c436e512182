"""A minimal AWS Global Accelerator for moto's server (moto 5.2.5 has none).

Follows the Global Accelerator API reference (AWS JSON 1.1, target prefix ``GlobalAccelerator_V20180706``,
signing name ``globalaccelerator``, home region us-west-2) for the operations the failover needs and the ones
its tests need to build an accelerator:

* CreateAccelerator, DescribeAccelerator: the accelerator's Status is IN_PROGRESS after every change to it
  (its creation, a listener, an endpoint group, a dial) and DEPLOYED once that change has spread. Progress is
  moto's state manager model ``globalaccelerator::accelerator`` (by default one DescribeAccelerator call per
  stage; tests can make it immediate or time based through /moto-api/state-manager/set-transition).
* CreateListener; CreateEndpointGroup (one per region and listener), DescribeEndpointGroup,
  UpdateEndpointGroup, ListEndpointGroups.
* Errors: AcceleratorNotFoundException, ListenerNotFoundException, EndpointGroupNotFoundException,
  EndpointGroupAlreadyExistsException, InvalidArgumentException; a value outside the model's constraints
  (TrafficDialPercentage 0-100, ports 1-65535, ...) is the service framework's ValidationException.

``install()`` registers the service with moto's server as if moto shipped a ``globalaccelerator`` module.
"""

import datetime
import json
import re
import sys
import types
import uuid
from typing import Any

from moto.core.base_backend import BackendDict, BaseBackend
from moto.core.exceptions import JsonRESTError
from moto.core.responses import BaseResponse
from moto.moto_api import state_manager
from moto.moto_api._internal.managed_state_model import ManagedState

SERVICE = "globalaccelerator"
DEPLOYMENT_MODEL = "globalaccelerator::accelerator"
URL_BASES = [r"https?://globalaccelerator\.(.+)\.amazonaws\.com"]


class GlobalAcceleratorError(JsonRESTError):
    def __init__(self, error_type: str, message: str):
        super().__init__(error_type, message)


class ValidationException(GlobalAcceleratorError):
    def __init__(self, message: str):
        super().__init__("ValidationException", "1 validation error detected: " + message)


class Deployment(ManagedState):
    """The spread of the accelerator's last change: IN_PROGRESS, then DEPLOYED."""

    def __init__(self) -> None:
        super().__init__(DEPLOYMENT_MODEL, [("IN_PROGRESS", "DEPLOYED")])


def _now() -> float:
    return datetime.datetime.now(tz=datetime.timezone.utc).timestamp()


def _hex(length: int) -> str:
    return uuid.uuid4().hex[:length]


class Accelerator:
    def __init__(self, account_id: str, name: str, ip_address_type: str, enabled: bool):
        self.arn = f"arn:aws:globalaccelerator::{account_id}:accelerator/{uuid.uuid4()}"
        self.name = name
        self.ip_address_type = ip_address_type
        self.enabled = enabled
        self.dns_name = f"a{_hex(16)}.awsglobalaccelerator.com"
        self.created = _now()
        self.modified = self.created
        self.deployment = Deployment()
        self.listeners: dict[str, "Listener"] = {}

    def changed(self) -> None:
        """A change starts spreading to the edge locations again."""
        self.deployment = Deployment()
        self.modified = _now()

    def to_json(self) -> dict[str, Any]:
        return {
            "AcceleratorArn": self.arn,
            "Name": self.name,
            "IpAddressType": self.ip_address_type,
            "Enabled": self.enabled,
            "IpSets": [{"IpFamily": "IPv4", "IpAddresses": ["192.0.2.10", "198.51.100.10"],
                        "IpAddressFamily": "IPv4"}],
            "DnsName": self.dns_name,
            "Status": self.deployment.status,
            "CreatedTime": self.created,
            "LastModifiedTime": self.modified,
        }


class Listener:
    def __init__(self, accelerator: Accelerator, port_ranges: list[dict[str, int]], protocol: str, affinity: str):
        self.accelerator = accelerator
        self.arn = f"{accelerator.arn}/listener/{_hex(8)}"
        self.port_ranges = port_ranges
        self.protocol = protocol
        self.client_affinity = affinity
        self.endpoint_groups: dict[str, "EndpointGroup"] = {}

    def to_json(self) -> dict[str, Any]:
        return {"ListenerArn": self.arn, "PortRanges": self.port_ranges, "Protocol": self.protocol,
                "ClientAffinity": self.client_affinity}


class EndpointGroup:
    def __init__(self, listener: Listener, region: str, params: dict[str, Any]):
        self.listener = listener
        self.arn = f"{listener.arn}/endpoint-group/{_hex(12)}"
        self.region = region
        self.endpoints: list[dict[str, Any]] = []
        self.dial = 100.0
        self.health_check_port = 80
        self.health_check_protocol = "TCP"
        self.health_check_path: str | None = None
        self.interval = 30
        self.threshold = 3
        self.update(params)

    def update(self, params: dict[str, Any]) -> None:
        if "EndpointConfigurations" in params:
            self.endpoints = [{"EndpointId": e["EndpointId"], "Weight": e.get("Weight", 128), "HealthState": "HEALTHY",
                               "ClientIPPreservationEnabled": e.get("ClientIPPreservationEnabled", False)}
                              for e in params["EndpointConfigurations"]]
        if "TrafficDialPercentage" in params:
            self.dial = float(params["TrafficDialPercentage"])
        self.health_check_port = params.get("HealthCheckPort", self.health_check_port)
        self.health_check_protocol = params.get("HealthCheckProtocol", self.health_check_protocol)
        self.health_check_path = params.get("HealthCheckPath", self.health_check_path)
        self.interval = params.get("HealthCheckIntervalSeconds", self.interval)
        self.threshold = params.get("ThresholdCount", self.threshold)

    def to_json(self) -> dict[str, Any]:
        group = {
            "EndpointGroupArn": self.arn,
            "EndpointGroupRegion": self.region,
            "EndpointDescriptions": self.endpoints,
            "TrafficDialPercentage": self.dial,
            "HealthCheckPort": self.health_check_port,
            "HealthCheckProtocol": self.health_check_protocol,
            "HealthCheckIntervalSeconds": self.interval,
            "ThresholdCount": self.threshold,
        }
        if self.health_check_path is not None:
            group["HealthCheckPath"] = self.health_check_path
        return group


def _validate_endpoint_group(params: dict[str, Any]) -> None:
    dial = params.get("TrafficDialPercentage")
    if dial is not None and (isinstance(dial, bool) or not isinstance(dial, (int, float)) or not 0 <= dial <= 100):
        raise ValidationException(f"Value '{dial}' at 'trafficDialPercentage' failed to satisfy constraint: "
                                  "Member must have value between 0 and 100")
    port = params.get("HealthCheckPort")
    if port is not None and not (isinstance(port, int) and 1 <= port <= 65535):
        raise ValidationException(f"Value '{port}' at 'healthCheckPort' failed to satisfy constraint: "
                                  "Member must have value between 1 and 65535")
    protocol = params.get("HealthCheckProtocol")
    if protocol is not None and protocol not in ("TCP", "HTTP", "HTTPS"):
        raise ValidationException(f"Value '{protocol}' at 'healthCheckProtocol' failed to satisfy constraint: "
                                  "Member must satisfy enum value set: [TCP, HTTP, HTTPS]")


class GlobalAcceleratorBackend(BaseBackend):
    """Accelerators, listeners and endpoint groups of one account (the API lives in us-west-2 only)."""

    def __init__(self, region_name: str, account_id: str):
        super().__init__(region_name, account_id)
        self.accelerators: dict[str, Accelerator] = {}

    @property
    def _url_module(self) -> Any:
        # moto derives "<module>.urls" from the backend's module; this service is one module
        return types.SimpleNamespace(url_bases=URL_BASES, url_paths={"{0}/$": GlobalAcceleratorResponse.dispatch})

    def create_accelerator(self, name: str, ip_address_type: str, enabled: bool) -> Accelerator:
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", name or ""):
            raise GlobalAcceleratorError("InvalidArgumentException",
                                         "Name must be 1-64 characters of letters, digits, '-' and '_'")
        accelerator = Accelerator(self.account_id, name, ip_address_type, enabled)
        self.accelerators[accelerator.arn] = accelerator
        return accelerator

    def describe_accelerator(self, arn: str) -> Accelerator:
        accelerator = self.accelerators.get(arn or "")
        if accelerator is None:
            raise GlobalAcceleratorError("AcceleratorNotFoundException", f"Accelerator {arn} not found")
        return accelerator

    def create_listener(self, accelerator_arn: str, port_ranges: list[dict[str, int]], protocol: str,
                        affinity: str) -> Listener:
        accelerator = self.describe_accelerator(accelerator_arn)
        if protocol not in ("TCP", "UDP"):
            raise ValidationException(f"Value '{protocol}' at 'protocol' failed to satisfy constraint: "
                                      "Member must satisfy enum value set: [TCP, UDP]")
        if not port_ranges or any(not 1 <= r.get("FromPort", 0) <= r.get("ToPort", 0) <= 65535 for r in port_ranges):
            raise GlobalAcceleratorError("InvalidPortRangeException", f"port ranges {port_ranges} are not valid")
        listener = Listener(accelerator, port_ranges, protocol, affinity)
        accelerator.listeners[listener.arn] = listener
        accelerator.changed()
        return listener

    def _listener(self, arn: str) -> Listener:
        for accelerator in self.accelerators.values():
            if arn in accelerator.listeners:
                return accelerator.listeners[arn]
        raise GlobalAcceleratorError("ListenerNotFoundException", f"Listener {arn} not found")

    def create_endpoint_group(self, listener_arn: str, region: str, params: dict[str, Any]) -> EndpointGroup:
        listener = self._listener(listener_arn)
        _validate_endpoint_group(params)
        if not re.fullmatch(r"[a-z]{2}(-[a-z]+)+-\d", region or ""):
            raise GlobalAcceleratorError("InvalidArgumentException", f"EndpointGroupRegion '{region}' is not a region")
        if any(g.region == region for g in listener.endpoint_groups.values()):
            raise GlobalAcceleratorError("EndpointGroupAlreadyExistsException",
                                         f"Listener {listener_arn} already has an endpoint group in {region}")
        group = EndpointGroup(listener, region, params)
        listener.endpoint_groups[group.arn] = group
        listener.accelerator.changed()
        return group

    def describe_endpoint_group(self, arn: str) -> EndpointGroup:
        for accelerator in self.accelerators.values():
            for listener in accelerator.listeners.values():
                if arn in listener.endpoint_groups:
                    return listener.endpoint_groups[arn]
        raise GlobalAcceleratorError("EndpointGroupNotFoundException", f"Endpoint group {arn} not found")

    def update_endpoint_group(self, arn: str, params: dict[str, Any]) -> EndpointGroup:
        group = self.describe_endpoint_group(arn)
        _validate_endpoint_group(params)
        group.update(params)
        group.listener.accelerator.changed()
        return group

    def list_endpoint_groups(self, listener_arn: str) -> list[EndpointGroup]:
        return list(self._listener(listener_arn).endpoint_groups.values())


class GlobalAcceleratorResponse(BaseResponse):
    """The JSON 1.1 operations; the action comes from the X-Amz-Target header."""

    def __init__(self) -> None:
        super().__init__(service_name=SERVICE)

    @property
    def backend(self) -> GlobalAcceleratorBackend:
        return globalaccelerator_backends[self.current_account]["us-west-2"]

    def _params(self) -> dict[str, Any]:
        return json.loads(self.body) if self.body else {}

    def create_accelerator(self) -> str:
        p = self._params()
        accelerator = self.backend.create_accelerator(p.get("Name"), p.get("IpAddressType", "IPV4"), p.get("Enabled", True))
        return json.dumps({"Accelerator": accelerator.to_json()})

    def describe_accelerator(self) -> str:
        accelerator = self.backend.describe_accelerator(self._params().get("AcceleratorArn"))
        answer = json.dumps({"Accelerator": accelerator.to_json()})
        # one describe is one step of the state manager's "manual" progression: the next one sees the change spread
        accelerator.deployment.advance()
        return answer

    def create_listener(self) -> str:
        p = self._params()
        listener = self.backend.create_listener(p.get("AcceleratorArn"), p.get("PortRanges", []), p.get("Protocol"),
                                                p.get("ClientAffinity", "NONE"))
        return json.dumps({"Listener": listener.to_json()})

    def create_endpoint_group(self) -> str:
        p = self._params()
        group = self.backend.create_endpoint_group(p.get("ListenerArn"), p.get("EndpointGroupRegion"), p)
        return json.dumps({"EndpointGroup": group.to_json()})

    def describe_endpoint_group(self) -> str:
        group = self.backend.describe_endpoint_group(self._params().get("EndpointGroupArn"))
        return json.dumps({"EndpointGroup": group.to_json()})

    def update_endpoint_group(self) -> str:
        p = self._params()
        group = self.backend.update_endpoint_group(p.get("EndpointGroupArn"), p)
        return json.dumps({"EndpointGroup": group.to_json()})

    def list_endpoint_groups(self) -> str:
        groups = self.backend.list_endpoint_groups(self._params().get("ListenerArn"))
        return json.dumps({"EndpointGroups": [g.to_json() for g in groups]})


globalaccelerator_backends = BackendDict(GlobalAcceleratorBackend, SERVICE, additional_regions=["us-west-2"])


def install() -> None:
    """Registers the service with moto as module ``moto.globalaccelerator`` and with the server's host index."""
    from moto import backend_index

    state_manager.register_default_transition(DEPLOYMENT_MODEL, {"progression": "manual", "times": 1})
    sys.modules.setdefault("moto." + SERVICE, sys.modules[__name__])
    if not any(name == SERVICE for name, _ in backend_index.backend_url_patterns):
        backend_index.backend_url_patterns.append((SERVICE, re.compile(URL_BASES[0])))
