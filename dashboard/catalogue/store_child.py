"""A store written by a child process: the import's heap (Arrow blocks, parsed CSV, fragments the allocator keeps)
goes away with the child instead of staying in the server that then reads the store."""
from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

from dashboard.catalogue.store_job import StoreJob


def write_apart(job: StoreJob, partial: Path) -> bool:
    """`job` written into the empty folder `partial` by `python -m dashboard.catalogue.store_child`; True if it
    was. False (and `partial` empty again) if the child failed: the caller then runs the job itself."""
    order = json.dumps(dataclasses.asdict(job))
    try:
        done = subprocess.run([sys.executable, "-m", __name__, order, str(partial)], capture_output=True, timeout=None)
        if done.returncode == 0:
            return True
    except OSError:  # no interpreter to start (a frozen or sandboxed server): the job runs in the server
        pass
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    return False


def main(argv: list[str]) -> int:
    fields = json.loads(argv[0])
    StoreJob(**{**fields, "datasets": tuple(fields["datasets"])}).write(Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
