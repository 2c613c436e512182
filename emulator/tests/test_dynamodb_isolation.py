"""Concurrent DynamoDB transactions on one key against the extended server: exactly one succeeds, as in DynamoDB.

Without the extension moto lets a cancelled transaction's write survive, or undoes the winner's: its copy-back of
the table races with the other requests. A table of some thousand items makes that copy slow enough for the race
to show in almost every round (checked: without the extension this test fails); each client has its own thread.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from botocore.exceptions import ClientError

from conftest import client

ROUNDS = 2
CLAIMS = 40
FILLER_ITEMS = 2000


def test_of_concurrent_transactions_claiming_one_key_exactly_one_succeeds_and_writes(endpoint):
    dynamodb = client(endpoint, "dynamodb", "us-east-1")
    dynamodb.create_table(TableName="isolation", BillingMode="PAY_PER_REQUEST",
                          AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                          KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
    for start in range(0, FILLER_ITEMS, 25):
        dynamodb.batch_write_item(RequestItems={"isolation": [
            {"PutRequest": {"Item": {"pk": {"S": f"FILLER#{n}"}, "data": {"S": "x" * 100}}}}
            for n in range(start, start + 25)]})
    local = threading.local()

    def claim(key, attempt):
        """A key record and a payment item, both only if absent: the payment ledger's transaction shape."""
        if not hasattr(local, "client"):
            local.client = client(endpoint, "dynamodb", "us-east-1")
        try:
            local.client.transact_write_items(TransactItems=[
                {"Put": {"TableName": "isolation", "Item": {"pk": {"S": f"KEY#{key}"}, "attempt": {"N": str(attempt)}},
                         "ConditionExpression": "attribute_not_exists(pk)"}},
                {"Put": {"TableName": "isolation", "Item": {"pk": {"S": f"PAYMENT#{key}#{attempt}"}},
                         "ConditionExpression": "attribute_not_exists(pk)"}}])
            return True
        except ClientError as error:
            assert error.response["Error"]["Code"] == "TransactionCanceledException"
            return False

    with ThreadPoolExecutor(max_workers=CLAIMS) as pool:
        for round_ in range(ROUNDS):
            key = f"k{round_}"
            results = list(pool.map(lambda attempt: claim(key, attempt), range(CLAIMS)))
            winner = dynamodb.get_item(TableName="isolation", Key={"pk": {"S": f"KEY#{key}"}})["Item"]["attempt"]["N"]
            payments = [i["pk"]["S"] for i in dynamodb.scan(TableName="isolation")["Items"]
                        if i["pk"]["S"].startswith(f"PAYMENT#{key}#")]
            assert results.count(True) == 1, f"round {round_}"
            assert payments == [f"PAYMENT#{key}#{winner}"], f"round {round_}"
