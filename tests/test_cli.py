from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from advisor.engine import parse_assessment
from advisor.engine import recommend as engine_recommend
from advisor.engine.wording import whole
from tests.conftest import TILLS

ROOT = Path(__file__).resolve().parent.parent


def recommend(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "recommend", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.django_db
def test_it_prints_the_same_json_as_the_api(tmp_path: Path, client: Client) -> None:
    path = tmp_path / "inventory.json"
    path.write_text(json.dumps(TILLS))
    completed = recommend(str(path))
    assert completed.returncode == 0, completed.stderr
    body = json.loads(completed.stdout)
    assert [f["pattern"] for f in body["flows"]] == ["point_to_point", "message_queue"]
    assert body == client.post("/api/v1/recommendations", TILLS, content_type="application/json").json()


def test_it_reads_standard_input_and_prints_text() -> None:
    completed = recommend("-", "--format", "text", stdin=json.dumps(TILLS))
    assert completed.returncode == 0, completed.stderr
    assert "Purchases from the tills: Message queue" in completed.stdout


def test_bad_input_exits_2_and_names_the_field() -> None:
    completed = recommend("-", stdin=json.dumps({"flows": [{"name": "a", "interaction": "ask"}]}))
    assert completed.returncode == 2
    assert "flows[0].interaction" in completed.stderr


def test_a_missing_file_exits_2() -> None:
    completed = recommend("/nonexistent/inventory.json")
    assert completed.returncode == 2
    assert "cannot read" in completed.stderr


def test_invalid_json_exits_2() -> None:
    completed = recommend("-", stdin="{oops")
    assert completed.returncode == 2
    assert "not valid JSON" in completed.stderr


def test_the_text_shows_what_the_page_shows_sizing_remedies_limits_and_whole_points() -> None:
    big = {
        "landscape": {"platform": "aws"},
        "flows": [
            {
                "name": "Scans",
                "interaction": "command",
                "consumers": ["Archive"],
                "message_size_kb": 5000,
                "volume_per_day": 2_000_000,
                "peak_factor": 3,
            },
        ],
    }
    completed = recommend("-", "--format", "text", stdin=json.dumps(big))
    assert completed.returncode == 0, completed.stderr
    flow = engine_recommend(parse_assessment(big)).flows[0]
    sized = [t for t in flow.technologies if t.sizing is not None]
    assert sized
    assert any(t.remedies for t in flow.technologies)
    for technology in flow.technologies:
        assert technology.why in completed.stdout
        if technology.sizing is not None:
            assert f"sizing: {technology.sizing.summary}" in completed.stdout
        assert all(f"remedy: {remedy}" in completed.stdout for remedy in technology.remedies)
        assert all(limit.text in completed.stdout for limit in technology.limits)
    ranked = sorted(flow.scores.values(), reverse=True)
    assert f"wins by {whole(ranked[0]) - whole(ranked[1])} point" in completed.stdout


def test_the_command_line_starts_without_loading_the_pdf_renderer() -> None:
    # WeasyPrint takes most of a cold start (about two of three seconds), and a CI gate runs the command per change.
    script = (
        "import runpy, sys\n"
        "sys.argv = ['manage.py', 'recommend', '-', '--format', 'text']\n"
        "try:\n"
        "    runpy.run_path('manage.py', run_name='__main__')\n"
        "finally:\n"
        "    print('weasyprint loaded' if 'weasyprint' in sys.modules else 'weasyprint not loaded', file=sys.stderr)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, input=json.dumps(TILLS), capture_output=True, text=True, check=False
    )
    assert "Purchases from the tills: Message queue" in completed.stdout, completed.stderr
    assert "weasyprint not loaded" in completed.stderr
