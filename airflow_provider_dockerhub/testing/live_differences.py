"""Where the emulator answers like the live Docker Hub rather than like the official OpenAPI document.

Each entry names the row of docs/docker-hub-api.md that gives the public evidence. The contract tests
(tests/testing/test_emulator_contract.py) keep checking the document everywhere else and adjust exactly
these; tests/testing/test_emulator_live.py shows each live behaviour.
"""

from __future__ import annotations

from dataclasses import dataclass

#: What about an operation differs: its request body, its success response, or its access rules.
REQUEST, RESPONSE, ACCESS, ERRORS, ROUTE = "request", "response", "access", "errors", "route"


@dataclass(frozen=True)
class LiveDifference:
    """One deliberate difference from the document.

    :param row: the catalogue row id in docs/docker-hub-api.md.
    :param method: HTTP method; ``path``: the route template.
    :param part: which part differs (``request``, ``response``, ``access``, ``errors``, ``route``).
    :param summary: what the live service does instead.
    """

    row: str
    method: str
    path: str
    part: str
    summary: str


LIVE_DIFFERENCES: tuple[LiveDifference, ...] = (
    LiveDifference("S1", "PUT", "/v2/scim/2.0/Users/{id}", REQUEST,
                   "takes active (false when omitted) and requires userName; enabled is not read"),
    LiveDifference("M1", "GET", "/v2/orgs/{org_name}/members", RESPONSE,
                   "one paginated object {count, next, previous, results}, not an array of them"),
    LiveDifference("M8", "PUT", "/v2/orgs/{org_name}/members/{username}", ERRORS,
                   "a pending invite (named by its invitee) is no member: 404 until it is accepted"),
    LiveDifference("M2", "PUT", "/v2/orgs/{org_name}/members/{username}", RESPONSE,
                   "role reads back Owner, Editor, Member or a custom role's name"),
    LiveDifference("M2", "GET", "/v2/orgs/{org_name}/members", RESPONSE,
                   "a paginated object (M1) whose roles include Editor and custom role names"),
    LiveDifference("M3", "PUT", "/v2/orgs/{org_name}/members/{username}", REQUEST,
                   "role may also name one of the organization's custom roles"),
    LiveDifference("M5", "GET", "/v2/orgs/{org_name}/invites", RESPONSE, "invites carry role"),
    LiveDifference("M6", "POST", "/v2/invites/bulk", RESPONSE, 'a flat {"invitees": [...]}'),
    LiveDifference("O2", "GET", "/v2/orgs/{org_name}/access-tokens/{access_token_id}", RESPONSE,
                   "the single token carries description"),
    LiveDifference("R2", "POST", "/v2/namespaces/{namespace}/repositories", ERRORS,
                   '"already exists" is 400 {"__all__": ["Repository with this Name and Namespace already exists."]}'),
    LiveDifference("R11", "POST", "/v2/namespaces/{namespace}/repositories", REQUEST,
                   "full_description holds at most 25,000 UTF-8 bytes; the document's maxLength counts characters"),
    LiveDifference("R4", "GET", "/v2/namespaces/{namespace}/repositories", ERRORS,
                   "an unknown namespace lists as 200 with an empty page"),
    LiveDifference("P3", "GET", "*", ERRORS, "a page past the end of a list (page > 1) is 404"),
    LiveDifference("L3", "*", "*", RESPONSE,
                   "with plain_text_429=True, a 429 is the anti-abuse layer's text/plain 'Too Many Requests (HAP429).'"),
    LiveDifference("E4", "*", "*", ERRORS,
                   'a body that fails validation is 400 with errinfo.fielderrors {field: reason}'),
    LiveDifference("L2", "*", "*", RESPONSE,
                   "with retry_after_epoch=True, Retry-After of a 429 is the epoch second the wait ends"),
    LiveDifference("G2", "GET", "/v2/repositories/{namespace}/{repository}/groups/{group_id}", ROUTE,
                   "reads one repository group grant"),
    LiveDifference("G3", "PATCH", "/v2/repositories/{namespace}/{repository}/groups/{group_id}", ROUTE,
                   "changes a grant's permission"),
    LiveDifference("G4", "DELETE", "/v2/repositories/{namespace}/{repository}/groups/{group_id}", ROUTE,
                   "removes a grant"),
    LiveDifference("R6", "PATCH", "/v2/repositories/{namespace}/{name}/", ROUTE,
                   "updates a repository's description and full_description"),
    LiveDifference("R7", "DELETE", "/v2/repositories/{namespace}/{name}/", ROUTE, "deletes a repository"),
    LiveDifference("R8", "POST", "/v2/repositories/{namespace}/{name}/privacy", ROUTE, "sets is_private"),
    LiveDifference("R9", "GET", "/v2/repositories/{namespace}/{repository}/tags", ROUTE, "lists a repository's tags"),
    LiveDifference("R10", "DELETE", "/v2/repositories/{namespace}/{repository}/tags/{tag}/", ROUTE, "deletes a tag"),
    LiveDifference("R12", "GET", "/v2/repositories/{namespace}/{name}/", ROUTE,
                   "reads one repository with its full_description"),
    LiveDifference("C2", "*", "/v2/orgs/*", ACCESS,
                   "a PAT-derived token cannot administer organizations (members, invites, groups, tokens)"),
    LiveDifference("C6", "*", "/v2/access-tokens*", ACCESS,
                   "a token from a personal access token login cannot list, create, change or delete PATs"),
    LiveDifference("C3", "*", "/v2/orgs/{org_name}/*", ACCESS,
                   "an organization access token needs the scope a route reads or edits (scope-member-read/-edit, "
                   "scope-invite-read/-edit, scope-group-read/-edit); without it 403 insufficient scope"),
    LiveDifference("C4", "*", "/v2/orgs/{name}/access-tokens*", ACCESS,
                   "an organization access token cannot manage organization access tokens"),
    LiveDifference("C5", "*", "/v2/orgs/{name}/settings", ACCESS,
                   "not with an organization access token; an owner's password or repo:admin PAT login"),
    LiveDifference("C7", "*", "/v2/repositories/{namespace}/{repository}/groups*", ACCESS,
                   "grants need repo:admin and an editor or owner (or the organization's access token)"),
    LiveDifference("N1", "*", "*", ACCESS, "Docker IDs are lower case; seeding a name with capitals is refused"),
    LiveDifference("N2", "*", "*", ERRORS, "paths are case-sensitive: a Docker ID or repository in capitals is 404"),
)


def differences(method: str, path: str, part: str | None = None) -> list[LiveDifference]:
    """The listed differences for ``method`` on the route template ``path`` (``part`` narrows them)."""
    return [d for d in LIVE_DIFFERENCES if d.method == method and d.path == path and part in (None, d.part)]
