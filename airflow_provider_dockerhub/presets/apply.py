"""Build the pipeline settings of a preset's call: method, path, body, defaults, checks, grouping, response reading."""

from __future__ import annotations

from dataclasses import replace

from airflow_provider_dockerhub.pipeline.render import NO_BODY
from airflow_provider_dockerhub.pipeline.runner import PipelineSettings
from airflow_provider_dockerhub.presets.endpoint import EndpointPreset


def build_settings(
    settings: PipelineSettings, preset: EndpointPreset, *, endpoint: str | None, method: str | None,
    api_dry_run: bool = False,
) -> PipelineSettings:
    """New settings for ``preset`` from the operator's ``settings``; refuse settings the preset decides itself.

    :param api_dry_run: ask the API itself for a dry run (bulk invites): the call is made, nothing changes.
    """
    if endpoint or (method and method.upper() != preset.method):
        raise ValueError(f"endpoint_preset={preset.name!r} sets method and endpoint itself; do not pass them")
    body = settings.body
    if body is None:
        body = preset.body(api_dry_run=api_dry_run) or NO_BODY
    elif api_dry_run:
        raise ValueError("api_dry_run needs the preset's own body; do not pass body")
    grouping = settings.grouping
    if preset.batched:
        grouping = replace(grouping, batching=True, grouping="by_attributes", group_by=preset.group_by)
    elif grouping.batching:
        raise ValueError(f"endpoint_preset={preset.name!r} sends one record per call; batching is not available")
    return replace(
        settings, method=preset.method, endpoint=preset.endpoint_template(), content_type=preset.content_type,
        body=body, grouping=grouping, record_defaults=dict(preset.defaults), record_check=preset.check,
        record_prepare=preset.prepare,
        response_reader=preset.response_reader)
