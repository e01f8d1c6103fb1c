"""Docker Hub's own constants, in one place: roles, token scopes, SCIM schemas, page sizes, text limits.

The provider (presets, README handling) and the shipped emulator (``testing/``) both read them from here, so
the emulator cannot drift from what the provider sends. Each value's public source is in docs/docker-hub-api.md.
"""

from __future__ import annotations

#: The scopes of a personal access token, highest first; a higher scope implies the lower ones.
PAT_SCOPES = ("repo:admin", "repo:write", "repo:read", "repo:public_read")
#: The core organization roles; a custom role's name is accepted as well (docs/docker-hub-api.md M2, M3).
ORG_ROLES = ("owner", "editor", "member")
#: What a group may be granted on a repository (G1-G4).
REPO_PERMISSIONS = ("read", "write", "admin")

#: SCIM 2.0 (RFC 7643/7644) as Docker Hub serves it.
SCIM_CONTENT_TYPE = "application/scim+json"
SCIM_USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
SCIM_LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"
SCIM_SERVICE_PROVIDER_CONFIG_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
#: SCIM pages: ``count`` users unless asked (the emulator's default page).
SCIM_PAGE_SIZE = 100

#: Page sizes of the ``page``/``page_size`` lists (P1): 10 unless asked, at most 100.
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 100

#: A repository's texts: a short description of at most 100 characters, a full description of at most
#: 25,000 (the OpenAPI ``repo_creation_request``; peter-evans/dockerhub-description counts UTF-8 bytes).
DESCRIPTION_MAX_CHARS = 100
FULL_DESCRIPTION_MAX_BYTES = 25_000

#: Where a login (username or organization, and a password, PAT or OAT) is exchanged for a JWT.
TOKEN_PATH = "/v2/auth/token"
#: Seconds a JWT from ``TOKEN_PATH`` stays valid.
TOKEN_LIFETIME = 600.0
#: How a personal access token and an organization access token begin.
PAT_PREFIX = "dckr_pat_"
OAT_PREFIX = "dckr_oat_"
#: The rate-limit window in seconds (``X-RateLimit-*``).
RATE_WINDOW = 60.0
