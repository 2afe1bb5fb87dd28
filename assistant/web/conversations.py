"""The saved conversations in the browser: the list, export of answers and conversations,
and feedback on answers.

Every chat is saved as it goes (app.py's `respond` asks in the page's
conversation). The open conversation is named in the page's address
(`?chat=ID`), so a reload or an app restart brings it back, and a link to
it opens it again. With ASSISTANT_AUTH each person sees, opens, exports and
rates only their own conversations; without it the page is the one local
user, who is also the command line's.

The page keeps, beside the chat, the conversation's id, the saved id of
each answer (0 for one that could not be saved) and which answer the
passages panel shows; export and feedback work on that answer.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import gradio as gr

from assistant import (
    Answer,
    Assistant,
    AssistantError,
    ConversationSummary,
    answer_json,
    answer_markdown,
    conversation_json,
    conversation_markdown,
)
from assistant.web import render, scrolling
from assistant.web.collections import Collections

PARAMETER = "chat"
# The page's address names its open conversation (or none), without loading the page anew.
SHOW_IN_ADDRESS = f"""(id) => {{
    const address = new URL(window.location.href);
    if (id) address.searchParams.set("{PARAMETER}", id);
    else address.searchParams.delete("{PARAMETER}");
    if (address.href !== window.location.href) window.history.replaceState(null, "", address.href);
}}"""
# Conversations the list shows at most (the search finds older ones).
LIST_LENGTH = 200
# The Export box, shown and opened with what was just exported (hidden until then: an
# empty box far from the buttons that fill it only puzzles a reader).
OPEN = gr.update(open=True, visible=True)
P = ParamSpec("P")
T = TypeVar("T")
RATING_CHOICES = [("Good answer", "up"), ("Wrong or unhelpful", "down")]
# What the feedback form says before there is an answer to give feedback on.
NO_ANSWER_YET = "Ask a question first: feedback is given on an answer."

Chat = list[dict[str, str]]
# The chat messages and the passages panel of one answer, as the chat shows them.
AnswerViews = Callable[[Assistant, Answer, int], tuple[str, str]]


def user_of(request: gr.Request | None) -> str:
    """Who is asking: the signed-in user with ASSISTANT_AUTH, else "" (the local user)."""
    return str(getattr(request, "username", None) or "")


def list_label(summary: ConversationSummary) -> str:
    """How the list shows a conversation: its title, when it was last used and how many
    questions it holds."""
    title = summary.title or "New conversation"
    when = time.strftime("%d %b %H:%M", time.localtime(summary.updated_at))
    return f"{title} · {when} · {summary.questions}"


class ExportFolder:
    """A private folder for the files the page offers to download, removed at exit."""

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._lock = threading.Lock()

    def write(self, name: str, text: str) -> str:
        """Write `text` to a new file named `name` (in a folder of its own); returns its path."""
        with self._lock:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="assistant-exports-"))
                atexit.register(shutil.rmtree, self._folder, ignore_errors=True)
            folder = Path(tempfile.mkdtemp(dir=self._folder))
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return str(path)


class ConversationsSection:
    """Event handlers of the conversation list, the export and the feedback."""

    def __init__(self, collections: Collections, answer_views: AnswerViews) -> None:
        self.collections = collections
        self.bot_for = collections.bot_for
        self.answer_views = answer_views
        self.exports = ExportFolder()

    # --- the list ------------------------------------------------------------------------

    def listing(self, search: str, chosen: str, request: gr.Request | None = None) -> Any:
        """The conversation list now (this user's, newest first, filtered by `search`)."""
        bot = self.bot_for(request)
        try:
            found = bot.conversations(search=search or "", user=user_of(request))[:LIST_LENGTH]
        except AssistantError as error:
            return gr.update(choices=[], value=None, info=f"⚠ {error}")
        choices = [(list_label(summary), summary.id) for summary in found]
        shown = chosen if any(summary.id == chosen for summary in found) else None
        info = ""
        if not found:
            info = (
                "No conversation holds those words."
                if search
                else "None yet: your questions are saved here as you ask them."
            )
        return gr.update(choices=choices, value=shown, info=info)

    def title_of(self, conversation_id: str, request: gr.Request | None = None) -> Any:
        """The open conversation's title, for the title box (after its first answer)."""
        if not conversation_id:
            return ""
        try:
            return self.bot_for(request).conversation(conversation_id, user=user_of(request)).title
        except AssistantError:
            return gr.skip()

    def open(
        self, conversation_id: str | None, current: str = "", request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """Show a saved conversation: its chat, the passages of its last answer, its title.
        The one already open (`current`) is left as it is (the list reselects it when it is
        refreshed, and what is being typed in the page must not be reset)."""
        if not conversation_id or conversation_id == current:
            return (gr.skip(),) * 8
        bot = self.bot_for(request)
        try:
            kept = bot.conversation(conversation_id, user=user_of(request))
        except AssistantError as error:
            return (*self.new(), render.error_panel(str(error), "Not opened"))
        chat: Chat = []
        panels: list[str] = []
        for turn, saved in enumerate(kept.answers):
            content, panel = self.answer_views(bot, saved.answer, turn)
            chat += [
                {"role": "user", "content": render.user_message(saved.answer.question)},
                {"role": "assistant", "content": content},
            ]
            panels.append(panel)
        history = [[q, a] for q, a in kept.history]
        saved_ids = [saved.id for saved in kept.answers]
        last = panels[-1] if panels else render.empty_panel()
        shown = len(panels) - 1
        return chat, history, panels, kept.id, saved_ids, shown, kept.title, last

    @staticmethod
    def new() -> tuple[Any, ...]:
        """A new, empty conversation (saved when its first question is asked)."""
        return [], [], [], "", [], -1, ""

    def restore(self, request: gr.Request) -> tuple[Any, ...]:
        """On page load: the conversation the address names, if it is this user's."""
        named = str(request.query_params.get(PARAMETER) or "")
        if not named:
            return (gr.skip(),) * 8
        try:
            # An address may give the id shortened, as the CLI takes it; the list gives it whole.
            whole = self.bot_for(request).conversation_id(named, user=user_of(request))
        except AssistantError as error:
            return (*self.new(), render.error_panel(str(error), "Not opened"))
        return self.open(whole, request=request)

    def rename(
        self, conversation_id: str, title: str, search: str, request: gr.Request | None = None
    ) -> tuple[str, Any]:
        """Give the open conversation a new title."""
        if not conversation_id:
            return "Ask a first question: the conversation is saved then, and can be renamed.", (
                gr.skip()
            )
        try:
            self.bot_for(request).rename_conversation(conversation_id, title, user=user_of(request))
        except AssistantError as error:
            return f"⚠ {error}", gr.skip()
        return "Renamed.", self.listing(search, conversation_id, request)

    def ask_to_delete(
        self, conversation_id: str, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """The first step of deleting: name the conversation and ask to confirm."""
        if not conversation_id:
            return "There is no saved conversation open.", gr.update(visible=False)
        try:
            kept = self.bot_for(request).conversation(conversation_id, user=user_of(request))
        except AssistantError as error:
            return f"⚠ {error}", gr.update(visible=False)
        return (
            f"Delete “{kept.title or 'New conversation'}” "
            f"({render.count(len(kept.answers), 'question')}) and its feedback? "
            "This cannot be undone.",
            gr.update(visible=True),
        )

    def delete(
        self, conversation_id: str, search: str, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """Delete the open conversation (after confirmation) and start a new one."""
        try:
            gone = self.bot_for(request).delete_conversation(conversation_id, user=user_of(request))
            said = f"Deleted “{gone.title or 'New conversation'}”."
        except AssistantError as error:
            said = f"⚠ {error}"
        return (
            *self.new(),
            render.empty_panel(),
            said,
            gr.update(visible=False),
            self.listing(search, "", request),
        )

    # --- export --------------------------------------------------------------------------

    def export_conversation(
        self, conversation_id: str, form: str, request: gr.Request | None = None
    ) -> tuple[Any, str, Any]:
        """The open conversation as a Markdown or JSON file to download, and its text (the
        Export box opened to show them)."""
        if not conversation_id:
            return None, "Ask a question first: there is nothing to export yet.", OPEN
        bot = self.bot_for(request)
        try:
            kept = bot.conversation(conversation_id, user=user_of(request))
        except AssistantError as error:
            return None, f"⚠ {error}", OPEN
        text = (
            conversation_json(kept)
            if form == "json"
            else conversation_markdown(kept, label=bot.source_label)
        )
        name = f"conversation-{kept.id[:8]}.{'json' if form == 'json' else 'md'}"
        return self.exports.write(name, text), text, OPEN

    def export_answer(
        self,
        conversation_id: str,
        saved_ids: list[int],
        shown: int,
        request: gr.Request | None = None,
    ) -> tuple[Any, str, Any]:
        """The answer the passages panel shows, as a Markdown file and text."""
        saved = self._shown_answer(conversation_id, saved_ids, shown, request)
        if isinstance(saved, str):
            return None, saved, OPEN
        text = answer_markdown(saved, heading="#", label=self.bot_for(request).source_label)
        return self.exports.write(f"answer-{saved.saved_as}.md", text), text, OPEN

    @staticmethod
    def show_turn(panels: list[str], shown: int) -> Any:
        """The passages panel of answer `shown`."""
        return panels[shown] if 0 <= shown < len(panels) else gr.skip()

    # --- feedback ------------------------------------------------------------------------

    def rate(  # noqa: PLR0917  # Gradio passes the inputs by position
        self,
        saved_ids: list[int],
        shown: int,
        rating: str | None,
        note: str,
        correction: str,
        request: gr.Request | None = None,
    ) -> str:
        """Keep the feedback the form gives on the answer the passages panel shows."""
        if not saved_ids:
            return NO_ANSWER_YET
        if rating not in ("up", "down"):
            return "Choose 👍 or 👎 first."
        saved_as = _saved_id(saved_ids, shown)
        if not saved_as:
            return "This answer was not saved, so it cannot take feedback."
        try:
            self.bot_for(request).give_feedback(
                saved_as, rating, note=note, correction=correction, user=user_of(request)
            )
        except AssistantError as error:
            return f"⚠ {error}"
        return "Thank you: your feedback is saved with the conversation."

    def thumb(
        self, saved_ids: list[int], event: gr.LikeData, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """A thumb on an answer in the chat: kept (an earlier note stays), and the answer's
        passages and feedback form shown."""
        index = event.index if isinstance(event.index, int) else event.index[0]
        turn = int(index) // 2
        saved_as = _saved_id(saved_ids, turn)
        rating = "up" if event.liked is True else "down" if event.liked is False else None
        if not saved_as or rating is None:
            return turn, gr.skip(), "This answer was not saved, so it cannot take feedback."
        try:
            self.bot_for(request).give_feedback(saved_as, rating, user=user_of(request))
        except AssistantError as error:
            return turn, gr.skip(), f"⚠ {error}"
        return turn, rating, "Thank you: add a note or the right answer below if you like."

    def form_for(
        self,
        conversation_id: str,
        saved_ids: list[int],
        shown: int,
        request: gr.Request | None = None,
    ) -> tuple[Any, str, str, str, Any]:
        """The feedback form as it stands for the answer shown: what was given before; opened
        once there is an answer (and, before one, left as the person has it)."""
        if not saved_ids:
            return None, "", "", NO_ANSWER_YET, gr.skip()
        opened = gr.update(open=True)
        saved = self._shown_answer(conversation_id, saved_ids, shown, request, whole=True)
        given = saved.feedback if not isinstance(saved, str) else None
        if given is None:
            return None, "", "", "", opened
        said = "Your earlier feedback on this answer."
        return given.rating, given.note, given.correction, said, opened

    def _shown_answer(
        self,
        conversation_id: str,
        saved_ids: list[int],
        shown: int,
        request: gr.Request | None,
        *,
        whole: bool = False,
    ) -> Any:
        """The saved answer at `shown` (its SavedAnswer with `whole`, else its Answer), or a
        sentence saying why there is none."""
        saved_as = _saved_id(saved_ids, shown)
        if not conversation_id or not saved_as:
            return "Ask a question first (an answer that could not be saved cannot be exported)."
        try:
            kept = self.bot_for(request).conversation(conversation_id, user=user_of(request))
        except AssistantError as error:
            return f"⚠ {error}"
        for saved in kept.answers:
            if saved.id == saved_as:
                return saved if whole else saved.answer
        return "That answer is no longer saved."


class ConversationsAPI:
    """The conversation endpoints for `gradio_client` users: the caller's own conversations
    (with ASSISTANT_AUTH, the signed-in user's) in the named collection (default: the app's)."""

    def __init__(self, collections: Collections) -> None:
        self.collections = collections

    def conversations(
        self, search: str = "", collection: str | None = None, request: gr.Request | None = None
    ) -> list[dict[str, Any]]:
        """The saved conversations, most recently used first: id, title, created_at,
        updated_at, questions. `search` keeps those holding all its words."""
        bot = self._bot(collection)
        return [
            summary.to_dict()
            for summary in _api(bot.conversations, search=search or "", user=user_of(request))
        ]

    def conversation(
        self, conversation: str, collection: str | None = None, request: gr.Request | None = None
    ) -> dict[str, Any]:
        """One saved conversation with every answer whole (citations, claims, feedback)."""
        bot = self._bot(collection)
        return _api(bot.conversation, conversation, user=user_of(request)).to_dict()

    def export(  # the API takes its inputs by position
        self,
        conversation: str,
        answer: int | None = None,
        format: str = "markdown",  # the parameter's name in the API
        collection: str | None = None,
        request: gr.Request | None = None,
    ) -> str:
        """A saved conversation (or, with `answer`, one of its answers by its saved id) as
        Markdown (format "markdown") or JSON ("json"), sources and quoted passages included."""
        if format not in ("markdown", "json"):
            raise gr.Error('format is "markdown" or "json"', print_exception=False)
        bot = self._bot(collection)
        kept = _api(bot.conversation, conversation, user=user_of(request))
        if not answer:
            if format == "json":
                return conversation_json(kept)
            return conversation_markdown(kept, label=bot.source_label)
        for saved in kept.answers:
            if saved.id == int(answer):
                return (
                    answer_json(saved.answer)
                    if format == "json"
                    else answer_markdown(saved.answer, heading="#", label=bot.source_label)
                )
        raise gr.Error(f"Conversation {conversation} has no answer {answer}", print_exception=False)

    def feedback(  # noqa: PLR0917  # the API takes its inputs by position
        self,
        answer: int,
        rating: str,
        note: str | None = None,
        correction: str | None = None,
        collection: str | None = None,
        request: gr.Request | None = None,
    ) -> dict[str, Any]:
        """Rate a saved answer (its `saved_as` from `/ask`) "up" or "down", with an optional
        note and the right answer; returns the feedback kept."""
        bot = self._bot(collection)
        given = _api(
            bot.give_feedback,
            int(answer),
            rating,
            note=note,
            correction=correction,
            user=user_of(request),
        )
        return given.to_dict()

    def _bot(self, collection: str | None) -> Assistant:
        return _api(self.collections.named, collection)


def _api(call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Call into the assistant for an API user: its errors become Gradio errors (one line)."""
    try:
        return call(*args, **kwargs)
    except AssistantError as error:
        raise gr.Error(str(error), print_exception=False) from None


def _saved_id(saved_ids: list[int], turn: int) -> int:
    return saved_ids[turn] if 0 <= turn < len(saved_ids or []) else 0


class SidebarParts:
    """The components of the conversation sidebar and of the answer tools, for wiring."""

    def __init__(self) -> None:
        with gr.Sidebar(label="Conversations", open=True, elem_id="conversations"):
            self.search = gr.Textbox(
                placeholder="Search conversations…",
                label="Search conversations",
                show_label=False,
                elem_id="chat-search",
                max_lines=1,
            )
            self.chat_list = gr.Radio(
                choices=[], value=None, label="Saved conversations", elem_id="chat-list"
            )
            with gr.Accordion("This conversation", open=False, elem_id="chat-tools"):
                self.title = gr.Textbox(label="Title", max_lines=1, elem_id="chat-title")
                self.rename = gr.Button("Rename", size="sm", elem_id="rename-chat")
                self.export_format = gr.Radio(
                    [("Markdown", "markdown"), ("JSON", "json")],
                    value="markdown",
                    label="Export as",
                    elem_id="export-format",
                )
                self.export = gr.Button("Export conversation", size="sm", elem_id="export-chat")
                self.delete = gr.Button("Delete…", variant="stop", size="sm", elem_id="delete-chat")
                self.confirm_text = gr.Markdown(elem_id="delete-chat-text")
                with gr.Row(visible=False, elem_id="delete-chat-row") as self.confirm_row:
                    self.confirm = gr.Button(
                        "Yes, delete it", variant="stop", size="sm", elem_id="confirm-delete-chat"
                    )
                    self.cancel = gr.Button("Cancel", size="sm", elem_id="cancel-delete-chat")


class AnswerToolParts:
    """Export and feedback for the answer the passages panel shows (laid out under it)."""

    def __init__(self) -> None:
        # Closed until there is an answer to give feedback on (form_for opens it).
        with gr.Accordion(
            "This answer: export and feedback", open=False, elem_id="answer-tools"
        ) as self.box:
            self.export = gr.Button(
                "Export this answer (Markdown)", size="sm", elem_id="export-answer"
            )
            self.rating = gr.Radio(
                RATING_CHOICES, value=None, label="Was this answer right?", elem_id="rating"
            )
            self.note = gr.Textbox(label="Note (optional)", max_lines=3, elem_id="feedback-note")
            self.correction = gr.Textbox(
                label="The right answer is… (optional)", max_lines=3, elem_id="feedback-correction"
            )
            self.send = gr.Button("Send feedback", size="sm", elem_id="send-feedback")
            self.said = gr.Markdown(elem_id="feedback-said")
        with gr.Accordion("Export", open=False, visible=False, elem_id="export") as self.export_box:
            self.file = gr.File(
                label="Download", interactive=False, height=90, elem_id="export-file"
            )
            self.text = gr.Textbox(
                label="Copy",
                lines=4,
                max_lines=12,
                interactive=False,
                buttons=["copy"],
                elem_id="export-text",
            )


@dataclass(frozen=True)
class ChatParts:
    """The chat's components and page state that the conversation events read and set."""

    chatbot: gr.Chatbot
    new_chat: gr.Button
    panel: gr.HTML
    history: gr.State
    panels: gr.State
    conversation: gr.Textbox
    saved_ids: gr.State
    shown: gr.State

    @property
    def opened(self) -> list[Any]:
        """What opening a conversation sets, in the order `ConversationsSection.open` returns."""
        return [
            self.chatbot,
            self.history,
            self.panels,
            self.conversation,
            self.saved_ids,
            self.shown,
        ]


def wire(
    demo: gr.Blocks,
    section: ConversationsSection,
    chat: ChatParts,
    side: SidebarParts,
    tools: AnswerToolParts,
) -> None:
    """Connect the sidebar and the answer tools to the section's handlers."""
    private: dict[str, Any] = {"api_visibility": "private"}
    opened = [*chat.opened, side.title, chat.panel]
    form = [tools.rating, tools.note, tools.correction, tools.said, tools.box]
    show_address = {"fn": None, "inputs": [chat.conversation], "js": SHOW_IN_ADDRESS, **private}
    # On load, the conversation the address names; an id given shortened is then written out.
    demo.load(section.restore, None, opened, **private).then(
        section.listing, [side.search, chat.conversation], [side.chat_list], **private
    ).then(section.form_for, [chat.conversation, chat.saved_ids, chat.shown], form, **private).then(
        **show_address
    )  # writes out in full an id the address gave shortened
    side.chat_list.input(section.open, [side.chat_list, chat.conversation], opened, **private).then(
        section.form_for, [chat.conversation, chat.saved_ids, chat.shown], form, **private
    ).then(**show_address)
    side.search.change(
        section.listing, [side.search, chat.conversation], [side.chat_list], **private
    )
    for start_new in (chat.new_chat.click, chat.chatbot.clear):
        start_new(
            lambda: (
                *section.new(),
                render.empty_panel(),
                None,
                "",
                "",
                NO_ANSWER_YET,
                gr.update(open=False),
            ),
            None,
            [*opened, *form],
            **private,
        ).then(section.listing, [side.search, chat.conversation], [side.chat_list], **private).then(
            **show_address
        )
    side.rename.click(
        section.rename,
        [chat.conversation, side.title, side.search],
        [side.confirm_text, side.chat_list],
        **private,
    )
    side.delete.click(
        section.ask_to_delete, [chat.conversation], [side.confirm_text, side.confirm_row], **private
    )
    side.cancel.click(
        lambda: ("", gr.update(visible=False)),
        None,
        [side.confirm_text, side.confirm_row],
        **private,
    )
    side.confirm.click(
        section.delete,
        [chat.conversation, side.search],
        [*opened, side.confirm_text, side.confirm_row, side.chat_list],
        **private,
    ).then(**show_address)
    side.export.click(
        section.export_conversation,
        [chat.conversation, side.export_format],
        [tools.file, tools.text, tools.export_box],
        **private,
    ).then(None, js=scrolling.SHOW_EXPORT, **private)
    tools.export.click(
        section.export_answer,
        [chat.conversation, chat.saved_ids, chat.shown],
        [tools.file, tools.text, tools.export_box],
        **private,
    )
    tools.send.click(
        section.rate,
        [chat.saved_ids, chat.shown, tools.rating, tools.note, tools.correction],
        [tools.said],
        **private,
    )
    chat.chatbot.like(
        section.thumb, [chat.saved_ids], [chat.shown, tools.rating, tools.said], **private
    ).then(section.show_turn, [chat.panels, chat.shown], [chat.panel], **private)
