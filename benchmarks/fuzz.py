"""`make fuzz`: schemathesis against /api/v1/openapi.json on gunicorn, at least FUZZ_REQUESTS requests.

Counts what the server answered from its own access log, so the figures do not depend on how
schemathesis reports: requests under /api/ and how many of them were 5xx (the target is none).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from benchmarks.serving import served

REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "10000"))
STATUS = re.compile(r'"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/api/\S*) [^"]*" (\d{3}) ')


def main() -> None:
    served_log = Path(__file__).resolve().parent.parent / "test-results" / "fuzz-access.log"
    served_log.parent.mkdir(exist_ok=True)
    served_log.unlink(missing_ok=True)
    # Generous limits: the fuzzer creates assessments far faster than a person.
    with served(ACCESS_LOG=str(served_log), CREATE_RATE="1000000/h") as (base, _, _workdir):
        rounds = 0
        while _count(served_log)[0] < REQUESTS and rounds < 20:
            rounds += 1
            subprocess.run(
                [
                    str(Path(sys.executable).with_name("schemathesis")),
                    "run",
                    f"{base}/api/v1/openapi.json",
                    "--checks", "not_a_server_error",
                    "--max-examples", "2500",
                    "--seed", str(rounds),
                    "--workers", "2",
                    "--request-timeout", "30",
                ],
                check=False,
            )  # fmt: skip
    requests, server_errors, where = _count(served_log)
    print(f"fuzz: {requests} requests under /api/ in {rounds} rounds, {server_errors} server errors (target 0)")
    for path, status in where[:20]:
        print(f"  {status} {path}")
    sys.exit(1 if server_errors or requests < REQUESTS else 0)


def _count(path: Path) -> tuple[int, int, list[tuple[str, str]]]:
    if not path.exists():
        return 0, 0, []
    answers = STATUS.findall(path.read_text(errors="replace"))
    failures = [(where, status) for where, status in answers if status.startswith("5")]
    return len(answers), len(failures), failures


if __name__ == "__main__":
    main()
