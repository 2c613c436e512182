"""Runs moto's server with payments-dr's extension: ``python -m payments_dr_moto -H 127.0.0.1 -p PORT``."""

import sys

from moto.server import main

import payments_dr_moto

if __name__ == "__main__":
    payments_dr_moto.install()
    sys.exit(main(sys.argv[1:]))
