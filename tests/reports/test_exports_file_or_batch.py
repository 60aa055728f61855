"""The decision records call a file or batch so, as the pages and the PDF do: user 8 of issue 23 read "command: asks
one system to do work" in the nightly export's record."""

from __future__ import annotations

from datetime import date

from advisor.engine import parse_assessment, recommend
from advisor.reports.adr import decision_records
from tests.e2e.retail import RETAIL


def test_the_exports_decision_record_says_file_or_batch_and_the_tills_record_command() -> None:
    assessment = parse_assessment(RETAIL)
    day = date(2026, 12, 7)
    records = decision_records("Retail", assessment, recommend(assessment), "https://example.org/r/x", day)
    export = next(r.markdown() for r in records if "# Move “Catalogue export” as a bulk transfer" in r.markdown())
    tills = next(r.markdown() for r in records if "# Use message queue for “Purchases from the tills”" in r.markdown())
    assert "Interaction: file or batch;" in export, export
    assert "command" not in export.lower(), export
    assert "Interaction: command: asks one system to do work;" in tills, tills
