#!/usr/bin/env python3
"""Drop-to-line latency of the running daemon (stdlib only).

usage: latency.py WIREFEED_BINARY STAGES_CONFIG STORY_DIR WORK_DIR [--rate 100] [--seconds 30]
Starts `wirefeed run` on a fresh inbox under WORK_DIR with the stages of STAGES_CONFIG and one file sink;
copies rate*seconds wire stories from STORY_DIR into a staging folder on the same file system; once a
warm-up file's line has appeared, renames the stories into the inbox at a steady rate (an absolute
schedule, so a late tick does not shift the ones after it); a reader thread polls the sink every 0.5 ms
and notes when each story's line becomes readable. Prints p50/p99/max of (line readable - rename), the
stories whose line never came, and the daemon's CPU seconds over the run.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


class SinkTail(threading.Thread):
    """Follows the sink file; records the monotonic time each input's first line was seen."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path, self.seen, self.stop = path, {}, threading.Event()

    def run(self):
        while not os.path.exists(self.path) and not self.stop.is_set():
            time.sleep(0.0005)
        pending = b""
        with open(self.path, "rb") as f:
            while not self.stop.is_set():
                chunk = f.read()
                if not chunk:
                    time.sleep(0.0005)
                    continue
                now = time.monotonic()
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for line in lines:
                    name = os.path.basename(json.loads(line)["source"]["path"])
                    self.seen.setdefault(name, now)


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary"), ap.add_argument("stages_config"), ap.add_argument("stories"), ap.add_argument("work")
    ap.add_argument("--rate", type=float, default=100.0)
    ap.add_argument("--seconds", type=float, default=30.0)
    a = ap.parse_args()

    shutil.rmtree(a.work, ignore_errors=True)
    for sub in ("inbox", "done", "failed", "out", "state", "staging"):
        os.makedirs(os.path.join(a.work, sub))
    stages = json.load(open(a.stages_config))["stages"]
    for stage in stages:          # the latency run has one sink: route everything there
        if stage["type"] == "route":
            stage["default"], stage["rules"] = ["all"], []
    config = {"state_dir": "state", "stages": stages,
              "sources": [{"type": "inbox", "name": "wires", "path": "inbox", "done": "done", "failed": "failed"}],
              "sinks": [{"name": "all", "type": "file", "path": "out/all.ndjson"}]}
    config_path = os.path.join(a.work, "pipeline.json")
    json.dump(config, open(config_path, "w"), indent=2)

    count = int(a.rate * a.seconds)
    names = sorted(n for n in os.listdir(a.stories) if n.endswith(".txt"))
    if len(names) < count + 1:
        sys.exit("need %d stories in %s, found %d" % (count + 1, a.stories, len(names)))
    staging = os.path.join(a.work, "staging")
    for name in names[:count + 1]:
        shutil.copyfile(os.path.join(a.stories, name), os.path.join(staging, name))

    log = open(os.path.join(a.work, "daemon.log"), "wb")
    daemon = subprocess.Popen([a.binary, "run", "--config", config_path], stdout=log, stderr=log)
    tail = SinkTail(os.path.join(a.work, "out", "all.ndjson"))
    tail.start()
    try:
        inbox = os.path.join(a.work, "inbox")
        warmup = names[count]
        os.rename(os.path.join(staging, warmup), os.path.join(inbox, warmup))
        deadline = time.monotonic() + 60
        while warmup not in tail.seen:
            if daemon.poll() is not None or time.monotonic() > deadline:
                sys.exit("the daemon did not write the warm-up story (see %s/daemon.log)" % a.work)
            time.sleep(0.01)
        cpu_before = cpu_seconds(daemon.pid)
        renamed = {}
        start = time.monotonic()
        for index, name in enumerate(names[:count]):
            due = start + index / a.rate
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            os.rename(os.path.join(staging, name), os.path.join(inbox, name))
            renamed[name] = time.monotonic()
        late = time.monotonic() - (start + (count - 1) / a.rate)
        deadline = time.monotonic() + 10
        while len([n for n in renamed if n in tail.seen]) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        cpu = cpu_seconds(daemon.pid) - cpu_before
    finally:
        tail.stop.set()
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=30)

    latencies = [(tail.seen[n] - t) * 1000.0 for n, t in renamed.items() if n in tail.seen]
    missing = count - len(latencies)
    print("drop-to-line latency: %d stories renamed into the inbox at %.0f/s for %.0f s (the last rename %.1f ms "
          "behind schedule); %d never reached the sink within 10 s" % (count, a.rate, a.seconds, late * 1000, missing))
    if latencies:
        print("| p50 ms | p99 ms | max ms | daemon CPU s over the run | goal p99 | mark |")
        print("|---:|---:|---:|---:|---|---|")
        p99 = percentile(latencies, 99)
        print("| %.1f | %.1f | %.1f | %.2f | <= 50 ms | %s |" % (
            percentile(latencies, 50), p99, max(latencies), cpu, "pass" if p99 <= 50 and not missing else "**MISS**"))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
