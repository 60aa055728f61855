"""The command line as a CI gate: inventories in, a baseline to compare with, --fail-on and JUnit."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import SHOP
from tests.test_cli import recommend


def write(path: Path, body: dict[str, Any]) -> str:
    path.write_text(yaml.safe_dump(body, sort_keys=False))
    return str(path)


def moved(body: dict[str, Any]) -> dict[str, Any]:
    """SHOP with the order reaching one consumer instead of three: no longer event-driven."""
    changed = copy.deepcopy(body)
    changed["flows"][1]["consumers"] = ["CRM"]
    return changed


def test_it_reads_a_yaml_inventory(tmp_path: Path) -> None:
    completed = recommend(write(tmp_path / "inventory.yaml", SHOP), "--format", "text")
    assert completed.returncode == 0, completed.stderr
    assert "Order placed: Event-driven publish/subscribe" in completed.stdout


def test_it_reads_a_csv_inventory_and_names_a_mistake_by_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "inventory.csv"
    path.write_text("name,source,consumers,interaction,latency\nLookup,Shop,CRM,query,immediate\nPay,Shop,ERP,ask,\n")
    completed = recommend(str(path))
    assert completed.returncode == 2
    assert "row 3, interaction: must be one of query, command, event" in completed.stderr


def test_an_unchanged_inventory_passes_the_gate(tmp_path: Path) -> None:
    inventory = write(tmp_path / "inventory.yaml", SHOP)
    completed = recommend(inventory, "--baseline", inventory, "--fail-on", "changed")
    assert completed.returncode == 0, completed.stderr
    assert "0 changed, 3 unchanged" in completed.stderr
    assert "Gate passed (changed)." in completed.stderr


def test_a_changed_pattern_fails_the_gate_with_a_readable_report(tmp_path: Path) -> None:
    baseline = write(tmp_path / "last.yaml", SHOP)
    completed = recommend(write(tmp_path / "now.yaml", moved(SHOP)), "--baseline", baseline, "--fail-on", "changed")
    assert completed.returncode == 1
    report = completed.stderr
    assert "Changed: Order placed: event-driven → " in report
    assert "answers: consumers: CRM, Email service, Analytics → CRM" in report
    assert "factors: loose coupling: " in report
    assert "Gate failed (changed): 1 finding" in report
    # The recommendation itself still goes to standard output.
    assert json.loads(completed.stdout)["flows"][1]["name"] == "Order placed"


def test_the_baseline_may_be_the_commands_own_json_output(tmp_path: Path) -> None:
    first = recommend(write(tmp_path / "last.yaml", SHOP))
    (tmp_path / "last.json").write_text(first.stdout)
    completed = recommend(
        write(tmp_path / "now.yaml", moved(SHOP)), "--baseline", str(tmp_path / "last.json"), "--fail-on", "changed"
    )
    assert completed.returncode == 1
    assert "Changed: Order placed: event-driven → " in completed.stderr
    assert "The baseline holds results only" in completed.stderr


def test_low_confidence_fails_the_gate_without_a_baseline(tmp_path: Path) -> None:
    # The nightly export is a bulk transfer that none of the three patterns fits well: low confidence.
    completed = recommend(write(tmp_path / "inventory.yaml", SHOP), "--fail-on", "low-confidence")
    assert completed.returncode == 1
    assert "Nightly customer-segment export: low confidence" in completed.stderr


def test_changed_without_a_baseline_is_a_usage_error(tmp_path: Path) -> None:
    completed = recommend(write(tmp_path / "inventory.yaml", SHOP), "--fail-on", "changed")
    assert completed.returncode == 2
    assert "--fail-on changed needs --baseline" in completed.stderr


def test_an_unknown_gate_is_named(tmp_path: Path) -> None:
    completed = recommend(write(tmp_path / "inventory.yaml", SHOP), "--fail-on", "chnaged")
    assert completed.returncode == 2
    assert "--fail-on: unknown chnaged" in completed.stderr


def test_junit_has_a_case_per_flow_and_a_failure_per_tripped_gate(tmp_path: Path) -> None:
    baseline = write(tmp_path / "last.yaml", SHOP)
    completed = recommend(
        write(tmp_path / "now.yaml", moved(SHOP)),
        "--baseline",
        baseline,
        "--fail-on",
        "changed,low-confidence",
        "--format",
        "junit",
    )
    assert completed.returncode == 1
    suites = ET.fromstring(completed.stdout)
    suite = suites.find("testsuite")
    assert suite is not None
    assert suite.get("name") == "Shop and CRM"
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert list(cases) == ["Customer lookup at checkout", "Order placed", "Nightly customer-segment export"]
    assert cases["Customer lookup at checkout"].find("failure") is None
    assert next(f.get("type") for f in cases["Order placed"].iter("failure")) == "changed"
    assert [f.get("type") for f in cases["Nightly customer-segment export"].iter("failure")] == ["low-confidence"]
    assert suites.get("tests") == "3"
    assert suites.get("failures") == str(sum(1 for c in cases.values() if c.find("failure") is not None))
