"""Starts the extended moto server (python -m payments_dr_moto) on a free loopback port, once per session."""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import boto3
import pytest

EMULATOR_DIR = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def endpoint():
    port = _free_port()
    log = tempfile.NamedTemporaryFile(prefix="moto-ext-", suffix=".log", delete=False)
    env = dict(os.environ, PYTHONPATH=str(EMULATOR_DIR))
    process = subprocess.Popen([sys.executable, "-m", "payments_dr_moto", "-H", "127.0.0.1", "-p", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the extended moto server exited: {Path(log.name).read_text()}")
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1)
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"the extended moto server did not answer within 60 s; log: {log.name}")
            time.sleep(0.1)
    yield url
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(autouse=True)
def reset(endpoint):
    """Every test starts from an empty emulator with the default stage-per-describe progression."""
    urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/reset", method="POST"), timeout=5)
    for model in ("rds::global-cluster-failover", "rds::global-cluster-member-resync"):
        body = json.dumps({"model_name": model}).encode()
        urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/state-manager/unset-transition",
                                                      data=body, method="POST"), timeout=5)
    yield


def client(endpoint, service, region):
    return boto3.client(service, region_name=region, endpoint_url=endpoint,
                        aws_access_key_id="testing", aws_secret_access_key="testing")
