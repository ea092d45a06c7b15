"""The machine-translation providers: their names, libraries, language codes, limits, keys and engines.

* ``google`` and ``mymemory`` through deep-translator (free endpoints, no key; Google's is the
  unofficial endpoint of its web page, not an API with terms of service for this use);
* ``deepl`` through DeepL's official client library (``deepl`` on PyPI), which sends the key in the
  ``Authorization`` header. deep-translator's ``DeeplTranslator`` sends it as an ``auth_key`` query
  parameter, which DeepL stopped accepting in January 2026 (and which put the key, URL-encoded,
  into every error message that shows the URL), so it is not used;
* ``openai`` and ``anthropic``, large language models through their official clients
  (:mod:`~edition.drafting.llm`; optional: ``pip install 'edition[drafting]'``).

A target language is checked and mapped to the provider's own code before any request
(:meth:`Provider.target_code`): the edition's ``en`` is British English, ``en-GB`` where a provider
tells the varieties apart.

The edition's glossary (:mod:`~edition.drafting.terms`) reaches the engine through
:attr:`Connection.terms`, for a provider that can use it (:attr:`Provider.glossary`) and an English
target: DeepL gets it as a DeepL glossary, the whole of it; a language model gets, in its
instructions, the entries whose Chinese occurs in the text. A draft's provenance says so, with the
number of entries given, and names the model a language model's API reported; a cache key holds
the model asked for and the digest of the entries given (:meth:`Provider.cache_key`).
"""

from __future__ import annotations

import difflib
import functools
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Literal, Protocol

from edition.drafting import terms as edition_terms
from edition.drafting.cache import Draft, entry_key
from edition.drafting.errors import EngineUnavailable

ENGLISH = ("en", "en-GB", "en-US")  # suggested first when a target is not supported: the edition is in English


class Engine(Protocol):
    """One text in, its translation out. An engine may also have ``draft(text) -> Draft`` (the
    translation and what produced it) and ``cache_key(text) -> str``; the transport uses them."""

    def translate(self, text: str) -> str: ...


@dataclass(frozen=True)
class Connection:
    """What an engine is made from: codes in the provider's spelling, the key, the provider's settings
    (the model among them, where it has one), and the glossary entries it is to be given (None: none)."""

    source: str
    target: str
    key: str | None = None
    settings: Mapping[str, str] = field(default_factory=dict)  # from the environment (see Provider.settings_env)
    terms: Mapping[str, str] | None = None  # the edition's glossary (Chinese -> preferred English)
    texts: str | None = None  # what the texts are, for a language model's instructions (drafting.texts)

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
    glossary: Literal["whole", "in text"] | None = None  # how its engine is given the edition's terms
    default_model: str | None = None  # the model asked for when the environment names none

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

    def settings(self, env: Mapping[str, str] | None = None) -> dict[str, str]:
        """The provider's settings from the environment, the model (or its default) among them."""
        env = os.environ if env is None else env
        found = {name: env[var].strip() for name, var in self.settings_env.items() if (env.get(var) or "").strip()}
        if self.default_model and not found.get("model"):
            found["model"] = self.default_model
        return found

    def connection(
        self,
        target: str = "en",
        env: Mapping[str, str] | None = None,
        *,
        terms: Mapping[str, str] | None = None,
        key_needed: bool = True,
        texts: str | None = None,
    ) -> Connection:
        """What an engine for ``target`` is made from; the key (and a server, a model) from the environment.

        The terms are kept only for a provider that uses a glossary and an English target (the
        glossary is Chinese -> English), and only if there are any."""
        env = os.environ if env is None else env
        code = self.target_code(target)
        key = None
        if self.key_env:
            key = (env.get(self.key_env) or "").strip() or None
            if key is None and key_needed:
                raise EngineUnavailable(f"no API key: set the environment variable {self.key_env}")
        given = dict(terms) if terms and self.glossary and code.lower().split("-")[0] == "en" else None
        return Connection(self.source, code, key, self.settings(env), given, texts)

    def make_engine(
        self, target: str = "en", env: Mapping[str, str] | None = None, *, terms: Mapping[str, str] | None = None,
        texts: str | None = None,
    ) -> Engine:
        """An engine for ``target``; the key (and a server, if given) come from the environment; ``texts``
        says what the texts are, for a language model's instructions (default: :data:`llm.TEXTS`)."""
        return self.connect(self.connection(target, env, terms=terms, texts=texts))

    def terms_given(self, connection: Connection, text: str) -> dict[str, str] | None:
        """The glossary entries the engine is given with ``text`` (None: it is given no glossary)."""
        if connection.terms is None:
            return None
        if self.glossary == "in text":
            return edition_terms.occurring(text, connection.terms)
        return dict(connection.terms)

    def cache_key(self, connection: Connection, text: str) -> str:
        """What changes the answer to ``text``: the model asked for and the entries given (the provider
        and the target name the cache file)."""
        return entry_key(text, model=connection.settings.get("model"), terms=self.terms_given(connection, text))

    @property
    def what(self) -> str:
        """What produced its drafts, where an answer does not say more: the provider and its library."""
        return f"{self.name} {self.library}"

    def provenance(self, today: str) -> str:
        return f"{self.what}, {today}"


def with_glossary(library: str, terms: Mapping[str, str] | None) -> str:
    """``(official client deepl 1.x)`` -> ``(official client deepl 1.x, edition glossary 170 terms)``."""
    return library if terms is None else f"{library.removesuffix(')')}, {edition_terms.label(len(terms))})"


def _major(distribution: str) -> str:
    """``3.x`` for the installed major version of a library (``?`` where it is not installed)."""
    try:
        return version(distribution).split(".")[0] + ".x"
    except PackageNotFoundError:
        return "?"


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

DEEPL_GLOSSARY_NAME = "edition zh-en {digest}"  # the digest of the entries: a changed term list is a new glossary


class DeeplEngine:
    """DeepL's official client behind the engine interface: one text in, its translation out.

    The client retries rate limits and server errors by itself, sleeping up to minutes in one
    worker; that is switched off (``deepl.http_client.max_network_retries``, the client's documented
    setting, process-wide) so that the shared back-off of the transport is the only one.

    Given the edition's terms, it uses a DeepL glossary (the client's multilingual glossaries, v3 of
    the API: a ZH -> EN dictionary, one entry per Chinese form): the one named after the entries'
    digest if the account has it, else a new one, made once, at the first translation (under a lock:
    workers share it), and passed with every text.
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
        self.connection = connection
        self.terms = dict(connection.terms) if connection.terms else None
        self.what = f"deepl {with_glossary(PROVIDERS['deepl'].library, self.terms)}"
        self._glossary: object | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"DeeplEngine({self.source!r} -> {self.target!r})"

    def glossary(self) -> object:
        """The DeepL glossary of the edition's terms (found or made once)."""
        with self._lock:
            if self._glossary is None:
                self._glossary = deepl_glossary(self.client, self.source, self.terms or {})
            return self._glossary

    def draft(self, text: str) -> Draft:
        glossary = self.glossary() if self.terms else None
        extra = {"glossary": glossary} if glossary is not None else {}
        result = self.client.translate_text(text, source_lang=self.source, target_lang=self.target, **extra)
        return Draft(result.text, self.what if glossary is not None else None)  # one text in, one result out

    def translate(self, text: str) -> str:
        return self.draft(text).english

    def cache_key(self, text: str) -> str:
        return PROVIDERS["deepl"].cache_key(self.connection, text)


def deepl_glossary(client: object, source: str, entries: Mapping[str, str]) -> object:
    """The account's glossary named after ``entries`` with their ZH -> EN dictionary, or a new one."""
    from deepl.api_data import MultilingualGlossaryDictionaryEntries  # (not exported by the package itself)

    name = DEEPL_GLOSSARY_NAME.format(digest=edition_terms.digest(entries))
    for glossary in client.list_multilingual_glossaries():
        if glossary.name == name and any(
            (d.source_lang, d.target_lang, d.entry_count) == (source, "EN", len(entries)) for d in glossary.dictionaries
        ):
            return glossary
    dictionary = MultilingualGlossaryDictionaryEntries(source, "EN", dict(entries))
    return client.create_multilingual_glossary(name, [dictionary])


@functools.cache
def _deepl_languages() -> dict[str, str]:
    """Every language of the client's ``Language`` but those it refuses as targets (EN, PT)."""
    import deepl

    codes = {v for k, v in vars(deepl.Language).items() if k.isupper() and isinstance(v, str)}
    return {code: code.upper() for code in codes - {"en", "pt"}}


# --- large language models, through their official clients (edition.drafting.llm) ---------------


def _openai(connection: Connection) -> Engine:
    from edition.drafting.llm import OpenAIEngine

    return OpenAIEngine(connection)


def _anthropic(connection: Connection) -> Engine:
    from edition.drafting.llm import AnthropicEngine

    return AnthropicEngine(connection)


def _english_only() -> dict[str, str]:
    from edition.drafting.llm import LANGUAGES

    return {code: code for code in LANGUAGES}


# --- the providers -----------------------------------------------------------------------------

PROVIDERS = {
    "google": Provider(
        "google", "via deep-translator", "zh-CN", 4999, _google, _google_languages
    ),  # deep-translator accepts fewer than 5000 characters
    "deepl": Provider(
        "deepl",
        f"(official client deepl {_major('deepl')})",
        "ZH",
        4999,  # the API takes 128 KiB a request; pieces this long keep one failure small
        DeeplEngine,
        _deepl_languages,
        aliases={"en": "EN-GB"},
        key_env="DEEPL_API_KEY",
        settings_env={"server_url": "DEEPL_SERVER_URL"},  # another server: a proxy, or a test's
        cache_name="deepl-client",  # not deepl-<target>.json, written by deep-translator's DeepL
        glossary="whole",
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
    "openai": Provider(
        "openai",
        f"(official client openai {_major('openai')})",
        "zh-Hans",  # named in the instructions, not a code the API takes
        1500,  # a paragraph's answer within the time-out; longer blocks are cut at sentence ends
        _openai,
        _english_only,
        aliases={"en": "en-GB"},
        key_env="OPENAI_API_KEY",
        settings_env={"model": "OPENAI_MODEL", "base_url": "OPENAI_BASE_URL"},
        glossary="in text",
        default_model="gpt-5.5",
    ),
    "anthropic": Provider(
        "anthropic",
        f"(official client anthropic {_major('anthropic')})",
        "zh-Hans",
        1500,
        _anthropic,
        _english_only,
        aliases={"en": "en-GB"},
        key_env="ANTHROPIC_API_KEY",
        settings_env={"model": "ANTHROPIC_MODEL", "base_url": "ANTHROPIC_BASE_URL"},
        glossary="in text",
        default_model="claude-sonnet-5-5",
    ),
}


def get(name: str) -> Provider:
    try:
        return PROVIDERS[name]
    except KeyError:
        raise EngineUnavailable(f"unknown provider {name!r} (choose from {', '.join(PROVIDERS)})") from None


def make_engine(
    provider: str, target: str = "en", env: Mapping[str, str] | None = None, *, terms: Mapping[str, str] | None = None,
    texts: str | None = None,
) -> Engine:
    """An engine of ``provider`` for ``target``; the API key is read from the environment."""
    return get(provider).make_engine(target, env, terms=terms, texts=texts)


def secrets_from_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment variable -> the secret it holds (stripped), for every provider's key that is set."""
    env = os.environ if env is None else env
    found = {}
    for provider in PROVIDERS.values():
        if provider.key_env and (env.get(provider.key_env) or "").strip():
            found[provider.key_env] = env[provider.key_env].strip()
    return found


def what(provider: str) -> str:
    """What produced a draft: a known provider names its library; anything else (a test engine) only its name."""
    return PROVIDERS[provider].what if provider in PROVIDERS else provider


def provenance(provider: str, today: str) -> str:
    return f"{what(provider)}, {today}"
