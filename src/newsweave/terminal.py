"""Text for the terminal: what documents and error messages hold is shown, never obeyed.

Scraped text can carry terminal escape sequences (set the window title, rewrite the screen)
and Rich markup (`[link=…]` makes a hidden hyperlink; a stray `[/bold]` is an error). So every
such string is printed as a Rich `Text` (no markup or emoji codes parsed), with control
characters written as visible escapes (`\\x1b`), line breaks and tabs as spaces, and the
bidirectional overrides that reorder a line as escapes too.
"""

from __future__ import annotations

import re

from rich.text import Text

# C0 and C1 controls and DEL, the Unicode line separators and the bidirectional embeddings,
# overrides and isolates (Trojan Source).
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
AS_SPACE = frozenset("\t\n\r\v\f")
# What JSON leaves raw (it escapes C0 controls itself): C1 controls such as the one-byte CSI.
UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in AS_SPACE:
        return " "
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def shown(text: object) -> str:
    """`text` with every control character replaced by a visible escape (or a space)."""
    return UNSAFE.sub(_escape, str(text))


def plain(text: object, style: str = "") -> Text:
    """`text` as it will be printed: escaped, never parsed for markup."""
    return Text(shown(text), style=style)


def labelled(label: str, style: str, text: object) -> Text:
    """A styled label (`error:`, `skipped`) followed by `text`, printed as `plain` would."""
    return Text.assemble((label, style), " ", shown(text))


def json_escaped(text: str) -> str:
    """JSON text with the controls JSON leaves raw escaped as \\uXXXX: the same value, safe to print."""
    return UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """"1 error", "2 errors": a count with its noun in the right number."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
