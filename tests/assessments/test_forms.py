"""Each form has fields of its own: what one request changes on a field never shows in another's."""

from __future__ import annotations

from advisor.assessments.forms import FlowForm, LandscapeForm


def test_a_field_changed_on_one_flow_form_is_unchanged_on_the_next() -> None:
    first = FlowForm(prefix="flow-0")
    first.fields["latency"].label = "Changed"
    first.fields["latency"].widget.attrs["data-changed"] = "yes"
    first.fields["volume_per_day"].widget.attrs["inputmode"] = "text"
    second = FlowForm(prefix="flow-1")
    assert second.fields["latency"].label == "Latency"
    assert "data-changed" not in second.fields["latency"].widget.attrs
    assert second.fields["volume_per_day"].widget.attrs["inputmode"] == "decimal"


def test_the_choices_of_one_form_are_its_own() -> None:
    first = LandscapeForm(prefix="landscape", wording="question")
    first.fields["platform"].widget.choices = [("aws", "AWS only")]
    second = LandscapeForm(prefix="landscape", wording="question")
    assert len(second.fields["platform"].widget.choices) == 7
