"""Speed and memory: this project against the plain llama-index pipeline, side by side.

    python bench/speed.py [--work /tmp/assistant-speed] [--limit N]

One run measures both, on the BBC corpus (2,225 articles, bodies only):

- embedding: the same chunks (this project's chunks, title included)
  through this project's model as configured (bfloat16 for large jobs on
  AMX CPUs), with ASSISTANT_EMBED_BF16=off (ONNX float32 only) and as the
  int8 option, and through llama-index's `HuggingFaceEmbedding` with its
  defaults; word pieces actually read per second, and the cosine between
  this project's vector and the PyTorch one for every chunk;
- first ingest and re-ingest of the unchanged corpus (the plain pipeline
  has no notion of unchanged documents: it embeds and adds everything again);
- warm retrieval p50/p95, and answer p50/p95 with a local scripted
  OpenAI-compatible server that replies at once (so the figure is the
  pipeline's own cost), plus this project's extractive answers;
- the first query's cold start, and each phase's peak memory (every phase
  runs in its own process, so the figures do not mix).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from bench import bbc  # noqa: E402
from bench.timing import percentiles, time_each  # noqa: E402

QUERIES = 300
ANSWERS = 100


def question_sets(articles: list[bbc.BBCArticle]) -> tuple[str, list[str], list[str]]:
    """Titles as questions: one to warm up, then retrieval ones and answer ones.

    QUERIES and ANSWERS of them on the full corpus; three to one on a small
    `--limit` run, so a quick trial still measures every phase.
    """
    titles = [a.title for a in articles]
    first, rest = titles[0], titles[1:]
    queries = min(QUERIES, len(rest) * 3 // 4)
    return first, rest[:queries], rest[queries : queries + ANSWERS]


def peak_mb() -> float:
    """This process's peak resident memory, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def chunk_texts(articles: list[bbc.BBCArticle]) -> list[str]:
    """This project's chunks of the bodies, as embedded (title line first)."""
    from assistant.embedding import model_files as local_model
    from assistant.ingest.chunking import chunk_text
    from assistant.ingest.pipeline import embedding_text
    from assistant.ingest.readers import title_from_text

    texts = []
    for article in articles:
        title = title_from_text(article.body)
        for chunk in chunk_text(article.body, local_model.token_offsets, 200):
            texts.append(embedding_text(title, chunk.text))
    return texts


# --- phases (each runs in its own process) ----------------------------------------


def embed_ours(
    work: Path, articles: list[bbc.BBCArticle], embed: str, name: str, bf16: str | None = None
) -> dict[str, Any]:
    """Embed the benchmark chunks as a user's settings would (`bf16` overrides them)."""
    from assistant.config import Settings
    from assistant.embedding import make_embedder
    from assistant.embedding.local import LocalEmbedder

    texts = chunk_texts(articles)
    cache = Path(os.environ.get("ASSISTANT_CACHE_DIR", work / "cache"))
    model = make_embedder(Settings.from_env(embed=embed, cache_dir=cache, embed_bf16=bf16))
    assert isinstance(model, LocalEmbedder)
    model.load_bulk_engine()  # measured warm, like the peer's model
    model.embed(texts[:200])
    tokens = model.tokens_embedded(texts)
    started = time.perf_counter()
    vectors = model.embed(texts)
    seconds = time.perf_counter() - started
    np.save(work / f"vectors-{name}.npy", vectors)
    return {
        "chunks": len(texts),
        "tokens": tokens,
        "seconds": seconds,
        "tokens_per_s": tokens / seconds,
        "engine": model.engine,
        "peak_mb": peak_mb(),
    }


def embed_plain(work: Path, articles: list[bbc.BBCArticle]) -> dict[str, Any]:
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    from assistant.embedding.local import LocalEmbedder
    from assistant.embedding.model_files import model_dir

    texts = chunk_texts(articles)
    model = HuggingFaceEmbedding(model_name=str(model_dir()), device="cpu")
    model.get_text_embedding_batch(texts[:16])
    tokens = LocalEmbedder(work).tokens_embedded(texts)  # same tokenizer, no model load
    started = time.perf_counter()
    vectors = np.asarray(model.get_text_embedding_batch(texts), dtype=np.float32)
    seconds = time.perf_counter() - started
    np.save(work / "vectors-plain.npy", vectors)
    return {
        "chunks": len(texts),
        "tokens": tokens,
        "seconds": seconds,
        "tokens_per_s": tokens / seconds,
        "peak_mb": peak_mb(),
    }


def ingest_ours(work: Path, articles: list[bbc.BBCArticle], embed: str) -> dict[str, Any]:
    from assistant import Assistant

    corpus = bbc.write_bodies_jsonl(articles, work / "bodies" / "bbc.jsonl")
    index = work / f"ours-{embed}"
    shutil.rmtree(index, ignore_errors=True)
    bot = Assistant(index_dir=index, llm="extractive", embed=embed)
    bot.embedder.embed(["load the model before timing"])
    started = time.perf_counter()
    first = bot.ingest([corpus])
    first_seconds = time.perf_counter() - started
    texts = chunk_texts(articles)
    tokens = bot.embedder.tokens_embedded(texts)  # type: ignore[attr-defined]
    started = time.perf_counter()
    again = bot.ingest([corpus])
    again_seconds = time.perf_counter() - started
    return {
        "first_s": first_seconds,
        "chunks": first.chunks,
        "tokens": tokens,
        "tokens_per_s": tokens / first_seconds,
        "reingest_s": again_seconds,
        "reingest_embedded": again.embedded_chunks,
        "peak_mb": peak_mb(),
    }


def _plain_index(work: Path, fresh: bool) -> Any:
    import chromadb
    from llama_index.core import StorageContext, VectorStoreIndex
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.embedding.model_files import model_dir

    if fresh:
        shutil.rmtree(work / "plain", ignore_errors=True)
    embed = HuggingFaceEmbedding(model_name=str(model_dir()), device="cpu")
    client = chromadb.PersistentClient(path=str(work / "plain"))
    store = ChromaVectorStore(chroma_collection=client.get_or_create_collection("bbc"))
    context = StorageContext.from_defaults(vector_store=store)
    return embed, store, context, VectorStoreIndex


def ingest_plain(work: Path, articles: list[bbc.BBCArticle]) -> dict[str, Any]:
    from llama_index.core import Document

    from assistant.embedding.local import LocalEmbedder

    embed, store, context, index_class = _plain_index(work, fresh=True)
    embed.get_text_embedding("load the model before timing")
    documents = [
        Document(text=a.body, metadata={"source": a.key}, excluded_embed_metadata_keys=["source"])
        for a in articles
    ]
    started = time.perf_counter()
    index = index_class.from_documents(documents, storage_context=context, embed_model=embed)
    first_seconds = time.perf_counter() - started
    nodes = store.get_nodes(None)
    # The model reads at most 256 word pieces (254 plus [CLS] and [SEP]) of each node.
    counter = LocalEmbedder(work)
    tokens = sum(min(256, counter.tokens_embedded([n.get_content()])) for n in nodes)
    started = time.perf_counter()
    index_class.from_documents(documents, storage_context=context, embed_model=embed)
    again_seconds = time.perf_counter() - started
    del index
    return {
        "first_s": first_seconds,
        "chunks": len(nodes),
        "tokens": tokens,
        "tokens_per_s": tokens / first_seconds,
        "reingest_s": again_seconds,
        "reingest_embedded": len(nodes),
        "peak_mb": peak_mb(),
    }


def query_ours(work: Path, articles: list[bbc.BBCArticle], embed: str) -> dict[str, Any]:
    from assistant import Assistant
    from tests.helpers.llm_server import Reply, ScriptedLLM

    first, searches, asks = question_sets(articles)
    bot = Assistant(index_dir=work / f"ours-{embed}", llm="extractive", embed=embed)
    bot.search(first, 6)
    cold = time.perf_counter() - STARTED
    retrieval = time_each(lambda q: bot.search(q, 6), searches)
    extractive = time_each(bot.ask, asks)
    with ScriptedLLM(Reply(text="The articles say so [1].")) as server:
        llm = Assistant(
            index_dir=work / f"ours-{embed}",
            llm="openai",
            embed=embed,
            openai_base_url=server.url,
            openai_api_key="k",
            embedder=bot.embedder,
        )
        llm.ask(first)
        generative = time_each(llm.ask, asks)
    return {
        "cold_first_query_s": cold,
        "retrieval": percentiles(retrieval),
        "answer_llm": percentiles(generative),
        "answer_extractive": percentiles(extractive),
        "peak_mb": peak_mb(),
    }


def query_plain(work: Path, articles: list[bbc.BBCArticle]) -> dict[str, Any]:
    from llama_index.llms.openai_like import OpenAILike

    from tests.helpers.llm_server import Reply, ScriptedLLM

    first, searches, asks = question_sets(articles)
    embed, store, _, index_class = _plain_index(work, fresh=False)
    index = index_class.from_vector_store(store, embed_model=embed)
    retriever = index.as_retriever(similarity_top_k=6)
    retriever.retrieve(first)
    cold = time.perf_counter() - STARTED
    retrieval = time_each(retriever.retrieve, searches)
    with ScriptedLLM(Reply(text="The articles say so [1].")) as server:
        llm = OpenAILike(model="scripted", api_base=server.url, api_key="k", is_chat_model=True)
        engine = index.as_query_engine(llm=llm, similarity_top_k=6)
        engine.query(first)
        generative = time_each(engine.query, asks)
    return {
        "cold_first_query_s": cold,
        "retrieval": percentiles(retrieval),
        "answer_llm": percentiles(generative),
        "peak_mb": peak_mb(),
    }


def embed_ours_exact(work: Path, articles: list[bbc.BBCArticle]) -> dict[str, Any]:
    """The default model on the benchmark chunks (bfloat16 for large jobs on AMX CPUs)."""
    return embed_ours(work, articles, "local", "local")


def embed_ours_onnx(work: Path, articles: list[bbc.BBCArticle]) -> dict[str, Any]:
    """The default model with bfloat16 turned off: ONNX Runtime float32 only."""
    return embed_ours(work, articles, "local", "local-onnx", bf16="off")


def embed_ours_int8(work: Path, articles: list[bbc.BBCArticle]) -> dict[str, Any]:
    """The int8 option on the same chunks, so every engine meets the peer in one run."""
    return embed_ours(work, articles, "local-int8", "local-int8")


PHASES: dict[str, Callable[..., dict[str, Any]]] = {
    "embed-ours": embed_ours_exact,
    "embed-ours-onnx": embed_ours_onnx,
    "embed-ours-int8": embed_ours_int8,
    "embed-plain": embed_plain,
    "ingest-ours": ingest_ours,
    "ingest-plain": ingest_plain,
    "query-ours": query_ours,
    "query-plain": query_plain,
}


def run_phase(name: str, args: argparse.Namespace) -> dict[str, Any]:
    """Run one phase in a fresh Python process and return its figures."""
    command = [
        sys.executable,
        __file__,
        "--phase",
        name,
        "--work",
        str(args.work),
        "--embed",
        args.embed,
    ]
    if args.limit:
        command += ["--limit", str(args.limit)]
    print(f"running {name}…", file=sys.stderr, flush=True)
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"{name} failed:\n{result.stderr[-3000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def report(figures: dict[str, dict[str, Any]], work: Path, embed: str) -> None:
    plain_vectors = np.load(work / "vectors-plain.npy")
    cosine = np.sum(np.load(work / "vectors-local.npy") * plain_vectors, axis=1)
    cosine_onnx = np.sum(np.load(work / "vectors-local-onnx.npy") * plain_vectors, axis=1)
    cosine_int8 = np.sum(np.load(work / "vectors-local-int8.npy") * plain_vectors, axis=1)
    eo, ep, e8 = figures["embed-ours"], figures["embed-plain"], figures["embed-ours-int8"]
    ex = figures["embed-ours-onnx"]
    io, ip = figures["ingest-ours"], figures["ingest-plain"]
    qo, qp = figures["query-ours"], figures["query-plain"]

    def row(name: str, ours: float, plain: float, unit: str, better: str = "lower") -> str:
        ratio = plain / ours if better == "lower" else ours / plain
        return f"| {name} | {ours:,.1f} {unit} | {plain:,.1f} {unit} | {ratio:.2f}× |"

    lines = [
        f"Embedding model: this project {eo['engine']}, plain HuggingFaceEmbedding (defaults)",
        f"Same {eo['chunks']:,} chunks, {eo['tokens']:,} word pieces; cosine between the two "
        f"vectors of each chunk: min {cosine.min():.5f}, mean {cosine.mean():.5f} "
        f"(ONNX float32 only: min {cosine_onnx.min():.5f}, mean {cosine_onnx.mean():.5f}; "
        f"int8 option: min {cosine_int8.min():.4f}, mean {cosine_int8.mean():.4f})",
        f"Ingest and queries below use ASSISTANT_EMBED={embed}.",
        "",
        "| measure | this project | plain llama-index | advantage |",
        "| --- | --- | --- | --- |",
        row(
            "embedding, same chunks (word pieces/s)",
            eo["tokens_per_s"],
            ep["tokens_per_s"],
            "tok/s",
            "higher",
        ),
        row(
            "embedding, same chunks, ASSISTANT_EMBED_BF16=off (word pieces/s)",
            ex["tokens_per_s"],
            ep["tokens_per_s"],
            "tok/s",
            "higher",
        ),
        row(
            "embedding, same chunks, int8 option (word pieces/s)",
            e8["tokens_per_s"],
            ep["tokens_per_s"],
            "tok/s",
            "higher",
        ),
        row("first ingest (wall time)", io["first_s"], ip["first_s"], "s"),
        row(
            "first ingest (word pieces embedded/s)",
            io["tokens_per_s"],
            ip["tokens_per_s"],
            "tok/s",
            "higher",
        ),
        f"| chunks / word pieces embedded | {io['chunks']:,} / {io['tokens']:,} | "
        f"{ip['chunks']:,} / {ip['tokens']:,} | |",
        row("re-ingest, nothing changed", io["reingest_s"], ip["reingest_s"], "s"),
        f"| chunks embedded by the re-ingest | {io['reingest_embedded']:,} | "
        f"{ip['reingest_embedded']:,} (duplicates) | |",
        row("retrieval p50 (warm)", qo["retrieval"]["p50_ms"], qp["retrieval"]["p50_ms"], "ms"),
        row("retrieval p95 (warm)", qo["retrieval"]["p95_ms"], qp["retrieval"]["p95_ms"], "ms"),
        row(
            "answer p50 (instant LLM)", qo["answer_llm"]["p50_ms"], qp["answer_llm"]["p50_ms"], "ms"
        ),
        row(
            "answer p95 (instant LLM)", qo["answer_llm"]["p95_ms"], qp["answer_llm"]["p95_ms"], "ms"
        ),
        f"| extractive answer p50 / p95 | {qo['answer_extractive']['p50_ms']:.0f} / "
        f"{qo['answer_extractive']['p95_ms']:.0f} ms | (none) | |",
        row("cold start to first result", qo["cold_first_query_s"], qp["cold_first_query_s"], "s"),
        row("peak memory, ingest", io["peak_mb"], ip["peak_mb"], "MB"),
        row("peak memory, queries", qo["peak_mb"], qp["peak_mb"], "MB"),
        "",
        f"Re-ingest of an unchanged corpus: {io['reingest_s'] / io['first_s']:.1%} of the first "
        "ingest's time.",
    ]
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/assistant-speed"))
    parser.add_argument("--limit", type=int, default=None, help="articles per folder")
    parser.add_argument("--embed", default="local", choices=("local", "local-int8"))
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    articles = bbc.load(limit=args.limit)
    if args.phase:
        phase = PHASES[args.phase]
        uses_embed = args.phase in ("ingest-ours", "query-ours")
        result = (
            phase(args.work, articles, args.embed) if uses_embed else phase(args.work, articles)
        )
        print(json.dumps(result))
        return
    order = [
        "embed-ours",
        "embed-plain",
        "embed-ours-onnx",
        "embed-ours-int8",
        "ingest-ours",
        "ingest-plain",
        "query-ours",
        "query-plain",
    ]
    figures = {name: run_phase(name, args) for name in order}
    (args.work / "speed.json").write_text(json.dumps(figures, indent=2))
    report(figures, args.work, args.embed)


if __name__ == "__main__":
    main()
