"""Shared links show the result with the engine version that made it: a new output needs a new version."""

from __future__ import annotations

import json

from advisor.engine import ENGINE_VERSION
from tests.engine.snapshot import RECORDED, current_output


def test_the_engine_version_changes_whenever_its_output_does() -> None:
    recorded = json.loads(RECORDED.read_text())
    if current_output() != recorded["output"]:
        assert recorded["engine_version"] != ENGINE_VERSION, (
            f"The engine's output changed but ENGINE_VERSION is still {ENGINE_VERSION}: bump it in "
            "advisor/engine/recommend.py, then record the new output with `make engine-snapshot`."
        )
        raise AssertionError(
            f"The recorded output is from engine {recorded['engine_version']}: record engine {ENGINE_VERSION}'s "
            "with `make engine-snapshot`."
        )
    assert recorded["engine_version"] == ENGINE_VERSION, (
        f"The output is unchanged: ENGINE_VERSION {ENGINE_VERSION} needs no bump from {recorded['engine_version']}, "
        "or record it with `make engine-snapshot`."
    )
