"""How many cores this process may use: the writer's processes, the
sidecar's and the web server's workers are sized by it."""

from __future__ import annotations

import os

__all__ = ["usable_cores"]


def usable_cores() -> int:
    """Cores in this process's CPU affinity (a container or ``taskset`` may
    allow fewer than the machine has), at least one."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
