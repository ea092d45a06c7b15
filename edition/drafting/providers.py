"""The machine-translation providers: their names, libraries, language codes, limits, keys and engines.

* ``google`` and ``mymemory`` through deep-translator (free endpoints, no key);
* ``deepl`` through DeepL's official client library (``deepl`` on PyPI), which sends the key in the
  ``Authorization`` header. deep-translator's ``DeeplTranslator`` sends it as an ``auth_key`` query
  parameter, which DeepL stopped accepting in January 2026 (and which put the key, URL-encoded,
  into every error message that shows the URL), so it is not used.

A target language is checked and mapped to the provider's own code before any request
(:meth:`Provider.target_code`): the edition's ``en`` is British English, ``en-GB`` where a provider
tells the varieties apart. A draft's provenance names the provider and the library that produced
it (:meth:`Provider.provenance`).

An engine is made from a :class:`Connection`. It has room for the edition's terms (``terms``,
Chinese -> English): a provider that can use them (a DeepL glossary, a term list given to a
language model) will read them there and say so in its provenance. None does yet.
"""

from __future__ import annotations

import difflib
import functools
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from edition.drafting.errors import EngineUnavailable

ENGLISH = ("en", "en-GB", "en-US")  # suggested first when a target is not supported: the edition is in English


class Engine(Protocol):
    def translate(self, text: str) -> str: ...


@dataclass(frozen=True)
class Connection:
    """What an engine is made from: codes in the provider's spelling, the key, the provider's settings."""

    source: str
    target: str
    key: str | None = None
    settings: Mapping[str, str] = field(default_factory=dict)  # from the environment (see Provider.settings_env)
    terms: Mapping[str, str] | None = None  # the edition's glossary (Chinese -> English): not used yet

    def __repr__(self) -> str:  # never the key
        return f"Connection({self.source!r}, {self.target!r}, key={'***' if self.key else None})"


class LanguageNotSupported(EngineUnavailable):
    """A language code the provider does not take: the message is one line with a few suggestions."""


@dataclass(frozen=True)
class Provider:
    name: str
    library: str  # as the provenance names it: "via deep-translator", "(official client deepl 1.x)"
    source: str  # the provider's code for simplified Chinese (case-sensitive for Google: zh-CN)
    max_chars: int  # longest text one call accepts
    connect: Callable[[Connection], Engine] = field(repr=False)
    languages: Callable[[], Mapping[str, str]] = field(repr=False)  # every target code taken -> its own code
    aliases: Mapping[str, str] = field(default_factory=dict)  # the edition's code -> the provider's ("en" -> "en-GB")
    key_env: str | None = None  # environment variable holding the API key
    settings_env: Mapping[str, str] = field(default_factory=dict)  # setting -> environment variable
    cache_name: str | None = None  # when its cache must not be mixed with an earlier library's

    @property
    def engine_id(self) -> str:
        """Names the cache file: the provider, and the library where an earlier one wrote a cache."""
        return self.cache_name or self.name

    def target_code(self, target: str) -> str:
        """The provider's code for ``target`` (any case); LanguageNotSupported if it has none."""
        wanted = target.strip().lower()
        known = {code.lower(): own for code, own in {**self.languages(), **self.aliases}.items()}
        if wanted in known:
            return known[wanted]
        raise LanguageNotSupported(
            f"target language {target!r} is not supported (try {', '.join(self.suggestions(target))}, …)"
        )

    def codes(self) -> list[str]:
        """Every target code this provider takes, as a user may type it."""
        return sorted({*self.languages(), *self.aliases}, key=str.lower)

    def suggestions(self, target: str, count: int = 4) -> list[str]:
        """A few codes to try: the regional variants of ``target`` and codes spelt alike, then English."""
        wanted = target.strip().lower()
        lower = {c.lower(): c for c in self.codes()}
        variants = [code for low, code in lower.items() if low.startswith(wanted + "-")]
        close = [lower[c] for c in difflib.get_close_matches(wanted, lower, n=count, cutoff=0.6)]
        english = [c for c in ENGLISH if c.lower() in lower]
        return list(dict.fromkeys([*variants, *close, *english]))[:count]

    def make_engine(
        self, target: str = "en", env: Mapping[str, str] | None = None, *, terms: Mapping[str, str] | None = None
    ) -> Engine:
        """An engine for ``target``; the key (and a server, if given) come from the environment."""
        env = os.environ if env is None else env
        code = self.target_code(target)
        key = None
        if self.key_env:
            key = (env.get(self.key_env) or "").strip()
            if not key:
                raise EngineUnavailable(f"no API key: set the environment variable {self.key_env}")
        settings = {name: env[var].strip() for name, var in self.settings_env.items() if (env.get(var) or "").strip()}
        return self.connect(Connection(self.source, code, key, settings, terms))

    def provenance(self, today: str) -> str:
        return f"{self.name} {self.library}, {today}"


# --- google and mymemory, through deep-translator -----------------------------------------------


def _google(connection: Connection) -> Engine:
    from deep_translator import GoogleTranslator

    return GoogleTranslator(source=connection.source, target=connection.target)


def _mymemory(connection: Connection) -> Engine:
    from deep_translator import MyMemoryTranslator

    email = connection.settings.get("email")  # raises MyMemory's free daily quota
    return MyMemoryTranslator(
        source=connection.source, target=connection.target, **({"email": email} if email else {})
    )


@functools.cache
def _google_languages() -> dict[str, str]:
    from deep_translator.constants import GOOGLE_LANGUAGES_TO_CODES

    return {code: code for code in GOOGLE_LANGUAGES_TO_CODES.values()}


@functools.cache
def _mymemory_languages() -> dict[str, str]:
    from deep_translator.constants import MY_MEMORY_LANGUAGES_TO_CODES

    return {code: code for code in MY_MEMORY_LANGUAGES_TO_CODES.values()}


# --- deepl, through its official client ---------------------------------------------------------


class DeeplEngine:
    """DeepL's official client behind the engine interface: one text in, its translation out.

    The client retries rate limits and server errors by itself, sleeping up to minutes in one
    worker; that is switched off (``deepl.http_client.max_network_retries``, the client's documented
    setting, process-wide) so that the shared back-off of the transport is the only one.
    """

    def __init__(self, connection: Connection) -> None:
        import deepl

        deepl.http_client.max_network_retries = 0
        assert connection.key, "the provider checks that there is a key"
        self.client = deepl.DeepLClient(
            connection.key, server_url=connection.settings.get("server_url"), send_platform_info=False
        )
        self.source = connection.source
        self.target = connection.target

    def __repr__(self) -> str:
        return f"DeeplEngine({self.source!r} -> {self.target!r})"

    def translate(self, text: str) -> str:
        result = self.client.translate_text(text, source_lang=self.source, target_lang=self.target)
        return result.text  # one text in, one result out


@functools.cache
def _deepl_languages() -> dict[str, str]:
    """Every language of the client's ``Language`` but those it refuses as targets (EN, PT)."""
    import deepl

    codes = {v for k, v in vars(deepl.Language).items() if k.isupper() and isinstance(v, str)}
    return {code: code.upper() for code in codes - {"en", "pt"}}


def _deepl_version() -> str:
    from importlib.metadata import version

    return version("deepl").split(".")[0] + ".x"


# --- the providers -----------------------------------------------------------------------------

PROVIDERS = {
    "google": Provider(
        "google", "via deep-translator", "zh-CN", 4999, _google, _google_languages
    ),  # deep-translator accepts fewer than 5000 characters
    "deepl": Provider(
        "deepl",
        f"(official client deepl {_deepl_version()})",
        "ZH",
        4999,  # the API takes 128 KiB a request; pieces this long keep one failure small
        DeeplEngine,
        _deepl_languages,
        aliases={"en": "EN-GB"},
        key_env="DEEPL_API_KEY",
        settings_env={"server_url": "DEEPL_SERVER_URL"},  # another server: a proxy, or a test's
        cache_name="deepl-client",  # not deepl-<target>.json, written by deep-translator's DeepL
    ),
    "mymemory": Provider(
        "mymemory",
        "via deep-translator",
        "zh-CN",
        499,
        _mymemory,
        _mymemory_languages,
        aliases={"en": "en-GB"},
        settings_env={"email": "MYMEMORY_EMAIL"},
    ),
}


def get(name: str) -> Provider:
    try:
        return PROVIDERS[name]
    except KeyError:
        raise EngineUnavailable(f"unknown provider {name!r} (choose from {', '.join(PROVIDERS)})") from None


def make_engine(
    provider: str, target: str = "en", env: Mapping[str, str] | None = None, *, terms: Mapping[str, str] | None = None
) -> Engine:
    """An engine of ``provider`` for ``target``; the API key is read from the environment."""
    return get(provider).make_engine(target, env, terms=terms)


def secrets_from_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment variable -> the secret it holds (stripped), for every provider's key that is set."""
    env = os.environ if env is None else env
    found = {}
    for provider in PROVIDERS.values():
        if provider.key_env and (env.get(provider.key_env) or "").strip():
            found[provider.key_env] = env[provider.key_env].strip()
    return found


def provenance(provider: str, today: str) -> str:
    """What produced a draft: a known provider names its library; anything else (a test engine) only its name."""
    return PROVIDERS[provider].provenance(today) if provider in PROVIDERS else f"{provider}, {today}"
