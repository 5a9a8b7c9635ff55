#!/usr/bin/env python3
"""Check the main expected targets (主要预期目标) of government work reports.

usage: reports_check.py [--dir DIR] [--cmd 'TEMPLATE with {file}'] [--year 2026] [-v]

For every DIR/*.txt (default: the 28 provincial 2026 reports in tests/corpora/), runs the CLI
(default `target/release/planlens analyze {file}`), finds the report's list of the year's main
expected targets (the paragraph opened by `主要预期目标` or `今年…主要目标是：`) and takes as its
targets every Arabic number with a unit or a percent sign in it (`增长5%左右`, `4.5%—5%` as one range,
`城镇新增就业40万人以上`). For each it reports:
- found: a target of the analysis overlaps the number;
- direction: the analysis's `change` agrees with the change word before the number in its clause
  (增长 / 涨幅 / 上涨 / 提高 / 提升 → increase, 下降 / 降低 / 减少 → decrease, else none: a level such as
  `失业率5.5%左右`);
- due: the found target's `due` is the last day of the report year (--year, default 2026).
Prints one line per report (with the misses when -v) and the three shares: found / all,
direction ok / found, due ok / found.
"""
import argparse, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "corpora", "provincial-reports-2026")

ANCHOR = re.compile(r"主要预期目标|今年[^。\n]{0,12}主要目标")
NUM = r"\d+(?:\.\d+)?"
UNIT = r"(?:%|％|个百分点|万人次|万人|人|万吨|亿斤|万亩|微克/立方米|亿元|万亿元)"
QTY = re.compile(rf"{NUM}\s*(?:{UNIT})?\s*[-—–~～]\s*{NUM}\s*{UNIT}|{NUM}\s*{UNIT}")
UP = ("增长", "涨幅", "上涨", "提高", "提升", "增速")
DOWN = ("下降", "降低", "减少")
STOP = re.compile(r"这些目标|这样的目标|上述目标|实现这些|重点做好|重点抓好|具体抓好")


def paragraph(text):
    """(start, end) of the list of main expected targets: from the anchor, over line breaks that
    come before the list's colon, to the end of the line that holds the colon; cut where the report
    turns to comment on the targets."""
    m = ANCHOR.search(text)
    if not m:
        return None
    colon = re.compile(r"[：:]").search(text, m.end())
    if not colon or colon.start() - m.end() > 40:
        return None
    end = text.find("\n", colon.end())
    end = len(text) if end < 0 else end
    stop = STOP.search(text, colon.end(), end)
    return m.start(), stop.start() if stop else end


def direction(text, start, par_start):
    """The change the clause before the number states: the clause runs back to the last
    ，；。： (over 、 of a 分别 list)."""
    clause = re.split(r"[，；。：,;]", text[par_start:start])[-1]
    last_up = max((clause.rfind(w) for w in UP), default=-1)
    last_down = max((clause.rfind(w) for w in DOWN), default=-1)
    if last_up < 0 and last_down < 0:
        return None
    return "increase" if last_up > last_down else "decrease"


def check(path, cmd, year):
    text = open(path, encoding="utf-8").read()
    par = paragraph(text)
    r = subprocess.run(cmd.format(file=path), shell=True, capture_output=True, timeout=120)
    try:
        got = json.loads(r.stdout.decode("utf-8")).get("targets", [])
    except ValueError:
        got = []
    rows = []
    if par is None:
        return None, rows
    due = f"{year}-12-31"
    for q in QTY.finditer(text, par[0], par[1]):
        a, z = q.start(), q.end()
        hit = [g for g in got if g.get("span") and g["span"][0] < z and a < g["span"][1]]
        want = direction(text, a, par[0])
        g = hit[0] if hit else None
        rows.append({
            "qty": q.group(0),
            "found": g is not None,
            "dir_ok": g is not None and g.get("change") == want,
            "want_dir": want,
            "got_dir": g and g.get("change"),
            "due_ok": g is not None and g.get("due") == due,
            "got_due": g and g.get("due"),
        })
    return par, rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=DEFAULT_DIR)
    ap.add_argument("--cmd", default="target/release/planlens analyze {file}")
    ap.add_argument("--year", type=int, default=2026)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    n = found = dir_ok = due_ok = 0
    for name in sorted(os.listdir(a.dir)):
        if not name.endswith(".txt"):
            continue
        par, rows = check(os.path.join(a.dir, name), a.cmd, a.year)
        if par is None:
            print(f"{name}: no list of main expected targets found")
            continue
        f = sum(r["found"] for r in rows)
        d = sum(r["dir_ok"] for r in rows)
        u = sum(r["due_ok"] for r in rows)
        n += len(rows); found += f; dir_ok += d; due_ok += u
        print(f"{name}: {len(rows)} targets, found {f}, direction ok {d}, due ok {u}")
        if a.v:
            for r in rows:
                if not (r["found"] and r["dir_ok"] and r["due_ok"]):
                    print(f"   {r['qty']}: found {r['found']}, change {r['got_dir']} (want {r['want_dir']}), due {r['got_due']}")
    share = lambda x, y: round(x / y, 3) if y else 1.0
    print(json.dumps({"targets": n, "found": share(found, n), "direction": share(dir_ok, found),
                      "due": share(due_ok, found)}))


if __name__ == "__main__":
    sys.exit(main())
