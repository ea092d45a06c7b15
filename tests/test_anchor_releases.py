"""Release manifests: what a release published, and the checks every later build makes."""

from __future__ import annotations

import copy
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


def retired_release(tmp_path) -> tuple[releases.Manifest, Ledger, list[Block]]:
    """Release 1.0 of a report whose ¶2 was merged into ¶1: b3 is retired, landing on b2."""
    texts = [*TEXTS, "附：征收补偿统计表一份"]
    report, ledger = report_and_ledger(texts)
    merged = [Block(b.kind, b.zh, b.lines) for b in report.blocks]
    merged[1] = Block("paragraph", TEXTS[1] + TEXTS[2], (2, 3))
    del merged[2]
    assign_ids(merged, ledger)
    number_paragraphs(merged)
    assert ledger.by_id()["b3"].successor == "b2"
    path = releases.manifest_path(tmp_path, "1.0")
    path.write_text(releases.dumps(releases.manifest_record("1.0", "2026-12-01", [Report("r", "000.txt", {}, merged)],
                                                            {"r": ledger})), encoding="utf-8")
    return releases.load_manifests(tmp_path)[0], ledger, merged


def test_a_retired_id_that_lands_elsewhere_than_its_release_said_is_an_error(tmp_path) -> None:
    """The audit's case: records damaged by hand, b3 retired again with another text and another successor."""
    loaded, ledger, _ = retired_release(tmp_path)
    releases.check_releases([loaded], {"r": ledger}, {})  # as released: fine
    damaged = copy.deepcopy(ledger)
    damaged.by_id()["b3"].successor = "b4"
    with pytest.raises(EditionError, match=r"r#b3 \(retired, landing on b2, in release 1\.0\) now lands on b4 "
                       r"\('附：征收补偿统计表一份'\), which does not hold its text"):
        releases.check_releases([loaded], {"r": damaged}, {})
    damaged.by_id()["b3"].zh = "附：征收补偿统计表一份"
    with pytest.raises(EditionError, match=r"r#b3 \(retired, .*\) now names other text"):
        releases.check_releases([loaded], {"r": damaged}, {})


def test_a_block_cut_from_a_manifest_by_hand_is_an_error(tmp_path) -> None:
    _, ledger, _ = retired_release(tmp_path)
    path = tmp_path / "1.0.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["reports"][0]["blocks"] = [b for b in data["reports"][0]["blocks"] if b["id"] != "b2"]
    path.write_text(releases.dumps(data), encoding="utf-8")
    cut = releases.load_manifests(tmp_path)[0]  # (every remaining block still matches its SHA-256)
    with pytest.raises(EditionError, match=r"1\.0\.json: r: b2 \(in anchors/r\.yaml\) was issued before release 1\.0 "
                       r"but is not in it: a release manifest is never edited"):
        releases.check_releases([cut], {"r": ledger}, {})


def test_an_id_a_later_manifest_lost_is_an_error(tmp_path) -> None:
    _, ledger, merged = retired_release(tmp_path)
    record = releases.manifest_record("1.1", "2026-12-02", [Report("r", "000.txt", {}, merged)], {"r": ledger})
    record["reports"][0]["retired"] = []  # b3 dropped by hand from 1.1
    releases.manifest_path(tmp_path, "1.1").write_text(releases.dumps(record), encoding="utf-8")
    with pytest.raises(EditionError, match=r"1\.1\.json: r: b3, published in release 1\.0, is not in this release"):
        releases.check_releases(releases.load_manifests(tmp_path), {"r": ledger}, {})


def test_a_paragraph_number_gap_in_a_manifest_is_an_error(tmp_path) -> None:
    report, ledger = report_and_ledger([*TEXTS, "第三段。"])
    record = releases.manifest_record("1.0", "2026-12-01", [report], {"r": ledger})
    record["reports"][0]["blocks"][2]["number"] = 5
    releases.manifest_path(tmp_path, "1.0").write_text(releases.dumps(record), encoding="utf-8")
    with pytest.raises(EditionError, match=r"r: the paragraphs are not numbered ¶1, ¶2 … \(¶2 is missing"):
        releases.check_releases(releases.load_manifests(tmp_path), {"r": ledger}, {})
