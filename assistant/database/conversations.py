"""Saved conversations: every question, its whole answer and the reader's feedback on it.

A conversation belongs to one collection and one user ("" when the app has
no ASSISTANT_AUTH, which is also who the command line is); a user only ever
reads, renames, rates or deletes their own. Each answer is kept whole, as
its JSON shape (citations with their passage texts, claims and verdicts),
so a conversation reads the same after its articles have left the index.
The question and answer texts are kept in columns of their own too, for
the search by text.
"""

from __future__ import annotations

import dataclasses
import json
import time
import uuid
from collections.abc import Sequence

import sqlalchemy as sa

from assistant.database import migrations
from assistant.database.engine import Database
from assistant.database.schema import METADATA
from assistant.errors import NoSuchConversationError, UsageError
from assistant.records import (
    RATINGS,
    Answer,
    Conversation,
    ConversationSummary,
    Feedback,
    SavedAnswer,
)

# A title is a line in a list, not a document.
TITLE_CHARS = 200
NAME_CHARS = 200

conversations = sa.Table(
    "conversations",
    METADATA,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("collection", sa.String(NAME_CHARS), nullable=False),
    sa.Column("owner", sa.String(NAME_CHARS), nullable=False, default=""),
    sa.Column("title", sa.String(TITLE_CHARS), nullable=False, default=""),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
    sa.Index("conversations_by_owner", "collection", "owner", "updated_at"),
)

answers = sa.Table(
    "answers",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "conversation_id",
        sa.String(32),
        sa.ForeignKey("conversations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("asked_at", sa.Float, nullable=False),
)

feedback = sa.Table(
    "feedback",
    METADATA,
    sa.Column(
        "answer_id",
        sa.Integer,
        sa.ForeignKey("answers.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("rating", sa.String(4), nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("correction", sa.Text, nullable=False, default=""),
    sa.Column("given_at", sa.Float, nullable=False),
)

migrations.register(migrations.creating("conversations-1", "conversations", "answers", "feedback"))


def title_from(question: str) -> str:
    """A conversation's title from its first question: its first line, cut at a word."""
    line = " ".join(question.split())
    if len(line) <= TITLE_CHARS:
        return line
    return line[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


class ConversationStore:
    """The saved conversations of one collection, in the assistant's database.

    `user` None means any user (the operator, from Python or the command
    line); a name limits every call to that user's conversations.
    """

    def __init__(self, database: Database, collection: str) -> None:
        self.database = database
        self.collection = collection

    # --- conversations -------------------------------------------------------------------

    def start(self, title: str = "", *, user: str = "") -> ConversationSummary:
        """A new, empty conversation (titled by its first question unless `title` is given)."""
        with self.database.transaction() as connection:
            return self._start(connection, title, user)

    def _start(self, connection: sa.Connection, title: str, user: str) -> ConversationSummary:
        now = time.time()
        row = {
            "id": uuid.uuid4().hex,
            "collection": self.collection,
            "owner": user,
            "title": _clean_title(title),
            "created_at": now,
            "updated_at": now,
        }
        connection.execute(sa.insert(conversations).values(**row))
        return _summary(row, 0)

    def summaries(
        self, *, search: str = "", user: str | None = None, limit: int | None = None
    ) -> list[ConversationSummary]:
        """The conversations, most recently used first; with `search`, those whose title or
        any question or answer holds every word of it (case aside)."""
        counts = (
            sa.select(answers.c.conversation_id, sa.func.count().label("questions"))
            .group_by(answers.c.conversation_id)
            .subquery()
        )
        query = (
            sa.select(conversations, sa.func.coalesce(counts.c.questions, 0).label("questions"))
            .outerjoin(counts, counts.c.conversation_id == conversations.c.id)
            .where(*self._owned(user))
            .order_by(conversations.c.updated_at.desc(), conversations.c.id)
            .limit(limit)
        )
        for word in search.split():
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            in_answers = sa.select(answers.c.id).where(
                answers.c.conversation_id == conversations.c.id,
                sa.or_(
                    answers.c.question.ilike(pattern, escape="\\"),
                    answers.c.text.ilike(pattern, escape="\\"),
                ),
            )
            query = query.where(
                sa.or_(conversations.c.title.ilike(pattern, escape="\\"), in_answers.exists())
            )
        with self.database.transaction() as connection:
            rows = connection.execute(query).mappings().all()
        return [_summary(row, row["questions"]) for row in rows]

    def get(self, conversation_id: str, *, user: str | None = None) -> Conversation:
        """The conversation with every answer and its feedback; UsageError if there is none
        of that id (for this user)."""
        with self.database.transaction() as connection:
            row = self._row(connection, conversation_id, user)
            saved = connection.execute(
                sa.select(answers, feedback)
                .outerjoin(feedback, feedback.c.answer_id == answers.c.id)
                .where(answers.c.conversation_id == conversation_id)
                .order_by(answers.c.id)
            ).mappings()
            kept = tuple(_saved_answer(item) for item in saved)
        return Conversation(_summary(row, len(kept)), kept)

    def rename(
        self, conversation_id: str, title: str, *, user: str | None = None
    ) -> ConversationSummary:
        """Give a conversation a new title."""
        title = _clean_title(title)
        if not title:
            raise UsageError("The new title is empty: type a title for the conversation")
        with self.database.transaction() as connection:
            self._row(connection, conversation_id, user)
            connection.execute(
                sa.update(conversations)
                .where(conversations.c.id == conversation_id)
                .values(title=title)
            )
        return self.get(conversation_id, user=user).summary

    def delete(self, conversation_id: str, *, user: str | None = None) -> ConversationSummary:
        """Delete a conversation with its answers and their feedback; returns what it was."""
        summary = self.get(conversation_id, user=user).summary
        with self.database.transaction() as connection:
            ids = sa.select(answers.c.id).where(answers.c.conversation_id == conversation_id)
            connection.execute(sa.delete(feedback).where(feedback.c.answer_id.in_(ids)))
            connection.execute(
                sa.delete(answers).where(answers.c.conversation_id == conversation_id)
            )
            connection.execute(
                sa.delete(conversations).where(conversations.c.id == conversation_id)
            )
        return summary

    def forget_collection(self) -> None:
        """Delete every conversation of this collection (the collection itself is going)."""
        for summary in self.summaries():
            self.delete(summary.id)

    # --- answers and feedback ------------------------------------------------------------

    def add(
        self, conversation_id: str | None, answer: Answer, *, user: str | None = None
    ) -> tuple[str, int]:
        """Save an answer at the end of a conversation (None: a new one, started in the same
        transaction, so a conversation never exists without its first answer by accident);
        returns the conversation's id and the answer's."""
        now = time.time()
        with self.database.transaction() as connection:
            if conversation_id is None:
                conversation_id = self._start(connection, "", user or "").id
            row = self._row(connection, conversation_id, user)
            saved_id = connection.execute(
                sa.insert(answers)
                .values(
                    conversation_id=conversation_id,
                    question=answer.question,
                    text=answer.text,
                    answer=json.dumps(answer.to_dict(), ensure_ascii=False),
                    asked_at=now,
                )
                .returning(answers.c.id)
            ).scalar_one()
            changes: dict[str, object] = {"updated_at": now}
            if not row["title"]:
                changes["title"] = title_from(answer.question)
            connection.execute(
                sa.update(conversations)
                .where(conversations.c.id == conversation_id)
                .values(**changes)
            )
        return conversation_id, int(saved_id)

    def rate(
        self,
        answer_id: int,
        rating: str,
        *,
        note: str | None = None,
        correction: str | None = None,
        user: str | None = None,
    ) -> Feedback:
        """Keep a reader's feedback on a saved answer, replacing what they said before (a note
        or correction left as None keeps the earlier one: a thumb alone keeps the note; a
        thumbs up keeps no correction)."""
        if rating not in RATINGS:
            raise UsageError(f"A rating is one of {', '.join(RATINGS)}, not {rating!r}")
        with self.database.transaction() as connection:
            owner = connection.execute(
                sa.select(conversations.c.id)
                .join(answers, answers.c.conversation_id == conversations.c.id)
                .where(answers.c.id == answer_id, *self._owned(user))
            ).first()
            if owner is None:
                raise UsageError(
                    f"There is no saved answer {answer_id}: feedback goes to an answer asked "
                    "in a conversation (`assistant chats show ID` lists their numbers)"
                )
            earlier = connection.execute(
                sa.select(feedback.c.note, feedback.c.correction).where(
                    feedback.c.answer_id == answer_id
                )
            ).first()
            # A thumbs up says the answer is right: a right answer written earlier (with a
            # thumbs down) no longer stands, nor one left in the form.
            kept = _new_or_kept(correction, earlier.correction if earlier else "")
            given = Feedback(
                rating,
                _new_or_kept(note, earlier.note if earlier else ""),
                "" if rating == "up" else kept,
                time.time(),
            )
            connection.execute(sa.delete(feedback).where(feedback.c.answer_id == answer_id))
            connection.execute(sa.insert(feedback).values(answer_id=answer_id, **given.to_dict()))
        return given

    def rated(self, *, user: str | None = None) -> list[SavedAnswer]:
        """Every answer that has feedback, oldest first."""
        with self.database.transaction() as connection:
            rows = connection.execute(
                sa.select(answers, feedback)
                .join(feedback, feedback.c.answer_id == answers.c.id)
                .join(conversations, conversations.c.id == answers.c.conversation_id)
                .where(*self._owned(user))
                .order_by(answers.c.id)
            ).mappings()
            return [_saved_answer(row) for row in rows]

    # --- helpers ---------------------------------------------------------------------------

    def _owned(self, user: str | None) -> Sequence[sa.ColumnElement[bool]]:
        """The conditions that keep a query to this collection (and to `user`'s, if named)."""
        conditions = [conversations.c.collection == self.collection]
        if user is not None:
            conditions.append(conversations.c.owner == user)
        return conditions

    def _row(
        self, connection: sa.Connection, conversation_id: str, user: str | None
    ) -> sa.RowMapping:
        row = (
            connection.execute(
                sa.select(conversations).where(
                    conversations.c.id == str(conversation_id), *self._owned(user)
                )
            )
            .mappings()
            .first()
        )
        if row is None:
            raise NoSuchConversationError(
                f"There is no conversation {conversation_id!r} (it may have been deleted): "
                "the Conversations list or `assistant chats list` shows the saved ones"
            )
        return row


def _new_or_kept(given: str | None, earlier: str) -> str:
    return (earlier if given is None else given).strip()


def _clean_title(title: str) -> str:
    return " ".join((title or "").split())[:TITLE_CHARS]


def _summary(row: sa.RowMapping | dict[str, object], questions: int) -> ConversationSummary:
    return ConversationSummary(
        id=str(row["id"]),
        title=str(row["title"]),
        created_at=float(row["created_at"]),  # type: ignore[arg-type]
        updated_at=float(row["updated_at"]),  # type: ignore[arg-type]
        questions=int(questions),
        user=str(row["owner"]),
    )


def _saved_answer(row: sa.RowMapping) -> SavedAnswer:
    given = (
        Feedback(row["rating"], row["note"], row["correction"], row["given_at"])
        if row["rating"]
        else None
    )
    answer = dataclasses.replace(
        Answer.from_dict(json.loads(row["answer"])),
        conversation=str(row["conversation_id"]),
        saved_as=int(row["id"]),
    )
    return SavedAnswer(int(row["id"]), answer, float(row["asked_at"]), given)
