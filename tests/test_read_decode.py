from __future__ import annotations

import codecs

import pytest

from edition.errors import EditionError
from edition.read.decode import decode_bytes
from edition.read.document import read_document

TEXT = "棚户区改造是迁西县的一项民心工程。\n第二行，含数字 1,000 与 10:29。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        ("\ufeff".encode("gb18030") + TEXT.encode("gb18030"), "gb18030"),  # GB18030's own byte-order mark
        (codecs.BOM_UTF8 * 2 + TEXT.encode("utf-8"), "utf-8-sig"),  # saved twice with a mark
    ],
)
def test_decodes_supported_encodings(data, encoding):
    text, found = decode_bytes(data, "x.txt")
    assert text == TEXT
    assert found == encoding


def test_crlf_and_cr_become_lf():
    text, _ = decode_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"), "x.txt")
    assert text == TEXT
    text, _ = decode_bytes(TEXT.replace("\n", "\r").encode("utf-8"), "x.txt")
    assert text == TEXT


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\n \t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(0x80, 0xFF)) * 3, "GB18030"),
        ("正常文本\x07\x08".encode(), "control characters"),
    ],
)
def test_bad_files_give_one_clear_error_naming_the_file(data, message):
    with pytest.raises(EditionError) as err:
        decode_bytes(data, "seeds/bad.txt")
    assert "seeds/bad.txt" in str(err.value)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("data", "where"),
    [
        # valid UTF-8 for two lines, then a byte no encoding we accept can make sense of in context
        ("第一行\n第二行\n".encode() + bytes(range(0x80, 0xFF)) * 3, "seeds/bad.txt:3:"),
        ("第一行\n第二行\n第三行".encode() + b"\x00\x01", "seeds/bad.txt:3:"),
        ("一\n二\n三\n四\x07".encode(), "seeds/bad.txt:4:"),
        (codecs.BOM_UTF16_LE + "一\n二\n".encode("utf-16-le") + b"\x00\xdc", "seeds/bad.txt:3:"),
    ],
)
def test_a_bad_file_is_named_with_the_line_where_it_goes_wrong(data, where):
    with pytest.raises(EditionError) as err:
        decode_bytes(data, "seeds/bad.txt")
    assert str(err.value).startswith(where)


def test_read_source_records_checksum_and_encoding(tmp_path):
    path = tmp_path / "s.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    source = read_document(path)
    assert source.file == "s.txt"
    assert source.encoding == "gb18030"
    assert len(source.sha256) == 64
