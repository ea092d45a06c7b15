"""The edition's configuration: ``edition.yml``, one typed, validated file beside ``mkdocs.yml``.

``edition.yml`` marks a folder as an edition project (as ``mkdocs.yml`` marks a MkDocs project) and
holds every setting of the generator, with defaults for all of them: a new edition's file can be
nearly empty. The schema is declared once, below, with pydantic (why pydantic and not MkDocs'
``config_options``: the generator runs without MkDocs, and must keep running when the site moves to
another engine). An unknown key, a value of the wrong type or out of range is an
:class:`EditionError` naming the key and its line: a typo never passes silently as a default.

What the edition itself says (its glossary's categories and their labels, the QA's list of words
built with numerals that are no numbers) is the edition's content: it lives in this file too, not in
the engine, which only knows the structure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from edition.errors import EditionError
from edition.yamlfile import line_of, load_yaml_with_lines, strip_lines

CONFIG_FILE = "edition.yml"

Share = Annotated[float, Field(gt=0, le=1)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Folders(_Section):
    """Where the edition's files are, relative to the project folder."""

    sources: str = "seeds"
    catalog: str = "seeds/catalog.yaml"
    anchors: str = "anchors"
    translations: str = "translations"
    glossary: str = "glossary.yaml"
    docs: str = "docs"
    build: str = "build"
    templates: str = "templates"  # page templates that override the engine's own (if the folder exists)

    @field_validator("*")
    @classmethod
    def _inside(cls, value: str) -> str:
        if not value or Path(value).is_absolute() or ".." in Path(value).parts:
            raise ValueError("must be a path inside the project")
        return value


class Languages(_Section):
    source: str = "zh-Hans"  # BCP 47, as pages and TEI tag the text
    target: str = "en"  # the PO files' language (translations/<target>/)


class Translation(_Section):
    project_id: str = "bilingual-edition"  # Project-Id-Version of the PO files
    memory_threshold: Share = 0.9  # similarity at which translation memory offers a draft


class Anchors(_Section):
    keep: Share = 0.5  # similarity above which a changed block keeps its id
    part: Share = 0.9  # share of a block found in an old one for it to count as a part of it
    successor: Share = 0.5  # share of a retired text that must live on in its successor


DEFAULT_NAV = (
    {"Home": "index.md"},
    {"Reports": "reports/"},
    {"Glossary": "glossary/"},
    {"Sources": "sources/"},
    {"Translation": "translation/"},
    {"Downloads": "data/"},
    {"Changelog": "changelog/"},
)


class Site(_Section):
    """The site's navigation and the repository its pages link to."""

    # The nav as in mkdocs.yml; the generated sections (reports/, sources/, glossary/, translation/, data/,
    # changelog/) are expanded by the build into their pages (build/mkdocs-nav.yml, inherited by mkdocs.yml).
    nav: tuple[dict[str, Any], ...] = DEFAULT_NAV
    nav_lists_up_to: Annotated[int, Field(ge=0)] = 50  # beyond this many pages, a section lists its index only
    repo_url: str | None = None  # the repository on the web; the environment variable REPO_URL wins
    repo_branch: str = "main"  # the branch the PO-line links point at


class QA(_Section):
    length_band: tuple[Annotated[float, Field(gt=0)], Annotated[float, Field(gt=0)]] = (1.0, 8.0)
    length_min_chinese: Annotated[int, Field(ge=0)] = 20  # shorter texts vary too much to judge by length
    numeral_words: tuple[str, ...] = ()  # words built with numerals that are no numbers (一把手, 十九大)

    @field_validator("length_band")
    @classmethod
    def _ordered(cls, band: tuple[float, float]) -> tuple[float, float]:
        if band[0] >= band[1]:
            raise ValueError("the lower bound must be below the upper bound")
        return band


class Category(_Section):
    label: str
    description: str = ""


DEFAULT_CATEGORIES = {"term": Category(label="Terms")}


class Glossary(_Section):
    categories: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")], Category] = Field(
        default_factory=lambda: dict(DEFAULT_CATEGORIES), min_length=1)
    title: str = "Glossary"  # the TBX download's title
    summary: str = "The edition's terminology"  # how the glossary's index page begins ("…: 40 terms.")


class Drafting(_Section):
    provider: Literal["google", "mymemory", "deepl", "openai", "anthropic"] = "google"
    concurrency: Annotated[int, Field(ge=1, le=64)] = 4
    timeout: Annotated[float, Field(gt=0)] = 60.0  # seconds a call may take
    retries: Annotated[int, Field(ge=0, le=20)] = 5  # after a rate limit
    texts: str = "paragraphs of Chinese texts"  # what the texts are, as a language model's instructions say


class Config(_Section):
    """Everything ``edition.yml`` may hold (see docs/configuration.md)."""

    folders: Folders = Folders()
    languages: Languages = Languages()
    translation: Translation = Translation()
    anchors: Anchors = Anchors()
    site: Site = Site()
    qa: QA = QA()
    glossary: Glossary = Glossary()
    drafting: Drafting = Drafting()


def load_config(path: Path, shown: str | None = None) -> Config:
    """``edition.yml`` validated; a missing file is an empty one (every default)."""
    name = shown or str(path)
    if not path.exists():
        return Config()
    data = load_yaml_with_lines(path, name)
    if data is None:
        return Config()
    if not isinstance(data, dict):
        raise EditionError(name, "must be a mapping of settings (see docs/configuration.md)", 1)
    try:
        return Config.model_validate(strip_lines(data))
    except ValidationError as err:
        raise _one_line(err, data, name) from None


def _one_line(err: ValidationError, data: dict[str, Any], name: str) -> EditionError:
    """The first problem, as ``edition.yml:LINE: key.path: what is wrong``."""
    problem = err.errors()[0]
    location = tuple(problem["loc"])
    key = ".".join(str(step) for step in location) or "(top level)"
    if problem["type"] == "extra_forbidden":
        message = f"unknown setting {key!r} (see docs/configuration.md for the settings there are)"
    else:
        message = f"{key}: {problem['msg'].removeprefix('Value error, ')}"
        if "input" in problem and not isinstance(problem["input"], dict | list):
            message += f" (got {problem['input']!r})"
    return EditionError(name, message, line_of(data, location))


DEFAULTS = Config()  # every setting at its default (frozen: safe to share)
