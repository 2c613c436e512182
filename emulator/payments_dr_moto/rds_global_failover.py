"""Aurora global database switchover and failover for moto's RDS backend.

moto 5.2.5 implements CreateGlobalCluster, DescribeGlobalClusters and RemoveFromGlobalCluster but not
SwitchoverGlobalCluster or FailoverGlobalCluster. This module adds both to moto's RDSBackend and
RDSResponse, following the RDS API reference:

* SwitchoverGlobalCluster (RPO 0) and FailoverGlobalCluster (Switchover=true, or AllowDataLoss left out)
  move the writer to the target secondary; the old primary becomes a secondary.
* FailoverGlobalCluster with AllowDataLoss=true is a managed failover: the writer moves without waiting
  for the old primary; the old primary is demoted and shows SynchronizationStatus "pending-resync" until
  it has rejoined as a secondary ("connected").
* While the operation runs, the global cluster's Status is "switching-over" or "failing-over" and its
  FailoverState passes through "pending" and then "switching-over" / "failing-over"; afterwards Status is
  "available" and FailoverState is gone. Progress is moto's state manager model
  "rds::global-cluster-failover" (by default one DescribeGlobalClusters call per stage; tests can make it
  immediate or time based through /moto-api/state-manager/set-transition).
* Errors: GlobalClusterNotFoundFault, DBClusterNotFoundFault (target is not a member),
  InvalidDBClusterStateFault (target is already the writer), InvalidGlobalClusterStateFault (another
  switchover or failover is running, or a switchover without a writer), InvalidParameterCombination
  (AllowDataLoss together with Switchover).

It also corrects RemoveFromGlobalCluster, which moto looks up in the caller's region although it keeps
global clusters in us-east-1: the detached cluster becomes a standalone, writable cluster (the manual
recovery path when a managed failover is refused). Detaching a cluster that a running operation moves ends
that operation.
"""

from typing import Any

from moto.moto_api import state_manager
from moto.moto_api._internal.managed_state_model import ManagedState
from moto.rds.exceptions import (
    DBClusterNotFoundError,
    InvalidDBClusterStateFault,
    InvalidParameterCombination,
    RDSClientError,
)
from moto.rds.models import DBCluster, GlobalCluster, RDSBackend
from moto.core.responses import ActionResult

OPERATION_MODEL = "rds::global-cluster-failover"
RESYNC_MODEL = "rds::global-cluster-member-resync"


class GlobalClusterNotFoundFault(RDSClientError):
    def __init__(self, identifier: str):
        super().__init__("GlobalClusterNotFoundFault", f"Global cluster {identifier} not found.")


class InvalidGlobalClusterStateFault(RDSClientError):
    def __init__(self, message: str):
        super().__init__("InvalidGlobalClusterStateFault", message)


class GlobalClusterOperation(ManagedState):
    """One switchover or failover of a global cluster, moving through its documented states."""

    def __init__(self, source: DBCluster | None, target: DBCluster, data_loss_allowed: bool):
        running = "failing-over" if data_loss_allowed else "switching-over"
        super().__init__(OPERATION_MODEL, [("pending", running), (running, "available")])
        self.source = source
        self.target = target
        self.data_loss_allowed = data_loss_allowed
        self.running_status = running

    def failover_state(self, status: str) -> dict[str, Any]:
        state: dict[str, Any] = {
            "Status": status,
            "ToDbClusterArn": self.target.db_cluster_arn,
            "IsDataLossAllowed": self.data_loss_allowed,
        }
        if self.source is not None:
            state["FromDbClusterArn"] = self.source.db_cluster_arn
        return state


class MemberResync(ManagedState):
    """An old primary demoted by a managed failover, on its way back to a connected secondary."""

    def __init__(self) -> None:
        super().__init__(RESYNC_MODEL, [("pending-resync", "connected")])


def _global_clusters(backend: RDSBackend) -> Any:
    return backend.global_clusters


def _find_global_cluster(backend: RDSBackend, identifier: str) -> GlobalCluster:
    clusters = _global_clusters(backend)
    key = identifier.split(":global-cluster:")[-1]
    if key not in clusters:
        raise GlobalClusterNotFoundFault(identifier)
    return clusters[key]


def _find_member(global_cluster: GlobalCluster, identifier: str) -> DBCluster:
    for member in global_cluster.members:
        if identifier in (member.db_cluster_arn, member.db_cluster_identifier):
            return member
    raise DBClusterNotFoundError(
        identifier,
        f"DBCluster {identifier} is not a member of global cluster {global_cluster.global_cluster_identifier}.",
    )


def _writer(global_cluster: GlobalCluster) -> DBCluster | None:
    return next((m for m in global_cluster.members if m.is_writer), None)


def refresh(global_cluster: GlobalCluster, advance: bool) -> None:
    """Moves a running operation (and member resyncs) on by one stage; applies the result when done."""
    for member in global_cluster.members:
        resync = getattr(member, "_pdr_resync", None)
        if resync is not None:
            if advance:
                resync.advance()
            if resync.status == "connected":
                member._pdr_resync = None
    operation = getattr(global_cluster, "_pdr_operation", None)
    if operation is None:
        return
    if advance:
        operation.advance()
    status = operation.status
    if status == "available":
        for member in global_cluster.members:
            member.is_writer = member is operation.target
        if operation.data_loss_allowed and operation.source is not None:
            operation.source._pdr_resync = MemberResync()
        global_cluster._pdr_operation = None
        global_cluster.failover_state = None
        global_cluster.status = "available"
    else:
        global_cluster.failover_state = operation.failover_state(status)
        global_cluster.status = operation.running_status


def _start(global_cluster: GlobalCluster, target_identifier: str, data_loss_allowed: bool) -> GlobalCluster:
    refresh(global_cluster, advance=False)
    if getattr(global_cluster, "_pdr_operation", None) is not None:
        raise InvalidGlobalClusterStateFault(
            f"Global cluster {global_cluster.global_cluster_identifier} is {global_cluster.status}; "
            "wait until its status is available."
        )
    target = _find_member(global_cluster, target_identifier)
    if target.is_writer:
        raise InvalidDBClusterStateFault(
            f"DBCluster {target.db_cluster_arn} is already the primary cluster of global cluster "
            f"{global_cluster.global_cluster_identifier}."
        )
    source = _writer(global_cluster)
    if source is None and not data_loss_allowed:
        raise InvalidGlobalClusterStateFault(
            f"Global cluster {global_cluster.global_cluster_identifier} has no primary cluster to switch over from; "
            "use FailoverGlobalCluster with AllowDataLoss."
        )
    operation = GlobalClusterOperation(source, target, data_loss_allowed)
    global_cluster._pdr_operation = operation
    global_cluster.failover_state = operation.failover_state("pending")
    global_cluster.status = operation.running_status
    return global_cluster


def switchover_global_cluster(self: RDSBackend, global_cluster_identifier: str,
                              target_db_cluster_identifier: str) -> GlobalCluster:
    global_cluster = _find_global_cluster(self, global_cluster_identifier)
    return _start(global_cluster, target_db_cluster_identifier, data_loss_allowed=False)


def failover_global_cluster(self: RDSBackend, global_cluster_identifier: str, target_db_cluster_identifier: str,
                            allow_data_loss: bool | None, switchover: bool | None) -> GlobalCluster:
    if allow_data_loss is not None and switchover is not None:
        raise InvalidParameterCombination("AllowDataLoss can't be specified together with Switchover.")
    global_cluster = _find_global_cluster(self, global_cluster_identifier)
    return _start(global_cluster, target_db_cluster_identifier, data_loss_allowed=bool(allow_data_loss))


def remove_from_global_cluster(self: RDSBackend, global_cluster_identifier: str,
                               db_cluster_identifier: str) -> GlobalCluster:
    global_cluster = _find_global_cluster(self, global_cluster_identifier)
    refresh(global_cluster, advance=False)
    member = _find_member(global_cluster, db_cluster_identifier)
    operation = getattr(global_cluster, "_pdr_operation", None)
    if operation is not None and member in (operation.source, operation.target):
        # detaching a cluster that a switchover or failover moves ends that operation where it stands
        global_cluster._pdr_operation = None
        global_cluster.failover_state = None
        global_cluster.status = "available"
    global_cluster.members.remove(member)
    member.global_cluster_identifier = None
    member.is_writer = True
    member._pdr_resync = None
    return global_cluster


def describe_global_clusters(self: RDSBackend, global_cluster_identifier: str | None = None) -> list[GlobalCluster]:
    if global_cluster_identifier:
        clusters = [_find_global_cluster(self, global_cluster_identifier)]
    else:
        clusters = list(_global_clusters(self).values())
    for global_cluster in clusters:
        refresh(global_cluster, advance=True)
    return clusters


def _members_with_synchronization(self: GlobalCluster) -> list[dict[str, Any]]:
    members = _ORIGINAL_MEMBERS.fget(self)  # type: ignore[union-attr]
    by_arn = {m.db_cluster_arn: m for m in self.members}
    for member in members:
        cluster = by_arn.get(member["DBClusterArn"])
        if not member["IsWriter"]:
            resync = getattr(cluster, "_pdr_resync", None)
            member["SynchronizationStatus"] = "pending-resync" if resync is not None else "connected"
    return members


_ORIGINAL_MEMBERS = GlobalCluster.global_cluster_members


def _flag(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    return str(value).lower() == "true"


# RDSResponse actions; moto dispatches an action to the method named after it in snake case.

def response_switchover_global_cluster(self: Any) -> ActionResult:
    cluster = self.global_backend.switchover_global_cluster(
        global_cluster_identifier=self.params["GlobalClusterIdentifier"],
        target_db_cluster_identifier=self.params["TargetDbClusterIdentifier"],
    )
    return ActionResult({"GlobalCluster": cluster})


def response_failover_global_cluster(self: Any) -> ActionResult:
    cluster = self.global_backend.failover_global_cluster(
        global_cluster_identifier=self.params["GlobalClusterIdentifier"],
        target_db_cluster_identifier=self.params["TargetDbClusterIdentifier"],
        allow_data_loss=_flag(self.params.get("AllowDataLoss")),
        switchover=_flag(self.params.get("Switchover")),
    )
    return ActionResult({"GlobalCluster": cluster})


def response_remove_from_global_cluster(self: Any) -> ActionResult:
    cluster = self.global_backend.remove_from_global_cluster(
        global_cluster_identifier=self.params["GlobalClusterIdentifier"],
        db_cluster_identifier=self.params["DbClusterIdentifier"],
    )
    return ActionResult({"GlobalCluster": cluster})


def response_describe_global_clusters(self: Any) -> ActionResult:
    clusters = self.global_backend.describe_global_clusters(self.params.get("GlobalClusterIdentifier"))
    return ActionResult({"GlobalClusters": clusters})


def install() -> None:
    """Adds the operations to moto's RDS backend and response classes (idempotent)."""
    from moto.rds.responses import RDSResponse

    state_manager.register_default_transition(OPERATION_MODEL, {"progression": "manual", "times": 1})
    state_manager.register_default_transition(RESYNC_MODEL, {"progression": "manual", "times": 1})
    RDSBackend.switchover_global_cluster = switchover_global_cluster
    RDSBackend.failover_global_cluster = failover_global_cluster
    RDSBackend.remove_from_global_cluster = remove_from_global_cluster
    RDSBackend.describe_global_clusters = describe_global_clusters
    GlobalCluster.global_cluster_members = property(_members_with_synchronization)
    GlobalCluster.failover_state = None
    RDSResponse.switchover_global_cluster = response_switchover_global_cluster
    RDSResponse.failover_global_cluster = response_failover_global_cluster
    RDSResponse.remove_from_global_cluster = response_remove_from_global_cluster
    RDSResponse.describe_global_clusters = response_describe_global_clusters
