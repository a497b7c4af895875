"""Sentences that explain a computed figure in the reader's language.

They sit above both the scoring and the locale: the scoring says what fell short, the locale says how a
language puts it.
"""

from __future__ import annotations

from ..numbers import format_score, format_threshold
from ..scoring import YearScore
from .locale import Locale


def level_reason(score: YearScore, locale: Locale) -> str:
    """Why the year got its level, "Good, not Excellent, because the EIT average (91.09) is below 95", without a
    full stop, so a template can use it inside a sentence or as one."""
    reason, joiner = score.reason, locale.t("reason_and")
    level = locale.text(reason.level.name)
    if not score.broken_down:  # nothing to explain the level with: the NACC's word is the reason
        return locale.t("reason_announced", level=level)
    if reason.higher is None:
        conditions = [
            locale.t(
                "reason_min_total", value=format_score(score.total), minimum=format_threshold(reason.level.min_total)
            )
        ]
        if reason.level.min_each_tool is not None:
            conditions.append(locale.t("reason_min_each_tool", minimum=format_threshold(reason.level.min_each_tool)))
        return locale.t("reason_top", level=level, conditions=joiner.join(conditions))
    shortfalls = [
        locale.t(
            "reason_below",
            subject=locale.t("subject_total")
            if item.subject == "total"
            else locale.t("subject_tool", tool=item.subject),
            value=format_score(item.value),
            minimum=format_threshold(item.minimum),
        )
        for item in reason.shortfalls
    ]
    return locale.t(
        "reason_missed", level=level, higher=locale.text(reason.higher.name), shortfalls=joiner.join(shortfalls)
    )
