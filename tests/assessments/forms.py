"""Form posts as the browser sends them, built from stored inputs."""

from __future__ import annotations

from typing import Any

from advisor.assessments.editor import EditorState
from advisor.assessments.models import Assessment
from advisor.engine.catalog import FACTOR_IDS


def editor_post(assessment: Assessment, **changes: str) -> dict[str, str]:
    """The editor form of `assessment`, unchanged except for `changes` (form field names)."""
    state = EditorState.from_inputs(assessment.inputs, assessment.name)
    data: dict[str, Any] = {"name": state.name, "version": str(assessment.version), "flow-count": str(len(state.flows))}
    data |= {f"landscape-{k}": v for k, v in state.landscape.items()}
    for index, flow in enumerate(state.flows):
        data |= {f"flow-{index}-{k}": v for k, v in flow.items()}
    data |= {f"weight-{f}": state.weights[f] for f in FACTOR_IDS}
    return data | changes
