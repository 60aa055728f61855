"""The engine's output over the architect's scenarios and the presets, recorded beside its version.

`make engine-snapshot` records it after a deliberate change to the engine's
output (with ENGINE_VERSION bumped); tests/engine/test_engine_version.py
fails when the output changes without that.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from advisor.engine import ENGINE_VERSION, parse_assessment, recommend, recommendation_to_dict
from advisor.engine.presets import USE_CASES
from advisor.engine.rules import rules_table

HERE = Path(__file__).parent
RECORDED = HERE / "engine-output.json"
RULES_DOC = HERE.parents[1] / "docs" / "decision-rules.md"
TABLE_START = "| rule | what it says |"


def current_output() -> dict[str, Any]:
    scenarios = yaml.safe_load((HERE / "scenarios.yaml").read_text())
    inputs = {
        s["id"]: {"landscape": s.get("landscape") or {}, "flows": [s["flow"], *(s.get("others") or [])]}
        for s in scenarios
    }
    inputs |= {f"preset {slug}": case.assessment for slug, case in USE_CASES.items()}
    output = {}
    for key, raw in inputs.items():
        recommendation = recommendation_to_dict(recommend(parse_assessment(raw)))
        # The version is recorded once, beside the output, and compared on its own.
        del recommendation["engine_version"]
        output[key] = recommendation
    # Through JSON and back, so the comparison sees exactly what would be recorded.
    return json.loads(json.dumps(output))


def record() -> None:
    text = json.dumps(
        {"engine_version": ENGINE_VERSION, "output": current_output()}, indent=1, ensure_ascii=False, sort_keys=True
    )
    RECORDED.write_text(text + "\n")
    # The rules' table in the docs is the rules themselves, written out (tests/engine/test_rule_cases.py).
    docs = RULES_DOC.read_text()
    start, end = docs.index(TABLE_START), docs.index("\n\n", docs.index(TABLE_START))
    RULES_DOC.write_text(docs[:start] + rules_table() + docs[end:])


if __name__ == "__main__":
    record()
