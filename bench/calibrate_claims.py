"""Calibrate the claim verdict thresholds (support.SUPPORTED_AT and PARTIAL_AT).

    python bench/calibrate_claims.py [--work /tmp/assistant-bench/full]

Labelled claims, over the seed article and the BBC index:

- supported: 20 hand-written paraphrases of sentences of their article
  (bench/data/claims.jsonl), each cited against the passage that holds it;
- changed: the same claims with one number changed, or a name swapped for a
  name from another claim: these must never be `supported`;
- wrong passage: the true claims cited against a passage of another article:
  these should be `unsupported`.

Prints each group's score distribution and, for a grid of thresholds, how
many claims of each group get which verdict.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant import Assistant  # noqa: E402
from assistant.answering.support import ClaimChecker, key_tokens  # noqa: E402
from assistant.records import ClaimText, Passage  # noqa: E402

NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
NAME = re.compile(r"(?<=\s)[A-Z][a-z]+(?:\s[A-Z][a-z]+)*")


def changed_number(claim: str) -> str | None:
    match = NUMBER.search(claim)
    if not match:
        return None
    value = match.group(0).replace(",", "")
    new = str(int(float(value)) + 7) if "." not in value else f"{float(value) + 1.5:g}"
    return claim[: match.start()] + new + claim[match.end() :]


def swapped_name(claim: str, other: str) -> str | None:
    ours, theirs = NAME.findall(claim), NAME.findall(other)
    if not ours or not theirs:
        return None
    return claim.replace(ours[-1], theirs[-1], 1)


def passage_for(bot: Assistant, claim: str, source: str) -> Passage:
    stored = next(a.source for a in bot.articles() if a.source.endswith(source))
    hits = bot.search(claim, 10, sources=[stored])
    if not hits:
        raise SystemExit(f"no passage of {source} found for: {claim}")
    return hits[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/assistant-bench/full"))
    args = parser.parse_args()
    items = [json.loads(x) for x in (REPO / "bench/data/claims.jsonl").read_text().splitlines()]
    if not (args.work / "ours").is_dir():
        raise SystemExit(
            f"No BBC index at {args.work / 'ours'}: build it with `python bench/retrieval.py` "
            "(it writes /tmp/assistant-bench/full/ours), or pass --work with a folder holding "
            "one as ours/"
        )
    news = Assistant(index_dir=args.work / "ours", llm="extractive")
    with tempfile.TemporaryDirectory() as folder:
        seed = Assistant(index_dir=Path(folder) / "index", llm="extractive")
        seed.ingest([REPO / "seeds"])
        bots = {"seed": seed, "bbc": news}
        groups: dict[str, list[tuple[str, Passage]]] = {
            "supported": [],
            "changed": [],
            "wrong passage": [],
        }
        passages = [passage_for(bots[i["corpus"]], i["claim"], i["source"]) for i in items]
        for index, (item, passage) in enumerate(zip(items, passages, strict=True)):
            groups["supported"].append((item["claim"], passage))
            other = items[(index + 7) % len(items)]
            for variant in (
                changed_number(item["claim"]),
                swapped_name(item["claim"], other["claim"]),
            ):
                if variant and key_tokens(variant) != key_tokens(item["claim"]):
                    groups["changed"].append((variant, passage))
            groups["wrong passage"].append((item["claim"], passages[(index + 7) % len(items)]))
        checker = ClaimChecker(news.embedder, news.retriever.idf)
        scores: dict[str, list[tuple[float, str]]] = {}
        for name, pairs in groups.items():
            scores[name] = []
            for claim, passage in pairs:
                [checked] = checker.check(claim, [ClaimText(claim, (1,))], [passage])
                scores[name].append((checked.score, checked.verdict))
                expected = {"supported": "supported", "wrong passage": "unsupported"}.get(name)
                if (expected and checked.verdict != expected) or (
                    name == "changed" and checked.verdict == "supported"
                ):
                    missing = sorted(t for t in key_tokens(claim) if t not in passage.text.lower())
                    print(
                        f"  {name}: {checked.verdict} {checked.score:.2f} missing={missing} "
                        f"{claim}",
                        file=sys.stderr,
                    )
    print("support score quantiles 5% / 25% / 50% / 75% / 95%:")
    for name, values in scores.items():
        array = np.array([s for s, _ in values])
        quantiles = " / ".join(
            f"{np.quantile(array, q):.2f}" for q in (0.05, 0.25, 0.5, 0.75, 0.95)
        )
        print(f"  {name:<14} n={len(array):<3} {quantiles}")
    print("\nverdicts with the current thresholds:")
    for name, values in scores.items():
        counts: dict[str, int] = {}
        for _, verdict in values:
            counts[verdict] = counts.get(verdict, 0) + 1
        print(f"  {name:<14} {counts}")


if __name__ == "__main__":
    main()
