"""Make synthetic data N times the seed: N fiscal years, each with the seed's 15 measures and a report.

Usage: python bench/synthetic.py OUT_DIR [YEARS]   (default 10 years: 2563–2572, 150 measures)
The years start at 2563, the first year the ITA framework in data/indicators.yml applies to.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

SEED = Path(__file__).resolve().parent.parent / "data"
FIRST_YEAR = 2563
DUMP = {"allow_unicode": True, "sort_keys": False}


def make(out: Path, years: int) -> None:
    """Write a data folder with `years` years of results, measures and reports into `out`."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(SEED, out, ignore=shutil.ignore_patterns("results", "measures", "reports"))
    randomness = random.Random(years)  # the same data for the same size, so runs compare
    measures = sorted((SEED / "measures/2568").glob("*.yml"))
    report = yaml.safe_load((SEED / "reports/2568.yml").read_text(encoding="utf-8"))
    for year in range(FIRST_YEAR, FIRST_YEAR + years):
        scores = {n: round(randomness.uniform(80, 100), 2) for n in range(1, 11)}
        (out / "results").mkdir(exist_ok=True)
        (out / f"results/{year}.yml").write_text(yaml.safe_dump({"year": year, "scores": scores}, **DUMP), "utf-8")
        (out / f"measures/{year}").mkdir(parents=True)
        for path in measures:
            measure = yaml.safe_load(path.read_text(encoding="utf-8"))
            shift = year - 2568
            measure["year"] = year
            measure["period"] = {
                "start": measure["period"]["start"].replace(year=measure["period"]["start"].year + shift),
                "end": measure["period"]["end"].replace(year=measure["period"]["end"].year + shift),
            }
            (out / f"measures/{year}/{path.name}").write_text(yaml.safe_dump(measure, **DUMP), "utf-8")
        (out / "reports").mkdir(exist_ok=True)
        memo = {
            **report["memo"],
            "date": report["memo"]["date"].replace(year=report["memo"]["date"].year + year - 2568),
        }
        (out / f"reports/{year}.yml").write_text(
            yaml.safe_dump({**report, "year": year, "memo": memo}, **DUMP), "utf-8"
        )


if __name__ == "__main__":
    make(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10)
