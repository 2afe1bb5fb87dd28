"""Scale: grow the index to about 100,000 chunks and watch ingest rate, latency and memory.

    python bench/scale.py [--work /tmp/assistant-scale] [--copies 14] [--embed local]

The 2,225 BBC articles are ingested again and again under new sources
(copy-1/business/001.txt, …): each copy adds about 7,200 chunks that are
embedded and written for real. After each step the script measures the
step's ingest rate, the time the next query takes to rebuild the in-memory
keyword view (the cold query), warm retrieval p50/p95 over 200 titles, and
the process's peak memory. It writes scale.json and scale.png (ingest time
per step and query latency against corpus size) into docs/ when asked.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


from assistant import Assistant  # noqa: E402
from assistant.embedding.local import LocalEmbedder  # noqa: E402
from bench import bbc  # noqa: E402
from bench.timing import percentiles, time_each  # noqa: E402

STEPS = (1, 2, 4, 8, 14)
QUERIES = 200


def copy_jsonl(articles: list[bbc.BBCArticle], copy: int, folder: Path) -> Path:
    """The bodies under sources of their own for this copy."""
    path = folder / f"copy-{copy}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            record = {"source": f"copy-{copy}/{article.key}", "title": "", "text": article.body}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def measure(bot: Assistant, titles: list[str]) -> dict[str, float]:
    """Cold query (view rebuild) and warm retrieval percentiles, in milliseconds."""
    started = time.perf_counter()
    bot.search(titles[0], 6)
    cold = time.perf_counter() - started
    warm = time_each(lambda title: bot.search(title, 6), titles[1 : QUERIES + 1])
    return {"cold_query_ms": cold * 1000, **percentiles(warm)}


def plot(rows: list[dict[str, Any]], target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    chunks = [r["chunks"] / 1000 for r in rows]
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    left.plot(chunks, [r["step_chunks_per_s"] for r in rows], marker="o")
    left.set_xlabel("index size (thousand chunks)")
    left.set_ylabel("ingest rate of the step (chunks/s)")
    left.set_ylim(bottom=0)
    left.set_title("Ingest rate as the index grows")
    right.plot(chunks, [r["p50_ms"] for r in rows], marker="o", label="retrieval p50")
    right.plot(chunks, [r["p95_ms"] for r in rows], marker="o", label="retrieval p95")
    right.axhline(100, color="grey", linestyle="--", linewidth=1, label="p95 target")
    right.set_xlabel("index size (thousand chunks)")
    right.set_ylabel("milliseconds")
    right.set_ylim(bottom=0)
    right.set_title("Warm retrieval latency")
    right.legend()
    figure.tight_layout()
    figure.savefig(target, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/assistant-scale"))
    parser.add_argument("--copies", type=int, default=STEPS[-1])
    parser.add_argument("--embed", default="local", choices=("local", "local-int8"))
    parser.add_argument("--docs", action="store_true", help="copy the plot and figures to docs/")
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    articles = bbc.load()
    titles = [a.title for a in articles]
    bot = Assistant(index_dir=args.work / "index", llm="extractive", embed=args.embed)
    bot.embedder.embed(["load the model first"])
    if isinstance(bot.embedder, LocalEmbedder):
        bot.embedder.load_bulk_engine()  # so the first step's rate does not include loading it
    rows = []
    done = 0
    for target in [s for s in STEPS if s <= args.copies]:
        started = time.perf_counter()
        embedded = 0
        for copy in range(done + 1, target + 1):
            report = bot.ingest([copy_jsonl(articles, copy, args.work)])
            embedded += report.embedded_chunks
        seconds = time.perf_counter() - started
        done = target
        row = {
            "copies": target,
            "chunks": bot.store.chunk_count(),
            "step_seconds": seconds,
            "step_chunks_per_s": embedded / seconds,
            **measure(bot, titles),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    base = rows[0]["step_chunks_per_s"]
    print(
        "\n| chunks | step ingest (chunks/s) | vs first step | cold query | "
        "retrieval p50 | retrieval p95 | peak memory |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['chunks']:,} | {r['step_chunks_per_s']:.1f} | "
            f"{r['step_chunks_per_s'] / base:.0%} | {r['cold_query_ms'] / 1000:.1f} s | "
            f"{r['p50_ms']:.1f} ms | {r['p95_ms']:.1f} ms | {r['peak_rss_mb']:,.0f} MB |"
        )
    (args.work / "scale.json").write_text(json.dumps(rows, indent=2))
    plot(rows, args.work / "scale.png")
    if args.docs:
        shutil.copy(args.work / "scale.png", REPO / "docs" / "scale.png")
        shutil.copy(args.work / "scale.json", REPO / "docs" / "scale.json")


if __name__ == "__main__":
    main()
