"""Shared fixtures: one real Kafka broker (tansu, memory storage) for the whole test session.

Tests isolate themselves with fresh topic and group names (:func:`unique`) instead of fresh brokers:
starting tansu is fast, but a shared broker also proves the connectors cope with other traffic.
"""
from __future__ import annotations

import contextlib
import os
import sys
import uuid

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from connectors.broker import BrokerError, EmbeddedBroker, tansu_binary  # noqa: E402
from connectors.kafka_config import KafkaConfig  # noqa: E402


def unique(prefix: str) -> str:
    """A topic or group name no other test uses."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def kafka_config(broker: EmbeddedBroker) -> KafkaConfig:
    return KafkaConfig(bootstrap_servers=broker.bootstrap_servers)


@contextlib.contextmanager
def embedded_broker():
    """A running tansu broker; skips (not fails) only when no tansu binary exists on this platform."""
    try:
        tansu_binary()
    except BrokerError as exc:
        pytest.skip(f"no tansu binary: {exc}")
    with EmbeddedBroker() as running:
        yield running


@pytest.fixture(scope="session")
def broker():
    with embedded_broker() as running:
        yield running


def pytest_addoption(parser):
    parser.addoption(
        "--heldout", choices=("sample", "all"), default="sample",
        help="score the held-out floor on a fixed two-in-five sample of every batch (the default, as CI does) "
             "or on the whole held-out set (`make heldout`)")
