"""payments-dr's extension of moto: the AWS operations our failover needs that moto lacks.

``install()`` patches moto's classes in this process; ``python -m payments_dr_moto`` runs moto's server
with the extension installed (same arguments as ``moto_server``).
"""

from payments_dr_moto import rds_global_failover


def install() -> None:
    """Adds every extension to moto (idempotent)."""
    rds_global_failover.install()
