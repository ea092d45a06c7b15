"""edition.yml: typed, validated, every default; a bad key or value names the key and its line."""

from __future__ import annotations

import pytest

from edition.config import Config, load_config
from edition.errors import EditionError
from edition.paths import Paths


def write(tmp_path, text: str):
    path = tmp_path / "edition.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_empty_or_missing_file_is_every_default(tmp_path) -> None:
    assert load_config(tmp_path / "edition.yml") == Config()
    assert load_config(write(tmp_path, "")) == Config()
    assert Config().anchors.keep == 0.5 and Config().site.nav_lists_up_to == 50


def test_this_editions_file_is_valid_and_holds_its_own_content() -> None:
    config = Paths().config
    assert config.translation.project_id == "party-building-demolition-edition"
    assert list(config.glossary.categories) == ["slogan", "mechanism", "organisation", "campaign", "metric", "rhetoric"]
    assert "十九大" in config.qa.numeral_words
    # this edition's wording, which the engine's defaults do not hold
    assert config.glossary.title == "Glossary of campaign terminology"
    assert config.glossary.summary == "The campaigns' terminology"
    assert config.drafting.texts == "paragraphs of Chinese local-government reports"
    defaults = Config()
    assert "campaign" not in defaults.glossary.title + defaults.glossary.summary
    assert "local-government" not in defaults.drafting.texts


@pytest.mark.parametrize(("text", "message"), [
    ("anchors:\n  keep: 0.5\n  keeep: 0.6\n", r"edition.yml:3: unknown setting 'anchors.keeep'"),
    ("sitee:\n  nav_lists_up_to: 5\n", r"edition.yml:1: unknown setting 'sitee'"),
    ("site:\n  nav_lists_up_to: many\n", r"edition.yml:2: site.nav_lists_up_to: Input should be a valid integer"),
    ("anchors:\n  part: 1.5\n", r"edition.yml:2: anchors.part: Input should be less than or equal to 1 \(got 1.5\)"),
    ("drafting:\n  provider: babelfish\n", r"edition.yml:2: drafting.provider: Input should be 'google', 'mymemory', 'deepl'"),
    ("qa:\n  length_band: [3, 2]\n", r"edition.yml:2: qa.length_band: the lower bound must be below the upper"),
    ("folders:\n  docs: ../elsewhere\n", r"edition.yml:2: folders.docs: must be a path inside the project \(got .../elsewhere.\)"),
    ("- a list\n", r"edition.yml:1: must be a mapping of settings"),
    ("site: [\n", r"edition.yml:\d: YAML syntax error"),
])
def test_a_bad_setting_names_the_key_and_its_line(tmp_path, text: str, message: str) -> None:
    with pytest.raises(EditionError, match=message):
        load_config(write(tmp_path, text), "edition.yml")


def test_every_setting_is_documented() -> None:
    """docs/configuration.md lists every key of the schema (a new setting without a line there fails)."""
    from pathlib import Path

    from pydantic import BaseModel

    def keys(model: type[BaseModel], prefix: str = "") -> list[str]:
        found = []
        for name, field in model.model_fields.items():
            kind = field.annotation
            if isinstance(kind, type) and issubclass(kind, BaseModel) and prefix == "":
                found += keys(kind, f"{name}.")
            else:
                found.append(prefix + name)
        return found

    page = (Path(__file__).parent.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert [key for key in keys(Config) if f"`{key}`" not in page] == []
