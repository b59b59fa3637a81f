"""Translatable messages produced below the Qt line.

Services must not import Qt, yet what they say (the reasons two leads look
alike, a rights refusal) reaches the operator in Russian or English.  A service
returns a ``Message``: a translation context, an English template marked with
``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` extracts it, and the values to fill
in.  Views translate it with ``message.render(translate=QCoreApplication.translate)``;
the command line prints the English text.

A value may itself be a ``Message`` (a word such as "archive" that needs
translating too, or one refusal inside a combined one) or a ``MessageList`` of
them: rendering translates those with the same ``translate``, so a message
built from parts reads in one language throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from string import Formatter
from typing import Any

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction by pyside6-lupdate; returns it unchanged."""
    return text


@dataclass(frozen=True, slots=True)  # a million-lead scan holds a million reasons
class Message:
    context: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, template: str | None = None, translate: Translate | None = None) -> str:
        """Fill the template with the values.

        ``template``: an already translated template; ``translate(context, text)``:
        translate the template and every ``Message`` among the values with it.
        """
        if translate is None:
            if template is None:
                return english(self.template, self.params)
            try:
                return template.format_map(self.params)
            except (KeyError, IndexError, ValueError):
                # A broken translation must not hide the message.
                return english(self.template, self.params)
        if template is None:
            template = translate(self.context, self.template)
        params = {key: _value(value, translate) for key, value in self.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**params)

    def __str__(self) -> str:
        return english(self.template, self.params)

    def __format__(self, spec: str) -> str:
        # A value of another message's template, in English (``english``).
        text = english(self.template, self.params)
        return format(text, spec) if spec else text

    def __hash__(self) -> int:
        # Reasons that recur (a channel's name inside "Came 4 min apart via …")
        # are shared through a cache keyed by their values.
        return hash((self.context, self.template, tuple(self.params.items())))


@dataclass(frozen=True)
class MessageList:
    """Several messages shown as one value, one per line by default."""

    items: tuple[Message, ...]
    separator: str = "\n"

    def render(self, translate: Translate | None = None) -> str:
        return self.separator.join(item.render(translate=translate) for item in self.items)

    def __str__(self) -> str:
        return self.render()

    def __format__(self, spec: str) -> str:
        return format(self.render(), spec)


def english(template: str, params: dict[str, Any]) -> str:
    """``template`` filled with ``params`` untranslated (``Message.render()``,
    what the command line prints): a ``Message`` or ``MessageList`` among the
    values formats itself as its own English text (``__format__``), so the
    values are not copied (a scan words tens of thousands of reasons).  A
    template takes its values by name, as a plain field, like every one here."""
    return template.format_map(params)


def _value(value: Any, translate: Translate | None) -> Any:
    if isinstance(value, Message):
        return value.render(translate=translate)
    if isinstance(value, MessageList):
        return value.render(translate)
    return value


def message_to_json(message: Message | Any) -> Any:
    """A ``Message`` (with nested ones) as plain JSON, so the history can keep reasons."""
    if isinstance(message, Message):
        return {
            "context": message.context,
            "template": message.template,
            "params": {k: message_to_json(v) for k, v in message.params.items()},
        }
    if isinstance(message, int | float | str | bool) or message is None:
        return message
    return str(message)


def english_from_json(data: Any) -> str:
    """``str(message_from_json(data))`` without making the messages (``deskdup
    scan`` prints tens of thousands of kept reasons in English): a nested
    message is put in as its English text, which formats as the message
    would (``Message.__format__``), unless the template converts or indexes
    a value (``{a!r}``, ``{a.b}``), where the message itself is made."""
    if not (isinstance(data, dict) and "template" in data):
        return str(data)
    template = str(data["template"])
    params = data.get("params") or {}
    if any(isinstance(v, dict) for v in params.values()):
        if not _plain(template):
            return str(message_from_json(data))
        params = {k: english_from_json(v) if isinstance(v, dict) else v for k, v in params.items()}
    return template.format_map(params)


_PLAIN: dict[str, bool] = {}


def _plain(template: str) -> bool:
    """Whether every field of ``template`` is a bare name (or a format spec),
    so a value formats alike as a message and as its text."""
    plain = _PLAIN.get(template)
    if plain is None:
        try:
            fields = list(Formatter().parse(template))
        except ValueError:
            fields = [("", "?", "", "r")]  # let the message raise as it would
        plain = _PLAIN[template] = all(
            name is None or (name.isidentifier() and conversion is None)
            for _text, name, _spec, conversion in fields
        )
    return plain


def message_from_json(data: Any) -> Message | str:
    if isinstance(data, dict) and "template" in data:
        params = {
            k: message_from_json(v) if isinstance(v, dict) else v
            for k, v in (data.get("params") or {}).items()
        }
        return Message(str(data.get("context", "")), str(data["template"]), params)
    return str(data)
