"""A small load test: concurrent chat clients on the streaming test LLM, with ingestion."""

from __future__ import annotations

from pathlib import Path

from bench.load import REPLY, drive
from tests.conftest import SEEDS, AppBotFactory
from tests.helpers.app_server import running
from tests.helpers.llm_server import Reply, ScriptedLLM


def test_concurrent_clients_all_get_complete_answers_while_articles_are_ingested(
    tmp_path: Path, app_bot: AppBotFactory
) -> None:
    batches = []
    for b in range(3):
        batch = []
        for i in range(4):
            path = tmp_path / "more" / f"story-{b}-{i}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                f"Harbour bulletin {b}-{i}\n\nThe ferry {b}-{i} leaves pier {i} at {b + 8}:00.\n"
            )
            batch.append(path)
        batches.append(batch)
    with ScriptedLLM(Reply(text=REPLY, piece_delay=0.01)) as llm:
        bot = app_bot(tmp_path, llm="openai", openai_base_url=llm.url, openai_api_key="k")
        bot.ingest([SEEDS])
        with running(bot) as url:
            result = drive(
                url, clients=8, per_client=2, expected="90 minutes", ingest_batches=batches
            )
    figures = result.summary()
    assert result.errors == [] and result.ingest_errors == []
    assert figures["answers"] == 16 and figures["incomplete"] == 0
    assert figures["ingests"] >= 1, "articles were ingested while the clients asked"
    assert len(bot.articles()) == 1 + 4 * figures["ingests"]
