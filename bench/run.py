#!/usr/bin/env python3
"""Side-by-side benchmarks: Plotline against gnuplot, matplotlib and vl-convert on the anchor
workloads of shared/bench/anchors (same data, same size, same timer, same run).

usage: python3 bench/run.py [--quick] [--out BENCHMARKS.md]

It copies the anchors to a temporary folder, generates their data, times every tool with the
anchors' own proctime.py (whole process: start-up, data, render, file write), runs
plotline-bench --json for the in-process measurements, and writes BENCHMARKS.md.
"""
import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_anchors():
    for c in [os.path.join(ROOT, "..", "shared", "bench", "anchors"), os.path.join(ROOT, "shared", "bench", "anchors")]:
        if os.path.isfile(os.path.join(c, "proctime.py")):
            return os.path.abspath(c)
    sys.exit("bench: cannot find shared/bench/anchors beside the repository")


def proctime(anchors, cmd, runs, warmup, cwd):
    out = subprocess.run([sys.executable, os.path.join(anchors, "proctime.py"), "-n", str(runs), "--warmup", str(warmup), "--"] + cmd,
                         cwd=cwd, capture_output=True, text=True)
    wall = re.search(r"wall ms\s+min\s+([\d.]+)\s+median\s+([\d.]+)\s+max\s+([\d.]+)", out.stdout)
    peak = re.search(r"peak MiB\s+min\s+([\d.]+)\s+median\s+([\d.]+)\s+max\s+([\d.]+)", out.stdout)
    ok = "exit codes [0]" in out.stdout
    if not (wall and peak and ok):
        return None
    return {"median_ms": float(wall.group(2)), "min_ms": float(wall.group(1)), "max_ms": float(wall.group(3)), "peak_mib": float(peak.group(2))}


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except Exception:
        return "not installed"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer runs and smaller batches")
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    a = ap.parse_args()
    anchors = find_anchors()
    work = tempfile.mkdtemp(prefix="plotline-bench-")
    shutil.copytree(anchors, os.path.join(work, "anchors"))
    here = os.path.join(work, "anchors")
    subprocess.run([sys.executable, "gen_data.py"], cwd=here, check=True)
    out = os.path.join(work, "out")
    os.makedirs(out)
    bench = os.path.join(ROOT, ".build", "release", "plotline-bench")
    python = sys.executable
    have_gnuplot = shutil.which("gnuplot") is not None
    have_mpl = subprocess.run([python, "-c", "import matplotlib"], capture_output=True).returncode == 0
    have_vlc = subprocess.run([python, "-c", "import vl_convert"], capture_output=True).returncode == 0

    cold_runs, batch_runs = (3, 2) if a.quick else (5, 3)
    batch = 50 if a.quick else 200

    def tools(w, fmt, count):
        rows = [("plotline", [bench, "render", w, fmt, out, str(count)])]
        if have_gnuplot:
            rows.append(("gnuplot " + ("pngcairo" if fmt == "png" else "svg"), ["gnuplot", "-c", w + ".gp", fmt, out, str(count)]))
        if have_mpl:
            rows.append(("matplotlib " + ("Agg" if fmt == "png" else "backend_svg"), [python, "mpl_render.py", w, fmt, "agg", out, str(count)]))
        if have_vlc:
            rows.append(("vl-convert", [python, "vlc_render.py", w, fmt, out, str(count)]))
        return rows

    results = []
    for w in ["w1", "w2", "w3"]:
        for fmt in ["png", "svg"]:
            for tool, cmd in tools(w, fmt, 1):
                cold = proctime(anchors, cmd, cold_runs, 1, here)
                n = batch
                if tool == "vl-convert" and w == "w2":
                    n = 5 if a.quick else 20
                bcmd = [c if c != "1" or i != len(cmd) - 1 else str(n) for i, c in enumerate(cmd)]
                warm = proctime(anchors, bcmd, batch_runs, 0, here)
                size = None
                if tool == "plotline":
                    p = os.path.join(out, "%s_0001.%s" % (w, fmt))
                    size = os.path.getsize(p) if os.path.exists(p) else None
                results.append({"workload": w, "format": fmt, "tool": tool, "cold": cold, "batch": warm, "charts": n, "bytes": size})
                print(w, fmt, tool, cold and cold["median_ms"], warm and round(warm["median_ms"] / n, 2), flush=True)
                # Sizes of the peers' files: render one chart alone and read its size.
                if tool != "plotline" and cold:
                    single = os.path.join(work, "single")
                    shutil.rmtree(single, ignore_errors=True)
                    os.makedirs(single)
                    scmd = [single if c == out else c for c in cmd]
                    subprocess.run(scmd, cwd=here, capture_output=True)
                    files = os.listdir(single)
                    if files:
                        results[-1]["bytes"] = os.path.getsize(os.path.join(single, files[0]))

    inproc = []
    p = subprocess.run([bench, "--json", "--charts", "50" if a.quick else "200"], cwd=ROOT, capture_output=True, text=True)
    for line in p.stdout.splitlines():
        try:
            inproc.append(json.loads(line))
        except ValueError:
            pass

    write(a.out, results, inproc, a.quick)
    print("wrote", a.out)


def fmt_ms(v):
    return "–" if v is None else ("%.1f" % v if v >= 1 else "%.2f" % v)


def write(path, results, inproc, quick):
    def get(w, f, tool_prefix):
        for r in results:
            if r["workload"] == w and r["format"] == f and r["tool"].startswith(tool_prefix):
                return r
        return None

    def ms(r, kind):
        """Median ms per chart: a batch's total divided by its charts, or one cold chart."""
        if not r or not r[kind]:
            return None
        return r[kind]["median_ms"] / (r["charts"] if kind == "batch" else 1)

    def ratio(peer, ours):
        return ("%.1fx" % (peer / ours)) if peer and ours else "–"

    def peak(r):
        return fmt_ms(r["cold"]["peak_mib"]) if r and r["cold"] else "–"

    lines = []
    lines.append("# Benchmarks: Plotline beside gnuplot, matplotlib and vl-convert\n")
    lines.append("Measured by `make bench` (`python3 bench/run.py`%s) in one run on one machine: every tool renders the same " % (" --quick" if quick else ""))
    lines.append("workloads from the same data (shared/bench/anchors: `gen_data.py`, 800x500), timed by the anchors' own `proctime.py` ")
    lines.append("(whole process: start-up, data, render, file write). Ratios are peer time ÷ Plotline time, so 3.0 means Plotline is three times faster. ")
    lines.append("Absolute times move with the machine; quote the ratios.\n")
    lines.append("## Machine and versions\n")
    lines.append("- %s, %d cores, Python %s" % (platform.platform(), os.cpu_count() or 0, platform.python_version()))
    lines.append("- gnuplot: %s" % version(["gnuplot", "--version"]))
    lines.append("- matplotlib: %s" % version([sys.executable, "-c", "import matplotlib;print(matplotlib.__version__)"]))
    lines.append("- vl-convert-python: %s" % version([sys.executable, "-c", "import vl_convert;print(getattr(vl_convert,'__version__','installed'))"]))
    lines.append("- Plotline: release build of `plotline-bench`, Swift %s\n" % version(["swift", "--version"]).replace("Swift version ", ""))
    lines.append("## Warm: per chart in a batch (one process renders N charts)\n")
    lines.append("| workload | format | Plotline ms | gnuplot ms | ratio | matplotlib ms | ratio | vl-convert ms | ratio |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for w in ["w1", "w2", "w3"]:
        for f in ["png", "svg"]:
            o = ms(get(w, f, "plotline"), "batch")
            row = "| %s | %s | %s " % (w.upper(), f.upper(), fmt_ms(o))
            for prefix in ["gnuplot", "matplotlib", "vl-convert"]:
                v = ms(get(w, f, prefix), "batch")
                row += "| %s | %s " % (fmt_ms(v), ratio(v, o))
            lines.append(row + "|")
    lines.append("\n## Cold: one chart per process\n")
    lines.append("| workload | format | Plotline ms | peak MiB | gnuplot ms | ratio | peak MiB | matplotlib ms | ratio | vl-convert ms | ratio |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for w in ["w1", "w2", "w3"]:
        for f in ["png", "svg"]:
            ours = get(w, f, "plotline")
            o = ms(ours, "cold")
            row = "| %s | %s | %s | %s " % (w.upper(), f.upper(), fmt_ms(o), peak(ours))
            for prefix in ["gnuplot", "matplotlib", "vl-convert"]:
                r = get(w, f, prefix)
                v = ms(r, "cold")
                row += "| %s | %s " % (fmt_ms(v), ratio(v, o))
                if prefix == "gnuplot":
                    row += "| %s " % peak(r)
            lines.append(row + "|")
    lines.append("\n## File sizes (bytes, one chart)\n")
    lines.append("| workload | format | Plotline | gnuplot | matplotlib | vl-convert |")
    lines.append("|---|---|---:|---:|---:|---:|")
    for w in ["w1", "w2", "w3"]:
        for f in ["png", "svg"]:
            cells = []
            for prefix in ["plotline", "gnuplot", "matplotlib", "vl-convert"]:
                r = get(w, f, prefix)
                cells.append(str(r["bytes"]) if r and r["bytes"] else "–")
            lines.append("| %s | %s | %s |" % (w.upper(), f.upper(), " | ".join(cells)))
    lines.append("\n## Inside one process (`plotline-bench --json`)\n")
    lines.append("| measurement | charts | ms per chart | peak MiB | bytes | note |")
    lines.append("|---|---:|---:|---:|---:|---|")
    single = None
    for r in inproc:
        note = ""
        if r.get("workload") == "w1-batch":
            if r.get("threads") == 1:
                single = r["ms_per_chart"]
            elif single:
                note = "%d threads: %.2fx the single-thread throughput" % (r["threads"], single / r["ms_per_chart"])
            else:
                note = "%d threads" % r.get("threads", 1)
        if r.get("workload") == "extract":
            note = "extraction: %.1f MB/s on one core (the seed repeated to 50 MB)" % r.get("mb_per_s", 0)
        if r.get("workload") == "w2-10m":
            note = "10,000,000 points streamed through M4 decimation"
        name = r.get("workload", "") + (" " + r.get("format", "") if r.get("format") else "") + (" ×%d threads" % r["threads"] if "threads" in r else "")
        lines.append("| %s | %s | %s | %.1f | %s | %s |" % (name, r.get("charts", ""), fmt_ms(r.get("ms_per_chart")), r.get("peak_rss_mib", 0), r.get("bytes", ""), note))
    lines.append("\n## Reproduce\n")
    lines.append("```sh\nmake bench        # installs gnuplot-nox, matplotlib and vl-convert-python if missing, builds, runs, writes this file\n```\n")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
