"""``deskdup --version`` and ``deskdup --self-test`` from the source, as support runs them.

The built folder runs the same two commands in CI (``.ci/run`` ->
``packaging/build-linux.sh``).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

from deskdup import __version__, self_test


def _run(*args: str, tmp_path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESKDUP_DATA_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "deskdup", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        check=False,
    )


def test_version_prints_the_package_version(tmp_path):
    done = _run("--version", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"deskdup {__version__}"


def test_self_test_passes_on_a_working_installation(tmp_path):
    done = _run("--self-test", tmp_path=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    steps = (
        "demo data",
        "scan for duplicates",
        "merge one of",
        "undo the merge",
        "licences",
        "main window",
    )
    for step in steps:
        assert any(step in line and line.rstrip().endswith("s)") for line in lines), step
    assert lines[-1].startswith("self-test passed in ")
    # Nothing of the self-test stays behind, and the operator's own data are untouched.
    assert not any(tmp_path.glob("*.sqlite"))


def test_self_test_says_which_step_failed_and_exits_1(capsys):
    out = io.StringIO()
    # Two leads of one demo make no candidate group: the scan step must fail, in words.
    code = self_test.run(out, window=False, leads=2)
    assert code == 1
    err = capsys.readouterr().err
    assert "self-test failed at scan for duplicates: no candidate groups among 2 leads" in err
    assert "FAILED" in out.getvalue()
    assert "passed" not in out.getvalue()


def test_a_built_program_stamps_its_kept_keys_by_the_build_not_the_sources(monkeypatch, tmp_path):
    """In the built folder there is no .py beside the modules: the stamps of the kept
    candidates and search keys must not read them (the built self-test failed so)."""
    from deskdup.services import paths
    from deskdup.services.matching.search import search_stamp
    from deskdup.services.matching.settings import MatchSettings
    from deskdup.services.matching.store import candidates_stamp

    source = (search_stamp(), candidates_stamp(MatchSettings()))
    program = tmp_path / "deskdup"
    program.write_bytes(b"one build")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert paths.built_program_stamp().startswith(f"{__version__} 9 ")
    built = (search_stamp(), candidates_stamp(MatchSettings()))
    assert built != source
    program.write_bytes(b"another build")
    assert (search_stamp(), candidates_stamp(MatchSettings())) != built
