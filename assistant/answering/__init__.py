"""Writing answers from passages and checking them: one Answerer interface, one pipeline.

`Answerer` (base.py) is what a backend implements; `ExtractiveAnswerer`
quotes sentences, `ChatAnswerer` asks an OpenAI-compatible model;
`AnswerPipeline` drives either, reads and renumbers their citations and
checks every claim (support.py).
"""

from assistant.answering.base import Answerer, Piece
from assistant.answering.pipeline import AnswerPipeline, AnswerStream, validate
from assistant.answering.prompts import Prompts
from assistant.answering.support import ClaimChecker

__all__ = [
    "AnswerPipeline",
    "AnswerStream",
    "Answerer",
    "ClaimChecker",
    "Piece",
    "Prompts",
    "validate",
]
