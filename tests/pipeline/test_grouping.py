from __future__ import annotations

import pytest

from airflow_provider_dockerhub.pipeline.grouping import GroupingSettings, by_attributes, by_size, make_batches
from airflow_provider_dockerhub.pipeline.items import Item
from airflow_provider_dockerhub.pipeline.shape import Shaper


def items(records):
    shaper = Shaper()
    return [shaper.shape(Item(i, r, f"records[{i}]")) for i, r in enumerate(records)]


def indices(batches):
    return [[i.index for i in b.items] for b in batches]


@pytest.mark.parametrize(("count", "size", "expected"), [
    (6, 3, [[0, 1, 2], [3, 4, 5]]), (7, 3, [[0, 1, 2], [3, 4, 5], [6]]), (2, 5, [[0, 1]]), (0, 3, [])])
def test_sequential_boundaries(count, size, expected):
    settings = GroupingSettings(batching=True, batch_size=size)
    assert indices(make_batches(items([{"n": n} for n in range(count)]), settings, None)) == expected


def test_no_batching_is_one_call_per_record():
    assert indices(make_batches(items([{}, {}]), GroupingSettings(), None)) == [[0], [1]]


def test_by_attributes_groups_equal_values_and_flushes_full_groups_first():
    records = [{"org": "a", "team": "x"}, {"org": "b", "team": "x"}, {"org": "a", "team": "x"},
               {"org": "a", "team": "y"}, {"org": "b", "team": "x"}, {"org": "a", "team": "x"}]
    rejected = []
    batches = list(by_attributes(items(records), ("org", "team"), 2, lambda i, r: rejected.append(r)))
    assert indices(batches) == [[0, 2], [1, 4], [3], [5]]  # full groups first, the rest in first-seen order
    assert [b.group for b in batches] == [{"org": "a", "team": "x"}, {"org": "b", "team": "x"},
                                           {"org": "a", "team": "y"}, {"org": "a", "team": "x"}]
    assert not rejected


def test_by_attributes_rejects_records_missing_a_key_and_supports_dotted_and_unhashable_values():
    rejected = []
    records = [{"org": {"name": "a"}, "tags": [1]}, {"tags": [1]}, {"org": {"name": "a"}, "tags": [1]}]
    batches = list(by_attributes(items(records), ("org.name", "tags"), 10, lambda i, r: rejected.append((i.index, r))))
    assert indices(batches) == [[0, 2]]
    assert batches[0].group == {"org.name": "a", "tags": [1]}
    assert rejected == [(1, "missing group_by attribute 'org.name'")]


def test_by_attributes_holds_at_most_open_groups_times_batch_size():
    held = []

    def stream():
        for n in range(1000):
            held.append(n)
            yield items([{"k": n % 3}])[0]

    consumed = 0
    for batch in by_attributes(stream(), ("k",), 5, None):
        consumed += len(batch.items)
        assert len(held) - consumed <= 3 * 5
    assert consumed == 1000


def test_by_size_packs_up_to_the_limit_exactly():
    records = [{"v": "x" * 5}] * 5  # each encodes to 13 bytes: {"v":"xxxxx"}
    rejected = []
    batches = list(by_size(items(records), 2 + 13 * 2 + 1, 100, lambda i, r: rejected.append(r)))
    assert indices(batches) == [[0, 1], [2, 3], [4]]
    for batch in batches:
        body = b"[" + b",".join(i.encoded for i in batch.items) + b"]"
        assert len(body) <= 29
    assert len(b"[" + b",".join(i.encoded for i in batches[0].items) + b"]") == 29
    assert not rejected


def test_by_size_rejects_a_record_larger_than_the_limit_and_respects_batch_size():
    rejected = []
    records = [{"v": "x"}, {"v": "x" * 100}, {"v": "y"}, {"v": "z"}]
    batches = list(by_size(items(records), 60, 2, lambda i, r: rejected.append((i.index, r))))
    assert indices(batches) == [[0, 2], [3]]
    assert rejected == [(1, "record is 108 bytes as JSON, over max_batch_bytes=60")]


def test_by_size_counts_the_batch_key_wrapper():
    from airflow_provider_dockerhub.pipeline.render import RequestRenderer

    two = len(RequestRenderer("POST", "/x", batching=True, batch_key="k").render(
        make_batches(items([{"v": "x" * 5}] * 2), GroupingSettings(batching=True), None).__next__()).body)
    assert two == len('{"k":[') + 13 * 2 + 1 + len("]}")
    exact = GroupingSettings(batching=True, grouping="by_size", max_batch_bytes=two, batch_key="k")
    assert indices(make_batches(items([{"v": "x" * 5}] * 3), exact, None)) == [[0, 1], [2]]
    short = GroupingSettings(batching=True, grouping="by_size", max_batch_bytes=two - 1, batch_key="k")
    assert indices(make_batches(items([{"v": "x" * 5}] * 3), short, None)) == [[0], [1], [2]]


@pytest.mark.parametrize(("settings", "message"), [
    (GroupingSettings(batching=True, grouping="by_attributes"), "needs group_by"),
    (GroupingSettings(batching=True, grouping="by_size"), "needs max_batch_bytes"),
    (GroupingSettings(batching=True, grouping="random"), "grouping must be one of"),
    (GroupingSettings(batching=True, batch_size=0), "batch_size must be a positive integer"),
])
def test_missing_settings_are_clear_errors(settings, message):
    with pytest.raises(ValueError, match=message):
        settings.validate()


def test_by_attributes_sends_the_oldest_group_first_beyond_max_open_groups():
    records = [{"k": n % 5} for n in range(10)]  # 5 distinct keys, 2 records each
    batches = list(by_attributes(items(records), ["k"], batch_size=10, reject=None, max_open_groups=2))
    # with 2 groups open, a third key sends the oldest open group; every record is in exactly one batch
    assert sorted(i for b in indices(batches) for i in b) == list(range(10))
    assert indices(batches)[:2] == [[0], [1]]
    assert max(len(b) for b in indices(batches)) <= 2


@pytest.mark.parametrize(("settings", "given"), [
    (GroupingSettings(grouping="by_attributes", group_by=("org",)), "grouping, group_by"),
    (GroupingSettings(batch_key="invitees"), "batch_key"),
    (GroupingSettings(max_batch_bytes=1000), "max_batch_bytes"),
])
def test_grouping_settings_without_batching_are_refused(settings, given):
    with pytest.raises(ValueError, match=f"{given} only apply to batches: set batching=True"):
        settings.validate()
