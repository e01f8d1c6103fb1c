"""The emulator answers like the live Docker Hub where docs/docker-hub-api.md says the document is wrong or silent.

One test per catalogue row (named in each test); the table of these differences is
``airflow_provider_dockerhub.testing.live_differences``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import requests

from airflow_provider_dockerhub.testing.clock import FakeClock
from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from airflow_provider_dockerhub.testing.live_differences import LIVE_DIFFERENCES
from tests.testing.world import SCIM_SCHEMA, seed

pytestmark = pytest.mark.timeout(60)
ROOT = Path(__file__).resolve().parents[2]


def catalogue_rows() -> list[list[str]]:
    """The rows of docs/docker-hub-api.md's tables, each as its cells (id, endpoints, live, document, source)."""
    text = (ROOT / "docs" / "docker-hub-api.md").read_text()
    return [[cell.strip() for cell in line.strip().strip("|").split(" | ")]
            for line in text.splitlines() if re.match(r"^\| [A-Z]\d+ \|", line)]


@pytest.fixture
def world():
    with DockerHubEmulator() as hub:
        yield seed(hub)


def test_every_listed_difference_names_a_catalogue_row():
    ids = {row[0] for row in catalogue_rows()}
    missing = [d.row for d in LIVE_DIFFERENCES if d.row not in ids]
    assert not missing


def test_every_catalogue_row_cites_a_public_source():
    """docs/docker-hub-api.md: each row's last column names where the behaviour is written down."""
    rows = catalogue_rows()
    assert len(rows) >= 60
    for row in rows:
        cited = re.search(r"[\w-]+/[\w.-]+|docs\.docker\.com|document|same file|rows? [A-Z]\d", row[-1])
        assert cited and "no public source" not in " | ".join(row), row


def test_every_row_where_the_document_is_wrong_or_silent_has_an_emulator_and_a_provider_test():
    """Each such row is named by a test here (tests/testing/: the emulator answers like the live service)
    and by a test elsewhere (the provider handles it): in the test's name (``test_r2_...``) or on a line that
    says "catalogue" or "docker-hub-api.md"."""
    differing = {row[0] for row in catalogue_rows()
                 if re.search(r"\b(silent|wrong|partly)\b", row[3]) and not row[3].startswith("n/a")}
    assert len(differing) >= 30

    def named(paths):
        rows = set()
        for path in paths:
            for line in path.read_text().splitlines():
                name = re.match(r"\s*def test_((?:[a-z]\d+_)+)", line)
                if name:
                    rows |= {part.upper() for part in name.group(1).split("_") if part}
                if "catalogue" in line.lower() or "docker-hub-api.md" in line:
                    rows |= set(re.findall(r"\b[A-Z]\d{1,2}\b", line))
        return rows

    tests = sorted((ROOT / "tests").rglob("test_*.py"))
    emulator = named(p for p in tests if p.parent.name == "testing")
    provider = named(p for p in tests if p.parent.name != "testing")
    assert sorted(differing - emulator) == []
    assert sorted(differing - provider) == []


# -- SCIM (S1) ----------------------------------------------------------------------------------------
def test_s1_scim_put_without_active_deactivates_and_needs_username(world):
    path = f"/v2/scim/2.0/Users/{world.scim_user_id}"
    missing = world.call("PUT", path, {"schemas": [SCIM_SCHEMA], "active": True}, scim=True)
    assert missing.status_code == 400 and "userName" in missing.json()["detail"]

    # The document's body (enabled) is not read: the user ends inactive, as on the live service.
    old = world.call("PUT", path, {"schemas": [SCIM_SCHEMA], "userName": "erin@example.com", "enabled": True}, scim=True)
    assert old.status_code == 200 and old.json()["active"] is False

    kept = world.call("PUT", path, {"schemas": [SCIM_SCHEMA], "userName": "erin@example.com", "active": True,
                                    "name": {"givenName": "Erin", "familyName": "Ever"}}, scim=True)
    assert kept.json()["active"] is True and kept.json()["name"] == {"givenName": "Erin", "familyName": "Ever"}


# -- rate limits (L2) ---------------------------------------------------------------------------------
def test_l2_retry_after_can_be_an_epoch_timestamp():
    clock = FakeClock(start=1_800_000_010)  # 10 s into a minute
    with DockerHubEmulator(rate_limit=1, rate_window=60, retry_after_epoch=True, clock=clock) as hub:
        hub.add_user("alice", password="pw-alice-1")
        requests.get(f"{hub.url}/v2/namespaces/alice/repositories", timeout=5)
        limited = requests.get(f"{hub.url}/v2/namespaces/alice/repositories", timeout=5)
        assert limited.status_code == 429
        assert limited.headers["Retry-After"] == limited.headers["X-RateLimit-Reset"] == "1800000060"

        hub.add_fault(status=429, retry_after=30, times=1)
        injected = requests.get(f"{hub.url}/v2/namespaces/alice/repositories", timeout=5)
        assert injected.headers["Retry-After"] == "1800000040"


def test_l2_retry_after_is_seconds_by_default():
    clock = FakeClock(start=1_800_000_015)
    with DockerHubEmulator(rate_limit=1, rate_window=60, clock=clock) as hub:
        requests.get(f"{hub.url}/v2/namespaces/x/repositories", timeout=5)
        limited = requests.get(f"{hub.url}/v2/namespaces/x/repositories", timeout=5)
        assert limited.headers["Retry-After"] == "45"
        hub.add_fault(status=429, retry_after=30, times=1)
        clock.advance(45)
        assert requests.get(f"{hub.url}/v2/namespaces/x/repositories", timeout=5).headers["Retry-After"] == "30"


# -- pages (P1, P2, P3) -------------------------------------------------------------------------------
def test_p1_p2_pages_default_to_10_at_most_100_with_absolute_links_keeping_page_size(world):
    for index in range(120):
        world.hub.add_repository("acme", f"r{index:03d}")
    token = world.token()
    first = world.call("GET", "/v2/namespaces/acme/repositories", token=token).json()
    assert len(first["results"]) == 10 and first["count"] == 121
    assert first["next"] == f"{world.hub.url}/v2/namespaces/acme/repositories?page=2&page_size=10"

    big = world.call("GET", "/v2/namespaces/acme/repositories?page_size=500&page=2", token=token).json()
    assert len(big["results"]) == 21  # capped at 100 a page
    assert big["previous"] == f"{world.hub.url}/v2/namespaces/acme/repositories?page_size=100&page=1"
    assert big["next"] is None


def test_p3_a_page_past_the_end_is_404_but_an_empty_first_page_is_200(world):
    token = world.token()
    assert world.call("GET", "/v2/namespaces/acme/repositories?page=5", token=token).status_code == 404
    assert world.call("GET", "/v2/orgs/acme/groups?page=1", token=token).status_code == 200


# -- names (N1, N2) -----------------------------------------------------------------------------------
def test_n1_n2_docker_ids_are_lower_case_and_paths_case_sensitive(world):
    with pytest.raises(ValueError, match="N1"):
        world.hub.add_user("Alice")
    token = world.token()
    assert world.call("GET", "/v2/namespaces/acme/repositories/Web", token=token).status_code == 404
    assert world.call("PUT", "/v2/orgs/acme/members/Bob", {"role": "editor"}, token=token).status_code == 404
    assert world.call("GET", "/v2/orgs/ACME/groups", token=token).status_code == 404


# -- repositories (R2, R3, R4, R6 to R12) -------------------------------------------------------------
def test_r2_repository_already_exists_is_a_400_with_all(world):  # catalogue rows R2, E2
    again = world.call("POST", "/v2/namespaces/acme/repositories", {"name": "web", "namespace": "acme"})
    assert again.status_code == 400
    assert again.json() == {"__all__": ["Repository with this Name and Namespace already exists."]}


def test_r3_list_items_lack_full_description_the_single_get_has_it(world):
    world.hub.add_repository("acme", "docs", full_description="# Readme")
    token = world.token()
    listed = world.call("GET", "/v2/namespaces/acme/repositories", token=token).json()["results"]
    assert listed and all("full_description" not in r for r in listed)
    single = world.call("GET", "/v2/namespaces/acme/repositories/docs", token=token).json()
    assert single["full_description"] == "# Readme"


def test_r4_unknown_namespace_lists_as_an_empty_page(world):
    response = world.call("GET", "/v2/namespaces/nobody-here/repositories")
    assert response.status_code == 200
    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_r6_r12_a_repository_is_updated_and_read_back_whole(world):
    token = world.token()
    path = "/v2/repositories/acme/web/"
    updated = world.call("PATCH", path, {"description": "Web", "full_description": "# Web"}, token=token)
    assert updated.status_code == 200 and updated.json()["description"] == "Web"
    single = world.call("GET", path, token=token).json()
    assert (single["description"], single["full_description"], single["is_private"]) == ("Web", "# Web", False)
    assert world.call("GET", "/v2/repositories/acme/nothing/", token=token).status_code == 404


def test_r7_r8_privacy_is_set_and_a_repository_deleted(world):
    token = world.token()
    privacy = world.call("POST", "/v2/repositories/acme/web/privacy", {"is_private": True}, token=token)
    assert privacy.status_code == 200 and world.hub.state.repositories[("acme", "web")].is_private is True
    assert world.call("DELETE", "/v2/repositories/acme/web/", token=token).status_code in (200, 202, 204)
    assert ("acme", "web") not in world.hub.state.repositories
    assert world.call("DELETE", "/v2/repositories/acme/web/", token=token).status_code == 404


def test_r11_full_description_is_limited_in_utf8_bytes_not_characters(world):
    """Catalogue row R11: 12,501 "é" are 12,501 characters, under the document's maxLength of 25,000, but 25,002
    bytes in UTF-8: refused on create and on update, naming the field. 25,000 bytes are taken, and the short
    description is counted in characters (100 "é" are 200 bytes)."""
    token = world.token()
    over, at_limit = "é" * 12_501, "é" * 12_500
    create = {"name": "docs", "namespace": "acme", "description": "é" * 100}
    for method, path, body in (("POST", "/v2/namespaces/acme/repositories", {**create, "full_description": over}),
                               ("PATCH", "/v2/repositories/acme/web/", {"full_description": over})):
        refused = world.call(method, path, body, token=token)
        assert refused.status_code == 400, path
        assert list(refused.json()["errinfo"]["fielderrors"]) == ["full_description"], path
    assert ("acme", "docs") not in world.hub.state.repositories
    assert world.hub.state.repositories[("acme", "web")].full_description == ""
    created = world.call("POST", "/v2/namespaces/acme/repositories", {**create, "full_description": at_limit},
                         token=token)
    assert created.status_code == 201, created.text
    updated = world.call("PATCH", "/v2/repositories/acme/web/", {"full_description": at_limit}, token=token)
    assert updated.status_code == 200 and world.hub.state.repositories[("acme", "web")].full_description == at_limit


def test_r9_r10_tags_are_listed_in_pages_with_their_times_and_deleted_one_by_one(world):
    for number in range(12):
        world.hub.add_tag("acme", "web", f"v{number}")
    token = world.token()
    first = world.call("GET", "/v2/repositories/acme/web/tags", token=token).json()
    assert first["count"] == 12 and len(first["results"]) == 10  # P1: 10 by default
    assert first["next"].startswith(world.hub.url) and "page=2" in first["next"]
    assert {"name", "last_updated", "tag_last_pushed", "tag_last_pulled", "tag_status"} <= first["results"][0].keys()
    assert world.call("DELETE", "/v2/repositories/acme/web/tags/v0/", token=token).status_code in (200, 204)
    assert world.call("GET", "/v2/repositories/acme/web/tags", token=token).json()["count"] == 11
    assert world.call("DELETE", "/v2/repositories/acme/web/tags/v0/", token=token).status_code == 404


# -- repository group grants (G2, G3, G4; C7) ---------------------------------------------------------
def test_g2_g3_g4_a_grant_is_read_updated_and_deleted(world):
    token = world.token()
    grant = f"/v2/repositories/acme/web/groups/{world.group_id}"
    assert world.call("GET", grant, token=token).status_code == 404
    created = world.call("POST", "/v2/repositories/acme/web/groups",
                         {"group_id": world.group_id, "permission": "read"}, token=token)
    assert created.json() == {"group_name": "devs", "permission": "read", "group_id": world.group_id}
    assert world.call("GET", f"{grant}/", token=token).json()["permission"] == "read"

    updated = world.call("PATCH", grant, {"permission": "admin"}, token=token)
    assert updated.status_code == 200 and updated.json()["permission"] == "admin"
    assert world.call("PATCH", grant, {"permission": "owner"}, token=token).status_code == 400
    assert world.call("DELETE", grant, token=token).status_code == 204
    assert world.call("GET", grant, token=token).status_code == 404


def test_c7_grants_need_repo_admin_and_an_editor(world):
    world.hub.add_personal_access_token("alice", "dckr_pat_alice_write", scopes=["repo:write"])
    world.hub.add_personal_access_token("alice", "dckr_pat_alice_admin", scopes=["repo:admin"])
    body = {"group_id": world.group_id, "permission": "write"}
    write_pat = world.token("alice", "dckr_pat_alice_write")
    assert world.call("POST", "/v2/repositories/acme/web/groups", body, token=write_pat).status_code == 403
    admin_pat = world.token("alice", "dckr_pat_alice_admin")
    assert world.call("POST", "/v2/repositories/acme/web/groups", body, token=admin_pat).status_code == 200
    bob = world.token("bob", "bob-password-1")  # a plain member
    assert world.call("POST", "/v2/repositories/acme/web/groups", body, token=bob).status_code == 403


# -- groups (T1) --------------------------------------------------------------------------------------
def test_t1_group_list_items_carry_description(world):
    token = world.token()
    world.call("PATCH", "/v2/orgs/acme/groups/devs", {"description": "Developers"}, token=token)
    listed = world.call("GET", "/v2/orgs/acme/groups", token=token).json()["results"]
    assert [(g["name"], g["description"]) for g in listed] == [("devs", "Developers")]


# -- members and invites (M1, M2, M3, M5, M6) ---------------------------------------------------------
def test_m1_m2_members_list_is_a_page_with_editor_and_custom_roles(world):
    world.hub.add_user("frank")
    world.hub.add_org("acme", members={"frank": "release-manager"}, custom_roles=["release-manager"])
    token = world.token()
    world.call("PUT", "/v2/orgs/acme/members/bob", {"role": "editor"}, token=token)
    page = world.call("GET", "/v2/orgs/acme/members", token=token).json()
    assert set(page) == {"count", "next", "previous", "results"}
    roles = {m["username"]: m["role"] for m in page["results"]}
    assert roles == {"alice": "Owner", "bob": "Editor", "carol": "Member", "frank": "release-manager"}


def test_m3_role_update_takes_core_roles_in_any_case_and_custom_roles(world):
    world.hub.add_org("acme", custom_roles=["release-manager"])
    token = world.token()
    assert world.call("PUT", "/v2/orgs/acme/members/bob", {"role": "Editor"}, token=token).json()["role"] == "Editor"
    custom = world.call("PUT", "/v2/orgs/acme/members/carol", {"role": "release-manager"}, token=token)
    assert custom.status_code == 200 and custom.json()["role"] == "release-manager"
    assert world.hub.state.orgs["acme"].members["carol"] == "release-manager"
    unknown = world.call("PUT", "/v2/orgs/acme/members/carol", {"role": "admin"}, token=token)
    assert unknown.status_code == 400 and list(unknown.json()["errinfo"]["fielderrors"]) == ["role"]


def test_m5_invites_carry_role(world):
    token = world.token()
    world.call("POST", "/v2/invites/bulk", {"org": "acme", "role": "editor", "invitees": ["gina@example.com"]},
               token=token)
    invites = world.call("GET", "/v2/orgs/acme/invites", token=token).json()["data"]
    assert {i["invitee"]: i["role"] for i in invites} == {"dave@example.com": "member", "gina@example.com": "editor"}


def test_m6_bulk_invite_answers_a_flat_list(world):
    response = world.call("POST", "/v2/invites/bulk", {"org": "acme", "invitees": ["hal@example.com", "bob"]})
    assert response.status_code == 202
    assert [(i["invitee"], i["status"]) for i in response.json()["invitees"]] == [
        ("hal@example.com", "invited"), ("bob", "existing_org_member")]


# -- access tokens (O1, O2) ---------------------------------------------------------------------------
def test_o1_o2_org_token_description_only_on_the_single_get(world):
    token = world.token()
    world.call("PATCH", f"/v2/orgs/acme/access-tokens/{world.oat_id}", {"description": "CI pulls"}, token=token)
    listed = world.call("GET", "/v2/orgs/acme/access-tokens", token=token).json()["results"]
    assert listed and all("description" not in t and "resources" not in t for t in listed)
    single = world.call("GET", f"/v2/orgs/acme/access-tokens/{world.oat_id}", token=token).json()
    assert single["description"] == "CI pulls" and single["resources"]


# -- credentials (C2 to C6) ---------------------------------------------------------------------------
def test_c2_a_pat_cannot_administer_organizations(world):
    world.hub.add_personal_access_token("alice", "dckr_pat_alice_admin", scopes=["repo:admin"])
    pat = world.token("alice", "dckr_pat_alice_admin")
    for method, path, body in (("GET", "/v2/orgs/acme/members", None), ("POST", "/v2/orgs/acme/groups", {"name": "x"}),
                               ("POST", "/v2/invites/bulk", {"org": "acme", "invitees": ["i@example.com"]}),
                               ("GET", "/v2/orgs/acme/access-tokens", None)):
        refused = world.call(method, path, body, token=pat)
        assert refused.status_code == 403 and "personal access token" in refused.json()["detail"], path
    # ... but it manages repositories.
    created = world.call("POST", "/v2/namespaces/acme/repositories", {"name": "api", "namespace": "acme"}, token=pat)
    assert created.status_code == 201


def test_c6_personal_access_tokens_are_managed_only_after_a_password_login(world):
    world.hub.add_personal_access_token("alice", "dckr_pat_alice_admin", scopes=["repo:admin"])
    pat = world.token("alice", "dckr_pat_alice_admin")
    for method, path, body in (("GET", "/v2/access-tokens", None),
                               ("POST", "/v2/access-tokens", {"token_label": "x", "scopes": ["repo:read"]}),
                               ("DELETE", f"/v2/access-tokens/{world.pat_uuid}", None)):
        refused = world.call(method, path, body, token=pat)
        assert refused.status_code == 403, path
        assert "token issued from personal access token is not allowed" in refused.json()["detail"], path
    assert world.call("GET", "/v2/access-tokens").status_code == 200  # a password login


def test_c3_c4_an_oat_administers_members_and_groups_but_not_org_tokens(world):
    oat = world.token("acme", world.oat_token)
    assert world.call("GET", "/v2/orgs/acme/members", token=oat).status_code == 200
    assert world.call("POST", "/v2/orgs/acme/groups", {"name": "ops"}, token=oat).status_code == 201
    for method, path, body in (("GET", "/v2/orgs/acme/access-tokens", None),
                               ("POST", "/v2/orgs/acme/access-tokens", {"label": "x"}),
                               ("DELETE", f"/v2/orgs/acme/access-tokens/{world.oat_id}", None)):
        assert world.call(method, path, body, token=oat).status_code == 403, path


def test_c3_an_oat_does_only_what_its_org_scopes_grant(world):
    """Catalogue row C3: an OAT works on the member, invite and group routes with the scope each needs (values as
    docs.docker.com security/access-tokens/reference lists them; an Edit scope includes its Read scope). Without
    it, 403 with the live service's body for a missing scope (docker/hub-feedback#2224, which shows the body but
    not the status); repository scopes do not count."""
    world.hub.add_org_access_token("acme", "dckr_oat_acme_reader", resources=[
        {"type": "TYPE_ORG", "path": "acme", "scopes": ["scope-member-read"]},
        {"type": "TYPE_REPO", "path": "acme/*", "scopes": ["scope-image-push", "scope-repository-admin"]}])
    reader = world.token("acme", "dckr_oat_acme_reader")
    assert world.call("GET", "/v2/orgs/acme/members", token=reader).status_code == 200
    for method, path, body in (("PUT", "/v2/orgs/acme/members/bob", {"role": "editor"}),  # scope-member-edit
                               ("DELETE", "/v2/orgs/acme/members/carol", None),
                               ("GET", "/v2/orgs/acme/groups", None),  # scope-group-read
                               ("GET", "/v2/orgs/acme/groups/devs/members", None),
                               ("POST", "/v2/orgs/acme/groups", {"name": "ops"}),  # scope-group-edit
                               ("POST", "/v2/orgs/acme/groups/devs/members", {"member": "carol"}),
                               ("GET", "/v2/orgs/acme/invites", None),  # scope-invite-read
                               ("POST", "/v2/invites/bulk", {"org": "acme", "invitees": ["new@example.com"]}),
                               ("DELETE", f"/v2/invites/{world.invite_id}", None)):  # scope-invite-edit
        refused = world.call(method, path, body, token=reader)
        assert (refused.status_code, refused.json()) == (403, {"message": "insufficient scope", "errinfo": {}}), path
    acme = world.hub.state.orgs["acme"]
    assert acme.members == {"alice": "owner", "bob": "member", "carol": "member"}
    assert acme.groups.keys() == {"devs"} and acme.groups["devs"].members == ["bob"]
    assert [i.invitee for i in world.hub.state.invites.values()] == ["dave@example.com"]

    world.hub.add_org_access_token("acme", "dckr_oat_acme_editor", resources=[
        {"type": "TYPE_ORG", "path": "acme", "scopes": ["scope-member-edit", "scope-group-read"]}])
    editor = world.token("acme", "dckr_oat_acme_editor")
    assert world.call("PUT", "/v2/orgs/acme/members/bob", {"role": "editor"}, token=editor).status_code == 200
    assert world.call("GET", "/v2/orgs/acme/members", token=editor).status_code == 200  # Edit includes Read
    assert world.call("GET", "/v2/orgs/acme/groups", token=editor).status_code == 200
    assert world.call("POST", "/v2/orgs/acme/groups", {"name": "ops"}, token=editor).status_code == 403
    assert world.call("GET", "/v2/orgs/acme/invites", token=editor).status_code == 403
    assert acme.members["bob"] == "editor" and acme.groups.keys() == {"devs"}


def test_c5_image_access_settings_refuse_an_oat_but_take_a_pat(world):
    oat = world.token("acme", world.oat_token)
    assert world.call("GET", "/v2/orgs/acme/settings", token=oat).status_code == 403
    world.hub.add_personal_access_token("alice", "dckr_pat_alice_admin", scopes=["repo:admin"])
    pat = world.token("alice", "dckr_pat_alice_admin")
    assert world.call("GET", "/v2/orgs/acme/settings", token=pat).status_code == 200


def test_m8_a_pending_invite_has_no_role_to_change_until_accepted(world):
    token = world.token()
    pending = world.call("PUT", "/v2/orgs/acme/members/dave@example.com", {"role": "editor"}, token=token)
    assert pending.status_code == 404
    assert {i.invitee: i.role for i in world.hub.state.invites.values()} == {"dave@example.com": "member"}
