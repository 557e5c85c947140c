"""Telegram adapter (python-telegram-bot v22): updates in, rendered replies out.

Everything about answering is in the core; this module only maps Telegram updates to
``Incoming``, shows the typing action while the core works, and sends HTML messages with
inline keyboards (split under Telegram's 4,096-character limit).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import tempfile
from pathlib import Path
from typing import Any

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError
from telegram.ext import (Application, ApplicationBuilder, CallbackQueryHandler, ContextTypes, MessageHandler,
                          SimpleUpdateProcessor, filters)

from troly.bot.tracking.reminders import send_due
from troly.prompts import channels as P

from .render import telegram_keyboard, telegram_messages
from .replies import Incoming, Reply
from .runtime import CoreRunner
from .tg_limits import SendLimiter

log = logging.getLogger(__name__)
CHANNEL = "telegram"
REMINDER_INTERVAL = 3600.0


def file_base_url(api_base: str) -> str:
    """``https://host/bot`` -> ``https://host/file/bot`` (where Telegram serves downloads)."""
    base = api_base.rstrip("/")
    if base.endswith("/bot"):
        return base[: -len("/bot")] + "/file/bot"
    return base + "/file/bot"


class CountingProcessor(SimpleUpdateProcessor):
    """Up to 256 updates processed at once (python-telegram-bot's default), and a count of the
    updates started and not finished, those waiting for a slot included (see ``pending_updates``)."""

    def __init__(self, max_concurrent_updates: int = 256):
        super().__init__(max_concurrent_updates)
        self.pending = 0

    async def process_update(self, update: object, coroutine: Any) -> None:
        self.pending += 1
        try:
            await super().process_update(update, coroutine)
        finally:
            self.pending -= 1


def pending_updates(app: Application) -> int:
    """Updates received and not yet answered: queued, or started and not finished."""
    return app.update_queue.qsize() + getattr(app.update_processor, "pending", 0)


def build_application(settings: Any, runner: CoreRunner, *, reminders: bool = True, limiter: bool = True,
                      updates_request: Any = None) -> Application:
    """``updates_request``: the HTTP request object for getUpdates (``troly serve`` passes one that
    records each poll's success or failure for /healthz)."""
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_token)
        .base_url(settings.telegram_api_base)
        .base_file_url(file_base_url(settings.telegram_api_base))
        .concurrent_updates(CountingProcessor())
        .post_init(_post_init)
    )
    if limiter:
        builder = builder.rate_limiter(SendLimiter())
    if updates_request is not None:
        builder = builder.get_updates_request(updates_request)
    app = builder.build()
    app.bot_data["runner"] = runner
    app.add_handler(CallbackQueryHandler(on_button))
    app.add_handler(MessageHandler(filters.Document.ALL, on_document))
    app.add_handler(MessageHandler(filters.TEXT, on_text))
    app.add_handler(MessageHandler(filters.ALL & ~filters.StatusUpdate.ALL, on_other))
    app.add_error_handler(on_error)
    if reminders and app.job_queue is not None and runner.core.services.reminders is not None:
        app.job_queue.run_repeating(send_reminders, interval=REMINDER_INTERVAL, first=30)
    return app


async def _post_init(app: Application) -> None:
    try:
        await app.bot.set_my_commands([BotCommand(c, d) for c, d in P.COMMAND_MENU])
    except TelegramError as exc:  # the menu is a convenience: never fail start-up over it
        log.warning("setMyCommands failed: %s", exc)


def _runner(context: ContextTypes.DEFAULT_TYPE) -> CoreRunner:
    return context.application.bot_data["runner"]


@contextlib.asynccontextmanager
async def typing(bot: Any, chat_id: int):
    """Keep "typing…" visible while the core works (Telegram clears it after ~5 s)."""

    async def loop() -> None:
        while True:
            with contextlib.suppress(TelegramError):
                await bot.send_chat_action(chat_id=chat_id, action=ChatAction.TYPING)
            await asyncio.sleep(4.5)

    task = asyncio.create_task(loop())
    try:
        yield
    finally:
        task.cancel()


async def send_replies(bot: Any, chat_id: int, replies: list[Reply]) -> None:
    for reply in replies:
        messages = telegram_messages(reply)
        for i, text in enumerate(messages):
            markup = None
            if reply.buttons and i == len(messages) - 1:
                markup = InlineKeyboardMarkup(
                    [[InlineKeyboardButton(label, callback_data=data) for label, data in row]
                     for row in telegram_keyboard(reply.buttons)]
                )
            await bot.send_message(
                chat_id=chat_id, text=text, parse_mode=ParseMode.HTML, reply_markup=markup,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )


def _incoming(update: Update, **kw: Any) -> Incoming:
    chat = update.effective_chat
    user = update.effective_user
    return Incoming(channel=CHANNEL, chat_id=str(chat.id), user_id=str(user.id if user else chat.id), **kw)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    if msg is None or update.effective_chat is None:
        return
    chat_id = update.effective_chat.id
    async with typing(context.bot, chat_id):
        replies = await _runner(context).handle(_incoming(update, text=msg.text or ""))
    await send_replies(context.bot, chat_id, replies)


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_chat is not None and update.effective_message is not None:
        await send_replies(context.bot, update.effective_chat.id, [Reply(text=P.UNSUPPORTED_MESSAGE)])


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    doc = update.effective_message.document
    chat_id = update.effective_chat.id
    runner = _runner(context)
    probe = _incoming(update, file_name=doc.file_name or "", file_size=doc.file_size or 0)
    refusal = await runner.check_file(probe)
    if refusal is not None:  # refused before anything is downloaded
        await send_replies(context.bot, chat_id, refusal)
        return
    async with typing(context.bot, chat_id):
        with tempfile.TemporaryDirectory(prefix="troly-upload-") as tmp:
            path = Path(tmp) / Path(doc.file_name).name
            tg_file = await context.bot.get_file(doc.file_id)
            await tg_file.download_to_drive(custom_path=path)
            probe.file_path = path
            replies = await runner.handle(probe)
    await send_replies(context.bot, chat_id, replies)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    data = query.data or ""
    runner = _runner(context)
    incoming = _incoming(update, button=data)
    if data.startswith("src:"):
        await query.answer()
        async with typing(context.bot, update.effective_chat.id):
            replies = await runner.handle(incoming)
        await send_replies(context.bot, update.effective_chat.id, replies)
        return
    replies = await runner.handle(incoming)
    notices = [r for r in replies if r.notice]
    await query.answer(text=notices[0].text if notices else None)
    if data.startswith("fb:") and query.message is not None:
        await _drop_vote_buttons(query)
    rest = [r for r in replies if not r.notice]
    if rest:
        await send_replies(context.bot, update.effective_chat.id, rest)


async def _drop_vote_buttons(query: Any) -> None:
    """After a vote, keep only "Xem nguồn" under the answer so that nobody votes twice by mistake."""
    markup = query.message.reply_markup
    rows = []
    for row in (markup.inline_keyboard if markup else ()):
        kept = [b for b in row if not (b.callback_data or "").startswith("fb:")]
        if kept:
            rows.append(kept)
    with contextlib.suppress(TelegramError):
        await query.edit_message_reply_markup(reply_markup=InlineKeyboardMarkup(rows) if rows else None)


async def send_reminders(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Due reminders, each marked sent only once Telegram took it; a failed one is logged and,
    when a retry is due before the next hourly run, tried again by a one-off job."""

    async def send(chat_id: str, text: str) -> None:
        await send_replies(context.bot, int(chat_id), [Reply(text=text)])

    retry = await send_due(_runner(context), CHANNEL, send)
    if retry is not None and retry < REMINDER_INTERVAL and context.job_queue is not None:
        context.job_queue.run_once(send_reminders, when=retry)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("Telegram update failed: %s", context.error, exc_info=context.error)
