"""SwitchoverGlobalCluster, FailoverGlobalCluster and RemoveFromGlobalCluster against the extended server."""

import json
import urllib.request

import pytest
from botocore.exceptions import ClientError

from conftest import client

GLOBAL_ID = "payments-dr-global-test"


@pytest.fixture
def rds(endpoint):
    return {region: client(endpoint, "rds", region) for region in ("us-east-1", "us-east-2")}


@pytest.fixture
def members(rds):
    """A global cluster with a writer in us-east-1 and a secondary in us-east-2; returns their ARNs."""
    rds["us-east-1"].create_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, Engine="aurora-postgresql",
                                           EngineVersion="16.4")
    primary = rds["us-east-1"].create_db_cluster(
        DBClusterIdentifier="db-primary", Engine="aurora-postgresql", EngineVersion="16.4",
        MasterUsername="app", MasterUserPassword="not-a-secret-1", GlobalClusterIdentifier=GLOBAL_ID)
    secondary = rds["us-east-2"].create_db_cluster(
        DBClusterIdentifier="db-secondary", Engine="aurora-postgresql", EngineVersion="16.4",
        GlobalClusterIdentifier=GLOBAL_ID)
    return primary["DBCluster"]["DBClusterArn"], secondary["DBCluster"]["DBClusterArn"]


def describe(rds, region="us-east-2"):
    return rds[region].describe_global_clusters(GlobalClusterIdentifier=GLOBAL_ID)["GlobalClusters"][0]


def writer(cluster):
    return [m["DBClusterArn"] for m in cluster["GlobalClusterMembers"] if m["IsWriter"]]


def set_transition(endpoint, model, transition):
    body = json.dumps({"model_name": model, "transition": transition}).encode()
    request = urllib.request.Request(endpoint + "/moto-api/state-manager/set-transition", data=body, method="POST")
    urllib.request.urlopen(request, timeout=5)


def test_switchover_moves_the_writer_through_the_documented_states(rds, members):
    primary, secondary = members

    started = rds["us-east-2"].switchover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID,
                                                         TargetDbClusterIdentifier=secondary)["GlobalCluster"]
    assert started["Status"] == "switching-over"
    assert started["FailoverState"] == {"Status": "pending", "FromDbClusterArn": primary,
                                        "ToDbClusterArn": secondary, "IsDataLossAllowed": False}
    assert writer(started) == [primary]

    running = describe(rds)
    assert running["Status"] == "switching-over"
    assert running["FailoverState"]["Status"] == "switching-over"
    assert writer(running) == [primary]

    done = describe(rds)
    assert done["Status"] == "available"
    assert "FailoverState" not in done
    assert writer(done) == [secondary]
    old = next(m for m in done["GlobalClusterMembers"] if m["DBClusterArn"] == primary)
    assert old["SynchronizationStatus"] == "connected"
    assert next(m for m in done["GlobalClusterMembers"] if m["IsWriter"])["Readers"] == [primary]


def test_a_switchover_back_restores_the_original_writer(rds, members, endpoint):
    primary, secondary = members
    set_transition(endpoint, "rds::global-cluster-failover", {"progression": "immediate"})

    rds["us-east-2"].switchover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, TargetDbClusterIdentifier=secondary)
    assert writer(describe(rds)) == [secondary]
    rds["us-east-1"].switchover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, TargetDbClusterIdentifier=primary)
    assert writer(describe(rds)) == [primary]


def test_failover_with_allow_data_loss_fails_over_and_the_old_primary_resyncs(rds, members):
    primary, secondary = members

    started = rds["us-east-2"].failover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID,
                                                       TargetDbClusterIdentifier=secondary,
                                                       AllowDataLoss=True)["GlobalCluster"]
    assert started["Status"] == "failing-over"
    assert started["FailoverState"]["IsDataLossAllowed"] is True

    assert describe(rds)["FailoverState"]["Status"] == "failing-over"
    done = describe(rds)
    assert writer(done) == [secondary]
    old = next(m for m in done["GlobalClusterMembers"] if m["DBClusterArn"] == primary)
    assert old["IsWriter"] is False
    assert old["SynchronizationStatus"] == "pending-resync"

    rejoined = describe(rds)
    old = next(m for m in rejoined["GlobalClusterMembers"] if m["DBClusterArn"] == primary)
    assert old["SynchronizationStatus"] == "connected"


def test_failover_without_allow_data_loss_is_a_switchover(rds, members):
    _, secondary = members

    started = rds["us-east-2"].failover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID,
                                                       TargetDbClusterIdentifier=secondary,
                                                       Switchover=True)["GlobalCluster"]

    assert started["Status"] == "switching-over"
    assert started["FailoverState"]["IsDataLossAllowed"] is False


def test_allow_data_loss_and_switchover_together_are_refused(rds, members):
    _, secondary = members

    with pytest.raises(ClientError) as error:
        rds["us-east-2"].failover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, TargetDbClusterIdentifier=secondary,
                                                 AllowDataLoss=True, Switchover=True)

    assert error.value.response["Error"]["Code"] == "InvalidParameterCombination"
    assert writer(describe(rds)) != [secondary]


def test_a_second_operation_while_one_runs_is_refused(rds, members):
    primary, secondary = members
    rds["us-east-2"].switchover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, TargetDbClusterIdentifier=secondary)

    with pytest.raises(ClientError) as error:
        rds["us-east-2"].failover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, TargetDbClusterIdentifier=secondary,
                                                 AllowDataLoss=True)

    assert error.value.response["Error"]["Code"] == "InvalidGlobalClusterStateFault"
    assert "switching-over" in error.value.response["Error"]["Message"]


def test_switching_over_to_the_writer_is_refused(rds, members):
    primary, _ = members

    with pytest.raises(ClientError) as error:
        rds["us-east-1"].switchover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, TargetDbClusterIdentifier=primary)

    assert error.value.response["Error"]["Code"] == "InvalidDBClusterStateFault"
    assert describe(rds)["Status"] == "available"


def test_unknown_global_cluster_and_non_member_target_are_not_found(rds, members):
    _, secondary = members

    with pytest.raises(ClientError) as missing_global:
        rds["us-east-2"].switchover_global_cluster(GlobalClusterIdentifier="absent", TargetDbClusterIdentifier=secondary)
    with pytest.raises(ClientError) as missing_member:
        rds["us-east-2"].switchover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID,
                                                   TargetDbClusterIdentifier="arn:aws:rds:us-west-2:123456789012:cluster:x")

    assert missing_global.value.response["Error"]["Code"] == "GlobalClusterNotFoundFault"
    assert missing_member.value.response["Error"]["Code"] == "DBClusterNotFoundFault"


def test_remove_from_global_cluster_detaches_a_secondary_from_its_own_region(rds, members):
    primary, secondary = members

    rds["us-east-2"].remove_from_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, DbClusterIdentifier=secondary)

    cluster = describe(rds)
    assert [m["DBClusterArn"] for m in cluster["GlobalClusterMembers"]] == [primary]
    detached = rds["us-east-2"].describe_db_clusters(DBClusterIdentifier="db-secondary")["DBClusters"][0]
    assert not detached.get("GlobalClusterIdentifier")


def test_a_switchover_without_a_writer_is_refused_but_a_failover_proceeds(rds, members, endpoint):
    primary, secondary = members
    rds["us-east-1"].remove_from_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, DbClusterIdentifier=primary)

    with pytest.raises(ClientError) as error:
        rds["us-east-2"].switchover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, TargetDbClusterIdentifier=secondary)
    assert error.value.response["Error"]["Code"] == "InvalidGlobalClusterStateFault"

    set_transition(endpoint, "rds::global-cluster-failover", {"progression": "immediate"})
    rds["us-east-2"].failover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, TargetDbClusterIdentifier=secondary,
                                             AllowDataLoss=True)
    assert writer(describe(rds)) == [secondary]


def test_detaching_the_target_of_a_running_switchover_ends_it_and_leaves_a_standalone_writer(rds, members):
    primary, secondary = members
    rds["us-east-2"].switchover_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, TargetDbClusterIdentifier=secondary)

    rds["us-east-2"].remove_from_global_cluster(GlobalClusterIdentifier=GLOBAL_ID, DbClusterIdentifier=secondary)

    cluster = describe(rds)
    assert cluster["Status"] == "available"
    assert "FailoverState" not in cluster
    assert writer(cluster) == [primary]
