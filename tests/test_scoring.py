"""Scoring: tool averages, weighted totals, levels and their reasons, year-on-year changes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from itasite.scoring import Direction, compare, consecutive_comparisons, score_all, score_year

D = Decimal


def scores_from_tools(iit: str, eit: str, oit: str) -> dict[int, Decimal]:
    """Indicator scores whose tool averages are exactly the given values."""
    return {
        **dict.fromkeys(range(1, 6), D(iit)),
        **dict.fromkeys(range(6, 9), D(eit)),
        **dict.fromkeys((9, 10), D(oit)),
    }


@pytest.mark.parametrize(
    ("year", "total", "level", "tools"),
    [
        (2567, "96.33", "good", {"IIT": "100.00", "EIT": "91.09", "OIT": "97.50"}),
        (2568, "99.37", "excellent", {"IIT": "100.00", "EIT": "97.91", "OIT": "100.00"}),
    ],
)
def test_seed_years_score_as_the_report_states(seed, year, total, level, tools):
    score = score_all(seed)[year]
    assert score.total == D(total)
    assert score.level.id == level
    assert {tool.tool: tool.average for tool in score.tools} == {k: D(v) for k, v in tools.items()}


def test_2567_is_good_pass_because_eit_is_below_95(seed):
    reason = score_all(seed)[2567].reason
    assert reason.higher.id == "excellent"
    assert [(s.subject, s.value, s.minimum) for s in reason.shortfalls] == [("EIT", D("91.09"), D("95"))]


def test_seed_changes_from_2567_to_2568(seed):
    (comparison,) = consecutive_comparisons(score_all(seed))
    deltas = {n: change.delta for n, change in comparison.indicators.items()}
    assert deltas == {
        **dict.fromkeys((1, 2, 3, 4, 5, 10), D("0.00")),
        6: D("3.33"),
        7: D("4.93"),
        8: D("12.18"),
        9: D("5.00"),
    }
    assert comparison.total.delta == D("3.04")
    assert comparison.total.direction is Direction.UP
    assert comparison.indicators[1].direction is Direction.SAME


@pytest.mark.parametrize(
    ("iit", "eit", "oit", "level", "shortfall"),
    [
        ("95", "95", "95", "excellent", None),  # exactly 95 everywhere is enough
        ("100", "94.99", "100", "good", ("EIT", "94.99")),  # total 98.50 but one tool short of 95
        ("94.99", "100", "100", "good", ("IIT", "94.99")),
        ("85", "85", "85", "good", ("total", "85.00")),
        ("84.99", "100", "100", "pass", ("IIT", "84.99")),  # total over 85, a tool under 85
        ("84.99", "84.99", "84.99", "needs-improvement", ("total", "84.99")),
        ("70", "70", "70", "needs-improvement", ("total", "70.00")),
        ("69.99", "69.99", "69.99", "needs-urgent-improvement", ("total", "69.99")),
        ("0", "0", "0", "needs-urgent-improvement", ("total", "0.00")),
    ],
)
def test_levels_from_2567_need_every_tool_to_reach_the_minimum(seed, iit, eit, oit, level, shortfall):
    score = score_year(2568, scores_from_tools(iit, eit, oit), seed.indicators_for(2568), seed.scheme_for(2568))
    assert score.level.id == level
    if shortfall:
        assert (score.reason.shortfalls[0].subject, score.reason.shortfalls[0].value) == (shortfall[0], D(shortfall[1]))
    else:
        assert score.reason.higher is None and score.reason.shortfalls == ()


@pytest.mark.parametrize(
    ("all_scores", "level"),
    [("100", "aa"), ("95", "aa"), ("94.99", "a"), ("85", "a"), ("84.99", "b"), ("50", "e"), ("49.99", "f")],
)
def test_levels_up_to_2566_use_total_bands_only(seed, all_scores, level):
    score = score_year(
        2566, scores_from_tools(all_scores, all_scores, all_scores), seed.indicators_for(2566), seed.scheme_for(2566)
    )
    assert score.level.id == level


@pytest.mark.parametrize(
    ("iit", "eit", "oit", "total"),
    [
        ("100", "91.093333", "97.5", "96.33"),  # 96.328 rounds up
        ("100", "100", "99.9875", "100.00"),  # 99.995 rounds half up
        ("10", "20", "30", "21.00"),
    ],
)
def test_total_is_the_weighted_sum_rounded_half_up(seed, iit, eit, oit, total):
    score = score_year(2568, scores_from_tools(iit, eit, oit), seed.indicators_for(2568), seed.scheme_for(2568))
    assert score.total == D(total)


def test_a_fall_is_reported_as_down(seed):
    scheme = seed.scheme_for(2568)
    before = score_year(2567, scores_from_tools("100", "100", "100"), seed.indicators_for(2568), scheme)
    after = score_year(2568, scores_from_tools("90", "100", "100"), seed.indicators_for(2568), scheme)
    change = compare(before, after)
    assert change.total.delta == D("-3.00")
    assert change.total.direction is Direction.DOWN
    assert change.indicators[1].direction is Direction.DOWN
