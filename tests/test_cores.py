"""Sizing the pools: cores this process may use."""

from __future__ import annotations

import os

from indexer.cores import usable_cores


def test_usable_cores_follow_the_affinity() -> None:
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert usable_cores() == max(1, expected or 1)
