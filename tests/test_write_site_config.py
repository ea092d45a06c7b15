"""build/mkdocs-nav.yml: the navigation of generated pages, small editions and large, written by the build."""

from __future__ import annotations

import pytest
import yaml
from pathspec.gitignore import GitIgnoreSpec

from edition.write.site_config import site_config

NAV = [{"Home": "index.md"}, {"Reports": "reports/"}, {"Sources": "sources/"}, {"Downloads": "data/"},
       {"Glossary": "glossary/"}]
LIMIT = 50


def written(reports: int, old: tuple[str, ...] = ()) -> tuple[list, GitIgnoreSpec]:
    config = yaml.safe_load(site_config(NAV, [f"r{n}" for n in range(reports)], [f"s{n}" for n in range(reports)],
                                        list(old), LIMIT))
    return config["nav"], GitIgnoreSpec.from_lines(config["not_in_nav"].splitlines())


def test_a_small_edition_lists_every_report_and_source_in_the_nav() -> None:
    nav, spec = written(3)
    assert nav[1] == {"Reports": ["reports/index.md", "reports/r0.md", "reports/r1.md", "reports/r2.md"]}
    assert nav[2] == {"Sources": ["sources/index.md", "sources/s0.md", "sources/s1.md", "sources/s2.md"]}
    assert nav[3] == {"Downloads": "data/index.md"} and nav[4] == {"Glossary": "glossary/index.md"}
    assert not spec.match_file("reports/r0.md")
    assert spec.match_file("glossary/term.md") and not spec.match_file("glossary/index.md")


@pytest.mark.parametrize("reports", [LIMIT + 1, 1000])
def test_a_large_edition_lists_only_the_index_pages_and_declares_the_rest_not_in_nav(reports: int) -> None:
    """Material renders the whole nav into every page: listing every report would make the build quadratic."""
    nav, spec = written(reports)
    assert nav[1] == {"Reports": "reports/index.md"} and nav[2] == {"Sources": "sources/index.md"}
    assert spec.match_file("reports/r7.md") and spec.match_file("sources/s7.md")
    assert not spec.match_file("reports/index.md") and not spec.match_file("sources/index.md")


def test_the_old_addresses_of_moved_reports_are_never_in_the_nav() -> None:
    nav, spec = written(2, ("reports/old-slug.md",))
    assert "reports/old-slug.md" not in nav[1]["Reports"] and spec.match_file("reports/old-slug.md")
