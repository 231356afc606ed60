"""Several processes and a SIGKILL mid-save: every update lands, every file stays whole."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from serumdesk.storage.migrations import CURRENT_SCHEMA_VERSION
from serumdesk.storage.profile_model import parse_profile
from serumdesk.storage.profiles import ProfileStore

pytestmark = pytest.mark.slow

WORKER = """
import sys
from pathlib import Path
from serumdesk.storage.profiles import ProfileStore
store = ProfileStore(Path(sys.argv[1]))
worker, rounds = sys.argv[2], int(sys.argv[3])
shared = store.find("shared").id
for i in range(rounds):
    store.create(f"worker {worker} profile {i}")
    store.update(shared, lambda p: p.with_changes(notes=p.notes + worker))
"""

SAVER = """
import sys
from pathlib import Path
from serumdesk.storage.profiles import ProfileStore
store = ProfileStore(Path(sys.argv[1]))
profile = store.find("victim")
print("ready", flush=True)
i = 0
while True:
    i += 1
    # ~100 KB per save so the kill often lands mid-write; the count says which save it was.
    profile = store.save(profile.with_changes(notes=f"{i}:" + "x" * 90_000))
"""


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_concurrent_processes_lose_no_update(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profiles")
    store.create("shared")
    workers, rounds = 4, 8
    procs = [_spawn(WORKER, str(store.folder), str(w), str(rounds)) for w in range(workers)]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    listing = store.listing()
    assert listing.problems == []
    assert len(listing.profiles) == 1 + workers * rounds
    shared = store.find("shared")
    assert sorted(shared.notes) == sorted("".join(str(w) * rounds for w in range(workers)))
    assert shared.revision == 1 + workers * rounds


def test_sigkill_mid_save_leaves_only_whole_files(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profiles")
    victim = store.create("victim", notes="0:")
    for round_ in range(6):
        with _spawn(SAVER, str(store.folder)) as proc:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(0.05 + 0.037 * round_)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=120)
        # Whatever moment the kill hit, the file is a whole, valid profile.
        raw = store.path_for(victim.id).read_bytes()
        profile, _ = parse_profile(raw, default_id=victim.id)
        count, _, rest = profile.notes.partition(":")
        assert count.isdigit()
        assert rest in ("", "x" * 90_000)
    assert store.get(victim.id).revision > 6  # the savers really were saving when killed
    listing = store.listing()
    assert listing.problems == []
    assert listing.names == ["victim"]
    assert not list(store.folder.glob(".*.tmp"))  # leftovers of killed saves are cleared
    assert json.loads(store.path_for(victim.id).read_bytes())["schema_version"] == CURRENT_SCHEMA_VERSION
