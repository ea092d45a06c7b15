"""The radical table (N6) is what scripts/make_radical_table.py makes from Debian's fonts-noto-cjk, so
nobody can edit it by hand unnoticed; and it is used: a radical character in PDF text is the ideograph."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from edition.clean.normalise import normalise
from edition.clean.radicals import TABLE

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_radical_table.py"


def _script():
    spec = importlib.util.spec_from_file_location("make_radical_table", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_table_is_the_one_the_fonts_give():
    script = _script()
    if not all(Path(font).exists() for font in script.FONTS):
        pytest.skip("Debian's fonts-noto-cjk is not installed (.ci/run installs it)")
    assert script.table() == TABLE


def test_the_table_maps_radicals_to_ideographs_only():
    assert all(0x2E80 <= radical <= 0x2FD5 for radical in TABLE)
    assert all(target >= 0x3400 for target in TABLE.values())
    assert TABLE[ord("⼯")] == ord("工") and TABLE[ord("⺠")] == ord("民")


def test_a_radical_in_running_text_reads_as_its_ideograph():
    assert normalise("党员⼲部⼯作组进村⼊户", pdf=True) == "党员干部工作组进村入户"
