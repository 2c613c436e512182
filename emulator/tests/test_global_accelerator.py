"""The minimal Global Accelerator against the extended server, through boto3's own client."""

import pytest
from botocore.exceptions import ClientError

from conftest import client


@pytest.fixture
def ga(endpoint):
    return client(endpoint, "globalaccelerator", "us-west-2")


@pytest.fixture
def groups(ga):
    """An accelerator with one TCP listener and an endpoint group per region (us-east-2 dialled to 0)."""
    accelerator = ga.create_accelerator(Name="payments-dr-test", IdempotencyToken="t1")["Accelerator"]
    listener = ga.create_listener(AcceleratorArn=accelerator["AcceleratorArn"], Protocol="TCP", IdempotencyToken="t2",
                                  PortRanges=[{"FromPort": 443, "ToPort": 443}])["Listener"]
    primary = ga.create_endpoint_group(ListenerArn=listener["ListenerArn"], EndpointGroupRegion="us-east-1",
                                       IdempotencyToken="t3", HealthCheckPath="/health/ready",
                                       EndpointConfigurations=[{"EndpointId": "arn:aws:elasticloadbalancing:us-east-1:"
                                                                "123456789012:loadbalancer/app/a/1", "Weight": 128}])
    secondary = ga.create_endpoint_group(ListenerArn=listener["ListenerArn"], EndpointGroupRegion="us-east-2",
                                         IdempotencyToken="t4", TrafficDialPercentage=0)
    return (accelerator["AcceleratorArn"], listener["ListenerArn"], primary["EndpointGroup"]["EndpointGroupArn"],
            secondary["EndpointGroup"]["EndpointGroupArn"])


def status(ga, arn):
    return ga.describe_accelerator(AcceleratorArn=arn)["Accelerator"]["Status"]


def test_an_accelerator_is_in_progress_after_a_change_and_then_deployed(ga, groups):
    accelerator, _, primary, _ = groups
    assert [status(ga, accelerator) for _ in range(3)] == ["IN_PROGRESS", "DEPLOYED", "DEPLOYED"]
    ga.update_endpoint_group(EndpointGroupArn=primary, TrafficDialPercentage=50)
    assert [status(ga, accelerator) for _ in range(2)] == ["IN_PROGRESS", "DEPLOYED"]


def test_endpoint_groups_keep_their_dials_and_settings(ga, groups):
    _, listener, primary, secondary = groups
    group = ga.describe_endpoint_group(EndpointGroupArn=primary)["EndpointGroup"]
    assert group["EndpointGroupRegion"] == "us-east-1"
    assert group["TrafficDialPercentage"] == 100.0
    assert group["HealthCheckPath"] == "/health/ready"
    assert group["EndpointDescriptions"][0]["Weight"] == 128
    listed = ga.list_endpoint_groups(ListenerArn=listener)["EndpointGroups"]
    assert {g["EndpointGroupArn"]: g["TrafficDialPercentage"] for g in listed} == {primary: 100.0, secondary: 0.0}


def test_update_endpoint_group_moves_the_dial(ga, groups):
    _, _, primary, secondary = groups
    ga.update_endpoint_group(EndpointGroupArn=secondary, TrafficDialPercentage=100)
    ga.update_endpoint_group(EndpointGroupArn=primary, TrafficDialPercentage=0)
    assert ga.describe_endpoint_group(EndpointGroupArn=secondary)["EndpointGroup"]["TrafficDialPercentage"] == 100.0
    assert ga.describe_endpoint_group(EndpointGroupArn=primary)["EndpointGroup"]["TrafficDialPercentage"] == 0.0


@pytest.mark.parametrize("dial", [-1, 101, 150.5])
def test_a_dial_outside_0_to_100_is_a_validation_error_and_changes_nothing(endpoint, groups, dial):
    # boto3 checks ranges itself; switch that off so the request reaches the server, as a Java client's would
    import boto3
    from botocore.config import Config

    raw = boto3.client("globalaccelerator", region_name="us-west-2", endpoint_url=endpoint,
                       aws_access_key_id="testing", aws_secret_access_key="testing",
                       config=Config(parameter_validation=False))
    _, _, primary, _ = groups
    with pytest.raises(ClientError) as error:
        raw.update_endpoint_group(EndpointGroupArn=primary, TrafficDialPercentage=dial)
    assert error.value.response["Error"]["Code"] == "ValidationException"
    assert "trafficDialPercentage" in error.value.response["Error"]["Message"]
    assert raw.describe_endpoint_group(EndpointGroupArn=primary)["EndpointGroup"]["TrafficDialPercentage"] == 100.0


def test_unknown_resources_are_named_in_not_found_errors(ga, groups):
    accelerator, listener, primary, _ = groups
    with pytest.raises(ClientError) as error:
        ga.describe_accelerator(AcceleratorArn=accelerator + "x")
    assert error.value.response["Error"]["Code"] == "AcceleratorNotFoundException"
    with pytest.raises(ClientError) as error:
        ga.describe_endpoint_group(EndpointGroupArn=primary + "x")
    assert error.value.response["Error"]["Code"] == "EndpointGroupNotFoundException"
    with pytest.raises(ClientError) as error:
        ga.list_endpoint_groups(ListenerArn=listener + "x")
    assert error.value.response["Error"]["Code"] == "ListenerNotFoundException"


def test_a_listener_has_one_endpoint_group_per_region(ga, groups):
    _, listener, _, _ = groups
    with pytest.raises(ClientError) as error:
        ga.create_endpoint_group(ListenerArn=listener, EndpointGroupRegion="us-east-1", IdempotencyToken="t5")
    assert error.value.response["Error"]["Code"] == "EndpointGroupAlreadyExistsException"
