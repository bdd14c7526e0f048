"""The canonical input, read in place from ../shared/seeds (skipped when absent)."""

from __future__ import annotations

import re

import pytest

from scrapedown import clean
from tests.conftest import shared_path

OFWEEK = "http://images.ofweek.com/Upload/News/2021-03/29/Leslie/"


@pytest.fixture(scope="module")
def seed() -> tuple[str, str]:
    text = shared_path("seeds", "000_18c10a987d936d5b.txt").read_text(encoding="utf-8")
    return text, clean(text)


def _front_matter_keys(post: str) -> list[str]:
    block = post.split("---\n")[1]
    return re.findall(r"^([A-Za-z_]+):", block, flags=re.MULTILINE)


def test_front_matter_at_byte_zero_with_same_keys(seed: tuple[str, str]) -> None:
    text, out = seed
    assert out.startswith("---\n")
    assert _front_matter_keys(out) == _front_matter_keys(text.lstrip("\n"))
    assert _front_matter_keys(out) == [
        "title", "categories", "headimg", "author", "comments", "date", "thumbnail",
    ]  # fmt: skip


def test_only_image_keys_changed_in_front_matter(seed: tuple[str, str]) -> None:
    text, out = seed
    before = text.lstrip("\n").split("---\n")[1].splitlines()
    after = out.split("---\n")[1].splitlines()
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert [a.split(":")[0] for _, a in changed] == ["headimg", "thumbnail"]
    for _, line in changed:
        assert line.endswith(f"'{OFWEEK}1616988569148032560.png'")


def test_no_junk_left(seed: tuple[str, str]) -> None:
    _, out = seed
    for junk in ("style=", "referrerpolicy", "cors.zfour", "<p", "<span", "<center", "<div"):
        assert junk not in out
    assert not re.search(r"<[a-zA-Z/]", out.split("---\n", 2)[2])


def test_images_and_link(seed: tuple[str, str]) -> None:
    _, out = seed
    images = re.findall(r"!\[([^\]]*)\]\(([^)]*)\)", out)
    assert images == [
        ("", f"{OFWEEK}1616988569148032560.png"),
        ("", f"{OFWEEK}1616988586371014419.png"),
        ("", f"{OFWEEK}1616988598088013395.png"),
    ]
    assert "[智能制造](https://www.ofweek.com/im/)" in out


def test_punctuation(seed: tuple[str, str]) -> None:
    text, out = seed
    for fixed in ("e-works", "工业4.0", "20%", "1+X+N", "“中国标杆智能工厂”"):
        assert fixed in out
    for wrong in ("－", "．", "％", "＋", "＂"):
        assert wrong not in out
    body_in, body_out = text.split("---\n", 2)[2], out.split("---\n", 2)[2]
    for mark in "，。：（）":
        assert body_out.count(mark) == body_in.count(mark), mark
    for mark in "“”":  # one more pair: ＂中国标杆智能工厂＂
        assert body_out.count(mark) == body_in.count(mark) + 1, mark


def test_subheadings_stay_bold(seed: tuple[str, str]) -> None:
    _, out = seed
    assert "\n**从1到N，打造“智造”标杆**\n" in out
    assert "\n**由点到面，复制更多“灯塔”**\n" in out


def test_idempotent(seed: tuple[str, str]) -> None:
    _, out = seed
    assert clean(out) == out
