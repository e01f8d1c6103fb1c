"""The connection form in Airflow's UI, opened in headless Chromium (the distribution's) driven by Playwright."""

from __future__ import annotations

import shutil
from pathlib import Path

from airflow_provider_dockerhub.hooks.settings import EXTRA_FIELDS, RELABELING
from e2e.checks import Check
from e2e.processes import DeploymentError

# Chromium as root on a machine with no network but loopback: no sandbox, nothing fetched in the background.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        if found := shutil.which(name):
            return found
    raise DeploymentError("Chromium is not installed; run e2e/install-packages.sh")


def check_connection_form(api_url: str, username: str, password: str, screenshot: Path) -> list[Check]:
    """Sign in on Airflow's login page, open Connections, Add Connection, pick the Docker Hub type: its
    relabelled standard fields and every extra field show with their labels, the hidden ones do not.
    The form is saved to ``screenshot``, and with the extra fields open to ``<screenshot>-extras.png``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 1400}).new_page()
            page.set_default_timeout(30_000)
            page.goto(f"{api_url}/connections")  # redirected to the login page
            page.get_by_label("Username").fill(username)
            page.get_by_label("Password").fill(password)
            page.get_by_role("button", name="Sign in").click()
            page.get_by_role("button", name="Add Connection").click()
            dialog = page.get_by_role("dialog")
            type_box = dialog.get_by_role("combobox").first
            type_box.click(force=True)
            type_box.fill("Docker Hub")
            page.get_by_role("option", name="Docker Hub", exact=True).click()
            labels = {text.strip() for text in dialog.locator("label").all_inner_texts()}
            host_placeholder = dialog.get_by_label("Host", exact=True).get_attribute("placeholder")
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=True)
            dialog.get_by_text("Extra Fields", exact=True).click()
            dialog.get_by_text(EXTRA_FIELDS[-1].label).wait_for()
            labels |= {text.strip() for text in dialog.locator("label").all_inner_texts()}
            page.screenshot(path=str(screenshot.with_stem(screenshot.stem + "-extras")), full_page=True)
        finally:
            browser.close()
    expected_extras = [field.label for field in EXTRA_FIELDS]
    missing = [label for label in [*RELABELING.values(), *expected_extras] if label not in labels]
    hidden_shown = [label for label in ("Port", "Schema") if label in labels]
    return [
        Check("UI: the Docker Hub type shows its relabelled fields and all extra fields", not missing,
              f"missing: {missing}" if missing else f"{len(expected_extras)} extra fields, screenshot {screenshot}"),
        Check("UI: port and schema are hidden; host has its placeholder",
              not hidden_shown and host_placeholder == "https://hub.docker.com",
              f"shown: {hidden_shown}, host placeholder {host_placeholder!r}"),
    ]
