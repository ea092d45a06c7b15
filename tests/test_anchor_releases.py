"""Release manifests: what a release published, and the checks every later build makes."""

from __future__ import annotations

import json

import pytest

from edition.anchor import releases
from edition.anchor.ledger import Ledger, assign_ids, number_paragraphs
from edition.errors import EditionError
from edition.model import Block, Report
from edition.paths import Paths

TEXTS = ["标题", "第一段，讲的是党建引领征拆工作的做法和成效。", "第二段，讲的是群众工作。"]


def report_and_ledger(texts: list[str]) -> tuple[Report, Ledger]:
    blocks = [Block("title" if i == 0 else "paragraph", t, (i + 1, i + 1)) for i, t in enumerate(texts)]
    ledger = assign_ids(blocks, Ledger("r"))
    number_paragraphs(blocks)
    return Report("r", "000.txt", {}, blocks), ledger


def manifest(tmp_path, version: str = "1.0") -> releases.Manifest:
    report, ledger = report_and_ledger(TEXTS)
    path = releases.manifest_path(tmp_path, version)
    path.write_text(releases.dumps(releases.manifest_record(version, "2026-12-01", [report], {"r": ledger})),
                    encoding="utf-8")
    return releases.load_manifests(tmp_path)[0]


def test_the_committed_releases_hold_for_the_edition_as_it_is(edition) -> None:
    manifests = releases.load_manifests(Paths().releases)
    assert manifests, "no release manifest in anchors/releases"
    releases.check_releases(manifests, edition.ledgers, edition.moved_reports())
    published = {(r.slug, b.id) for m in manifests for r in m.reports for b in r.blocks}
    current = {(r.slug, b.id) for r in edition.reports for b in r.blocks}
    assert published <= current


def test_versions_are_ordered_by_their_numbers() -> None:
    assert sorted(["1.0", "0.10", "0.9", "2.0-rc1"], key=releases.version_key) == ["0.9", "0.10", "1.0", "2.0-rc1"]


def test_a_manifest_round_trips_and_testifies_to_its_ids(tmp_path) -> None:
    loaded = manifest(tmp_path)
    assert [b.id for b in loaded.reports[0].blocks] == ["b1", "b2", "b3"]
    assert releases.testimony(loaded, "r").texts == {"b1": TEXTS[0], "b2": TEXTS[1], "b3": TEXTS[2]}
    assert releases.published_texts([loaded], "r")["b2"] == [TEXTS[1]]


def test_an_id_that_names_other_text_is_an_error(tmp_path) -> None:
    loaded = manifest(tmp_path)
    _, ledger = report_and_ledger(TEXTS)
    ledger.by_id()["b2"].zh = "完全不同的另一段文字，与原来的内容毫无关系。"
    with pytest.raises(EditionError, match=r"r#b2 \(¶1, published in release 1.0\) now names other text"):
        releases.check_releases([loaded], {"r": ledger}, {})


def test_a_renamed_manifest_file_is_an_error(tmp_path) -> None:
    manifest(tmp_path)
    (tmp_path / "1.0.json").rename(tmp_path / "1.1.json")
    with pytest.raises(EditionError, match=r"holds release '1\.0', but is named 1\.1\.json"):
        releases.load_manifests(tmp_path)


def test_a_manifest_that_is_not_json_names_the_line(tmp_path) -> None:
    (tmp_path / "1.0.json").write_text('{\n "version": "1.0",\n oops\n}', encoding="utf-8")
    with pytest.raises(EditionError, match=r"anchors/releases/1.0.json:3: is not valid JSON"):
        releases.load_manifests(tmp_path)


def test_the_release_records_translation_states(tmp_path) -> None:
    report, ledger = report_and_ledger(TEXTS)
    report.blocks[1].en, report.blocks[1].status = "The first paragraph.", "reviewed"
    record = releases.manifest_record("1.0", "2026-12-01", [report], {"r": ledger})
    block = json.loads(releases.dumps(record))["reports"][0]["blocks"][1]
    assert block["translation"] == "reviewed" and block["en_sha256"] == releases.sha256("The first paragraph.")
