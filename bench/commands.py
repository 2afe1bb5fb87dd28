"""How long the command line takes to start: `assistant --help` and `assistant list`.

    python bench/commands.py --index /tmp/bbc-index [--before REF] [--runs 7]

Each command runs as a fresh process (what a person at a shell waits for),
several times after one warm-up run, and the median wall time is printed.
`--before REF` runs the same commands from an earlier commit of this
repository (checked out into a temporary git worktree) in the same run, so
the two are compared on one machine at one moment. `--index` names an index
to list (build one with `assistant ingest ../shared/data/bbc --index-dir
/tmp/bbc-index`).

Targets (issue 11): `--help` ≤ 0.5 s, `list` on the 2,225-article index ≤ 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUNNER = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); from assistant.cli import main; "
    "sys.exit(main())"
)


def wall_times(source: Path, argv: list[str], runs: int, env: dict[str, str]) -> list[float]:
    """Seconds for `assistant ARGV` with the package from `source`, one process per run."""
    command = [sys.executable, "-c", RUNNER, str(source), *argv]
    times = []
    for _ in range(runs + 1):  # the first run warms the file cache and is not counted
        started = time.perf_counter()
        result = subprocess.run(
            command, env=env, cwd=tempfile.gettempdir(), capture_output=True, check=False
        )
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} failed: {result.stderr.decode()[-300:]}")
    return times[1:]


def worktree(ref: str) -> Path:
    """A checkout of `ref` in a temporary folder (kept for reuse between runs)."""
    folder = Path(tempfile.gettempdir()) / f"assistant-{ref}"
    if not folder.exists():
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "--detach", str(folder), ref],
            check=True,
            capture_output=True,
        )
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="an index folder to list")
    parser.add_argument("--before", help="an earlier commit to compare with")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env["ASSISTANT_CACHE_DIR"] = str(Path(tempfile.gettempdir()) / "assistant-commands-cache")
    env["HF_HUB_OFFLINE"] = "1"
    versions = {"now": REPO}
    if args.before:
        versions[f"at {args.before}"] = worktree(args.before)
    commands = {"--help": ["--help"], "list": ["list", "--index-dir", str(args.index.resolve())]}
    print(f"median of {args.runs} runs, seconds (index: {args.index})\n")
    print(f"| command | {' | '.join(versions)} | target |")
    print(f"|---|{'---|' * len(versions)}---|")
    targets = {"--help": "≤ 0.5", "list": "≤ 1.5"}
    for name, argv in commands.items():
        medians = [
            statistics.median(wall_times(source, argv, args.runs, env))
            for source in versions.values()
        ]
        cells = " | ".join(f"{m:.2f}" for m in medians)
        print(f"| `assistant {name}` | {cells} | {targets[name]} |")


if __name__ == "__main__":
    main()
