"""Item 5 of issue 23: a stale save merges what does not overlap and asks only about what both changed."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from advisor.assessments.models import Assessment
from tests.conftest import make_assessment

pytestmark = pytest.mark.django_db(transaction=True)
AXE = Axe()


def test_changes_to_different_flows_merge_and_only_a_field_both_changed_is_asked(
    browser: Browser, live_server: Any
) -> None:
    assessment = make_assessment()
    first, second = browser.new_page(), browser.new_page()
    for page in (first, second):
        page.goto(live_server.url + assessment.edit_url)
    first.locator("#flow-1-peak_factor").fill("5")
    first.locator("#flow-0-volume_per_day").fill("30000")
    first.get_by_role("button", name="Save and see results").click()
    expect(first.get_by_role("heading", level=1)).to_have_text("Shop and CRM")

    # Opened on the same version: changes only the third flow, and the first flow's volume differently.
    second.locator("#flow-2-volume_per_day").fill("2")
    second.locator("#flow-0-volume_per_day").fill("40000")
    second.get_by_role("button", name="Save and see results").click()
    conflict = second.locator("#conflict")
    expect(conflict).to_be_focused()
    expect(conflict.locator("fieldset.difference legend")).to_have_text(["Flow 1, messages per day"])
    assert AXE.run(second).violations_count == 0
    conflict.get_by_label("Use yours: 40000").check()
    second.get_by_role("button", name="Save and see results").click()
    expect(second.get_by_role("heading", level=1)).to_have_text("Shop and CRM")

    flows = Assessment.objects.get(pk=assessment.pk).inputs["flows"]
    assert [flows[0]["volume_per_day"], flows[1]["peak_factor"], flows[2]["volume_per_day"]] == [40000, 5, 2]


def test_changes_that_do_not_overlap_save_without_a_question(browser: Browser, live_server: Any) -> None:
    assessment = make_assessment()
    first, second = browser.new_page(), browser.new_page()
    for page in (first, second):
        page.goto(live_server.url + assessment.edit_url)
    first.locator("#flow-1-peak_factor").fill("5")
    first.get_by_role("button", name="Save and see results").click()
    expect(first.get_by_role("heading", level=1)).to_have_text("Shop and CRM")
    second.locator("#flow-2-volume_per_day").fill("2")
    second.get_by_role("button", name="Save and see results").click()
    expect(second.get_by_role("heading", level=1)).to_have_text("Shop and CRM")
    saved = Assessment.objects.get(pk=assessment.pk)
    assert saved.version == 3
    assert [saved.inputs["flows"][1]["peak_factor"], saved.inputs["flows"][2]["volume_per_day"]] == [5, 2]
