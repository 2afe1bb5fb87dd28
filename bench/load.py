"""Load: many chat clients at once against the app, with ingestion going on.

    python bench/load.py [--clients 30] [--questions 5] [--articles 300]

The app runs in its own process (`python app.py`) over an index of the seed
article and some BBC articles, answering with a scripted OpenAI-compatible
server that streams its replies piece by piece. Each client is a
`gradio_client.Client` asking through the `/ask` endpoint and reading the
stream to the end; meanwhile another client uploads more BBC articles through
`/ingest`. Reported: errors, incomplete answers, latency p50/p95 (first piece
and whole answer), and the app's memory before and after.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from bench import bbc  # noqa: E402

REPLY = (
    "The Kremlin confirmed that the call between the two leaders lasted nearly 90 minutes [1]. "
    "Both leaders adopted a conciliatory tone during the conversation [1]."
)
QUESTIONS = [
    "How long did the call between Trump and Putin last?",
    "What did the US Defence Secretary say about Ukraine's borders?",
    "How much are Ukraine's rare earth minerals worth?",
    "Who did Trump call after speaking with Putin?",
    "What did Zelensky say about Putin's intentions?",
]


@dataclass
class LoadResult:
    """What the clients saw."""

    answers: int = 0
    errors: list[str] = field(default_factory=list)
    incomplete: int = 0
    first_piece_s: list[float] = field(default_factory=list)
    total_s: list[float] = field(default_factory=list)
    ingests: int = 0
    ingest_errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def summary(self) -> dict[str, Any]:
        """Counts and percentiles, in a JSON-friendly dict."""

        def pct(values: list[float], q: float) -> float:
            return float(np.percentile(values, q)) if values else 0.0

        return {
            "answers": self.answers,
            "errors": len(self.errors),
            "incomplete": self.incomplete,
            "first_piece_p50_s": pct(self.first_piece_s, 50),
            "first_piece_p95_s": pct(self.first_piece_s, 95),
            "answer_p50_s": pct(self.total_s, 50),
            "answer_p95_s": pct(self.total_s, 95),
            "ingests": self.ingests,
            "ingest_errors": len(self.ingest_errors),
        }


def ask_many(url: str, questions: list[str], expected: str, result: LoadResult) -> None:
    """One client: ask each question in turn, reading every streamed update."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    for question in questions:
        started = time.perf_counter()
        first = None
        try:
            job = client.submit(question, None, None, api_name="/ask")
            for _update in job:
                first = first or time.perf_counter() - started
            final = job.result()
        except Exception as error:  # every failure is a finding, counted and shown
            with result.lock:
                result.errors.append(f"{type(error).__name__}: {error}")
            continue
        elapsed = time.perf_counter() - started
        with result.lock:
            result.answers += 1
            result.total_s.append(elapsed)
            result.first_piece_s.append(first or elapsed)
            if not final.get("done") or expected not in final.get("answer", ""):
                result.incomplete += 1


def ingest_during(
    url: str, batches: list[list[Path]], result: LoadResult, stop: threading.Event
) -> None:
    """Upload article batches through /ingest until they run out or the clients finish."""
    from gradio_client import Client, handle_file

    client = Client(url, verbose=False)
    for batch in batches:
        if stop.is_set():
            return
        try:
            report = client.predict([handle_file(str(p)) for p in batch], api_name="/ingest")
            with result.lock:
                result.ingests += 1 if report["added"] + report["updated"] else 0
        except Exception as error:
            with result.lock:
                result.ingest_errors.append(f"{type(error).__name__}: {error}")


def drive(
    url: str,
    clients: int,
    per_client: int,
    expected: str,
    ingest_batches: list[list[Path]] | None = None,
) -> LoadResult:
    """Run `clients` concurrent askers (and an ingesting client) against a running app."""
    result = LoadResult()
    stop = threading.Event()
    ingester = None
    if ingest_batches:
        ingester = threading.Thread(target=ingest_during, args=(url, ingest_batches, result, stop))
        ingester.start()
    plan = [
        [QUESTIONS[(c + i) % len(QUESTIONS)] for i in range(per_client)] for c in range(clients)
    ]
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(lambda questions: ask_many(url, questions, expected, result), plan))
    stop.set()
    if ingester:
        ingester.join()
    return result


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 300) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the app exited early")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("the app did not start in time")


def main() -> None:
    from tests.helpers.app_server import free_port
    from tests.helpers.llm_server import Reply, ScriptedLLM

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--questions", type=int, default=5, help="questions per client")
    parser.add_argument("--articles", type=int, default=300, help="BBC articles to start with")
    args = parser.parse_args()
    articles = bbc.load()
    with (
        tempfile.TemporaryDirectory() as folder,
        ScriptedLLM(Reply(text=REPLY, piece_delay=0.02)) as llm,
    ):
        work = Path(folder)
        start = bbc.write_bodies_jsonl(articles[: args.articles], work / "start" / "bbc.jsonl")
        more = []
        for i, article in enumerate(articles[args.articles : args.articles + 100]):
            path = work / "more" / f"bbc-{i}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{article.title}\n\n{article.body}\n", encoding="utf-8")
            more.append(path)
        port = free_port()
        env = {
            **os.environ,
            "ASSISTANT_INDEX_DIR": str(work / "index"),
            "ASSISTANT_UPLOAD_DIR": str(work / "uploads"),
            "GRADIO_SERVER_PORT": str(port),
            "OPENAI_BASE_URL": llm.url,
            "OPENAI_API_KEY": "k",
            "ASSISTANT_MAX_QUEUE": "256",
        }
        subprocess.run(
            [sys.executable, "-m", "assistant", "ingest", str(REPO / "seeds"), str(start)],
            env=env,
            check=True,
            capture_output=True,
        )
        app = subprocess.Popen(
            [sys.executable, str(REPO / "app.py")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/"
        try:
            wait_for(url, app)
            drive(url, 2, 1, "90 minutes")  # warm up: model, index view, connections
            before = rss_mb(app.pid)
            started = time.perf_counter()
            result = drive(
                url,
                args.clients,
                args.questions,
                "90 minutes",
                [more[i : i + 20] for i in range(0, len(more), 20)],
            )
            wall = time.perf_counter() - started
            after = rss_mb(app.pid)
            again = drive(url, args.clients, args.questions, "90 minutes")
            after_second = rss_mb(app.pid)
        finally:
            app.terminate()
            app.wait(timeout=30)
    figures = result.summary()
    print(
        f"{args.clients} clients × {args.questions} questions, streamed replies, "
        f"ingesting {len(more)} articles meanwhile; {wall:.1f} s\n"
    )
    print("| measure | value |\n| --- | --- |")
    for key, value in figures.items():
        print(f"| {key} | {value:.3f} |" if isinstance(value, float) else f"| {key} | {value} |")
    print(f"| app memory before | {before:.0f} MB |")
    print(f"| app memory after the run (with ingestion) | {after:.0f} MB |")
    print(f"| app memory after a second run (no ingestion) | {after_second:.0f} MB |")
    print(f"| second run: errors / incomplete | {len(again.errors)} / {again.incomplete} |")
    print(
        f"| second run: answer p50 / p95 | {again.summary()['answer_p50_s']:.3f} / "
        f"{again.summary()['answer_p95_s']:.3f} s |"
    )
    if result.errors or result.ingest_errors:
        print("\nerrors:", *sorted(set(result.errors + result.ingest_errors))[:5], sep="\n  ")


if __name__ == "__main__":
    main()
