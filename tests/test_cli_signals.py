"""Ctrl-C, SIGTERM and SIGKILL of a real ``scrapedown`` run: a prompt exit, no orphaned worker,
no traceback, no partial or late file (subprocesses, each with a timeout)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

import scrapedown

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="process checks read /proc (Linux)"
)

DIRTY = (
    "---\ntitle: 'Post {n}'\n---\n"
    '<div><p style="text-indent: 2em;">Paragraph {n} with <span class="a">wrapped</span> '
    '<strong style="color:red">words</strong>.</p><p style="x">Second paragraph.</p></div>\n'
)
#: The issue's budget from the signal to the exit, plus slack for a loaded 2-core machine.
EXIT_BUDGET = 2.0
SLACK = 1.0


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent, session) of a live process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], int(fields[1]), int(fields[3])


def _live_processes(field: int, value: int) -> list[int]:
    """Live (not zombie) processes whose /proc stat `field` (1: parent, 2: session) is `value`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            info = _stat(int(entry.name))
            if info is not None and info[field] == value and info[0] != "Z":
                found.append(int(entry.name))
    return found


def _session_members(session: int) -> list[int]:
    """Live processes of a session: the run and anything it started."""
    return _live_processes(2, session)


def _children(pid: int) -> list[int]:
    return _live_processes(1, pid)


def _wait_gone(session: int, timeout: float = 3.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = _session_members(session)
        if not left:
            return []
        time.sleep(0.05)
    return _session_members(session)


def _start(args: Sequence[str], tmp_path: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "SCRAPEDOWN_CACHE_DIR": str(tmp_path / ".cache"),
        "PYTHONPATH": str(Path(scrapedown.__file__).parents[1]),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "scrapedown", *args],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own session and process group, like a shell job
    )


def _many_posts(tmp_path: Path, count: int = 300) -> dict[Path, str]:
    posts = {}
    for n in range(count):
        path = tmp_path / "posts" / f"p{n:03}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(DIRTY.format(n=n) * 40)
        posts[path] = path.read_text()
    return posts


def _wait_for_workers(process: subprocess.Popen[str], count: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if len(_children(process.pid)) >= count:
            time.sleep(0.3)  # let them take work
            return
        time.sleep(0.02)
    pytest.skip("the run ended (or never started its workers) before it could be signalled")


def _assert_whole_files(posts: dict[Path, str]) -> dict[Path, str]:
    leftovers = list((next(iter(posts)).parent).glob("*.scrapedown-tmp"))
    assert leftovers == []
    contents = {path: path.read_text() for path in posts}
    for path, text in posts.items():
        assert contents[path] in (text, scrapedown.clean(text)), path
    return contents


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    ("signum", "times", "to_group", "status"),
    [
        (signal.SIGINT, 1, True, 130),  # Ctrl-C in a terminal
        (signal.SIGINT, 2, True, 130),  # a double tap
        (signal.SIGINT, 5, False, 130),  # `timeout -s INT` and impatience
        (signal.SIGTERM, 1, False, 143),  # `kill`, `timeout`
        (signal.SIGTERM, 3, True, 143),
    ],
)
def test_signals_stop_the_pool_run_at_once(
    tmp_path: Path, signum: int, times: int, to_group: bool, status: int
) -> None:
    posts = _many_posts(tmp_path)
    process = _start(["-j", "2", "--no-cache", "posts"], tmp_path)
    _wait_for_workers(process, 2)
    sent = time.monotonic()
    for _ in range(times):
        if to_group:
            os.killpg(process.pid, signum)
        else:
            os.kill(process.pid, signum)
        time.sleep(0.03)
    _, err = process.communicate(timeout=60)
    elapsed = time.monotonic() - sent
    assert process.returncode == status, err
    assert elapsed < EXIT_BUDGET + SLACK, elapsed
    assert "Traceback" not in err, err
    assert "interrupted" in err
    assert _wait_gone(process.pid) == []  # no orphaned worker
    before = _assert_whole_files(posts)
    time.sleep(0.5)  # nothing is written after the exit either
    assert {path: path.read_text() for path in posts} == before


@pytest.mark.timeout(120)
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_file_being_converted_is_not_written(tmp_path: Path, signum: int) -> None:
    big = tmp_path / "big.md"
    # About 4 s of conversion on a quiet machine (4,000 copies took 1 s once the pipeline got
    # faster, and the run could end between the check below and the signal).
    big.write_text(DIRTY.format(n=1) * 16000)
    original = big.read_bytes()
    process = _start(["--no-cache", "big.md"], tmp_path)
    time.sleep(1.5)  # started, read the file, converting
    if process.poll() is not None:
        pytest.skip("the conversion ended before the signal")
    sent = time.monotonic()
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, err
    assert time.monotonic() - sent < EXIT_BUDGET + SLACK
    assert "Traceback" not in err, err
    assert big.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".scrapedown-tmp")] == []


@pytest.mark.timeout(120)
def test_workers_die_with_a_killed_main_process(tmp_path: Path) -> None:
    _many_posts(tmp_path)
    process = _start(["-j", "2", "--no-cache", "posts"], tmp_path)
    _wait_for_workers(process, 2)
    workers = _children(process.pid)
    process.kill()  # SIGKILL: no handler runs; the workers must notice on their own
    process.communicate(timeout=30)
    deadline = time.monotonic() + EXIT_BUDGET + SLACK
    while time.monotonic() < deadline and any(
        (info := _stat(pid)) is not None and info[0] != "Z" for pid in workers
    ):
        time.sleep(0.05)
    alive = [pid for pid in workers if (info := _stat(pid)) is not None and info[0] != "Z"]
    assert alive == []


@pytest.mark.timeout(120)
def test_signal_while_reading_stdin(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "scrapedown", "-"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(scrapedown.__file__).parents[1])},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.0)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 143, err
    assert out == ""
    assert "Traceback" not in err


# The conversion of a big page holds a parse tree that takes seconds to free; after an
# interrupt the command must not wait for that (here: an object whose finaliser sleeps).
SLOW_TO_FREE = """
import pathlib, sys, time
from scrapedown.batch import worker

class ParseTree:
    def __del__(self):
        time.sleep(6)

def convert(post, *, options):
    tree = ParseTree()
    pathlib.Path("converting").touch()
    time.sleep(60)

worker.convert = convert
from scrapedown.cli import run
sys.argv = ["scrapedown", "--no-cache", "a.md"]
run()
"""


@pytest.mark.timeout(120)
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_the_exit_does_not_wait_for_the_conversion_to_be_freed(tmp_path: Path, signum: int) -> None:
    (tmp_path / "a.md").write_text(DIRTY.format(n=1))
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_TO_FREE],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(scrapedown.__file__).parents[1])},
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (tmp_path / "converting").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    sent = time.monotonic()
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, err
    assert time.monotonic() - sent < EXIT_BUDGET + SLACK
    assert "interrupted" in err and "Traceback" not in err, err
    assert (tmp_path / "a.md").read_text() == DIRTY.format(n=1)


@pytest.mark.timeout(120)
def test_a_reader_that_leaves_stops_the_run_quietly(tmp_path: Path) -> None:
    """``scrapedown --diff . | head``: the shell's status for SIGPIPE, no traceback."""
    posts = _many_posts(tmp_path, count=40)  # far more diff than a pipe's buffer holds
    process = subprocess.Popen(
        [sys.executable, "-m", "scrapedown", "--no-cache", "-j", "2", "--diff", "posts"],
        cwd=tmp_path,
        env={
            **os.environ,
            "SCRAPEDOWN_CACHE_DIR": str(tmp_path / ".cache"),
            "PYTHONPATH": str(Path(scrapedown.__file__).parents[1]),
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith("--- ")
    process.stdout.close()  # `head -1` has what it wanted
    err = process.stderr.read()
    assert process.wait(timeout=60) == 141, err
    assert "Traceback" not in err and "Exception ignored" not in err and "error" not in err, err
    assert _wait_gone(process.pid) == []
    assert all(path.read_text() == text for path, text in posts.items())


#: The script's start-up with a signal sent while the command line is still being imported.
SIGNAL_DURING_IMPORT = """
import builtins, os, sys
sys.argv = ["scrapedown", "--no-cache", "a.md"]
real_import = builtins.__import__

def import_and_signal(name, *args, **kwargs):
    if name.startswith("scrapedown.cli"):
        os.kill(os.getpid(), {signum})
    return real_import(name, *args, **kwargs)

builtins.__import__ = import_and_signal
from scrapedown.__main__ import entry
entry()
"""


@pytest.mark.timeout(60)
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_during_start_up_exits_quietly(tmp_path: Path, signum: int) -> None:
    """Before the command line's handlers exist (it is still importing): 130/143, no traceback."""
    (tmp_path / "a.md").write_text(DIRTY.format(n=1))
    result = subprocess.run(
        [sys.executable, "-c", SIGNAL_DURING_IMPORT.format(signum=int(signum))],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(scrapedown.__file__).parents[1])},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 128 + signum, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert (tmp_path / "a.md").read_text() == DIRTY.format(n=1)
