"""Settings come from keyword arguments, then the environment, then defaults."""

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import ConfigError


def test_defaults_are_offline() -> None:
    settings = Settings.from_env({})
    assert settings.llm == "extractive"
    assert settings.embed == "local"
    assert settings.index_dir == Path("index")


def test_an_api_key_or_base_url_selects_the_openai_backend() -> None:
    assert Settings.from_env({"OPENAI_API_KEY": "sk-test"}).llm == "openai"
    assert Settings.from_env({"OPENAI_BASE_URL": "http://localhost:11434/v1"}).llm == "openai"
    assert (
        Settings.from_env({"OPENAI_API_KEY": "sk-test", "ASSISTANT_LLM": "extractive"}).llm
        == "extractive"
    )


def test_arguments_win_over_environment() -> None:
    env = {"ASSISTANT_INDEX_DIR": "/from/env", "ASSISTANT_TOP_K": "9"}
    settings = Settings.from_env(env, index_dir="/from/arg", top_k=None)
    assert settings.index_dir == Path("/from/arg")
    assert settings.top_k == 9


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"ASSISTANT_LLM": "gpt"}, "ASSISTANT_LLM must be one of"),
        ({"ASSISTANT_TOP_K": "many"}, "ASSISTANT_TOP_K must be a whole number"),
        ({"ASSISTANT_TOP_K": "0"}, "ASSISTANT_TOP_K must be more than 0"),
        ({"ASSISTANT_CHROMA_URL": "localhost:8000"}, "http://host:port"),
        ({"ASSISTANT_EMBED": "openai"}, "needs OPENAI_API_KEY"),
        ({"ASSISTANT_COLLECTION": "a"}, "ASSISTANT_COLLECTION"),
        ({"ASSISTANT_EMBED_BF16": "yes"}, "ASSISTANT_EMBED_BF16 must be one of auto, off"),
    ],
)
def test_bad_values_say_which_variable_to_fix(env: dict[str, str], needle: str) -> None:
    with pytest.raises(ConfigError, match=needle):
        Settings.from_env(env)


def test_unknown_keyword_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="Unknown setting colour"):
        Settings.from_env({}, colour="blue")


def test_the_api_key_is_not_in_the_repr() -> None:
    assert "sk-secret" not in repr(Settings.from_env({"OPENAI_API_KEY": "sk-secret"}))
