"""CloudWatch over Smithy RPC v2 CBOR (the AWS SDK for Java's protocol) against the extended server."""

import datetime
import urllib.error
import urllib.request

import botocore.session
from botocore.parsers import RpcV2CBORParser
from botocore.serialize import RpcV2CBORSerializer

from conftest import client

MODEL = botocore.session.get_session().get_service_model("cloudwatch")
AUTH = ("AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-2/monitoring/aws4_request, "
        "SignedHeaders=host, Signature=0")


def call(endpoint, operation, params):
    operation_model = MODEL.operation_model(operation)
    serialized = RpcV2CBORSerializer().serialize_to_request(params, operation_model)
    request = urllib.request.Request(endpoint + serialized["url_path"], data=serialized["body"], method="POST",
                                     headers={**serialized["headers"], "Authorization": AUTH})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            status, headers, body = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, dict(error.headers), error.read()
    parsed = RpcV2CBORParser().parse({"status_code": status, "headers": headers, "body": body},
                                     operation_model.output_shape)
    return status, headers, parsed


def test_metrics_put_over_cbor_are_read_back_over_cbor_and_json(endpoint):
    now = datetime.datetime.now(datetime.timezone.utc)
    status, headers, _ = call(endpoint, "PutMetricData", {"Namespace": "AWS/RDS", "MetricData": [{
        "MetricName": "AuroraGlobalDBReplicationLag", "Dimensions": [{"Name": "DBClusterIdentifier", "Value": "db-2"}],
        "Timestamp": now, "Value": 250.0, "Unit": "Milliseconds"}]})
    assert status == 200
    assert headers.get("smithy-protocol") == "rpc-v2-cbor"

    status, _, answer = call(endpoint, "GetMetricStatistics", {
        "Namespace": "AWS/RDS", "MetricName": "AuroraGlobalDBReplicationLag",
        "Dimensions": [{"Name": "DBClusterIdentifier", "Value": "db-2"}],
        "StartTime": now - datetime.timedelta(minutes=5), "EndTime": now + datetime.timedelta(minutes=1),
        "Period": 60, "Statistics": ["Maximum"]})
    assert status == 200
    assert [p["Maximum"] for p in answer["Datapoints"]] == [250.0]
    assert isinstance(answer["Datapoints"][0]["Timestamp"], datetime.datetime)

    over_json = client(endpoint, "cloudwatch", "us-east-2").get_metric_statistics(
        Namespace="AWS/RDS", MetricName="AuroraGlobalDBReplicationLag",
        Dimensions=[{"Name": "DBClusterIdentifier", "Value": "db-2"}],
        StartTime=now - datetime.timedelta(minutes=5), EndTime=now + datetime.timedelta(minutes=1),
        Period=60, Statistics=["Maximum"])
    assert [p["Maximum"] for p in over_json["Datapoints"]] == [250.0]


def test_a_refused_request_comes_back_as_a_cbor_error(endpoint):
    status, _, answer = call(endpoint, "GetMetricStatistics", {
        "Namespace": "AWS/RDS", "MetricName": "AuroraGlobalDBReplicationLag",
        "StartTime": datetime.datetime(2026, 1, 2, tzinfo=datetime.timezone.utc),
        "EndTime": datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc), "Period": 60,
        "Statistics": ["Maximum"]})

    assert status == 400
    assert answer["Error"]["Code"]
