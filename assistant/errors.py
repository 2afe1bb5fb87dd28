"""Every error the assistant raises on purpose, in one hierarchy.

    AssistantError                  the base; `str(err)` is one line saying what to do
    ├── UsageError                  the caller's mistake: fix the input or the configuration
    │   ├── ConfigError             a setting is missing or has a wrong value
    │   ├── QuestionError           an empty or over-long question
    │   └── NotInIndexError         `remove` of a source the index does not hold
    ├── IndexProblem                the on-disk or server index cannot be used as it is
    │   ├── IndexInUseError         another process is writing the same index folder
    │   ├── IndexDamagedError       the store cannot be read; names the command that rebuilds it
    │   └── IndexMismatchError      the index was built with another embedding model
    ├── ModelError                  the bundled embedding model is missing or its weights differ
    ├── DatabaseError               the assistant's own database (chats, feeds) cannot be used
    └── LLMError                    the language model service failed (not the caller's fault)
        ├── LLMAuthError            401/403: the API key is wrong
        ├── LLMRateLimitError       429 after the retry budget was spent
        ├── LLMTimeoutError         no complete answer within the deadline
        └── LLMUnavailableError     connection refused, 5xx, or a malformed reply

The CLI maps UsageError and IndexProblem to exit code 2 and prints the message
alone; tracebacks are reserved for bugs. Messages never contain secrets.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base class; the message is a single line meant for the person using the tool."""


class UsageError(AssistantError):
    """The caller asked for something that cannot be done as asked."""


class ConfigError(UsageError):
    """A setting is missing, malformed, or inconsistent with another."""


class QuestionError(UsageError):
    """The question is empty or longer than the configured limit."""


class NotInIndexError(UsageError):
    """A source named by the caller is not in the index."""


class NoSuchConversationError(UsageError):
    """A saved conversation named by the caller is not there (or is not the caller's)."""


class IndexProblem(AssistantError):
    """The index exists but cannot be used in its current state."""


class IndexInUseError(IndexProblem):
    """Another process holds the write lock on the index folder."""


class IndexDamagedError(IndexProblem):
    """The store's files are unreadable or inconsistent."""


class IndexMismatchError(IndexProblem):
    """The index was built with a different embedding model than the one configured."""


class ModelError(AssistantError):
    """The local embedding model cannot be loaded or does not match its checksum."""


class DatabaseError(AssistantError):
    """The assistant's database (conversations, feeds) cannot be opened or used."""


class LLMError(AssistantError):
    """The language model service did not give a usable answer."""


class LLMAuthError(LLMError):
    """The service rejected the credentials."""


class LLMRateLimitError(LLMError):
    """The service kept answering 429 until the retry budget ran out."""


class LLMTimeoutError(LLMError):
    """The answer did not complete within the deadline."""


class LLMUnavailableError(LLMError):
    """The service could not be reached or answered with a server error."""
