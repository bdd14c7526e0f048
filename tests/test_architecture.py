"""The import rules of docs/architecture.md ("Imports"), checked on the source with `ast`.

- No import cycle between the modules of `scrapedown` (module-level imports; an import of
  `a.b.c` also runs the `__init__` of `a.b`, so a package counts as imported too).
- No import of a `scrapedown` module inside a function, except in the lazy entry points below:
  the functions that load a heavy part (lxml, BeautifulSoup, markdownify, markdown-it, a rule
  registry) only when a call needs it, so that ``import scrapedown`` and the command line start
  fast. Imports under ``if TYPE_CHECKING:`` are for the type checker only and are not counted.
- ``import scrapedown`` loads none of the heavy libraries.
- Every file a source comment or docstring names (``*.py``, ``*.md``) exists.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "scrapedown"
REPO = SRC.parent

#: (module, function): the lazy entry points, each allowed to import our modules when called.
LAZY_ENTRY_POINTS: frozenset[tuple[str, str]] = frozenset(
    {
        # The HTML pipeline (lxml, BeautifulSoup, markdownify) loads on the first body that
        # holds a `<`: a Markdown-only post never loads it.
        ("scrapedown.api", "clean_html"),
        ("scrapedown.api", "clean_body"),
        # `scrapedown.options` imports these packages (for `PunctOptions` and `UrlOptions`), so
        # their public functions load their implementation on first use.
        ("scrapedown.punct", "normalize_punctuation"),
        ("scrapedown.punct", "normalize_markdown"),
        ("scrapedown.urls", "unwrap_url"),
        ("scrapedown.urls", "rewrite_urls"),
        ("scrapedown.urls", "rewrite_markdown_urls"),
        ("scrapedown.urls", "markdown_destination"),
        ("scrapedown.urls", "base_url_from_metadata"),
        ("scrapedown.urls", "rule_errors"),
        # `Options(...)` checks rule names against the registries only when names are given
        # (the DOM rules import the whole pipeline; the URL registry compiles its rules).
        ("scrapedown.options", "Options.__post_init__"),
        ("scrapedown.urls.options", "_check_rules"),
        ("scrapedown.urls.options", "_check_base_url"),  # URL parsing, when a base URL is given
        # markdown-it loads only for a body holding unsafe HTML or links (`safety` is imported
        # by the front-matter reader and the error guard of every public function).
        ("scrapedown.safety", "safe_body"),
        # The command line imports the pipeline once a file needs converting (the pre-commit
        # hook on clean, cached files never does), and the optional Dask extra only when asked.
        ("scrapedown.batch.worker", "prepare"),
        ("scrapedown.batch.worker", "convert"),
        ("scrapedown.batch.worker", "verify"),
        ("scrapedown.cli.runner", "_outcomes"),
        # The script installs quiet signal handlers before it imports the command line.
        ("scrapedown.__main__", "entry"),
    }
)
#: Packages whose function-level imports are not checked yet: `page/` was being reworked by its
#: owner when the rule came in (issue 16); remove the entry once its imports are at the top.
PENDING: tuple[str, ...] = ("scrapedown.page",)

HEAVY = ("lxml", "bs4", "markdownify", "markdown_it")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The scrapedown modules an import statement loads (a name imported from a package is
    its submodule when there is one)."""
    if isinstance(node, ast.Import):
        yield from (a.name for a in node.names if a.name.split(".")[0] == "scrapedown")
        return
    base = node.module or ""
    if node.level:
        package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{base}" if base else package
    if base.split(".")[0] != "scrapedown":
        return
    for alias in node.names:
        yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base


Found = tuple[str | None, str, int]


def _imports(module: str) -> Iterator[Found]:
    """(enclosing function or None, imported module, line) of every run-time import."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))

    def visit(node: ast.AST, function: str | None, scope: str) -> Iterator[Found]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield from ((function, t, child.lineno) for t in _targets(module, child))
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                yield from visit(ast.Module(body=child.orelse, type_ignores=[]), function, scope)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{scope}{child.name}"
                yield from visit(child, function or name, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                yield from visit(child, function, f"{scope}{child.name}.")
            else:
                yield from visit(child, function, scope)

    yield from visit(tree, None, "")


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        edges = graph.setdefault(module, set())
        for function, target, _ in _imports(module):
            if function is not None or target not in MODULES:
                continue
            parts = target.split(".")
            # importing a.b.c runs a/__init__ and a/b/__init__ first
            for end in range(1, len(parts) + 1):
                name = ".".join(parts[:end])
                if name != module and not module.startswith(name + "."):
                    edges.add(name)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            following = next(edges, None)
            if following is not None:
                if following not in index:
                    index[following] = low[following] = len(index)
                    stack.append(following)
                    on_stack.add(following)
                    work.append((following, iter(sorted(graph[following]))))
                elif following in on_stack:
                    low[node] = min(low[node], index[following])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_checker_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle() -> None:
    assert _cycles(_graph()) == []


def test_no_function_level_import_outside_the_lazy_entry_points() -> None:
    found = [
        f"{MODULES[module].relative_to(REPO)}:{line}: {function}() imports {target}"
        for module in MODULES
        if not module.startswith(PENDING)
        for function, target, line in _imports(module)
        if function is not None and (module, function) not in LAZY_ENTRY_POINTS
    ]
    assert found == []


def test_every_lazy_entry_point_exists_and_is_lazy() -> None:
    """An entry that no longer imports anything is stale: the allowlist stays exact."""
    lazy = {(m, f) for m in MODULES for f, _, _ in _imports(m) if f is not None}
    assert LAZY_ENTRY_POINTS - lazy == set()


def test_import_scrapedown_loads_no_heavy_library() -> None:
    probe = (
        "import sys, scrapedown\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# A file name in a comment or docstring: `walk.py`, `docs/architecture.md`, `rules/tree/x.py`.
_NAMED_FILE = re.compile(r"(?<![\w./-])((?:[\w-]+/)*[\w-]+\.(?:py|md))\b")


def _named_files(path: Path) -> Iterator[tuple[int, str]]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    texts: list[tuple[int, str]] = [
        (node.lineno, node.value.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    ]
    for number, line in enumerate(source.splitlines(), 1):
        if "#" in line:
            texts.append((number, line[line.index("#") :]))
    for number, text in texts:
        for match in _NAMED_FILE.finditer(text):
            yield number, match.group(1)


def _exists(name: str, path: Path) -> bool:
    """A named file is found from its own folder, the package (`parse/detect.py`) or the
    repository (`docs/architecture.md`); a one-letter name (`a.md`) is an example."""
    if len(Path(name).stem) == 1:
        return True
    return any((base / name).exists() for base in (path.parent, PACKAGE, REPO))


def test_the_reference_check_sees_a_stale_path() -> None:
    walk = PACKAGE / "convert" / "walk.py"
    assert not _exists("detect.py", walk)  # it moved to parse/
    assert _exists("parse/detect.py", walk)
    assert _exists("escape.py", walk)  # its own folder
    assert _exists("docs/architecture.md", walk)
    assert not _exists("research/anchors-cjk.md", walk)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.stem)
def test_source_references_name_files_that_exist(path: Path) -> None:
    named = _named_files(path)
    missing = [f"{path.name}:{line}: {name}" for line, name in named if not _exists(name, path)]
    assert missing == []
