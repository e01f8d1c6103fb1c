"""The plan as a pure function: what it may destroy, what it must keep, and how it names things."""

from __future__ import annotations

import random

import pytest

from airflow_provider_dockerhub.pipeline.items import Item
from airflow_provider_dockerhub.resources import get_resource
from airflow_provider_dockerhub.sync.guard import DeleteGuardError, DeleteLimit
from airflow_provider_dockerhub.sync.plan import DESTRUCTIVE, Kind, ScopeRead, make_plan

GROUPS, MEMBERS, TOKENS = get_resource("groups"), get_resource("org_members"), get_resource("access_tokens")
TEN = DeleteLimit(count=10)


def wanted(kind, *records):
    items = {}
    for n, record in enumerate(records):
        prepared = kind.prepare(record)
        items[kind.key(prepared)] = Item(n, prepared, f"records[{n}]")
    return items


def kinds(plan):
    return sorted((a.kind.value, "/".join(map(str, a.identity))) for a in plan.actions if a.kind is not Kind.UNCHANGED)


def group(name, description=""):
    return {"org": "acme", "name": name, "description": description}


def member(username, email=None, role="member", pending=False, **extra):
    return {"org": "acme", "username": username, "email": email, "role": role, "pending": pending, **extra}


def token(label, uuid, active=True):
    return {"token_label": label, "uuid": uuid, "is_active": active}


def test_an_identity_named_by_a_rejected_record_is_never_deleted():
    read = {("acme",): ScopeRead([group("keep"), group("gone")])}
    plan = make_plan(GROUPS, {}, read, "mirror", TEN, named=frozenset({("acme", "keep")}))
    assert kinds(plan) == [("delete", "acme/gone")]


def test_a_member_named_by_email_is_that_member_and_its_invite_is_not_sent_again():
    read = {("acme",): ScopeRead([member("bob", "Bob@Example.com"), member("alice", "a@example.com", "owner")])}
    desired = wanted(MEMBERS, {"org": "acme", "email": "bob@example.com"}, {"org": "acme", "username": "alice",
                                                                              "role": "owner"})
    plan = make_plan(MEMBERS, desired, read, "mirror", TEN, login="alice")
    assert kinds(plan) == [] and plan.counts()[Kind.UNCHANGED] == 2


def test_a_pending_invite_withdrawn_is_a_cancel_counted_by_the_guard():
    read = {("acme",): ScopeRead([member("x@example.com", pending=True, id="inv1"), member("alice", role="owner")])}
    plan = make_plan(MEMBERS, {}, read, "mirror", DeleteLimit(count=0), login="alice", named=frozenset())
    assert kinds(plan) == [("cancel", "acme/x@example.com")]
    assert plan.destructive == {"delete": 0, "revoke": 0, "cancel": 1}
    assert "destroys 1 org_members (1 cancel), more than max_deletes (0)" in plan.refusal
    with pytest.raises(DeleteGuardError):
        plan.limit.check(plan.destructive, plan.existing, plan.resource)


def test_the_caller_is_never_removed():
    read = {("acme",): ScopeRead([member("Alice", role="owner")])}
    assert kinds(make_plan(MEMBERS, {}, read, "mirror", TEN, login="alice")) == []


def test_create_mode_never_revokes_a_token_whose_secret_is_not_held():
    read = {(): ScopeRead([token("ci", "u1")])}
    desired = wanted(TOKENS, {"token_label": "ci", "scopes": ["repo:read"]})
    plan = make_plan(TOKENS, desired, read, "create", TEN, captured=set())
    assert kinds(plan) == [] and plan.destructive["revoke"] == 0


def test_upsert_revokes_and_recreates_a_token_whose_secret_is_not_held_within_the_guard():
    read = {(): ScopeRead([token("ci", "u1")])}
    desired = wanted(TOKENS, {"token_label": "ci", "scopes": ["repo:read"]})
    plan = make_plan(TOKENS, desired, read, "upsert", DeleteLimit(count=0), captured={"some-other-uuid"})
    assert kinds(plan) == [("create", "ci"), ("revoke", "ci")]
    assert plan.actions[0].kind is Kind.REVOKE and plan.actions[0].record == {"uuid": "u1"}
    assert "1 revoke" in plan.refusal


def test_a_token_the_records_want_inactive_is_deactivated_not_recreated():
    read = {(): ScopeRead([token("ci", "u1")])}
    desired = wanted(TOKENS, {"token_label": "ci", "scopes": ["repo:read"], "is_active": False})
    plan = make_plan(TOKENS, desired, read, "upsert", TEN, captured=set())
    assert kinds(plan) == [("update", "ci")] and plan.actions[0].record == {"uuid": "u1", "is_active": False}


def test_a_secret_is_matched_by_the_token_id_not_its_label():
    """The file holds the secret of a deleted token with the same label: the current token's secret is not held."""
    read = {(): ScopeRead([token("ci", "new-uuid")])}
    desired = wanted(TOKENS, {"token_label": "ci", "scopes": ["repo:read"]})
    captured = TOKENS.captured([{"response": {"token": "dckr_pat_old", "uuid": "old-uuid", "token_label": "ci"}}])
    assert captured == {"old-uuid"}
    assert kinds(make_plan(TOKENS, desired, read, "upsert", TEN, captured=captured)) == [("create", "ci"),
                                                                                           ("revoke", "ci")]


def test_mirror_removes_server_side_duplicates_and_keeps_the_token_whose_secret_is_held():
    read = {(): ScopeRead([token("ci", "u1"), token("ci", "u2"), token("CI", "u3")])}
    desired = wanted(TOKENS, {"token_label": "ci", "scopes": ["repo:read"]})
    plan = make_plan(TOKENS, desired, read, "mirror", TEN, captured={"u2"})
    assert sorted(a.record["uuid"] for a in plan.of(Kind.DELETE)) == ["u1", "u3"]
    upsert = make_plan(TOKENS, desired, read, "upsert", TEN, captured={"u2"})
    assert kinds(upsert) == []


def test_case_variants_are_one_identity_and_writes_use_docker_hubs_spelling():
    read = {("acme",): ScopeRead([group("Frontend", "old"), group("devs"), group("Devs")])}
    desired = wanted(GROUPS, {"org": "ACME", "name": "frontend", "description": "new"}, {"org": "acme", "name": "devs"})
    plan = make_plan(GROUPS, desired, read, "mirror", TEN)
    [update] = plan.of(Kind.UPDATE)
    assert update.record == {"org": "acme", "group_name": "Frontend", "description": "new"}
    [delete] = plan.of(Kind.DELETE)
    assert delete.record == {"org": "acme", "group_name": "Devs"}


def test_a_scope_whose_read_failed_gets_no_write_and_no_delete():
    read = {("acme",): ScopeRead(error="GET /v2/orgs/acme/groups: HTTP 503"), ("beta",): ScopeRead([group("old") | {
        "org": "beta"}])}
    desired = wanted(GROUPS, {"org": "acme", "name": "web"}, {"org": "beta", "name": "web"})
    plan = make_plan(GROUPS, desired, read, "mirror", TEN)
    assert kinds(plan) == [("create", "beta/web"), ("delete", "beta/old"), ("unread", "acme/web")]
    assert plan.unread == {("acme",): "GET /v2/orgs/acme/groups: HTTP 503"}


def test_percent_limits_count_what_exists_in_scope():
    assert DeleteLimit.parse("20%").allowed(11) == 2 and DeleteLimit.parse("5").allowed(11) == 5
    for bad in (1.0, 0.5, "1.5", "-1", "120%", True, None, "ten"):
        with pytest.raises(ValueError, match="max_deletes must be a whole count"):
            DeleteLimit.parse(bad)


# -- properties over random worlds ---------------------------------------------------------------------
def _random_world(rng: random.Random):
    kind = rng.choice([GROUPS, MEMBERS, TOKENS])
    orgs = ["acme", "beta"]
    names = ["web", "Web", "ops", "devs", "DEVS", "qa", "ci", "x@example.com"]
    reads, existing = {}, []
    for org in orgs if kind.scope else [None]:
        scope = (org,) if org else ()
        if rng.random() < 0.25:
            reads[scope] = ScopeRead(error="HTTP 503")
            continue
        items = []
        for n in range(rng.randint(0, 6)):
            name = rng.choice(names)
            if kind is GROUPS:
                items.append({"org": org, "name": name, "description": rng.choice(["", "d"])})
            elif kind is MEMBERS:
                items.append(member(name.lower(), rng.choice([None, f"{name.lower()}@example.com"]),
                                    pending=rng.random() < 0.3, id=f"i{n}") | {"org": org})
            else:
                items.append(token(name, f"u{n}", rng.random() < 0.8))
        reads[scope] = ScopeRead(items)
        existing += items
    desired, named = {}, set()
    for n in range(rng.randint(0, 5)):
        org = rng.choice(orgs)
        name = rng.choice(names)
        record = {"GROUPS": {"org": org, "name": name}, "MEMBERS": {"org": org, "username": name},
                  "TOKENS": {"token_label": name, "scopes": ["repo:read"]}}[
            {id(GROUPS): "GROUPS", id(MEMBERS): "MEMBERS", id(TOKENS): "TOKENS"}[id(kind)]]
        record = kind.prepare(record)
        identity = kind.key(record)
        named.add(identity)
        if rng.random() < 0.3:
            continue  # an invalid record: rejected, but it still names its identity
        desired.setdefault(identity, Item(n, record, f"records[{n}]"))
    captured = {f"u{n}" for n in range(6) if rng.random() < 0.5} if kind is TOKENS else None
    return kind, desired, frozenset(named), reads, captured


@pytest.mark.parametrize("seed", range(400))
def test_plan_invariants_hold_in_random_worlds(seed):
    rng = random.Random(seed)
    kind, desired, named, reads, captured = _random_world(rng)
    limit = DeleteLimit(count=rng.randint(0, 4))
    for mode in ("create", "upsert", "mirror"):
        plan = make_plan(kind, desired, reads, mode, limit, named=named, login="alice", captured=captured)
        destroyed = [a for a in plan.actions if a.kind in DESTRUCTIVE]
        if mode == "create":
            assert destroyed == []
        if mode != "mirror":
            assert not [a for a in destroyed if a.kind is not Kind.REVOKE]
        for action in destroyed:
            scope = kind.scope_of(action.identity)
            assert reads[scope].complete, "destroyed in a scope whose read failed"
            if action.kind is Kind.REVOKE:
                continue  # a revoke is followed by the create of the same identity
            assert action.existing in reads[scope].items
            aliases = set(kind.aliases(action.existing))
            if aliases & (named | set(desired)):  # only a server-side duplicate of a desired identity may go
                assert mode == "mirror" and action.reason == "a second resource with a desired identity"
                kept = [e for e in reads[scope].items if action.identity in kind.aliases(e)
                        and all(d.existing is not e for d in destroyed)]
                recreated = [a for a in plan.of(Kind.CREATE) if a.identity == action.identity]
                assert kept or recreated, "every resource of a desired identity was destroyed"
            else:
                assert not kind.protected(action.existing, "alice")
        if mode == "mirror":  # exactly the desired set: what no record names, in a scope that was read, goes
            for read in reads.values():
                for existing in read.items if read.complete else ():
                    unnamed = not set(kind.aliases(existing)) & (named | set(desired))
                    if unnamed and not kind.protected(existing, "alice"):
                        assert any(d.existing is existing for d in destroyed)
        for action in plan.of(Kind.REVOKE):
            assert [a for a in plan.of(Kind.CREATE) if a.identity == action.identity]
        if sum(plan.destructive.values()) > limit.allowed(plan.existing):
            assert plan.refusal is not None
        else:
            assert plan.refusal is None
        for identity in desired:
            if not reads[kind.scope_of(identity)].complete:
                assert [a.kind for a in plan.actions if a.identity == identity] == [Kind.UNREAD]
