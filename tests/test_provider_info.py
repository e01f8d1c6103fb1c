from __future__ import annotations

import subprocess
import sys

from airflow_provider_dockerhub.get_provider_info import get_provider_info
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook


def test_providers_manager_sees_the_dockerhub_connection_type():
    from airflow.providers_manager import ProvidersManager
    from airflow.sdk.providers_manager_runtime import ProvidersManagerTaskRuntime

    assert "airflow-provider-dockerhub" in ProvidersManager().providers
    hook_info = ProvidersManagerTaskRuntime().hooks["dockerhub"]
    assert hook_info.hook_class_name == "airflow_provider_dockerhub.hooks.dockerhub.DockerHubHook"
    assert hook_info.connection_id_attribute_name == "dockerhub_conn_id"


def test_airflow_3_ui_metadata_has_the_form_fields_and_labels():
    from airflow.providers_manager import ProvidersManager

    from airflow_provider_dockerhub.hooks.settings import EXTRA_FIELDS

    manager = ProvidersManager()
    [meta] = [m for m in manager.iter_connection_type_hook_ui_metadata() if m.connection_type == "dockerhub"]
    assert meta.hook_name == "Docker Hub"
    assert meta.field_behaviour["relabeling"]["login"] == "Username or organization"
    widgets = manager._connection_form_widgets_from_metadata
    assert {f"extra__dockerhub__{f.name}" for f in EXTRA_FIELDS} <= set(widgets)


def test_airflow_cli_lists_the_provider():
    out = subprocess.run([sys.executable, "-m", "airflow", "providers", "list", "-o", "plain"],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    assert "airflow-provider-dockerhub" in out


def test_connection_form_metadata_for_airflow_3_2_and_later():
    conn_type = get_provider_info()["connection-types"][0]
    assert conn_type["connection-type"] == "dockerhub"
    assert conn_type["hook-name"] == "Docker Hub"
    behaviour = conn_type["ui-field-behaviour"]
    assert behaviour["relabeling"] == {"login": "Username or organization",
                                       "password": "Personal/organization access token or password"}
    assert behaviour["placeholders"]["host"] == "https://hub.docker.com"
    fields = conn_type["conn-fields"]
    assert fields["auth_type"]["schema"]["enum"] == ["token_exchange", "bearer"]
    assert all({"label", "schema"} <= set(f) and "type" in f["schema"] for f in fields.values())


def test_legacy_widgets_cover_every_conn_field():
    conn_fields = get_provider_info()["connection-types"][0]["conn-fields"]
    assert set(conn_fields) <= set(DockerHubHook.get_connection_form_widgets())
    legacy = DockerHubHook.get_ui_field_behaviour()
    modern = get_provider_info()["connection-types"][0]["ui-field-behaviour"]
    assert legacy["hidden_fields"] == modern["hidden-fields"] and legacy["relabeling"] == modern["relabeling"]
