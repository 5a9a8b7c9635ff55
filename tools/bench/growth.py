#!/usr/bin/env python3
"""Growth benchmark: how time and memory of the CLI grow with hostile and merely unusual inputs.

    ./x bench growth [--sizes 1M,10M] [--only NAME,...] [--bin target/release/planlens]

Each generator writes a text of about each size (the first size is the base); the CLI runs on
it (analyze, compare or check) with its output read and counted, and the table gives wall time,
peak RSS of the process (wait4), the output's size, and the growth of time and memory from the
base size (of CPU time: see run()). It measures only: no exit status depends on a timing (a non-zero status means the
CLI failed or a run passed --timeout). The targets the issue sets (every row: at most 12x from
1 to 10 MiB, under 10 s and 1 GB at 10 MiB) are for a reader to compare against.

Rows with a fixed size (the 433-row schedule table, --rows) run once whatever the sizes.
A smoke run (CI: tests/cli.rs) takes tiny sizes: --sizes 4K,8K --rows 20.
"""

import argparse
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def repeat(unit_of, size):
    """Joins unit_of(0), unit_of(1), … until the text has at least `size` UTF-8 bytes."""
    parts, n, i = [], 0, 0
    while n < size:
        u = unit_of(i)
        parts.append(u)
        n += len(u.encode())
        i += 1
    return "".join(parts)


def cjk(n):
    """A Chinese numeral 1…99 (一 … 九十九), as heading markers print them."""
    d = "零一二三四五六七八九"
    n = n % 99 + 1
    if n < 10:
        return d[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else d[tens]) + "十" + (d[ones] if ones else "")


def nested_unit(i):
    """Every marker family opened under the previous one, 13 levels deep, a target under each."""
    k = i % 9 + 1
    heads = [
        f"第{cjk(i)}篇 总体布局",
        f"第{cjk(k)}章 发展目标",
        f"第{cjk(k)}节 重点任务",
        f"第{cjk(k)}条 工作要求",
        f"{cjk(k)}、加强建设",
        f"（{cjk(k)}）推进工程",
        f"{k}.完善体系",
        f"（{k}）提升能力",
        "①②③④⑤⑥⑦⑧⑨"[k - 1] + "强化保障",
        "ⅠⅡⅢⅣⅤⅥⅦⅧⅨ"[k - 1] + "、优化服务",
        f"{k}.{k} 改善环境",
        f"{k}.{k}.{k} 落实责任",
        f"{cjk(k)}是抓好落实。",
    ]
    return "".join(f"{h}\n完成{k + j}所学校建设。\n" for j, h in enumerate(heads))


def schedule_header():
    """The head of a 分年推进表 as text extracted from a PDF or .docx prints it: a cell a line."""
    cells = "序号 行动名称 项目名称 主要内容 分年度推进内容 牵头部门 责任部门 2022 2023 2024".split()
    return "某区教育提升行动方案\n\n一、主要任务\n\n推进学校建设。\n\n附件\n\n某区教育提升行动重点项目分年推进表\n\n" + "\n\n".join(cells) + "\n\n"


def schedule_row(i):
    """One row of a 分年推进表: a number, names, the content and one target per year."""
    n = i + 1
    cells = [
        str(n),
        "提质行动",
        f"项目{n}",
        f"完成{n % 50 + 3}所学校建设。",
        f"完成{n % 7 + 2}所。",
        f"建成{n % 11 + 1}个。",
        f"覆盖率达到9{n % 10}%。",
        "区教育局",
        "区财政局",
    ]
    return "\n\n".join(cells) + "\n\n"


def schedule_table(size=None, rows=None):
    head = schedule_header()
    if rows is not None:
        return head + "".join(schedule_row(i) for i in range(rows))
    return head + repeat(schedule_row, size - len(head.encode()))


def target_lines(i, shift=0):
    """A target-heavy line; `shift` changes values so two files differ in every target."""
    n = i + shift
    return (
        f"{cjk(i)}、推进第{i}项工程\n到2025年，完成{n % 90 + 3}所学校建设，新增学位{n * 10 % 9000 + 100}个，"
        f"覆盖率达到{n % 10 + 90}%，建成{n % 40 + 1}个社区服务中心。\n"
    )


def fixtures(folder):
    d = os.path.join(ROOT, "tests", folder)
    texts = [open(os.path.join(d, f), encoding="utf-8").read() for f in sorted(os.listdir(d)) if f.endswith(".txt")]
    return "\n\n".join(texts) + "\n\n"


def plan(size, folder):
    text = fixtures(folder)
    return repeat(lambda _: text, size)


# name → (command, inputs(size) → list of texts, fixed size or None)
GENERATORS = {
    "month-headings": ("analyze", lambda s: [repeat(lambda i: "九月份\n完成9所学校建设。\n", s)]),
    "cjk-headings+targets": ("analyze", lambda s: [repeat(lambda i: "一、加强\n完成9所学校建设。\n", s)]),
    "nested-13-levels": ("analyze", lambda s: [repeat(nested_unit, s)]),
    "notes": (
        "analyze",
        lambda s: [repeat(lambda i: "完成3所学校建设（牵头单位：区教育局；配合单位：区财政局、区人社局）；", s)],
    ),
    "goal-headings": ("analyze", lambda s: [repeat(lambda i: "一、总体目标\n", s)]),
    "header-words": ("analyze", lambda s: [repeat(lambda i: "序号 指标名称 单位 2020年 2025年 属性 责任单位\n", s)]),
    "units-one-line": ("analyze", lambda s: [repeat(lambda i: f"{i % 1000}所", s)]),
    "seeds-repeated": ("analyze", lambda s: [plan(s, "fixtures")]),
    "schedule-table": ("analyze", lambda s: [schedule_table(s)]),
    "compare-plans": ("compare", lambda s: [plan(s, "fixtures"), plan(s, "synthetic")]),
    "compare-targets": ("compare", lambda s: [repeat(target_lines, s), repeat(lambda i: target_lines(i, 7), s)]),
    "compare-schedule": ("compare", lambda s: [schedule_table(s)] * 2),
    "check-plans": ("check", lambda s: [plan(s, "fixtures")]),
    "check-schedule": ("check", lambda s: [schedule_table(s)]),
}
# name → (command, inputs(rows) → list of texts): the schedule table of issue 26 (433 rows, 60 KB)
FIXED = {
    "compare-rows": ("compare", lambda n: [schedule_table(rows=n)] * 2),
    "check-rows": ("check", lambda n: [schedule_table(rows=n)]),
}


def run(binary, command, paths, timeout):
    """(wall seconds, CPU seconds, peak RSS in bytes, output bytes, exit status or 'timeout') of
    one CLI run. CPU time (user + system) is the steadier figure on a shared machine: the CLI is
    single-threaded for one input, so it is the wall time the run would take alone."""
    t0 = time.perf_counter()
    # the limit is on CPU time (the kernel ends the run), so a busy machine does not cut runs short
    limit = lambda: resource.setrlimit(resource.RLIMIT_CPU, (int(timeout), int(timeout) + 1))
    p = subprocess.Popen(
        [binary, command, *paths, "--max-bytes", "1G"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, preexec_fn=limit
    )
    out = 0
    while chunk := p.stdout.read1(1 << 20):
        out += len(chunk)
    _, code, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(code)
    secs = time.perf_counter() - t0
    status = "timeout" if -p.returncode in (signal.SIGXCPU, signal.SIGKILL) else p.returncode
    return secs, ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024, out, status


def parse_size(v):
    v = v.strip()
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(v[-1:].upper(), 1)
    return int(float(v.rstrip("KkMmGg")) * mult)


def human(n):
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if n >= 1 << shift:
            return f"{n / (1 << shift):.1f} {unit}"
    return f"{n} B"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1M,10M", help="input sizes, the first is the base (default 1M,10M)")
    ap.add_argument("--only", default="", help="comma-separated row names (default: all)")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "planlens"))
    ap.add_argument("--rows", type=int, default=433, help="rows of the fixed schedule table (default 433)")
    ap.add_argument("--timeout", type=float, default=120, help="CPU seconds before a run is ended (default 120)")
    args = ap.parse_args()
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    only = set(filter(None, args.only.split(",")))
    unknown = only - set(GENERATORS) - set(FIXED)
    if unknown:
        sys.exit(f"unknown rows: {', '.join(sorted(unknown))} (known: {', '.join([*GENERATORS, *FIXED])})")
    print("| input | command | size | CPU time | wall time | peak RSS | output | time × | RSS × |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    failed = False
    with tempfile.TemporaryDirectory(prefix="planlens-growth-") as tmp:

        def measure(name, command, texts, base):
            nonlocal failed
            paths = []
            for k, t in enumerate(texts):
                path = os.path.join(tmp, f"{name}-{k}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(t)
                paths.append(path)
            wall, cpu, rss, out, status = run(args.bin, command, paths, args.timeout)
            size = sum(len(t.encode()) for t in texts) // len(texts)
            grow = ("", "") if base is None else (f"{cpu / max(base[0], 1e-2):.1f}", f"{rss / base[1]:.1f}")
            note = "" if status == 0 else f" (**{status}**)"
            failed |= status != 0
            print(
                f"| {name} | {command} | {human(size)} | {cpu:.2f} s{note} | {wall:.2f} s | {human(rss)} | {human(out)} | {grow[0]} | {grow[1]} |",
                flush=True,
            )
            return cpu, rss

        for name, (command, gen) in GENERATORS.items():
            if only and name not in only:
                continue
            base = None
            for size in sizes:
                m = measure(name, command, gen(size), base)
                base = base or m
        for name, (command, gen) in FIXED.items():
            if not only or name in only:
                measure(name.replace("rows", f"{args.rows}-rows"), command, gen(args.rows), None)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
