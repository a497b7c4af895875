"""`python -m itasite build-all`: three small agencies, one with broken data, built in parallel with a hub."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from support.build import PROJECT, make_synthetic
from support.data import replace, tree_digest


@pytest.mark.build
def test_build_all_builds_the_good_agencies_reports_the_broken_one_and_lists_them_in_a_hub(tmp_path):
    agencies = tmp_path / "agencies"
    make_synthetic(agencies, years=1, agencies=3)
    replace("  3: ", "  3: 1")(agencies / "agency-002/data/results/2568.yml")  # a score over 100
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "itasite"]
    result = subprocess.run(
        [*command, "build-all", str(agencies), "--out", str(out), "--jobs", "2"],
        cwd=PROJECT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert "results/2568.yml:5:6: scores[3]" in result.stderr
    assert "failed: agency-002" in result.stderr
    assert sorted(p.name for p in out.iterdir() if p.name.startswith("agency-")) == ["agency-001", "agency-003"]
    for lang in ("th", "en"):
        hub = (out / lang / "index.html").read_text(encoding="utf-8")
        assert hub.count('<tr data-province="') == 2
        assert 'href="../agency-001/' in hub and 'href="../agency-003/' in hub and "agency-002" not in hub
        assert '<script src="../hub.js" defer></script>' in hub and "<script>" not in hub  # no inline script
    assert "เทศบาลตำบล" in (out / "th/index.html").read_text(encoding="utf-8")
    alone = tmp_path / "alone"
    single = [*command, "build", "--data", str(agencies / "agency-001/data"), "--out", str(alone)]
    subprocess.run(single, cwd=PROJECT, env=env, check=True, capture_output=True)
    assert tree_digest(out / "agency-001") == tree_digest(alone)
