"""Which files a run picks (scrapedown.batch.files): walks, excludes, .gitignore, symlinks."""

from __future__ import annotations

from pathlib import Path

from scrapedown.batch.files import DEFAULT_EXCLUDES, Walker


def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n")


def _walk(root: Path, *args: Path, **kwargs: object) -> list[str]:
    settings: dict[str, object] = {
        "excludes": list(DEFAULT_EXCLUDES),
        "force_exclude": False,
        "want_html": True,
    }
    settings.update(kwargs)
    walker = Walker(root=root, **settings)  # type: ignore[arg-type]
    found = walker.collect(list(args) or [root])
    return [item.path.relative_to(root).as_posix() for item in found.files]


def test_walk_is_sorted_and_picks_known_suffixes(tmp_path: Path) -> None:
    _tree(tmp_path, ["b.md", "a.markdown", "c.HTML", "d.htm", "notes.txt", "sub/e.md"])
    assert _walk(tmp_path) == ["a.markdown", "b.md", "c.HTML", "d.htm", "sub/e.md"]


def test_hidden_directories_and_node_modules_are_skipped(tmp_path: Path) -> None:
    _tree(tmp_path, [".git/x.md", ".deploy/y.md", "node_modules/pkg/README.md", "ok.md"])
    assert _walk(tmp_path) == ["ok.md"]


def test_html_left_out_without_output_dir(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.md", "b.html"])
    walker = Walker(root=tmp_path, excludes=[], force_exclude=False, want_html=False)
    result = walker.collect([tmp_path])
    assert [item.path.name for item in result.files] == ["a.md"]
    assert result.html_skipped == 1


def test_gitignore_nested_and_negated(tmp_path: Path) -> None:
    _tree(tmp_path, ["public/index.md", "drafts/a.md", "drafts/keep.md", "posts/b.md", "c.md"])
    (tmp_path / ".gitignore").write_text("public/\ndrafts/*.md\n")
    (tmp_path / "drafts" / ".gitignore").write_text("!keep.md\n")
    assert _walk(tmp_path) == ["c.md", "drafts/keep.md", "posts/b.md"]


def test_gitignore_of_ancestors_applies_to_a_walked_subdirectory(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("*.tmp.md\n")
    _tree(tmp_path, ["posts/a.md", "posts/b.tmp.md"])
    assert _walk(tmp_path, tmp_path / "posts") == ["posts/a.md"]


def test_exclude_globs_relative_to_root(tmp_path: Path) -> None:
    _tree(tmp_path, ["posts/a.md", "posts/drafts/b.md", "about/drafts/c.md", "d.md"])
    assert _walk(tmp_path, excludes=["/posts/drafts/"]) == [
        "about/drafts/c.md",
        "d.md",
        "posts/a.md",
    ]
    assert _walk(tmp_path, excludes=["drafts/", "d.md"]) == ["posts/a.md"]


def test_explicit_files_bypass_excludes_unless_forced(tmp_path: Path) -> None:
    _tree(tmp_path, ["drafts/a.md", "b.md"])
    files = [tmp_path / "drafts" / "a.md", tmp_path / "b.md"]
    assert _walk(tmp_path, *files, excludes=["drafts/"]) == ["drafts/a.md", "b.md"]
    assert _walk(tmp_path, *files, excludes=["drafts/"], force_exclude=True) == ["b.md"]


def test_duplicates_are_collapsed(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.md"])
    assert _walk(tmp_path, tmp_path, tmp_path / "a.md") == ["a.md"]


def test_symlinks_out_of_the_tree_and_to_directories_are_not_followed(tmp_path: Path) -> None:
    tree, elsewhere = tmp_path / "tree", tmp_path / "elsewhere"
    _tree(tree, ["a.md"])
    _tree(elsewhere, ["secret.md", "dir/x.md"])
    (tree / "inside-link.md").symlink_to(tree / "a.md")
    (tree / "outside-link.md").symlink_to(elsewhere / "secret.md")
    (tree / "dir-link").symlink_to(elsewhere / "dir")
    assert _walk(tree) == ["a.md", "inside-link.md"]


def test_output_directory_inside_the_input_is_skipped(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.md", "out/a.md"])
    assert _walk(tmp_path, skip_dir=tmp_path / "out") == ["a.md"]
