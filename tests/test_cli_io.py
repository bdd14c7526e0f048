"""Bytes <-> text conventions and atomic writes of the CLI (scrapedown.batch.io)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from scrapedown import ScrapedownError
from scrapedown.batch.io import decode, prepare_output_parent, write_atomic

BOM = b"\xef\xbb\xbf"


def test_plain_utf8_round_trips() -> None:
    decoded = decode("标题\n正文\n".encode(), html=False)
    assert decoded.text == "标题\n正文\n"
    assert decoded.encode(decoded.text) == "标题\n正文\n".encode()
    assert decoded.is_unchanged_by(decoded.text)


def test_crlf_is_hidden_from_the_pipeline_and_restored() -> None:
    decoded = decode(b"---\r\ntitle: a\r\n---\r\nbody\r\n", html=False)
    assert decoded.text == "---\ntitle: a\n---\nbody\n"
    assert decoded.encode("---\ntitle: a\n---\nnew\n") == b"---\r\ntitle: a\r\n---\r\nnew\r\n"


def test_missing_final_newline_is_not_added_by_the_driver() -> None:
    decoded = decode(b"a\r\nb", html=False)
    assert decoded.encode(decoded.text) == b"a\r\nb"


def test_bom_kept_without_front_matter() -> None:
    decoded = decode(BOM + b"# Title\n", html=False)
    assert decoded.text == "# Title\n"
    assert decoded.encode("# Title\n") == BOM + b"# Title\n"
    assert decoded.is_unchanged_by("# Title\n")


def test_bom_before_front_matter_is_dropped_for_jekyll() -> None:
    decoded = decode(BOM + b"---\ntitle: a\n---\nx\n", html=False)
    assert decoded.encode(decoded.text) == b"---\ntitle: a\n---\nx\n"
    assert not decoded.is_unchanged_by(decoded.text)  # dropping the BOM is a change


def test_invalid_utf8_markdown_is_an_error_with_offset() -> None:
    with pytest.raises(ScrapedownError, match=r"not valid UTF-8 \(byte 0xff at offset 4\)"):
        decode(b"abc \xff\n", html=False)


def test_binary_is_an_error() -> None:
    with pytest.raises(ScrapedownError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", html=True)


def test_utf16_markdown_is_an_error() -> None:
    with pytest.raises(ScrapedownError, match="UTF-16"):
        decode("# x\n".encode("utf-16"), html=False)


def test_html_declared_charset_is_used() -> None:
    page = '<html><head><meta charset="gb2312"></head><body><p>中文，标点</p></body></html>'
    decoded = decode(page.encode("gbk"), html=True)
    assert "中文，标点" in decoded.text
    assert decoded.encoding == "gb18030"


def test_html_http_equiv_charset_is_used() -> None:
    page = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<p>caf\u00e9 \u2014 na\u00efve</p>"
    )
    decoded = decode(page.encode("cp1252"), html=True)
    assert "café — naïve" in decoded.text


def test_html_without_charset_is_detected() -> None:
    text = "<p>" + "这是一个没有声明编码的中文网页，内容使用国标编码保存。" * 8 + "</p>\n"
    decoded = decode(text.encode("gb18030"), html=True)
    assert decoded.text == text


# Short pages without a charset, in the legacy encodings still served on the web: a statistical
# detector misreads most of these (café as Arabic presentation forms, GBK as Korean).
SHORT_LEGACY_PAGES = [
    ("<p>café</p>", "cp1252"),
    ("<p>Ça va très bien, merci</p>", "cp1252"),
    ("<p>Grüße aus München, schöne Straße</p>", "cp1252"),
    ("<p>你好，世界。这是一个测试页面。</p>", "gbk"),
    ("<p>繁體中文的測試頁面，謝謝</p>", "big5"),
    ("<p>日本語のテキストです。こんにちは</p>", "shift_jis"),
    ("<p>日本語のテキストです</p>", "euc_jp"),
    ("<p>한국어 테스트 페이지입니다</p>", "euc_kr"),
    ("<p>Привет мир, это тест</p>", "cp1251"),
    ("<p>Zażółć gęślą jaźń, proszę</p>", "cp1250"),
]


@pytest.mark.parametrize(("text", "encoding"), SHORT_LEGACY_PAGES)
def test_short_html_without_charset_is_read_as_a_browser_would(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), html=True).text == text


def test_utf8_page_with_a_damaged_character_stays_utf8() -> None:
    # A truncated character in a UTF-8 page without a charset: one stray byte must not turn the
    # whole page into mojibake (read as a legacy encoding) nor into an error.
    page = "<p>" + "Zażółć gęślą jaźń. " * 20 + "</p>"
    data = page.encode() + b"<p>papieros\xc3...</p>"
    decoded = decode(data, html=True)
    assert decoded.text == page + "<p>papieros\ufffd...</p>"
    assert decoded.encoding == "utf-8"


def test_undefined_byte_of_the_detected_encoding_is_replaced_not_fatal() -> None:
    # 0x81 is unassigned in windows-1252; browsers show U+FFFD there and so do we.
    decoded = decode("<p>Grüße aus München</p>".encode("cp1252") + b"\x81", html=True)
    assert decoded.text == "<p>Grüße aus München</p>\ufffd"


def test_declared_charset_wins_over_a_stray_byte() -> None:
    page = '<meta charset="utf-8"><p>中文内容</p>'.encode() + b"\xff"
    assert decode(page, html=True).text == '<meta charset="utf-8"><p>中文内容</p>\ufffd'


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(1, 256)) * 4,  # every byte but NUL
        b"MZ\x90\x03\x04\xff\xff\xb8@\x0e\x1f\xba\x0e\xb4\t\xcd!This program",  # an .exe's head
    ],
)
def test_binary_html_without_nul_is_an_error_not_text(data: bytes) -> None:
    # Not UTF-8, and control bytes no text holds: a detector would read it as some legacy text.
    with pytest.raises(ScrapedownError, match="binary"):
        decode(data, html=True)


def test_markdown_never_guesses_a_legacy_encoding() -> None:
    with pytest.raises(ScrapedownError, match="UTF-8"):
        decode("中文内容".encode("gbk"), html=False)


def test_write_atomic_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "post.md"
    target.write_text("old\n")
    target.chmod(0o640)
    write_atomic(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_write_atomic_new_file_gets_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.md"
    write_atomic(target, b"x\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_interrupt_during_write_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "post.md"
    target.write_bytes(b"original\n")

    class Interrupting:
        def __init__(self, fd: int, mode: str) -> None:
            self.fd = fd

        def __enter__(self) -> Interrupting:
            return self

        def __exit__(self, *exc: object) -> None:
            os.close(self.fd)

        def write(self, data: bytes) -> int:
            os.write(self.fd, data[:3])  # half of the file is on disk...
            raise KeyboardInterrupt  # ...when Ctrl-C arrives

    monkeypatch.setattr(os, "fdopen", Interrupting)  # the module _io writes with
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"replacement\n")
    assert target.read_bytes() == b"original\n"
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_output_parent_refuses_symlink_out_of_root(tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "sub").symlink_to(outside)
    with pytest.raises(ScrapedownError, match="outside the output directory"):
        prepare_output_parent(out / "sub" / "deeper" / "a.md", out)
    assert list(outside.iterdir()) == []


def test_output_parent_creates_directories_inside(tmp_path: Path) -> None:
    out = tmp_path / "out"
    prepare_output_parent(out / "a" / "b" / "c.md", out)
    assert (out / "a" / "b").is_dir()
