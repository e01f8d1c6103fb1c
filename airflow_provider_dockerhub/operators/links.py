"""The "Docker Hub" extra link of a task: the page of the organization or repository it wrote to.

The operator works out the page from the API paths its successful writes went to (``hub_page``); at the end
of the task Airflow's task runner asks the link for it and stores it in XCom, where the UI reads it. A task that
wrote to several organizations or repositories (or to none, or only to personal settings) gets no link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from airflow_provider_dockerhub._compat import BaseOperatorLink

__all__ = ["HUB_WEB_URL", "DockerHubLink", "hub_page"]

#: Where Docker Hub's web pages are (the API host may be another, e.g. the emulator).
HUB_WEB_URL = "https://hub.docker.com"

_REPOSITORY = re.compile(r"^/v2/(?:namespaces/([^/]+)/repositories|repositories/([^/]+))/([^/]+)")
_NAMESPACE = re.compile(r"^/v2/(?:namespaces|orgs)/([^/]+)")


def _page(path: str) -> str | None:
    repository = _REPOSITORY.match(path)
    if repository:
        namespace = repository.group(1) or repository.group(2)
        return f"{HUB_WEB_URL}/r/{namespace}/{repository.group(3)}"
    owner = _NAMESPACE.match(path)
    return f"{HUB_WEB_URL}/orgs/{owner.group(1)}" if owner else None


def hub_page(paths: Iterable[str]) -> str | None:
    """The one Docker Hub page the written ``paths`` point to: a repository's page when they all touch the same
    repository, else the organization's when they all touch one; None otherwise."""
    pages = {_page(path) for path in paths}
    known = {page for page in pages if page is not None}
    if not pages or len(known) != len(pages):
        return None
    if len(known) == 1:
        return known.pop()
    owners = {page.split("/")[4] for page in known}  # https://hub.docker.com/{r|orgs}/{owner}[/{repo}]
    return f"{HUB_WEB_URL}/orgs/{owners.pop()}" if len(owners) == 1 else None


class DockerHubLink(BaseOperatorLink):
    """The "Docker Hub" button of a send, endpoint or sync task: the organization or repository it wrote to."""

    name = "Docker Hub"

    def get_link(self, operator: Any, *, ti_key: Any) -> str:
        """The page the task's run found (``operator.dockerhub_page``); empty when there is none."""
        return getattr(operator, "dockerhub_page", None) or ""
