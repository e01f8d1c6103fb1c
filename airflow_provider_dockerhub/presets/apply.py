"""Turn pipeline settings into a preset's call: method, path, body, checks, grouping and response reading."""

from __future__ import annotations

from dataclasses import replace

from airflow_provider_dockerhub.pipeline.runner import PipelineSettings
from airflow_provider_dockerhub.presets.registry import EndpointPreset


def apply_preset(settings: PipelineSettings, preset: EndpointPreset, *, endpoint: str | None, method: str | None) -> None:
    """Set ``settings`` (in place) for ``preset``; refuse settings the preset decides itself."""
    if endpoint or (method and method.upper() != preset.method):
        raise ValueError(f"endpoint_preset={preset.name!r} sets method and endpoint itself; do not pass them")
    settings.method = preset.method
    settings.endpoint = preset.endpoint_template()
    settings.content_type = preset.content_type
    settings.record_check = preset.check
    settings.response_reader = preset.response_reader
    if settings.body is None:
        builder = preset.body(api_dry_run=settings.dry_run and preset.api_dry_run is not None)
        settings.send_body = builder is not None
        settings.body = builder
    if preset.batched:
        settings.grouping = replace(settings.grouping, batching=True, grouping="by_attributes", group_by=preset.group_by)
        # The API validates without changing anything: the dry run really calls it and reports its verdicts.
        settings.send_in_dry_run = preset.api_dry_run is not None
    elif settings.grouping.batching:
        raise ValueError(f"endpoint_preset={preset.name!r} sends one record per call; batching is not available")
