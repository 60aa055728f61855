"""Item 7 of issue 23: links and words around the edges agree with what the app does."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from advisor.assessments.models import Assessment

ROOT = Path(__file__).resolve().parents[2]


def dry_run(*args: str, **env: str) -> str:
    """The commands `make` would run, without running them."""
    environment = {k: v for k, v in os.environ.items() if k != "PUBLIC_URL"} | env
    return subprocess.run(
        ["make", "-n", *args], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("target", ["run", "serve"])
def test_make_points_share_links_at_the_port_it_serves_on(target: str) -> None:
    commands = dry_run(target, "PORT=8201")
    assert "PUBLIC_URL=http://127.0.0.1:8201 " in commands
    assert "PUBLIC_URL=http://127.0.0.1:8000" not in commands


def test_a_public_url_in_the_environment_wins_over_the_port() -> None:
    assert "PUBLIC_URL=https://advisor.example.com " in dry_run(
        "run", "PORT=8201", PUBLIC_URL="https://advisor.example.com"
    )


def test_the_readme_documents_port() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "make run PORT=8201" in readme


@pytest.mark.django_db
def test_the_import_text_names_the_file_the_export_downloads(client: Client, assessment: Assessment) -> None:
    export = client.get(f"/r/{assessment.view_token}/assessment.json")
    assert export["Content-Disposition"] == 'attachment; filename="shop-and-crm.json"'
    page = client.get("/assess/").content.decode()
    assert "<code>assessment.json</code>" not in page
    assert "<code>shop-and-crm.json</code>" in page
    assert "“Inputs (JSON)”" in page
