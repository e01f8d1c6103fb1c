"""The emulator's endpoints, one module per resource family, each a tuple ``ROUTES`` of ``Route`` objects.

A new resource kind adds its module here (handlers over ``HubState`` plus its ``ROUTES``) and one line below.
"""

from __future__ import annotations

from airflow_provider_dockerhub.testing.routes import auth, orgs, repositories, scim, tokens
from airflow_provider_dockerhub.testing.routes.base import Call, Handler, Route, Router, list_page

__all__ = ["ROUTES", "Call", "Handler", "Route", "Router", "list_page"]

ROUTES: tuple[Route, ...] = (*auth.ROUTES, *tokens.ROUTES, *orgs.ROUTES, *repositories.ROUTES, *scim.ROUTES)
