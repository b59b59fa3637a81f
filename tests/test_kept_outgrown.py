"""Kept pairs scored with the hand-set priors (a workspace too small to learn
from, say one created empty in the window) are not taken over once the
workspace has leads enough to learn a model, nor a learned model's once the
workspace has more than doubled: the next start, scan or queue builds afresh
and learns, as a scan of the same leads would."""

from __future__ import annotations

import pytest

from deskdup.services.demo import generate_demo
from deskdup.services.importer import import_file
from deskdup.services.kept_queue import kept_queue
from deskdup.services.kept_scan import BUILT, KEPT, scan_leads
from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.matching.settings import LEARN_MIN_LEADS
from deskdup.services.matching.store import kept_holds, open_index
from tests.factories import independent_generator


def _pairs(pairs) -> dict:
    return {(p.a, p.b): (p.score, p.reasons) for p in pairs}


@pytest.fixture
def outgrown(workspace):
    """An empty workspace opened (its priors kept), then 1,500 leads added."""
    settings = MatchSettings()
    empty = open_index(workspace, settings)
    assert not empty.leads and not empty.model.learned
    with workspace.engine.connect() as conn:
        assert kept_holds(conn, settings)
    generate_demo(workspace, leads=1500, seed=11)
    assert LEARN_MIN_LEADS <= 1500
    return workspace


def test_a_start_after_the_workspace_outgrew_its_priors_learns(outgrown):
    settings = MatchSettings()
    with outgrown.engine.connect() as conn:
        assert not kept_holds(conn, settings)
    assert kept_queue(outgrown, settings) is None  # no stale queue shown first
    index = open_index(outgrown, settings)
    assert index.model.learned
    fresh = MatchIndex.build(outgrown, settings)
    assert _pairs(index.result().pairs) == _pairs(fresh.result().pairs) != {}
    # Kept again with the learned model: the next start takes them over.
    with outgrown.engine.connect() as conn:
        assert kept_holds(conn, settings)
    again = open_index(outgrown, settings)
    assert again.model.learned and again.touched == set()


def test_a_scan_after_the_workspace_outgrew_its_priors_learns(outgrown):
    settings = MatchSettings()
    scan = scan_leads(outgrown, settings, keep=True)
    assert scan.source == BUILT and scan.index.model.learned
    scan.texts()
    assert scan.keep() == ""
    assert scan_leads(outgrown, settings).source == KEPT


def test_a_small_workspace_keeps_its_priors(workspace):
    settings = MatchSettings()
    generate_demo(workspace, leads=300, seed=11)
    index = open_index(workspace, settings)
    assert not index.model.learned
    with workspace.engine.connect() as conn:
        assert kept_holds(conn, settings)
    assert open_index(workspace, settings).touched == set()


def test_a_workspace_that_more_than_doubled_learns_again(workspace, tmp_path):
    """Kept pairs of 1,200 leads, then 1,500 more imported: the next start
    learns from all 2,700 instead of scoring 1,500 with a model of 1,200."""
    settings = MatchSettings()
    generate_demo(workspace, leads=1200, seed=11)
    first = open_index(workspace, settings)
    assert first.model.learned
    before = first.model.to_json()
    with workspace.engine.connect() as conn:
        assert kept_holds(conn, settings)
    data, truth = tmp_path / "more.csv", tmp_path / "more.truth.csv"
    independent_generator()(1500, 5).write(data, truth)
    assert import_file(workspace, data).written
    with workspace.engine.connect() as conn:
        assert not kept_holds(conn, settings)
    index = open_index(workspace, settings)
    assert index.model.learned and index.model.to_json() != before
    assert len(index.touched) == len(index.leads)  # every lead scored with the new model
    fresh = MatchIndex.build(workspace, settings)
    assert _pairs(index.result().pairs) == _pairs(fresh.result().pairs)
    with workspace.engine.connect() as conn:
        assert kept_holds(conn, settings)
