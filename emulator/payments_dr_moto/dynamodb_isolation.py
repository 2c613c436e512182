"""One DynamoDB request at a time in moto's server, so transactions are isolated as in DynamoDB.

moto 5.2.5 serves each request on a thread of its own, and its TransactWriteItems copies every table it
touches and puts the copy back when a condition fails. Two concurrent transactions on one key can then both
succeed, or one's rollback can undo the other's commit. DynamoDB runs transactions serializably: of two
conflicting ones, one is cancelled (ConditionalCheckFailed or TransactionConflict). The payment ledger's
"exactly one payment per idempotency key" rests on that, so this extension serializes moto's DynamoDB
requests (every operation of the service, not only transactions, since the copy-back races with any write).
"""

import functools
import threading

from moto.dynamodb.responses import DynamoHandler

_LOCK = threading.RLock()


def install() -> None:
    """Serializes DynamoDB request handling in this process (idempotent)."""
    if getattr(DynamoHandler, "_payments_dr_serialized", False):
        return
    original = DynamoHandler.call_action

    @functools.wraps(original)
    def call_action(self):  # type: ignore[no-untyped-def]
        with _LOCK:
            return original(self)

    DynamoHandler.call_action = call_action  # type: ignore[method-assign]
    DynamoHandler._payments_dr_serialized = True  # type: ignore[attr-defined]
