"""`make fuzz`: schemathesis against /api/v1/openapi.json on gunicorn, at least FUZZ_REQUESTS requests.

Generating bodies that match the schema's patterns costs schemathesis far more CPU than answering
them costs the server, so one schemathesis process per CPU runs rounds with seeds of its own until
the server has answered FUZZ_REQUESTS requests, or FUZZ_MINUTES have passed; then they stop. The figures come from
the server's own access log, so they do not depend on how schemathesis reports: requests under
/api/ and how many of them were 5xx (the target is none).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks.serving import served

REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "10000"))
MINUTES = float(os.environ.get("FUZZ_MINUTES", "30"))
PROCESSES = int(os.environ.get("FUZZ_PROCESSES", str(os.cpu_count() or 1)))
# Hypothesis starts each run with small bodies and grows them: rounds of this many examples per
# operation keep the mix of sizes while each process restarts often enough to stop on time.
EXAMPLES_PER_ROUND = 500
STATUS = re.compile(r'"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/api/\S*) [^"]*" (\d{3}) ')
SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))


def main() -> None:
    started = time.monotonic()
    deadline = started + MINUTES * 60
    # The fuzz run sets its own limits: nothing it sends is a person's, and a 429 would only cut it short.
    with served(keep_access_log=True, CREATE_RATE="1000000/h", WEB_CONCURRENCY=str(PROCESSES)) as (base, env, workdir):
        access_log = Path(env["ACCESS_LOG"])
        rounds = [0] * PROCESSES
        running: dict[int, subprocess.Popen[bytes]] = {}
        while _count(access_log)[0] < REQUESTS and time.monotonic() < deadline:
            for slot in range(PROCESSES):
                if slot not in running or running[slot].poll() is not None:
                    rounds[slot] += 1
                    running[slot] = _round(base, workdir, seed=slot + PROCESSES * rounds[slot])
            time.sleep(2)
        # Enough requests (or time): rounds still running stop here, their answers already counted.
        for process in running.values():
            process.terminate()
            process.wait(timeout=30)
    requests, server_errors, where = _count(access_log)
    minutes = (time.monotonic() - started) / 60
    print(
        f"fuzz: {requests} requests under /api/ in {minutes:.1f} min ({sum(rounds)} rounds in {PROCESSES} processes), "
        f"{server_errors} server errors (target: at least {REQUESTS} requests, 0 server errors)"
    )
    for (path, status), count in sorted(where.items()):
        print(f"  {count:6} × {status} {path}")
    if server_errors:
        for log in sorted(workdir.glob("round-*.log")):
            if "Server error" in (text := log.read_text(errors="replace")):
                print(text[-4000:])
    sys.exit(1 if server_errors or requests < REQUESTS else 0)


def _round(base: str, workdir: Path, seed: int) -> subprocess.Popen[bytes]:
    log = workdir / f"round-{seed}.log"
    return subprocess.Popen(
        [
            SCHEMATHESIS, "run", f"{base}/api/v1/openapi.json",
            "--checks", "not_a_server_error",
            "--max-examples", str(EXAMPLES_PER_ROUND),
            "--seed", str(seed),
            "--generation-database", "none",
            "--request-timeout", "30",
        ],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )  # fmt: skip


def _count(path: Path) -> tuple[int, int, Counter[tuple[str, str]]]:
    """(requests, 5xx answers, count per path and status) from gunicorn's access log."""
    if not path.exists():
        return 0, 0, Counter()
    answers = STATUS.findall(path.read_text(errors="replace"))
    failures = sum(1 for _, status in answers if status.startswith("5"))
    return len(answers), failures, Counter((path.split("?")[0], status) for path, status in answers)


if __name__ == "__main__":
    main()
