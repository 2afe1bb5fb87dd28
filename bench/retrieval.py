"""Retrieval on the BBC corpus: this project against the plain llama-index pipeline, side by side.

    python bench/retrieval.py [--work /tmp/assistant-bench] [--limit N]

Both pipelines index the 2,225 article bodies without their titles, with the
same all-MiniLM-L6-v2 weights; each title is then asked as a query and the
article it belongs to is the one right answer. Reported per folder, for the
folders retrieval was tuned on (business, entertainment), for the held-out
folders, and for all five: hit@1, hit@5 and MRR@10 over distinct articles.

The plain pipeline is what a user would write: `VectorStoreIndex.from_documents`
over Chroma with `HuggingFaceEmbedding` and llama-index defaults (1,024-token
chunks, top 10). Indexes are kept in --work and reused by later runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant import Assistant
from assistant.evaluation import RankScores, distinct, first_hit_rank
from bench import bbc

DEPTH = 10
Searcher = Callable[[str], list[str]]


def ours(
    work: Path, articles: list[bbc.BBCArticle], embed: str = "local"
) -> tuple[Searcher, float | None]:
    """This project's index (built on first use) and its search, as ranked sources."""
    folder = work / ("ours" if embed == "local" else f"ours-{embed}")
    bot = Assistant(index_dir=folder, llm="extractive", embed=embed)
    seconds = None
    if len(bot.articles()) != len(articles):
        corpus = bbc.write_bodies_jsonl(articles, work / "bodies" / "bbc.jsonl")
        started = time.perf_counter()
        report = bot.ingest([corpus])
        seconds = time.perf_counter() - started
        print(f"ours: {report.summary()}", file=sys.stderr)

    def search(query: str) -> list[str]:
        return distinct(hit.source for hit in bot.search(query, DEPTH))

    return search, seconds


def plain(work: Path, articles: list[bbc.BBCArticle]) -> tuple[Searcher, float | None]:
    """The plain llama-index pipeline (built on first use) and its search."""
    import chromadb
    from llama_index.core import Document, StorageContext, VectorStoreIndex
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.embedding.model_files import model_dir

    embed = HuggingFaceEmbedding(model_name=str(model_dir()), device="cpu")
    client = chromadb.PersistentClient(path=str(work / "plain"))
    collection = client.get_or_create_collection("bbc")
    store = ChromaVectorStore(chroma_collection=collection)
    seconds = None
    if collection.count() == 0:
        documents = [
            Document(
                text=a.body,
                metadata={"source": a.key},
                excluded_embed_metadata_keys=["source"],
                excluded_llm_metadata_keys=["source"],
            )
            for a in articles
        ]
        started = time.perf_counter()
        index = VectorStoreIndex.from_documents(
            documents,
            storage_context=StorageContext.from_defaults(vector_store=store),
            embed_model=embed,
        )
        seconds = time.perf_counter() - started
    else:
        index = VectorStoreIndex.from_vector_store(store, embed_model=embed)
    retriever = index.as_retriever(similarity_top_k=DEPTH)

    def search(query: str) -> list[str]:
        return distinct(str(n.node.metadata["source"]) for n in retriever.retrieve(query))

    return search, seconds


GROUPS = (*bbc.FOLDERS, "tuned on", "held out", "all")


def score(search: Searcher, articles: list[bbc.BBCArticle]) -> dict[str, dict[str, RankScores]]:
    """Rank scores per group, counting only the article itself ("strict") or also
    a byte-identical copy of it ("copies count")."""
    copies = bbc.same_text(articles)
    scores = {kind: {g: RankScores() for g in GROUPS} for kind in ("strict", "copies count")}
    for article in articles:
        ranked = search(article.title)
        ranks = {
            "strict": first_hit_rank(ranked, [article.key]),
            "copies count": first_hit_rank(ranked, sorted(copies[article.key])),
        }
        group = "tuned on" if article.folder in bbc.TUNE else "held out"
        for kind, rank in ranks.items():
            for name in (article.folder, group, "all"):
                scores[kind][name].add(rank)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/assistant-bench"))
    parser.add_argument("--limit", type=int, default=None, help="articles per folder")
    parser.add_argument(
        "--embed",
        default="local",
        choices=("local", "local-int8"),
        help="this project's embedding model (local-int8: the quantised option)",
    )
    args = parser.parse_args()
    articles = bbc.load(limit=args.limit)
    work = args.work / (f"limit{args.limit}" if args.limit else "full")
    results = {}
    builders: dict[str, Callable[..., tuple[Searcher, float | None]]] = {
        "plain llama-index": plain,
        "this project": lambda w, a: ours(w, a, args.embed),
    }
    for name, build in builders.items():
        search, seconds = build(work, articles)
        started = time.perf_counter()
        results[name] = score(search, articles)
        per_query = (time.perf_counter() - started) / len(articles) * 1000
        built = f", index built in {seconds:.0f} s" if seconds else ""
        print(f"{name}: {per_query:.1f} ms per query{built}", file=sys.stderr)
    for kind in ("copies count", "strict"):
        print(
            f"\nBBC title → article retrieval, {len(articles)} queries, top {DEPTH}, {kind} "
            "(plain llama-index | this project)\n"
        )
        print(f"| {'group':<13} | {'n':>4} | {'hit@1':^13} | {'hit@5':^13} | {'MRR@10':^13} |")
        print(f"|{'-' * 15}|{'-' * 6}|{'-' * 15}|{'-' * 15}|{'-' * 15}|")
        for group in GROUPS:
            plain_row = results["plain llama-index"][kind][group].as_dict()
            ours_row = results["this project"][kind][group].as_dict()
            cells = " | ".join(
                f"{plain_row[m]:.3f} {ours_row[m]:.3f}".center(13)
                for m in ("hit@1", "hit@5", "mrr@10")
            )
            print(f"| {group:<13} | {int(ours_row['queries']):>4} | {cells} |")


if __name__ == "__main__":
    main()
