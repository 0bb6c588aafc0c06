#!/usr/bin/env python3
"""Score `ccsim forecast` against statsforecast's models on generated histories.

Each history mirrors the ones the integration tests generate: weekday levels and intraday
shapes that differ by weekday, a short Saturday, closed Sundays, a weekday holiday,
0.3 %/day growth, gamma day noise (CV 0.05) and Poisson counts per half-hour. Twelve
weeks are given to every method; the two weeks after are the truth they are scored on.

Outside CI: run it through scripts/forecast-compare.sh, which builds the Python
environment. Usage: forecast-compare.py CCSIM_BINARY [SEEDS...]
"""

import datetime as dt
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import MSTL, AutoETS, SeasonalNaive, SeasonalWindowAverage

WEEKS, AHEAD_WEEKS = 12, 2
DAY_CV, GROWTH = 0.05, 0.003
MONDAY = dt.date(2026, 1, 5)
HOLIDAY = MONDAY + dt.timedelta(days=7 * 6 + 2)  # a Wednesday
SEEDS = list(range(11, 21))


def truth(w):
    """Mean daily total, first half-hour and intraday weights of weekday w (Sunday: None)."""
    if w == 6:
        return None
    level = [1200.0, 1000.0, 950.0, 950.0, 900.0, 350.0][w]
    if w == 5:
        return level, 18, [1.4 if 2 <= i < 6 else 1.0 for i in range(10)]

    def bump(x, at, width):
        return np.exp(-(((x - at) / width) ** 2))

    shape = []
    for i in range(24):
        x = float(i)
        if w == 0:
            s = 1.0 + 2.0 * bump(x, 3.0, 2.5) + 0.6 * bump(x, 12.0, 3.0)
        elif w == 4:
            s = 1.0 + bump(x, 5.0, 3.0) + 0.2 * bump(x, 12.0, 3.0) - 0.02 * x
        else:
            s = 1.0 + bump(x, 6.0, 3.0) + 0.8 * bump(x, 12.0, 3.0)
        shape.append(s)
    return level, 16, shape


def generate(seed, weeks):
    """Counts per (date, half-hour from midnight) over `weeks` weeks from MONDAY."""
    rng = np.random.default_rng(seed)
    out = {}
    for d in range(7 * weeks):
        day = MONDAY + dt.timedelta(days=d)
        t = truth(day.weekday())
        if t is None or day == HOLIDAY:
            continue
        level, first, shape = t
        mean = level * (1.0 + GROWTH * d) * rng.gamma(1.0 / DAY_CV**2, DAY_CV**2)
        total = sum(shape)
        for i, s in enumerate(shape):
            out[(day, first + i)] = int(rng.poisson(mean * s / total))
    return out


def clock(slot):
    return f"{slot // 2:02}:{slot % 2 * 30:02}"


def run_ccsim(binary, counts, until, workdir):
    """ccsim's forecast per (date, slot) for the 14 days from `until`."""
    hist = os.path.join(workdir, "history.csv")
    with open(hist, "w") as f:
        f.write("date,interval,type,volume\n")
        for (day, slot), n in sorted(counts.items()):
            if day < until:
                f.write(f"{day.isoformat()},{clock(slot)},,{n}\n")
    out = os.path.join(workdir, "out")
    args = [binary, "forecast", hist, "--days", "14", "--start", until.isoformat()]
    subprocess.run(args + ["--out", out, "--no-chart"], check=True, capture_output=True)
    fc = pd.read_csv(os.path.join(out, "forecast.csv"), dtype={"type": str})
    bt = pd.read_csv(os.path.join(out, "backtest.csv"))
    print(f"ccsim chose {bt[bt.chosen == 'yes'].method.iloc[0]}", file=sys.stderr)
    return {
        (dt.date.fromisoformat(r.date), int(r.start[:2]) * 2 + int(r.start[3:]) // 30): r.volume
        for r in fc.itertuples()
    }


def run_statsforecast(counts, until, grid):
    """Each library model's forecast per (date, slot) for the 14 days from `until`.

    The series is the day grid (the slots any day of the history used) of every date,
    Sundays and out-of-hours slots as zeros, so a season is a week of intervals. The
    holiday is filled with the mean of its weekday a week before and after, as ccsim
    leaves it out of learning; forecasts are clipped at 0 and zeroed on closed weekdays
    and outside each weekday's hours seen in the history, as ccsim does.
    """
    days = [MONDAY + dt.timedelta(days=d) for d in range((until - MONDAY).days)]
    week = dt.timedelta(days=7)

    def y(day, slot):
        if day == HOLIDAY:
            return (counts.get((day - week, slot), 0) + counts.get((day + week, slot), 0)) / 2
        return counts.get((day, slot), 0)

    values = [y(day, slot) for day in days for slot in grid]
    df = pd.DataFrame({"unique_id": "h", "ds": np.arange(len(values)), "y": values})
    season = 7 * len(grid)
    models = [
        SeasonalNaive(season_length=season, alias="SeasonalNaive"),
        SeasonalWindowAverage(season_length=season, window_size=4, alias="SeasonalWindowAverage"),
        MSTL(season_length=season, trend_forecaster=AutoETS(model="ZZN"), alias="MSTL"),
    ]
    sf = StatsForecast(models=models, freq=1, n_jobs=1)
    horizon = 14 * len(grid)
    fc = sf.forecast(df=df, h=horizon)
    open_slots = {
        (day.weekday(), slot) for (day, slot), n in counts.items() if day < until and n > 0
    }
    ahead = [(until + dt.timedelta(days=k), slot) for k in range(14) for slot in grid]
    out = {}
    for name, label in [
        ("SeasonalNaive", "statsforecast SeasonalNaive"),
        ("SeasonalWindowAverage", "statsforecast SeasonalWindowAverage"),
        ("MSTL", "statsforecast MSTL"),
    ]:
        col = fc[name].to_numpy()
        out[label] = {
            key: max(float(v), 0.0) if (key[0].weekday(), key[1]) in open_slots else 0.0
            for key, v in zip(ahead, col)
        }
    return out


def wape(counts, forecast, until, grid):
    """(daily WAPE, interval WAPE) over the 14 days from `until`."""
    total = day_err = slot_err = 0.0
    for k in range(14):
        day = until + dt.timedelta(days=k)
        ys = [counts.get((day, s), 0) for s in grid]
        fs = [forecast.get((day, s), 0.0) for s in grid]
        total += sum(ys)
        day_err += abs(sum(ys) - sum(fs))
        slot_err += sum(abs(a - b) for a, b in zip(ys, fs))
    return day_err / total, slot_err / total


def main():
    binary = sys.argv[1]
    seeds = [int(s) for s in sys.argv[2:]] or SEEDS
    until = MONDAY + dt.timedelta(days=7 * WEEKS)
    scores = {}
    for seed in seeds:
        counts = generate(seed, WEEKS + AHEAD_WEEKS)
        slots = [s for (day, s) in counts if day < until]
        grid = list(range(min(slots), max(slots) + 1))
        with tempfile.TemporaryDirectory() as workdir:
            methods = {"ccsim forecast": run_ccsim(binary, counts, until, workdir)}
        methods.update(run_statsforecast(counts, until, grid))
        for name, f in methods.items():
            d, i = wape(counts, f, until, grid)
            scores.setdefault(name, []).append((d, i))
            print(f"seed {seed:3} {name:38} daily {d:.4f} interval {i:.4f}", file=sys.stderr)
    print(f"Mean over {len(seeds)} seeds ({seeds[0]}..{seeds[-1]}), WAPE on the 2 weeks after 12:")
    print()
    print("| method | daily WAPE | interval WAPE | best daily in | best interval in |")
    print("|---|---|---|---|---|")
    names = list(scores)

    def wins(name, j):
        best = [min(scores[n][k][j] for n in names) for k in range(len(seeds))]
        return sum(1 for k in range(len(seeds)) if scores[name][k][j] == best[k])

    n = len(seeds)
    for name in names:
        d = np.mean([s[0] for s in scores[name]])
        i = np.mean([s[1] for s in scores[name]])
        print(
            f"| {name} | {100 * d:.1f} % | {100 * i:.1f} % "
            f"| {wins(name, 0)} of {n} seeds | {wins(name, 1)} of {n} seeds |"
        )

if __name__ == "__main__":
    main()
