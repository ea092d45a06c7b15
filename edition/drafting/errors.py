"""What the engines' exceptions mean to a drafting run, whichever library raised them.

* rate limited (:func:`is_rate_limited`): back off and ask again (see :class:`~edition.drafting.transport.Throttle`),
  for as long as the server asks where it says so (:func:`retry_after`);
* the engine cannot be reached (:func:`is_unreachable`): that block fails; the probe says so in one line;
* the engine will refuse every further call (:func:`stops_run`: a rejected key, an exhausted quota or
  spending limit): the run stops instead of sending every remaining block only to fail it;
* anything else fails that block (an answer that is no translation: :class:`MalformedAnswer`), and it
  stays missing for the next run.

deep-translator's and deepl's classes are imported here. The language models' libraries (openai,
anthropic) are heavy and optional, so their classes are looked up only in a library that is already
imported (:data:`LAZY`): an exception of a library that was never imported cannot have been raised.
"""

from __future__ import annotations

import email.utils
import sys
import time

import deepl
import requests
from deep_translator.exceptions import RequestError, TooManyRequests

RATE_LIMITED: tuple[type[BaseException], ...] = (TooManyRequests, deepl.TooManyRequestsException)
UNREACHABLE: tuple[type[BaseException], ...] = (
    RequestError,
    ConnectionError,
    TimeoutError,
    OSError,
    requests.exceptions.RequestException,  # what deep-translator uses; not all of them are ConnectionErrors
    deepl.ConnectionException,
)
STOPS_RUN: tuple[type[BaseException], ...] = (deepl.AuthorizationException, deepl.QuotaExceededException)

# kind -> (module, class name), for the libraries imported only when their provider is used.
LAZY: dict[str, tuple[tuple[str, str], ...]] = {
    "rate limited": (
        ("openai", "RateLimitError"),  # 429
        ("anthropic", "RateLimitError"),  # 429
        ("anthropic", "OverloadedError"),  # 529: Anthropic's "overloaded", to be waited out like a 429
    ),
    "unreachable": (("openai", "APIConnectionError"), ("anthropic", "APIConnectionError")),  # time-outs too
    "stops run": (
        ("openai", "AuthenticationError"),  # 401
        ("openai", "PermissionDeniedError"),  # 403
        ("anthropic", "AuthenticationError"),
        ("anthropic", "PermissionDeniedError"),
        ("anthropic", "PaymentRequiredError"),  # 402: billing
        ("anthropic", "EnforcedSpendLimitReachedError"),  # 429s that waiting does not cure
        ("anthropic", "ContractSpendLimitReachedError"),
    ),
}
QUOTA_CODES = ("insufficient_quota",)  # OpenAI's 429 for a used-up quota: no back-off helps
MAX_RETRY_AFTER = 120.0  # seconds: a server asking for longer is waited on this long, then asked again


class EngineUnavailable(Exception):
    """No translation engine could be reached (or configured): nothing was changed."""


class MalformedAnswer(ValueError):
    """The engine answered, but not with a translation (empty, cut off, refused, not English): that block fails."""


def _classes(kind: str) -> tuple[type[BaseException], ...]:
    found = []
    for module_name, class_name in LAZY[kind]:
        module = sys.modules.get(module_name)
        cls = getattr(module, class_name, None) if module is not None else None
        if isinstance(cls, type) and issubclass(cls, BaseException):
            found.append(cls)
    return tuple(found)


def stops_run(err: BaseException) -> bool:
    """The engine will refuse every further call: stop the run (after saving every answer)."""
    if isinstance(err, STOPS_RUN + _classes("stops run")):
        return True
    return isinstance(err, _classes("rate limited")) and getattr(err, "code", None) in QUOTA_CODES


def is_rate_limited(err: BaseException) -> bool:
    """Too many requests: wait and ask again (not a quota that waiting does not restore)."""
    return isinstance(err, RATE_LIMITED + _classes("rate limited")) and not stops_run(err)


def is_unreachable(err: BaseException) -> bool:
    return isinstance(err, UNREACHABLE + _classes("unreachable"))


def retry_after(err: BaseException, now: float | None = None) -> float | None:
    """The seconds a rate-limited answer asks to wait (``retry-after-ms``, ``retry-after`` in seconds or
    as a date), where the library keeps the response (openai, anthropic); else None."""
    headers = getattr(getattr(err, "response", None), "headers", None)
    if headers is None:
        return None
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if not value:
            continue
        try:
            seconds = float(value) * scale
        except ValueError:
            try:
                moment = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                continue
            seconds = moment.timestamp() - (time.time() if now is None else now)
        if seconds == seconds and seconds >= 0:  # not NaN, not in the past
            return min(seconds, MAX_RETRY_AFTER)
    return None


def describe(err: BaseException) -> str:
    """``Type: message`` on one line (not yet redacted)."""
    text = " ".join(str(err).split())
    return f"{type(err).__name__}: {text}" if text else type(err).__name__
