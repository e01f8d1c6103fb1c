"""Operators show every parameter they take: in their signatures (no send parameter hidden in **kwargs) and
docstrings, and the generated parameter tables follow from both."""

from __future__ import annotations

import inspect

import pytest

from airflow_provider_dockerhub.operators import endpoints
from airflow_provider_dockerhub.operators.base import DockerHubRecordsOperator
from airflow_provider_dockerhub.operators.endpoint_base import FIXED_PARAMETERS, DockerHubEndpointOperator
from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator
from tests.helpers import gen_docs

ENDPOINT_CLASSES = [getattr(endpoints, name) for name in endpoints.__all__]


def keyword_parameters(cls: type) -> dict[str, inspect.Parameter]:
    return {p.name: p for p in inspect.signature(cls).parameters.values() if p.kind is inspect.Parameter.KEYWORD_ONLY}


def test_endpoint_operators_name_every_send_parameter_in_their_signature():
    send = keyword_parameters(DockerHubSendOperator)
    expected = [name for name in send if name not in FIXED_PARAMETERS]
    for cls in [DockerHubEndpointOperator, *ENDPOINT_CLASSES]:
        own = keyword_parameters(cls)
        assert list(own) == expected, cls.__name__
        for name, parameter in own.items():
            assert parameter.annotation == send[name].annotation, (cls.__name__, name)
            if name not in ("if_exists", "if_missing"):
                assert parameter.default == send[name].default, (cls.__name__, name)


@pytest.mark.parametrize("cls", [DockerHubSendOperator, *ENDPOINT_CLASSES], ids=lambda c: c.__name__)
def test_every_parameter_is_documented_in_the_class_docstring(cls):
    documented = set(gen_docs().param_docs(cls))
    assert set(keyword_parameters(cls)) <= documented, set(keyword_parameters(cls)) - documented
    if cls in ENDPOINT_CLASSES:  # the generated docstring itself lists them, for help() and IDEs
        for name in keyword_parameters(cls):
            assert f":param {name}:" in cls.__doc__, (cls.__name__, name)


def test_parameter_table_rows_follow_the_signature():
    table = gen_docs().parameter_table(DockerHubEndpointOperator)
    assert "| `if_exists` | `'skip'` | no |" in table and "| `on_error` | `'fail'` | yes |" in table
    assert "| `allow_insecure_webhook` | `False` | no |" in table and "endpoint_preset" not in table


@pytest.mark.parametrize("cls", [DockerHubSendOperator, DockerHubSyncOperator, DockerHubEndpointOperator],
                         ids=lambda c: c.__name__)
def test_public_operators_name_every_shared_parameter_as_the_base_does(cls):
    shared, own = keyword_parameters(DockerHubRecordsOperator), keyword_parameters(cls)
    for name, parameter in shared.items():
        assert name in own, (cls.__name__, name)
        assert (own[name].annotation, own[name].default) == (parameter.annotation, parameter.default), (cls.__name__, name)


def test_a_new_shared_parameter_reaches_every_operator_signature_through_the_generator():
    generator = gen_docs()
    for path in generator.SIGNATURE_FILES:  # the regions are what the generator writes now
        text = path.read_text()
        assert "# <generated " in text and generator.render_signatures(text) == text, f"run `make docs` ({path.name})"
    stale = (generator.SIGNATURE_FILES[1].read_text()
             .replace("        sinks: Sequence[Sink] = (),\n", "").replace(" sinks=sinks,", ""))
    fresh = generator.render_signatures(stale)
    assert "        sinks: Sequence[Sink] = (),\n" in fresh and "sinks=sinks," in fresh
