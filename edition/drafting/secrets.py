"""Redaction: no secret (an API key) leaves the process, in any of the forms a library or a server gives it.

Why so many forms: a key reaches messages in disguise. requests puts a query parameter into its
error text percent-encoded (``auth_key=0a1b…%3Afx``); a server may echo a header back JSON- or
HTML-escaped; a Basic-auth header carries ``base64(user:key)``, where the key's base64 depends on
the length of what precedes it; a ``repr`` escapes a stray newline. So for each secret this module
builds one regular expression that matches, character by character, any mix of:

* the character itself;
* its percent-encoding, upper- or lower-case hex, also encoded twice (``%3A``, ``%3a``, ``%253A``),
  and ``+`` for a space (``quote``, ``quote_plus``);
* its JSON, Python and HTML escapes (``\\u003a``, ``\\x3a``, ``\\"``, ``\\/``, ``&#58;``, ``&#x3A;``, ``&quot;``);

and, for the secret's base64 (standard and URL-safe alphabets, with or without padding), the part
of it that is the same at each of the three alignments, with the character on either side that
holds some of its bits. Every match becomes :data:`MASK`.

A secret shorter than :data:`MIN_LENGTH` is still redacted (its base64 too, from 4 characters),
but may also hide ordinary text: :func:`short_secret_warning` says so, without the secret.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import re
import sys
import threading
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

MASK = "***"
MIN_LENGTH = 12  # API keys are longer (a DeepL key has 39 characters); a shorter value may hide ordinary text
BASE64_MIN_LENGTH = 4  # below this, a secret's base64 would match too much to be useful
_HTML_NAMED = {"&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "(?:#39|apos)"}
_BACKSLASHED = {"\n": "n", "\r": "r", "\t": "t", '"': '"', "'": "'", "\\": "\\", "/": "/"}
_ESC = r"\\+"  # one backslash or more
_ALPHABETS = {"standard": "A-Za-z0-9+/", "url-safe": "A-Za-z0-9_-"}


def _hex(value: int, width: int) -> str:
    """``value`` in hex digits, either case: 3A -> 3[aA]."""
    return "".join(f"[{d.lower()}{d.upper()}]" if d.isalpha() else d for d in f"{value:0{width}X}")


def _char_pattern(char: str) -> str:
    """Every form of one character listed in the module docstring, as one regex group."""
    utf8 = char.encode("utf-8")
    point = ord(char)
    forms = [re.escape(char)]
    forms.append("".join(f"%(?:25)?{_hex(b, 2)}" for b in utf8))
    if char == " ":
        forms.append(r"\+")
    # Escapes start with one backslash, or more where escaped text was escaped again (JSON in JSON).
    if point < 0x10000:
        forms.append(rf"{_ESC}u{_hex(point, 4)}")
    else:  # JSON writes a character outside the BMP as a surrogate pair
        high, low = divmod(point - 0x10000, 0x400)
        forms.append(rf"{_ESC}u{_hex(0xD800 + high, 4)}{_ESC}u{_hex(0xDC00 + low, 4)}")
    forms.append("".join(rf"{_ESC}x{_hex(b, 2)}" for b in utf8))  # repr of bytes
    if 0x80 <= point < 0x100:
        forms.append(rf"{_ESC}x{_hex(point, 2)}")  # repr of a str
    if char in _BACKSLASHED:
        forms.append(_ESC + re.escape(_BACKSLASHED[char]))
    forms.append(rf"&#0*{point};")
    forms.append(rf"&#[xX]0*{_hex(point, 1)};")
    if char in _HTML_NAMED:
        forms.append(f"&{_HTML_NAMED[char]};")
    return "(?:" + "|".join(forms) + ")"


def _text_pattern(text: str) -> str:
    return "".join(_char_pattern(char) for char in text)


def _base64_cores(secret: bytes, alphabet: str) -> set[str]:
    """The base64 characters that encode only the secret's bits, at each of the three alignments."""
    encode = base64.urlsafe_b64encode if alphabet == "url-safe" else base64.b64encode
    cores = set()
    for offset in range(3):
        encoded = encode(b"\0" * offset + secret).decode("ascii")
        start = -(-8 * offset // 6)  # the first character wholly inside the secret's bits
        end = 8 * (offset + len(secret)) // 6  # the last one, exclusive
        if end > start:
            cores.add(encoded[start:end])
    return cores


def _base64_pattern(core: str, alphabet: str) -> str:
    """The core with the character on either side (they hold some bits of the secret) and padding."""
    edge = f"(?:[{alphabet}]|%(?:25)?{_hex(ord('+'), 2)}|%(?:25)?{_hex(ord('/'), 2)})?"
    padding = f"(?:=|%(?:25)?{_hex(ord('='), 2)}){{0,2}}"
    return edge + _text_pattern(core) + edge + padding


def secret_patterns(secret: str) -> list[str]:
    """The regular expressions (as text) matching ``secret`` in every form listed above."""
    patterns = [_text_pattern(secret)]
    if len(secret) >= BASE64_MIN_LENGTH:
        raw = secret.encode("utf-8")
        for name, alphabet in _ALPHABETS.items():
            patterns += [_base64_pattern(core, alphabet) for core in sorted(_base64_cores(raw, name))]
    return patterns


@dataclass(frozen=True)
class Redactor:
    """Replaces every form of every secret by :data:`MASK`. Without secrets, returns text unchanged."""

    secrets: tuple[str, ...] = ()
    _pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        values = sorted({s for s in self.secrets if s}, key=len, reverse=True)
        object.__setattr__(self, "secrets", tuple(values))
        patterns = [p for s in values for p in secret_patterns(s)]
        if patterns:
            object.__setattr__(self, "_pattern", re.compile("|".join(patterns)))

    @classmethod
    def of(cls, secrets: Iterable[str] | Redactor) -> Redactor:
        return secrets if isinstance(secrets, Redactor) else cls(tuple(secrets))

    def __repr__(self) -> str:  # never the secrets themselves
        return f"Redactor({len(self.secrets)} secret(s))"

    def __bool__(self) -> bool:
        return self._pattern is not None

    def redact(self, text: str) -> str:
        return text if self._pattern is None else self._pattern.sub(MASK, text)

    def exception(self, err: BaseException) -> str:
        """The whole traceback of ``err`` (with its chained causes), redacted: for anyone who prints one."""
        return self.redact("".join(traceback.format_exception(err)))


def redact(text: str, secrets: Iterable[str]) -> str:
    return Redactor.of(secrets).redact(text)


def short_secret_warning(name: str, secret: str) -> str | None:
    """A warning (naming the variable, never the value) if ``secret`` is too short to be an API key."""
    if not secret or len(secret) >= MIN_LENGTH:
        return None
    return (
        f"{name} holds only {len(secret)} characters (an API key has at least {MIN_LENGTH}): is it the key? "
        "It is hidden wherever it appears, which may also hide ordinary text in messages"
    )


class RedactingFilter(logging.Filter):
    """Rewrites a log record so that its message, traceback and stack hold no secret."""

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redactor.redact(record.getMessage())
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.redactor.exception(record.exc_info[1]).rstrip("\n")
        elif record.exc_text:
            record.exc_text = self.redactor.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redactor.redact(record.stack_info)
        return True


@contextlib.contextmanager
def redacting(redactor: Redactor, logger: logging.Logger | None = None) -> Iterator[None]:
    """While drafting: every log record through ``logger`` (``edition`` by default) or through any handler
    installed now (the logger's, the root logger's, logging's last resort) is redacted, and so is the
    traceback of a thread that dies of an exception."""
    logger = logger or logging.getLogger("edition")
    guard = RedactingFilter(redactor)
    handlers = {*logger.handlers, *logging.getLogger().handlers}
    if logging.lastResort is not None:
        handlers.add(logging.lastResort)
    targets: list[logging.Logger | logging.Handler] = [logger, *handlers]
    previous_hook = threading.excepthook

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            sys.stderr.write(f"Exception in thread {getattr(args.thread, 'name', '?')}:\n")
            sys.stderr.write(redactor.exception(args.exc_value))

    for target in targets:
        target.addFilter(guard)
    threading.excepthook = thread_hook
    try:
        yield
    finally:
        threading.excepthook = previous_hook
        for target in targets:
            target.removeFilter(guard)
