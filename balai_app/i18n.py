"""Translation hook usable from every layer.

User-facing text is Bahasa Indonesia in the source, wrapped in ``tr()``.
Services and the CLI must not import Qt, so ``tr`` goes through a pluggable
translator: the identity by default, ``QCoreApplication.translate`` once the
GUI has installed its translators (see ``balai_app.gui.app``).
"""

from __future__ import annotations

from collections.abc import Callable

_translate: Callable[[str, str], str] = lambda context, text: text  # noqa: E731


def set_translator(func: Callable[[str, str], str]) -> None:
    global _translate
    _translate = func


def tr(text: str, context: str = "balai") -> str:
    return _translate(context, text)
