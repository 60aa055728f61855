"""The presets' architecture-as-code exports, checked in as golden files.

`make aac-golden` (python -m tests.reports.golden) records them after a
deliberate change of an export or of the engine's advice;
tests/reports/test_architecture_as_code.py fails when an export changes
without that.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from advisor.engine import parse_assessment, recommend
from advisor.engine.presets import USE_CASES
from advisor.reports.asyncapi import asyncapi_documents, asyncapi_yaml
from advisor.reports.backstage import catalog_entities, catalog_yaml
from advisor.reports.mermaid import landscape_mermaid
from advisor.reports.topology import topology

GOLDEN = Path(__file__).parent / "golden"
SHARE_URL = "https://advisor.example.com/r/VIEW-TOKEN/"


def exports(slug: str) -> dict[str, str]:
    """{path under the preset's folder: text} of every export of one preset."""
    assessment = parse_assessment(USE_CASES[slug].assessment)
    drawn = topology(assessment, recommend(assessment))
    files = {"landscape.mmd": landscape_mermaid(drawn)}
    files |= {
        f"asyncapi/{name}": asyncapi_yaml(doc) for name, doc in asyncapi_documents(drawn, assessment.name).items()
    }
    files["catalog-info.yaml"] = catalog_yaml(catalog_entities(drawn, assessment.name, SHARE_URL))
    return files


def recorded(slug: str) -> dict[str, str]:
    folder = GOLDEN / slug
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def record() -> None:
    for slug in USE_CASES:
        folder = GOLDEN / slug
        shutil.rmtree(folder, ignore_errors=True)
        for name, text in exports(slug).items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        print(f"recorded {folder}")


if __name__ == "__main__":
    record()
