#!/usr/bin/env python3
"""planlens CLI against chinese2digits on the same 1.3 M characters, in the same run.

    python3 tools/bench/native_compare.py [--planlens target/release/planlens] [--reps 28] [--runs 5]

The corpus is the five seed plans (tests/fixtures) written `--reps` times as separate files
(5 × 28 = 140 files, 1.33 M chars) into a temporary directory. Both tools read the same texts:

* chinese2digits (PyPI; `takeNumberFromString`, bare number extraction) is called once per
  document, in this Python process (its own best case: no process start, no file reading);
* planlens runs `planlens analyze DIR` (clean → elements → tables → outline → targets → JSON
  Lines on stdout, discarded), end to end: process start, file reading and serialisation included.
  Once pinned to one core (`taskset -c 0`, so it uses one thread like chinese2digits) and once
  on every core (the CLI analyses a directory in parallel).

Each figure is the median of `--runs` timed runs after one warm-up. The script only measures;
it never fails on speed (benchmarks are not tests). It must run with the interpreter of a venv
that has chinese2digits (see tools/bench/setup_py.sh, which `./x bench` calls).
"""
import argparse, glob, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def median_times(fns, runs):
    """Median seconds of each of `fns`, timed in turns (one run of each per round) after one
    warm-up each (page cache, interpreter caches): on a shared VM whose speed drifts from one
    minute to the next, timing the tools one after the other would put the drift into the ratio."""
    for fn in fns:
        fn()
    ts = [[] for _ in fns]
    for _ in range(runs):
        for i, fn in enumerate(fns):
            t = time.perf_counter()
            fn()
            ts[i].append(time.perf_counter() - t)
    return [statistics.median(t) for t in ts]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--planlens", default=os.path.join(ROOT, "target/release/planlens"))
    ap.add_argument("--reps", type=int, default=28)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    import chinese2digits as c2d  # installed by tools/bench/setup_py.sh

    seeds = sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/*.txt")))
    docs = [open(p, encoding="utf-8").read() for p in seeds]
    tmp = tempfile.mkdtemp(prefix="planlens-bench-")
    try:
        corpus = []
        for r in range(a.reps):
            for i, d in enumerate(docs):
                with open(os.path.join(tmp, f"{r:03}_{i}.txt"), "w", encoding="utf-8") as f:
                    f.write(d)
                corpus.append(d)
        chars = sum(len(d) for d in corpus)

        found = [0]

        def run_c2d():
            found[0] = sum(len(c2d.takeNumberFromString(d)["digitsStringList"]) for d in corpus)

        def run_cli(pin):
            cmd = ([shutil.which("taskset"), "-c", "0"] if pin else []) + [a.planlens, "analyze", tmp]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)

        can_pin = shutil.which("taskset") is not None
        fns = [run_c2d, lambda: run_cli(False)] + ([lambda: run_cli(True)] if can_pin else [])
        t_c2d, t_all, *rest = median_times(fns, a.runs)
        t_one = rest[0] if rest else None
        out = subprocess.run([a.planlens, "analyze", tmp], check=True, capture_output=True).stdout
        import json
        lines = out.decode("utf-8").splitlines()
        targets = sum(len(json.loads(l).get("targets", [])) for l in lines)
        headings = sum(len(json.loads(l).get("outline", [])) for l in lines)

        print(f"corpus: 5 seeds × {a.reps} = {len(corpus)} files, {chars} chars; median of {a.runs} runs, the tools in turns")
        print(f"{'tool':<44} {'seconds':>8} {'M chars/s':>10} {'vs c2d':>7}")
        rows = [("chinese2digits 6 (1 core, in-process)", t_c2d)]
        if t_one is not None:
            rows.append(("planlens analyze DIR (1 core, taskset -c 0)", t_one))
        rows.append((f"planlens analyze DIR ({os.cpu_count()} cores, JSON Lines)", t_all))
        for name, t in rows:
            print(f"{name:<44} {t:>8.3f} {chars / t / 1e6:>10.2f} {t_c2d / t:>6.1f}×")
        print(f"chinese2digits found {found[0]} bare numbers; planlens found {targets} targets "
              f"(value, unit, comparator, deadline, subject, path) and {headings} top-level headings, "
              f"plus elements and tables")
        if a.reps < 28:
            print("smoke run (fewer than 28 copies: process start dominates): no budget verdict")
        elif t_one is not None:
            ratio = t_c2d / t_one
            print(f"budget: planlens (1 core) ≥ 5× chinese2digits: {ratio:.1f}× → "
                  f"{'met' if ratio >= 5 else 'NOT met'}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
