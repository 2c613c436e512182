"""payments-dr's extension of moto: the AWS operations our failover needs that moto lacks
(Aurora global switchover and failover; CloudWatch over the protocol the Java SDK speaks;
DynamoDB transactions isolated from each other as in DynamoDB; a minimal Global Accelerator).

``install()`` patches moto's classes in this process; ``python -m payments_dr_moto`` runs moto's server
with the extension installed (same arguments as ``moto_server``).
"""

from payments_dr_moto import cloudwatch_cbor, dynamodb_isolation, global_accelerator, rds_global_failover


def install() -> None:
    """Adds every extension to moto (idempotent)."""
    rds_global_failover.install()
    cloudwatch_cbor.install()
    dynamodb_isolation.install()
    global_accelerator.install()
