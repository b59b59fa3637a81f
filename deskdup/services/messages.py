"""Translatable messages produced below the Qt line.

Services must not import Qt, yet what they say (the reasons two leads look
alike, a rights refusal) reaches the operator in Russian or English.  A service
returns a ``Message``: a translation context, an English template marked with
``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` extracts it, and the values to fill
in.  Views translate it with ``QCoreApplication.translate(context, template)``;
the command line prints the English text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction by pyside6-lupdate; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Message:
    context: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, template: str | None = None) -> str:
        """Fill the (possibly translated) template with the values."""
        text = self.template if template is None else template
        try:
            return text.format(**self.params)
        except (KeyError, IndexError, ValueError):
            # A broken translation must not hide the message.
            return self.template.format(**self.params)

    def __str__(self) -> str:
        return self.render()
