"""The browser chat: a Gradio Blocks app over one `Assistant` (and the other collections of
its installation, through the collection picker).

Layout: the chat on the left, the passages panel on the right (each answer
sentence with its verdict, the cited passages with the supporting sentences
highlighted), and an Articles section to upload, list, scope and remove
articles. All answering goes through `Assistant.stream`; this module adds
no answering logic, only events and rendering (render.py).

API: `/ask` (question, history, sources, date_from, date_to, collection)
streams partial answers and ends with the full answer as JSON, citations
and claims included, so `gradio_client` users get what the browser shows; `/ingest` takes uploaded
article files and returns the ingest report; `/articles` lists the index;
`/collections` names the installation's collections.
The chat's own events are not part of the public API.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Any

import gradio as gr

from assistant import (
    NEW_CONVERSATION,
    Answer,
    ArticleRecord,
    Assistant,
    AssistantError,
    ConfigError,
    NoSuchConversationError,
    QuestionError,
    StoredArticle,
    UsageError,
)
from assistant.web import conversations, dates, render, scrolling, sources, writing
from assistant.web.collections import Collections, add_picker
from assistant.web.conversations import user_of

STATIC = Path(__file__).resolve().parent / "static"
EXAMPLES = [
    "How long did the call between Trump and Putin last?",
    "What did the US Defence Secretary say about Ukraine's borders?",
    "How much are Ukraine's rare earth minerals worth?",
    "Who did Trump call after speaking with Putin?",
]
# The seed article the examples ask about; they are shown only while the index holds it.
EXAMPLES_ARTICLE = "trump-putin-ukraine-negotiations.txt"
# Questions answered at once; more wait in the queue (up to max_queue, then "busy").
ASK_CONCURRENCY = 8

Chat = list[dict[str, str]]
History = list[list[str]]


def _article_choices(bot: Assistant, records: list[ArticleRecord]) -> list[tuple[str, str]]:
    """The article pickers' choices: "title — source" shown, the source as the value."""
    return [(f"{r.title} — {bot.source_label(r.source)}", r.source) for r in records]


class ChatApp:
    """Event handlers over the app's Assistant and its installation's other collections
    (each page works on the one its address names); conversation state lives in the page."""

    def __init__(self, bot: Assistant) -> None:
        self.bot = bot
        self.collections = Collections(bot)

    # --- chat --------------------------------------------------------------------

    def respond(  # noqa: PLR0917  # Gradio passes the inputs by position
        self,
        question: str,
        chat: Chat,
        history: History,
        panels: list[str],
        scope: list[str],
        date_from: str | None = None,
        date_to: str | None = None,
        conversation: str = "",
        saved_ids: list[int] | None = None,
        request: gr.Request | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """Stream an answer into the chat, save it in the page's conversation (starting one for
        the first question), then show its passages panel.

        The article filter, the article table and the status line are brought up
        to date with the index as well: another process may have added or removed articles since
        the page loaded. A database that cannot be used does not stop the
        answer; the chat says it was not saved.
        """
        bot = self.collections.bot_for(request)
        try:
            question = bot.check_question(question)
            date_from, date_to = dates.read_range(date_from, date_to)
        except (QuestionError, UsageError) as error:
            # Said beside the box, which keeps the text; the chat shows only questions asked.
            gr.Warning(str(error), duration=8, title="Not asked")
            yield (gr.skip(),) * 11
            return
        user = user_of(request)
        saved_ids = list(saved_ids or [])
        records = bot.articles()
        known = {record.source for record in records}
        kept = [source for source in scope or [] if source in known]
        choices = _article_choices(bot, records)
        scope_now = gr.update(choices=choices, value=kept)
        status = self.status(request)
        table = render.article_table(records, bot.source_label)
        notices = []
        if len(kept) < len(scope or []):
            notices.append(
                "Some articles chosen under “Ask only these articles” are no longer in the index; "
                + ("the others were asked." if kept else "all articles were asked instead.")
            )
        if conversation and not self._still_there(bot, conversation, user):
            notices.append(
                "The conversation open in this page was deleted elsewhere; "
                "this question starts a new one."
            )
            conversation, history, panels, saved_ids = "", [], [], []
            chat = []
        turn = len(panels)
        chat = [
            *chat,
            {"role": "user", "content": render.user_message(question)},
            {"role": "assistant", "content": "…"},
        ]
        yield (
            chat, render.empty_panel(), history, panels, "", scope_now, status, table,
            conversation, saved_ids, turn,
        )  # fmt: skip
        more = (gr.skip(),) * 4
        unchanged = (conversation, saved_ids, gr.skip())
        try:
            stream = bot.stream(
                question,
                [(q, a) for q, a in history],
                conversation=conversation or NEW_CONVERSATION,
                user=user,
                sources=kept,
                date_from=date_from,
                date_to=date_to,
            )
            text = ""
            for piece in stream:
                text += piece
                chat[-1] = {"role": "assistant", "content": render.answer_message(text, turn)}
                yield chat, gr.skip(), history, panels, *more, *unchanged
            answer = stream.answer
        except AssistantError as error:
            chat[-1] = {"role": "assistant", "content": render.notice_message(f"⚠ {error}")}
            panel = render.error_panel(str(error))
            yield chat, panel, history, [*panels, panel], *more, conversation, [*saved_ids, 0], turn
            return
        if answer.not_saved:
            notices.append(f"This answer was not saved: {answer.not_saved}")
        content, panel = self.answer_views(bot, answer, turn, notices)
        chat[-1] = {"role": "assistant", "content": content}
        yield (
            chat,
            panel,
            # The question as it was read, with any subject it carried (Conversation.history).
            [*history, [answer.standalone_question or question, answer.text]],
            [*panels, panel],
            *more,
            answer.conversation, [*saved_ids, answer.saved_as], turn,
        )  # fmt: skip

    @staticmethod
    def _still_there(bot: Assistant, conversation: str, user: str) -> bool:
        """Whether the page's conversation is still saved (another tab or the command line
        may have deleted it); a database that cannot be read answers yes, and the answer
        then says it was not saved."""
        try:
            bot.conversation(conversation, user=user)
        except NoSuchConversationError:
            return False
        except AssistantError:
            return True
        return True

    def answer_views(
        self, bot: Assistant, answer: Answer, turn: int, notices: Sequence[str] = ()
    ) -> tuple[str, str]:
        """An answer as the chat shows it (how a follow-up was read, text, short answer,
        newest source, notices, a refusal's reason) and its passages panel."""
        short = answer.short_answer.text if answer.short_answer else ""
        content = (
            render.notice_message(answer.asked_as_line) + "<br>" if answer.asked_as_line else ""
        )
        content += render.answer_message(answer.text, turn, short)
        content += render.newest_source(answer, turn)
        if answer.refused and answer.note:
            # Why not, under "The articles do not say.", as the command line prints it.
            content += "<br>" + render.notice_message(answer.note)
        for said in [answer.caution, *notices, answer.note if answer.interrupted else ""]:
            if said:
                content += "<br>" + render.notice_message(f"⚠ {said}")
        return content, render.panel(answer, turn, bot.source_label, self.stored_article_of(bot))

    @staticmethod
    def stored_article_of(bot: Assistant) -> Callable[[str], StoredArticle | None]:
        """The whole stored article behind a passage of `bot`'s, or None if it is gone."""

        def stored_article(source: str) -> StoredArticle | None:
            try:
                return bot.article(source)
            except AssistantError:
                return None

        return stored_article

    @staticmethod
    def select_turn(panels: list[str], event: gr.SelectData) -> tuple[Any, Any]:
        """Show the passages of the answer a person selects in the chat (and say which it is)."""
        index = event.index if isinstance(event.index, int) else event.index[0]
        turn = int(index) // 2
        if not 0 <= turn < len(panels):
            return gr.skip(), gr.skip()
        return panels[turn], turn

    # --- articles ----------------------------------------------------------------

    def ingest(
        self, files: list[str] | None, replace: bool, request: gr.Request | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Keep the uploads and ingest them, showing the progress in the report area (the
        other panels stay usable); then show the index as it is.

        The file box is locked meanwhile (writing.on): Gradio ignores an event's trigger
        while that event runs in the page, so files dropped then would be shown but
        never read.
        """
        if not files:  # the note writing.on put in the report area goes again
            yield ("", *(gr.skip(),) * 5, gr.update(interactive=True), gr.skip())
            return
        bot = self.collections.bot_for(request)
        outcome = yield from writing.shown(
            lambda show: bot.upload(files, replace=bool(replace), progress=show),
            width=8,
            starting=f"Reading {render.count(len(files), 'file')}…",
        )
        shown = writing.outcome_panel(outcome, partial(render.report, label=bot.source_label))
        # The file box is emptied, so the next upload holds only the files chosen then, and
        # "replace" unticked, so that it replaces only when asked for again.
        yield (shown, *self.article_views(request), gr.update(value=None, interactive=True), False)

    def ask_to_remove(
        self, source: str | None, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """The first step of removing: name what would go and ask to confirm.

        An article that another process removed in the meantime is reported,
        and the lists are brought up to date.
        """
        if not source:
            return (gr.skip(),) * 7
        bot = self.collections.bot_for(request)
        record = next((r for r in bot.articles() if r.source == source), None)
        if record is None:
            gone = render.error_panel(
                f"{bot.source_label(source)} is no longer in the index (removed elsewhere); "
                "the lists now show what it holds.",
                "Not removed",
            )
            return (gr.skip(), gone, *self.article_views(request))
        kept_copy = " and its uploaded file" if bot.uploads.holds(record.file) else ""
        question = (
            f'<p class="confirm">Remove <b>{render.escape(record.title)}</b> '
            f"({render.escape(bot.source_label(record.source))}){kept_copy} from the index? "
            "This cannot be undone.</p>"
        )
        return (question, *(gr.skip(),) * 5, gr.update(visible=True))

    def remove(
        self, source: str | None, request: gr.Request | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Remove one article (after confirmation), saying so while it waits for another
        process writing the index, and refresh the lists."""
        if not source:  # the note writing.on put in the report area goes again
            yield ("", *(gr.skip(),) * 5)
            return
        bot = self.collections.bot_for(request)
        outcome = yield from writing.shown(
            lambda show: self._removal_note(bot, bot.remove(source, progress=show)),
            width=6,
            starting="Removing…",
        )
        yield (writing.outcome_panel(outcome, str), *self.article_views(request))

    @staticmethod
    def _removal_note(bot: Assistant, record: ArticleRecord) -> str:
        """What was removed, with its uploaded copy, and whether a folder sync brings it back."""
        deleted = " Its uploaded file was deleted too." if bot.uploads.holds(record.file) else ""
        folder = bot.folder_reading(record)
        returns = (
            f" Its file is still in the registered folder {render.escape(folder)}, whose"
            " next sync reads it again: delete or move the file, or stop syncing the"
            " folder (Feeds and web pages)."
            if folder is not None
            else ""
        )
        return (
            f"<p>Removed {render.escape(record.title)} "
            f"({render.count(record.chunks, 'chunk')}).{deleted}{returns}</p>"
        )

    def article_views(self, request: gr.Request | None = None) -> tuple[Any, ...]:
        """The article table, both pickers, the status line and the hidden confirm row, as now."""
        bot = self.collections.bot_for(request)
        records = bot.articles()
        choices = _article_choices(bot, records)
        return (
            render.article_table(records, bot.source_label),
            gr.update(choices=choices, value=[]),
            gr.update(choices=choices, value=None),
            self.status(request),
            gr.update(visible=False),
        )

    @staticmethod
    def hide() -> Any:
        """Hide the confirmation row (cancel)."""
        return gr.update(visible=False)

    def on_page_load(
        self, scope: list[str] | None, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """Every page load shows the index as it is now, not as it was when the app started;
        the example questions only while the article they ask about is in it."""
        bot = self.collections.bot_for(request)
        records = bot.articles()
        choices = _article_choices(bot, records)
        known = {r.source for r in records}
        return (
            render.article_table(records, bot.source_label),
            gr.update(choices=choices, value=[s for s in scope or [] if s in known]),
            gr.update(choices=choices, value=None),
            self.status(request),
            gr.update(visible=any(Path(r.source).name == EXAMPLES_ARTICLE for r in records)),
        )

    def status(self, request: gr.Request | None = None) -> str:
        """The header status line, from the assistant's own account of itself."""
        return render.status(self.collections.bot_for(request).status())

    # --- API ---------------------------------------------------------------------

    def api_ask(  # noqa: PLR0917  # the API takes its inputs by position
        self,
        question: str,
        history: list[list[str]] | None = None,
        sources: list[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        collection: str | None = None,
        conversation: str | None = None,
        request: gr.Request | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Answer a question from the articles, with numbered citations and per-sentence checks.

        Streams {"answer": partial text, "done": false} while the answer is
        written, then the whole answer with "done": true: question, answer,
        mode, refused, citations [{n, source, title, text, score, start, end}],
        claims [{text, citations, score, verdict, evidence}] and passages.
        history is a list of [question, answer] pairs; sources restricts the
        search to those articles, date_from and date_to (YYYY-MM-DD) to the
        articles dated within that range; collection names the collection to
        ask (`/collections` lists them; default: the app's own). conversation
        names a saved conversation to follow up and save the answer in ("new"
        starts one); the answer then says its "conversation" and "saved_as"
        (for `/feedback` and `/export`).
        """
        try:
            bot = self.collections.named(collection)
            user = user_of(request)
            stream = bot.stream(
                question,
                [(q, a) for q, a in history or []],
                conversation=conversation or None,
                user=user,
                sources=sources or (),
                date_from=date_from or None,
                date_to=date_to or None,
            )
            text = ""
            for piece in stream:
                text += piece
                yield {"answer": text, "done": False}
            yield {**stream.answer.to_dict(), "done": True}
        except AssistantError as error:
            raise gr.Error(str(error), print_exception=False) from None

    def api_ingest(self, files: list[str] | None, replace: bool = False) -> dict[str, Any]:
        """Ingest uploaded article files; returns the ingest report as JSON.

        Files with the same name as an earlier upload are kept beside it unless
        `replace` is true, which replaces the earlier upload (listed in "replaced"; of
        several, only the one with the new article's title, else none and a note says so).
        """
        if not files:
            raise gr.Error(
                "No files given: pass article files (txt, md, html, pdf, docx, json, jsonl)"
            )
        try:
            return asdict(self.bot.upload(files, replace=bool(replace)))
        except AssistantError as error:
            raise gr.Error(str(error), print_exception=False) from None

    def api_articles(self, collection: str | None = None) -> list[dict[str, Any]]:
        """The articles in the index (or in the named collection): source, title, date, url,
        chunks."""
        try:
            return [asdict(record) for record in self.collections.named(collection).articles()]
        except AssistantError as error:
            raise gr.Error(str(error), print_exception=False) from None

    def api_collections(self) -> list[str]:
        """The names of the installation's collections."""
        return self.collections.names()


def build(bot: Assistant) -> gr.Blocks:
    """The Gradio app for `bot` (not launched).

    Nothing about the index is baked into the page: each page load asks for
    the index as it is then (articles, counts), so a reload after an upload
    or a command-line ingest shows what is there now.
    """
    app = ChatApp(bot)
    section = conversations.ConversationsSection(app.collections, app.answer_views)
    api_conversations = conversations.ConversationsAPI(app.collections)
    file_types = bot.status().file_types
    with gr.Blocks(title="Assistant · ask your articles", analytics_enabled=False) as demo:
        gr.Markdown(
            "## Ask your articles\nAnswers come from your articles only, with numbered "
            "citations; check each sentence against the passage it cites on the right."
        )
        status = gr.HTML(render.status_loading(), elem_id="status")
        add_picker(demo, app.collections)
        history = gr.State([])
        panels = gr.State([])
        # A hidden box, not a State: the page's script reads it to put the id in the address.
        conversation = gr.Textbox("", visible=False, elem_id="conversation-id")
        saved_ids = gr.State([])
        shown = gr.State(-1)
        side = conversations.SidebarParts()
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    label="Chat",
                    elem_id="chat",
                    height=540,
                    sanitize_html=True,
                    render_markdown=True,
                    latex_delimiters=[],
                    feedback_options=("Like", "Dislike"),
                    allow_file_downloads=False,
                    group_consecutive_messages=False,
                    allow_tags=False,
                    buttons=["copy"],
                )
                with gr.Row():
                    question = gr.Textbox(
                        placeholder="Ask a question about your articles…",
                        label="Question",
                        show_label=False,
                        scale=6,
                        max_lines=4,
                        elem_id="question",
                        autofocus=True,
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                scope = gr.Dropdown(
                    choices=[],
                    value=[],
                    multiselect=True,
                    elem_id="scope",
                    label="Ask only these articles (empty: all articles)",
                )
                date_from, date_to = dates.date_range()
                new_chat = gr.Button("New conversation", size="sm", elem_id="clear")
                examples = gr.Examples(
                    EXAMPLES, inputs=question, label="Examples about the seed article"
                )
            with gr.Column(scale=2):
                panel = gr.HTML(render.empty_panel(), elem_id="passages-panel")
                tools = conversations.AnswerToolParts()
        with gr.Accordion("Articles", open=False, elem_id="articles"):
            # No file_types filter: the browser would turn other files away in a toast that
            # vanishes, beside a report of the rest; the server lists them in the report,
            # with the types it reads, as the CLI does.
            upload = gr.File(
                label="Add articles (" + " ".join(file_types) + ")",
                file_count="multiple",
                elem_id="upload",
                # At most this high, the list of files chosen scrolling: a long list had pushed
                # the upload's progress and report out of sight below it.
                height=240,
            )
            replace = gr.Checkbox(
                False,
                label="Replace the earlier upload that has the same file name "
                "(otherwise both are kept)",
                elem_id="replace",
            )
            report = gr.HTML(elem_id="report")
            table = gr.Dataframe(
                value=[],
                interactive=False,
                headers=list(render.ARTICLE_COLUMNS),
                label="In the index",
                wrap=True,
                column_widths=["32%", "14%", "32%", "14%", "8%"],
                max_height=640,
                elem_id="article-table",
            )
            with gr.Row():
                to_remove = gr.Dropdown(
                    choices=[],
                    value=None,
                    label="Remove an article",
                    scale=4,
                    elem_id="to-remove",
                )
                remove = gr.Button("Remove…", variant="stop", scale=1, elem_id="remove")
            with gr.Row(visible=False, elem_id="confirm-row") as confirm_row:
                confirm_text = gr.HTML(elem_id="confirm-text")
                confirm = gr.Button("Yes, remove it", variant="stop", elem_id="confirm-remove")
                cancel = gr.Button("Cancel", elem_id="cancel-remove")

        article_outputs = [report, table, scope, to_remove, status, confirm_row]
        sources.add_section(demo, app.collections.bot_for, app.article_views, article_outputs)
        demo.load(
            app.on_page_load,
            [scope],
            [table, scope, to_remove, status, examples.dataset],
            api_visibility="private",
        )
        chat = conversations.ChatParts(
            chatbot, new_chat, panel, history, panels, conversation, saved_ids, shown
        )
        chat_outputs = [chatbot, panel, history, panels, question, scope, status, table]
        chat_outputs += [conversation, saved_ids, shown]
        chat_inputs = [question, chatbot, history, panels, scope, date_from, date_to]
        chat_inputs += [conversation, saved_ids]
        feedback_form = [tools.rating, tools.note, tools.correction, tools.said, tools.box]
        for trigger in (question.submit, send.click):
            trigger(
                app.respond,
                chat_inputs,
                chat_outputs,
                api_visibility="private",
                concurrency_limit=ASK_CONCURRENCY,
                concurrency_id="ask",
            ).then(
                section.listing,
                [side.search, conversation],
                [side.chat_list],
                api_visibility="private",
            ).then(section.title_of, [conversation], [side.title], api_visibility="private").then(
                section.form_for,
                [conversation, saved_ids, shown],
                feedback_form,
                api_visibility="private",
            ).then(
                None,
                [conversation],
                None,
                js=conversations.SHOW_IN_ADDRESS,
                api_visibility="private",
            )
        scrolling.show_chat_on(question.submit, send.click)
        chatbot.select(app.select_turn, [panels], [panel, shown], api_visibility="private").then(
            section.form_for,
            [conversation, saved_ids, shown],
            feedback_form,
            api_visibility="private",
        )
        conversations.wire(demo, section, chat, side, tools)
        writing.on(
            upload.upload,
            app.ingest,
            [upload, replace],
            [*article_outputs, upload, replace],
            box=upload,
            api_name="upload_from_page",
        )
        remove.click(
            app.ask_to_remove,
            [to_remove],
            [confirm_text, *article_outputs],
            api_visibility="private",
        )
        cancel.click(app.hide, None, [confirm_row], api_visibility="private")
        writing.on(confirm.click, app.remove, [to_remove], article_outputs)
        # File uploads for API users: Gradio's File input accepts only uploaded files.
        api_files = gr.File(file_count="multiple", visible=False)
        api_replace = gr.Checkbox(False, visible=False)
        api_report = gr.JSON(visible=False)
        gr.Button(visible=False).click(
            app.api_ingest,
            [api_files, api_replace],
            [api_report],
            api_name="ingest",
            concurrency_limit=1,
            concurrency_id="write",
        )
        api = gr.api  # type: ignore[attr-defined]  # exported, but not in gradio's __all__
        api(app.api_ask, api_name="ask", concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
        api(app.api_articles, api_name="articles")
        api(app.api_collections, api_name="collections")
        api(api_conversations.conversations, api_name="conversations")
        api(api_conversations.conversation, api_name="conversation")
        api(api_conversations.export, api_name="export")
        api(api_conversations.feedback, api_name="feedback")
    blocks: gr.Blocks = demo
    return blocks


def _private_upload_cache() -> None:
    """Give Gradio an upload folder of this process's own.

    Gradio serves every file in its upload folder, which by default is a
    /tmp/gradio shared with any other Gradio app on the machine; a private,
    owner-only folder means the file route serves only what was uploaded here.
    """
    folder = tempfile.mkdtemp(prefix="assistant-uploads-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["GRADIO_TEMP_DIR"] = folder


def launch(bot: Assistant, *, block: bool = True, quiet: bool = False) -> gr.Blocks:
    """Build and start the app on the configured host and port; returns the running app.

    Refuses to listen beyond this machine without ASSISTANT_AUTH. The index
    folder is blocked from the file route; only Gradio's own upload cache is
    served.
    """
    settings = bot.settings
    if not settings.is_local_only and settings.credentials is None:
        raise ConfigError(
            f"Listening on {settings.host} would expose your articles to the network: set "
            "ASSISTANT_AUTH=user:password, or bind 127.0.0.1"
        )
    _private_upload_cache()
    demo = build(bot)
    demo.queue(max_size=settings.max_queue, default_concurrency_limit=1)
    try:
        _launch(demo, bot, block=block, quiet=quiet)
    except OSError as error:
        raise ConfigError(
            f"Cannot listen on {settings.host}:{settings.port} ({str(error).splitlines()[0]}): "
            "pass --port N (or set GRADIO_SERVER_PORT) for a free port"
        ) from None
    return demo


def _launch(demo: gr.Blocks, bot: Assistant, *, block: bool, quiet: bool) -> None:
    settings = bot.settings
    demo.launch(
        server_name=settings.host,
        server_port=settings.port,
        auth=settings.credentials,
        prevent_thread_lock=not block,
        quiet=quiet,
        show_error=False,
        ssr_mode=False,
        max_file_size=f"{settings.max_upload_mb:g}mb",
        blocked_paths=[
            str(Path(settings.index_dir).resolve()),
            str(settings.uploads_root.resolve()),
        ],
        css=(STATIC / "app.css").read_text(encoding="utf-8"),
        js=(STATIC / "app.js").read_text(encoding="utf-8"),
        footer_links=["api"],
    )
