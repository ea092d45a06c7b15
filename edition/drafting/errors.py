"""What the engines' exceptions mean to a drafting run, whichever library raised them.

* rate limited (:data:`RATE_LIMITED`): back off and ask again (see :class:`~edition.drafting.transport.Throttle`);
* the engine cannot be reached (:data:`UNREACHABLE`): that block fails; the probe says so in one line;
* the engine will refuse every further call (:data:`STOPS_RUN`: a rejected key, an exhausted quota):
  the run stops instead of sending every remaining block only to fail it;
* anything else fails that block, which stays missing for the next run.
"""

from __future__ import annotations

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


class EngineUnavailable(Exception):
    """No translation engine could be reached (or configured): nothing was changed."""


def describe(err: BaseException) -> str:
    """``Type: message`` on one line (not yet redacted)."""
    text = " ".join(str(err).split())
    return f"{type(err).__name__}: {text}" if text else type(err).__name__
