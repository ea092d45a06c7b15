"""The site's configuration is portable: ProperDocs (the maintained fork of MkDocs 1.x) builds it strictly,
page for page, with the same navigation, and the edition's one plugin works there too."""

from __future__ import annotations

import os
import subprocess
import sys


def test_properdocs_builds_the_site_strictly_with_the_same_pages(built_site) -> None:
    target = built_site.paths.root / "build" / "properdocs-site"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--quiet", "-f", "mkdocs.yml", "--site-dir", str(target)],
        cwd=built_site.paths.root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    pages = {p.relative_to(built_site.site) for p in built_site.site.rglob("*.html")}
    assert pages == {p.relative_to(target) for p in target.rglob("*.html")}
    workers = list((target / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert workers and all("o<=t.length;o++)t.slice(s,o)in e" in w.read_text(encoding="utf-8") for w in workers)
    report = (target / "reports" / "qujiang-project-party-building" / "index.html").read_text(encoding="utf-8")
    assert 'id="b2"' in report and "../taijiang-hundred-day-assault/" in report  # the nav lists the reports
