"""`make audit`: Lighthouse on the landing page, the questionnaire, a results page and a pattern page.

Each page is audited as a phone (Lighthouse's mobile default: a mid-range phone on a throttled
network) and as a desktop, against gunicorn as `make serve` runs it (DEBUG off, WhiteNoise,
compressed static files). Debian's Chromium runs headless and resolves no host but loopback, so
nothing leaves the machine. Prints the four category scores per page and form factor, with the
figures behind a performance score.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.serving import ROOT, served, shell

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-sync --disable-extensions "
    "--disable-background-networking --disable-component-update --disable-default-apps "
    # Every host name but loopback fails to resolve: the audit cannot reach the network.
    '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"'
)
FIGURES = {
    "total-blocking-time": "TBT",
    "largest-contentful-paint": "LCP",
    "cumulative-layout-shift": "CLS",
    "dom-size": "DOM",
}


def main() -> None:
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("Debian's chromium is needed: apt-get install chromium")
    with served() as (base, env, workdir):
        view_url = shell(_CREATE, env)[-1]
        enterprise_url = shell(_CREATE_ENTERPRISE, env)[-1]
        pages = {
            "/": "/",
            "/assess/": "/assess/",
            "results (6 flows)": view_url,
            "results (500 flows)": enterprise_url,
            "/patterns/message-queue/": "/patterns/message-queue/",
        }
        print(f"Lighthouse {_version()} with {chromium} on {base} (gunicorn, DEBUG off)")
        print(f"{'page':<26} {'form':<8} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES) + "  figures")
        for name, path in pages.items():
            for form in ("mobile", "desktop"):
                report = _audit(base + path, form, chromium, workdir)
                scores = " ".join(f"{_score(report, c):>13}" for c in CATEGORIES)
                print(f"{name:<26} {form:<8} {scores}  {_figures(report)}", flush=True)


def _audit(url: str, form: str, chromium: str, workdir: Path) -> dict[str, Any]:
    output = workdir / "lighthouse.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        *(["--preset=desktop"] if form == "desktop" else []),
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium}, timeout=300)
    report: dict[str, Any] = json.loads(output.read_text())
    return report


def _score(report: dict[str, Any], category: str) -> str:
    score = report["categories"][category]["score"]
    return "n/a" if score is None else str(round(score * 100))


def _figures(report: dict[str, Any]) -> str:
    audits = report["audits"]
    return ", ".join(
        f"{label} {audits[key]['displayValue']}" for key, label in FIGURES.items() if audits[key].get("displayValue")
    )


def _version() -> str:
    return subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True).stdout.strip()


# A retailer's landscape: six systems, six flows of every kind (the shape of issue 13's walkthrough).
_CREATE = """
from advisor.assessments import store
from advisor.engine import parse_assessment
flows = [
    {"name": "Customer lookup at checkout", "source": "Online shop", "consumers": ["CRM"],
     "interaction": "query", "latency": "immediate", "volume_per_day": 20000},
    {"name": "Order placed", "source": "Online shop", "consumers": ["CRM", "Email service", "Analytics"],
     "interaction": "event", "volume_per_day": 5000},
    {"name": "Stock level changed", "source": "Warehouse", "consumers": ["Online shop", "Analytics"],
     "interaction": "event", "volume_per_day": 200000, "peak_factor": 4},
    {"name": "Purchases from the tills", "source": "Till", "consumers": ["CRM"], "interaction": "command",
     "latency": "minutes", "volume_per_day": 200000, "peak_factor": 8, "source_availability": "often_offline"},
    {"name": "Nightly customer-segment export", "source": "CRM", "consumers": ["Online shop"],
     "interaction": "command", "latency": "hours", "volume_per_day": 1},
    {"name": "Loyalty balance at the till", "source": "Till", "consumers": ["CRM"], "interaction": "query",
     "latency": "immediate", "delivery": "unknown"},
]
body = {"name": "Retailer", "landscape": {"systems": 6, "teams": "few", "growth": "some"}, "flows": flows}
print(store.create(parse_assessment(body)).get_absolute_url())
"""

# An enterprise inventory: 500 flows among 200 systems (benchmarks/enterprise.py).
_CREATE_ENTERPRISE = """
from advisor.assessments import store
from advisor.engine import parse_assessment
from benchmarks.enterprise import inventory
print(store.create(parse_assessment(inventory(500))).get_absolute_url())
"""


if __name__ == "__main__":
    main()
