from __future__ import annotations

import json

import pytest

from airflow_provider_dockerhub.pipeline.items import Batch, Item
from airflow_provider_dockerhub.pipeline.render import NO_BODY, BodyKind, RenderError, RequestRenderer, body_kind
from airflow_provider_dockerhub.pipeline.shape import Shaper
from airflow_provider_dockerhub.wire import parse_headers


def batch(*records, exclude=None, group=None):
    shaper = Shaper(exclude)
    return Batch([shaper.shape(Item(i, r, f"records[{i}]")) for i, r in enumerate(records)], group)


@pytest.mark.parametrize(("value", "segment"), [
    ("../x", "..%2Fx"), ("../../admin", "..%2F..%2Fadmin"), ("a/b", "a%2Fb"), ("?q=1", "%3Fq%3D1"), ("#f", "%23f"),
    ("a b", "a%20b"),
    ("é", "%C3%A9"), ("...", "..."), (".x", ".x"), (42, "42")])
def test_hostile_values_stay_inside_one_segment(value, segment):
    renderer = RequestRenderer("post", "/v2/namespaces/{{ record.ns }}/repositories")
    call = renderer.render(batch({"ns": value}))
    assert call.url == f"/v2/namespaces/{segment}/repositories"
    assert call.method == "POST"


@pytest.mark.parametrize("value", [".", "..", "%2E", "%2e%2E", ".%2E"])
def test_dot_segments_in_any_encoding_are_refused(value):
    renderer = RequestRenderer("DELETE", "/v2/orgs/acme/members/{{ record.username }}")
    with pytest.raises(RenderError, match="cannot be a path value"):
        renderer.render(batch({"username": value}))


def test_missing_attribute_names_the_attribute():
    renderer = RequestRenderer("DELETE", "/v2/orgs/{{ record.org }}/members/{{ record.username }}")
    with pytest.raises(RenderError, match="endpoint: missing attribute 'username'"):
        renderer.render(batch({"org": "acme"}))


@pytest.mark.parametrize("value", [None, ""])
def test_null_or_empty_values_are_refused(value):
    renderer = RequestRenderer("DELETE", "/v2/orgs/{{ record.org }}/members")
    with pytest.raises(RenderError, match="null|empty"):
        renderer.render(batch({"org": value}))


def test_airflow_context_is_available_to_templates():
    renderer = RequestRenderer("POST", "/v2/namespaces/{{ params.namespace }}/repositories",
                               context={"params": {"namespace": "acme"}})
    assert renderer.render(batch({})).url == "/v2/namespaces/acme/repositories"


def test_default_body_is_the_shaped_record_and_delete_has_none():
    call = RequestRenderer("POST", "/x").render(batch({"a": 1, "b": 2}, exclude=["b"]))
    assert call.body == b'{"a":1}' and call.headers["Content-Type"] == "application/json"
    call = RequestRenderer("DELETE", "/x/{{ record.a }}").render(batch({"a": 1}))
    assert call.body is None and "Content-Type" not in call.headers


def test_batch_bodies_array_and_wrapped():
    records = ({"a": 1}, {"a": 2})
    assert RequestRenderer("POST", "/x", batching=True).render(batch(*records)).body == b'[{"a":1},{"a":2}]'
    wrapped = RequestRenderer("POST", "/x", batching=True, batch_key="items").render(batch(*records))
    assert json.loads(wrapped.body) == {"items": [{"a": 1}, {"a": 2}]}


def test_batch_templates_see_records_and_group():
    renderer = RequestRenderer("POST", "/v2/orgs/{{ group.org }}/x", batching=True,
                               body='{"n": {{ records | length }}, "first": {{ record.a | tojson }}}')
    call = renderer.render(batch({"a": "x", "org": "o"}, {"a": "y", "org": "o"}, group={"org": "o"}))
    assert call.url == "/v2/orgs/o/x" and json.loads(call.body) == {"n": 2, "first": "x"}


def test_body_template_sees_excluded_attributes_removed_and_must_render_json():
    renderer = RequestRenderer("PUT", "/m/{{ record.user }}", body='{"role": {{ record.role | tojson }}}')
    assert json.loads(renderer.render(batch({"user": "u", "role": "member"})).body) == {"role": "member"}
    hidden = RequestRenderer("PUT", "/m/{{ record.user }}", body='{"u": {{ record.user | tojson }}}')
    with pytest.raises(RenderError, match="missing attribute 'user'"):
        hidden.render(batch({"user": "u"}, exclude=["user"]))
    with pytest.raises(RenderError, match="did not render to JSON"):
        RequestRenderer("PUT", "/m", body="{not json").render(batch({}))


def test_body_callable():
    renderer = RequestRenderer("POST", "/x", body=lambda r: {"label": r["name"].upper()})
    assert renderer.render(batch({"name": "ci"})).body == b'{"label":"CI"}'
    failing = RequestRenderer("POST", "/x", body=lambda r: r["missing"])
    with pytest.raises(RenderError, match="body callable failed: KeyError"):
        failing.render(batch({}))


@pytest.mark.parametrize(("method", "body", "kind"), [
    ("POST", None, BodyKind.RECORDS), ("DELETE", None, BodyKind.NONE), ("PATCH", NO_BODY, BodyKind.NONE),
    ("POST", '{"a": {{ record.a }}}', BodyKind.TEMPLATE), ("PUT", dict, BodyKind.CALLABLE),
])
def test_each_body_form_decides_how_calls_get_their_body(method, body, kind):
    assert body_kind(method, body) is kind
    assert RequestRenderer(method, "/x", body=body).kind is kind


def test_a_body_of_another_type_is_refused_by_type():
    with pytest.raises(TypeError, match="body must be a Jinja template string or a callable, got dict"):
        body_kind("POST", {"a": 1})


def test_method_is_checked():
    with pytest.raises(ValueError, match="method must be one of"):
        RequestRenderer("GET", "/x")


def test_headers_string_form_dict_form_and_refusals():
    assert parse_headers(" X-A : 1 , X-B:http://x:8080 ,") == {"X-A": "1", "X-B": "http://x:8080"}
    assert parse_headers({"X-A": 1}) == {"X-A": "1"}
    with pytest.raises(ValueError, match="Authorization"):
        parse_headers("authorization:Bearer x")
    with pytest.raises(ValueError, match="line break"):
        parse_headers({"X-A": "1\r\nX-B: 2"})
    with pytest.raises(ValueError, match="name:value"):
        parse_headers("novalue")


def test_templates_see_records_as_data_not_dict_methods():
    renderer = RequestRenderer("POST", "/v2/x/{{ record.items }}/{{ record.keys }}")
    assert renderer.render(batch({"items": "a", "keys": "b"})).url == "/v2/x/a/b"
    with pytest.raises(RenderError, match="endpoint: missing attribute 'items'"):
        RequestRenderer("POST", "/v2/x/{{ record.items }}").render(batch({"name": "web"}))
    body = RequestRenderer("POST", "/x", body='{"v": {{ record.values | tojson }}}')
    with pytest.raises(RenderError, match="body: missing attribute 'values'"):
        body.render(batch({"name": "web"}))


def test_dict_methods_still_work_when_called():
    renderer = RequestRenderer("POST", "/v2/{{ record.get('tag', 'latest') }}/{{ params.get('ns') }}",
                               context={"params": {"ns": "acme"}})
    assert renderer.render(batch({"name": "web"})).url == "/v2/latest/acme"


def test_the_sandbox_still_refuses_methods_that_change_data():
    renderer = RequestRenderer("POST", "/v2/{{ record.update({'a': 1}) }}")
    with pytest.raises(RenderError):
        renderer.render(batch({"name": "web"}))
