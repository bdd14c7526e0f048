"""The safety net in the CLI: a conversion that loses text is not written."""

from __future__ import annotations

from pathlib import Path

import pytest

import scrapedown.api
from scrapedown.cli import main


@pytest.fixture
def lossy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pipeline bug that drops the last paragraph."""
    real = scrapedown.api.clean

    def drop_last_paragraph(text: str, options: object = None) -> str:
        out = real(text, options)  # type: ignore[arg-type]
        return out.rsplit("\n\n", 1)[0] + "\n"

    monkeypatch.setattr(scrapedown.api, "clean", drop_last_paragraph)
    monkeypatch.setenv("SCRAPEDOWN_CACHE_DIR", "")


def _post(tmp_path: Path) -> Path:
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: t\n---\n\n<p>First.</p><p>Second paragraph.</p>\n")
    return post


def test_lossy_conversion_is_reported_and_not_written(
    tmp_path: Path, lossy: None, capsys: pytest.CaptureFixture[str]
) -> None:
    post = _post(tmp_path)
    before = post.read_bytes()
    assert main(["--no-cache", "-j", "1", str(post)]) == 2
    assert post.read_bytes() == before
    err = capsys.readouterr().err
    assert f"{post}: " in err
    assert "lost" in err and "letters/digits" in err


def test_no_verify_writes_anyway(tmp_path: Path, lossy: None) -> None:
    post = _post(tmp_path)
    assert main(["--no-cache", "--no-verify", "-j", "1", str(post)]) == 0
    assert "Second" not in post.read_text()


def test_faithful_conversion_passes_the_net(tmp_path: Path) -> None:
    post = _post(tmp_path)
    assert main(["--no-cache", "-j", "1", str(post)]) == 0
    assert post.read_text() == "---\ntitle: t\n---\n\nFirst.\n\nSecond paragraph.\n"
