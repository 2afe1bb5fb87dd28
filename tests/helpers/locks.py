"""Another process holding an index folder's write lock, as a command-line ingest would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
HOLD_LOCK = """
import sys, time
from pathlib import Path
from assistant.store.lock import write_lock
with write_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_write_lock(index: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the index's write lock for `seconds`, once it says so."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(index), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder
