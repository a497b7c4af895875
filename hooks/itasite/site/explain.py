"""Sentences that explain a computed figure in the reader's language.

They sit above both the scoring and the locale: the scoring says what fell short, the locale says how a
language puts it.
"""

from __future__ import annotations

from markupsafe import Markup

from ..data.models import Agency
from ..numbers import format_score, format_threshold
from ..scoring import YearScore
from .locale import Locale


def level_reason(score: YearScore, locale: Locale) -> Markup:
    """Why the year got its level, "Good, not Excellent, because the EIT average (91.09) is below 95", without a
    full stop, so a template can use it inside a sentence or as one. While the year's rules cite no NACC manual,
    the reason says it follows the rules as this site summarises them: the level is the NACC's, the why is ours."""
    if not score.broken_down:  # nothing to explain the level with: the NACC's word is the reason
        return locale.t("reason_announced", level=locale.text(score.reason.level.name))
    reason = _reason(score, locale)
    if score.scheme.manual is None:
        return locale.t("reason_ours", reason=reason)
    return reason[:1].upper() + reason[1:]  # the sentence's own start ("rated …" in English)


def _reason(score: YearScore, locale: Locale) -> Markup:
    """The reason itself, "rated Good, not Excellent, because …", as a clause that can follow a qualification."""
    reason, joiner = score.reason, locale.t("reason_and")
    level = locale.text(reason.level.name)
    if reason.higher is None:
        conditions = [
            locale.t(
                "reason_min_total", value=format_score(score.total), minimum=format_threshold(reason.level.min_total)
            )
        ]
        if reason.level.min_each_tool is not None:
            tools = [tool.tool for tool in score.tools]
            conditions.append(
                locale.t(
                    "reason_min_each_tool",
                    minimum=format_threshold(reason.level.min_each_tool),
                    count=len(tools),
                    tools=", ".join(tools),
                )
            )
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


def publisher_line(agency: Agency, locale: Locale) -> Markup:
    """Who publishes the site, for every page's footer: the agency, or the publisher agency.yml names, then
    saying the site is not the agency's own, so no reader takes it for the agency's official website."""
    line = locale.t("footer_publisher", publisher=locale.text(agency.publisher or agency.name))
    if agency.publisher:
        line += locale.t("footer_not_official", agency=locale.text(agency.name))
    return line + locale.t("sentence_end")
