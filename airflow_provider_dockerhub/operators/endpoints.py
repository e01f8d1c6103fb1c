"""
One operator per Docker Hub write endpoint, each a ``class`` statement with its preset constant as a class attribute.

Generated from the presets of ``resources/`` by ``make docs`` (``scripts/gen_docs.py``); a test fails when this
file is out of date. Each ``DockerHub<Action>Operator`` takes every parameter of ``DockerHubSendOperator`` except
``method``, ``endpoint`` and ``endpoint_preset`` (see ``DockerHubEndpointOperator`` and its docstring)::

    DockerHubCreateRepositoryOperator(task_id="create", records_path="/data/repos.jsonl")
"""

from __future__ import annotations

from airflow_provider_dockerhub.operators.endpoint_base import DockerHubEndpointOperator
from airflow_provider_dockerhub.resources import groups, members, repositories, scim, settings, tokens


class DockerHubCreateGroupOperator(DockerHubEndpointOperator):
    """
    Create a group (team) in an organization.

    ``POST /v2/orgs/{org_name}/groups``, one record per call.

    Record attributes: required ``org``, ``name``; optional ``description``.

    Example record::

        {"org": "acme", "name": "ops", "description": "Operations"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = groups.CREATE_GROUP


class DockerHubPatchGroupOperator(DockerHubEndpointOperator):
    """
    Change some of a group's details.

    ``PATCH /v2/orgs/{org_name}/groups/{group_name}``, one record per call.

    Record attributes: required ``org``, ``group_name``; optional ``name``, ``description``.

    Example record::

        {"org": "acme", "group_name": "devs", "description": "Developers"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = groups.PATCH_GROUP


class DockerHubDeleteGroupOperator(DockerHubEndpointOperator):
    """
    Delete a group.

    ``DELETE /v2/orgs/{org_name}/groups/{group_name}``, one record per call.

    Record attributes: required ``org``, ``group_name``; optional none.

    Example record::

        {"org": "acme", "group_name": "devs"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = groups.DELETE_GROUP


class DockerHubUpdateGroupOperator(DockerHubEndpointOperator):
    """
    Replace a group's name and description.

    ``PUT /v2/orgs/{org_name}/groups/{group_name}``, one record per call.

    Record attributes: required ``org``, ``group_name``, ``name``; optional ``description``.

    Example record::

        {"org": "acme", "group_name": "devs", "name": "developers"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = groups.UPDATE_GROUP


class DockerHubAddGroupMemberOperator(DockerHubEndpointOperator):
    """
    Add an organization member to a group.

    ``POST /v2/orgs/{org_name}/groups/{group_name}/members``, one record per call.

    Record attributes: required ``org``, ``group_name``, ``member``; optional none.

    Example record::

        {"org": "acme", "group_name": "devs", "member": "carol"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = groups.ADD_GROUP_MEMBER


class DockerHubRemoveGroupMemberOperator(DockerHubEndpointOperator):
    """
    Remove a user from a group.

    ``DELETE /v2/orgs/{org_name}/groups/{group_name}/members/{username}``, one record per call.

    Record attributes: required ``org``, ``group_name``, ``username``; optional none.

    Example record::

        {"org": "acme", "group_name": "devs", "username": "bob"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = groups.REMOVE_GROUP_MEMBER


class DockerHubBulkInviteOperator(DockerHubEndpointOperator):
    """
    Invite people (Docker IDs or emails) to an organization and team; one record per invitee, grouped by org, team
    and role into bulk calls; each invitee's status becomes its record's outcome.

    ``POST /v2/invites/bulk``, one batch of records per call.

    Record attributes: required ``invitee``, ``org``; optional ``team``, ``role``.

    Example record::

        {"invitee": "dana@example.com", "org": "acme", "team": "devs", "role": "member"}

    ``api_dry_run=True`` asks Docker Hub to validate the calls without changing anything.

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = members.BULK_INVITE


class DockerHubUpdateOrgMemberRoleOperator(DockerHubEndpointOperator):
    """
    Change an organization member's role: owner, editor, member or a custom role's name.

    ``PUT /v2/orgs/{org_name}/members/{username}``, one record per call.

    Record attributes: required ``org``, ``username``, ``role``; optional none.

    Example record::

        {"org": "acme", "username": "bob", "role": "editor"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = members.UPDATE_ORG_MEMBER_ROLE


class DockerHubRemoveOrgMemberOperator(DockerHubEndpointOperator):
    """
    Remove a member from an organization.

    ``DELETE /v2/orgs/{org_name}/members/{username}``, one record per call.

    Record attributes: required ``org``, ``username``; optional none.

    Example record::

        {"org": "acme", "username": "bob"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = members.REMOVE_ORG_MEMBER


class DockerHubCancelInviteOperator(DockerHubEndpointOperator):
    """
    Cancel a pending invite.

    ``DELETE /v2/invites/{id}``, one record per call.

    Record attributes: required ``invite_id``; optional none.

    Example record::

        {"invite_id": "e36eca69-4cc8-4f17-9845-ae8c2b832691"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = members.CANCEL_INVITE


class DockerHubResendInviteOperator(DockerHubEndpointOperator):
    """
    Resend a pending invite.

    ``PATCH /v2/invites/{id}/resend``, one record per call.

    Record attributes: required ``invite_id``; optional none.

    Example record::

        {"invite_id": "e36eca69-4cc8-4f17-9845-ae8c2b832691"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = members.RESEND_INVITE


class DockerHubCreateRepositoryOperator(DockerHubEndpointOperator):
    """
    Create a repository in a user's or organization's namespace.

    ``POST /v2/namespaces/{namespace}/repositories``, one record per call.

    Record attributes: required ``namespace``, ``name``; optional ``description``, ``full_description``,
    ``registry``, ``is_private``.

    Example record::

        {"namespace": "acme", "name": "web", "description": "Frontend", "is_private": true}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = repositories.CREATE_REPOSITORY


class DockerHubUpdateRepositoryOperator(DockerHubEndpointOperator):
    """
    Set a repository's short description and full description (README); ``full_description_path`` names a file or
    object-storage URI whose text is sent as the full description.

    ``PATCH /v2/repositories/{namespace}/{name}/``, one record per call.

    Record attributes: required ``namespace``, ``name``; optional ``description``, ``full_description``,
    ``full_description_path``.

    Example record::

        {"namespace": "acme", "name": "web", "description": "Frontend", "full_description": "# web\n\nThe frontend."}

    Not in Docker Hub's OpenAPI document: the live endpoint, as docker/terraform-provider-docker
    internal/hubclient/client_repository.go call it.

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = repositories.UPDATE_REPOSITORY


class DockerHubDeleteRepositoryOperator(DockerHubEndpointOperator):
    """
    Delete a repository with all its tags and images (this cannot be undone).

    ``DELETE /v2/repositories/{namespace}/{name}/``, one record per call.

    Record attributes: required ``namespace``, ``name``; optional none.

    Example record::

        {"namespace": "acme", "name": "old-app"}

    Not in Docker Hub's OpenAPI document: the live endpoint, as docker/hub-tool pkg/hub/repositories.go,
    pkg/hub/tags.go; docker/terraform-provider-docker internal/hubclient/client_repository.go call it.

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = repositories.DELETE_REPOSITORY


class DockerHubSetRepositoryPrivacyOperator(DockerHubEndpointOperator):
    """
    Make a repository private or public.

    ``POST /v2/repositories/{namespace}/{name}/privacy``, one record per call.

    Record attributes: required ``namespace``, ``name``, ``is_private``; optional none.

    Example record::

        {"namespace": "acme", "name": "web", "is_private": true}

    Not in Docker Hub's OpenAPI document: the live endpoint, as docker/terraform-provider-docker
    internal/hubclient/client_repository.go call it.

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = repositories.SET_REPOSITORY_PRIVACY


class DockerHubDeleteTagOperator(DockerHubEndpointOperator):
    """
    Delete a tag of a repository.

    ``DELETE /v2/repositories/{namespace}/{repository}/tags/{tag}/``, one record per call.

    Record attributes: required ``namespace``, ``repository``, ``tag``; optional none.

    Example record::

        {"namespace": "acme", "repository": "web", "tag": "pr-123"}

    Not in Docker Hub's OpenAPI document: the live endpoint, as docker/hub-tool pkg/hub/repositories.go,
    pkg/hub/tags.go call it.

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = repositories.DELETE_TAG


class DockerHubUpdateImmutableTagsOperator(DockerHubEndpointOperator):
    """
    Turn immutable tags on or off for a repository and set the rules.

    ``PATCH /v2/namespaces/{namespace}/repositories/{repository}/immutabletags``, one record per call.

    Record attributes: required ``namespace``, ``repository``, ``immutable_tags``, ``immutable_tags_rules``;
    optional none.

    Example record::

        {"namespace": "acme", "repository": "web", "immutable_tags": true, "immutable_tags_rules": ["v.*"]}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = repositories.UPDATE_IMMUTABLE_TAGS


class DockerHubVerifyImmutableTagsOperator(DockerHubEndpointOperator):
    """
    List the tags an immutable-tag rule would match.

    ``POST /v2/namespaces/{namespace}/repositories/{repository}/immutabletags/verify``, one record per call.

    Record attributes: required ``namespace``, ``repository``, ``regex``; optional none.

    Example record::

        {"namespace": "acme", "repository": "web", "regex": "v1"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = repositories.VERIFY_IMMUTABLE_TAGS


class DockerHubCreateRepositoryGroupOperator(DockerHubEndpointOperator):
    """
    Give a group (team) a permission on a repository.

    ``POST /v2/repositories/{namespace}/{repository}/groups``, one record per call.

    Record attributes: required ``namespace``, ``repository``, ``group_id``, ``permission``; optional none.

    Example record::

        {"namespace": "acme", "repository": "web", "group_id": 1, "permission": "write"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = repositories.CREATE_REPOSITORY_GROUP


class DockerHubUpdateRepositoryGroupOperator(DockerHubEndpointOperator):
    """
    Change a group's (team's) permission on a repository.

    ``PATCH /v2/repositories/{namespace}/{repository}/groups/{group_id}/``, one record per call.

    Record attributes: required ``namespace``, ``repository``, ``group_id``, ``permission``; optional none.

    Example record::

        {"namespace": "acme", "repository": "web", "group_id": 1, "permission": "read"}

    Not in Docker Hub's OpenAPI document: the live endpoint, as docker/terraform-provider-docker
    internal/hubclient/client_repository.go call it.

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = repositories.UPDATE_REPOSITORY_GROUP


class DockerHubDeleteRepositoryGroupOperator(DockerHubEndpointOperator):
    """
    Take a group's (team's) permission on a repository away.

    ``DELETE /v2/repositories/{namespace}/{repository}/groups/{group_id}/``, one record per call.

    Record attributes: required ``namespace``, ``repository``, ``group_id``; optional none.

    Example record::

        {"namespace": "acme", "repository": "web", "group_id": 1}

    Not in Docker Hub's OpenAPI document: the live endpoint, as docker/terraform-provider-docker
    internal/hubclient/client_repository.go call it.

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = repositories.DELETE_REPOSITORY_GROUP


class DockerHubCreateScimUserOperator(DockerHubEndpointOperator):
    """
    Provision a user through SCIM (connection with auth_type bearer and the SCIM token).

    ``POST /v2/scim/2.0/Users``, one record per call.

    Record attributes: required ``userName``; optional ``schemas``, ``name``, ``givenName``, ``familyName``.

    Example record::

        {"userName": "jane@example.com", "givenName": "Jane", "familyName": "Doe"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = scim.CREATE_SCIM_USER


class DockerHubUpdateScimUserOperator(DockerHubEndpointOperator):
    """
    Update a SCIM user's name or activate/deactivate it (active; a record without it keeps the user active).

    ``PUT /v2/scim/2.0/Users/{id}``, one record per call.

    Record attributes: required ``user_id``, ``userName``; optional ``schemas``, ``name``, ``givenName``,
    ``familyName``, ``active``, ``enabled``.

    Example record::

        {"user_id": "d9bd4e6e-0c6a-4a3e-a2f2-b5d1a4b6b3c8", "userName": "jane@example.com", "givenName": "Jane", "active": false}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = scim.UPDATE_SCIM_USER


class DockerHubUpdateOrgSettingsOperator(DockerHubEndpointOperator):
    """
    Set an organization's restricted-images settings.

    ``PUT /v2/orgs/{name}/settings``, one record per call.

    Record attributes: required ``org``, ``restricted_images``; optional none.

    Example record::

        {"org": "acme", "restricted_images": {"enabled": true, "allow_official_images": true, "allow_verified_publishers": false}}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = settings.UPDATE_ORG_SETTINGS


class DockerHubCreateAccessTokenOperator(DockerHubEndpointOperator):
    """
    Create a personal access token (the secret is returned once; capture it with response_path or a webhook).

    ``POST /v2/access-tokens``, one record per call.

    Record attributes: required ``token_label``, ``scopes``; optional ``expires_at``.

    Example record::

        {"token_label": "ci-read", "scopes": ["repo:read"]}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = tokens.CREATE_ACCESS_TOKEN


class DockerHubUpdateAccessTokenOperator(DockerHubEndpointOperator):
    """
    Rename a personal access token or activate/deactivate it.

    ``PATCH /v2/access-tokens/{uuid}``, one record per call.

    Record attributes: required ``uuid``; optional ``token_label``, ``is_active``.

    Example record::

        {"uuid": "b30bbf97-506c-4ecd-aabc-842f3cb484fb", "is_active": false}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = tokens.UPDATE_ACCESS_TOKEN


class DockerHubDeleteAccessTokenOperator(DockerHubEndpointOperator):
    """
    Delete a personal access token.

    ``DELETE /v2/access-tokens/{uuid}``, one record per call.

    Record attributes: required ``uuid``; optional none.

    Example record::

        {"uuid": "b30bbf97-506c-4ecd-aabc-842f3cb484fb"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = tokens.DELETE_ACCESS_TOKEN


class DockerHubCreateOrgAccessTokenOperator(DockerHubEndpointOperator):
    """
    Create an organization access token (the secret is returned once).

    ``POST /v2/orgs/{name}/access-tokens``, one record per call.

    Record attributes: required ``org``, ``label``; optional ``description``, ``resources``, ``expires_at``.

    Example record::

        {"org": "acme", "label": "deploy", "resources": [{"type": "TYPE_REPO", "path": "acme/web", "scopes": ["repo-pull"]}]}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = tokens.CREATE_ORG_ACCESS_TOKEN


class DockerHubUpdateOrgAccessTokenOperator(DockerHubEndpointOperator):
    """
    Update an organization access token's label, description, resources or active state.

    ``PATCH /v2/orgs/{org_name}/access-tokens/{access_token_id}``, one record per call.

    Record attributes: required ``org``, ``access_token_id``; optional ``label``, ``description``, ``resources``,
    ``is_active``.

    Example record::

        {"org": "acme", "access_token_id": "a7a5ef25-8889-43a0-8cc7-f2a94268e861", "is_active": false}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = tokens.UPDATE_ORG_ACCESS_TOKEN


class DockerHubDeleteOrgAccessTokenOperator(DockerHubEndpointOperator):
    """
    Delete an organization access token.

    ``DELETE /v2/orgs/{org_name}/access-tokens/{access_token_id}``, one record per call.

    Record attributes: required ``org``, ``access_token_id``; optional none.

    Example record::

        {"org": "acme", "access_token_id": "a7a5ef25-8889-43a0-8cc7-f2a94268e861"}

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a string only;
        a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any URI
        ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file (a format
        the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected), ``fail_fast``
        (start no call after the first failure) or ``continue`` (succeed; the counts tell). A run-level failure
        (credentials refused, host unreachable, connection missing, input or an output failing) stops the run and
        fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed as soon
        as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it had.
        (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first 1000
        events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain
        ``:``); ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the body is built
        (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded attributes
        removed), or a callable taking the record (or the list of records in a batch). Default: the record, or a
        JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs
        ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with the
        API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset = tokens.DELETE_ORG_ACCESS_TOKEN


__all__ = [
    "DockerHubAddGroupMemberOperator",
    "DockerHubBulkInviteOperator",
    "DockerHubCancelInviteOperator",
    "DockerHubCreateAccessTokenOperator",
    "DockerHubCreateGroupOperator",
    "DockerHubCreateOrgAccessTokenOperator",
    "DockerHubCreateRepositoryGroupOperator",
    "DockerHubCreateRepositoryOperator",
    "DockerHubCreateScimUserOperator",
    "DockerHubDeleteAccessTokenOperator",
    "DockerHubDeleteGroupOperator",
    "DockerHubDeleteOrgAccessTokenOperator",
    "DockerHubDeleteRepositoryGroupOperator",
    "DockerHubDeleteRepositoryOperator",
    "DockerHubDeleteTagOperator",
    "DockerHubPatchGroupOperator",
    "DockerHubRemoveGroupMemberOperator",
    "DockerHubRemoveOrgMemberOperator",
    "DockerHubResendInviteOperator",
    "DockerHubSetRepositoryPrivacyOperator",
    "DockerHubUpdateAccessTokenOperator",
    "DockerHubUpdateGroupOperator",
    "DockerHubUpdateImmutableTagsOperator",
    "DockerHubUpdateOrgAccessTokenOperator",
    "DockerHubUpdateOrgMemberRoleOperator",
    "DockerHubUpdateOrgSettingsOperator",
    "DockerHubUpdateRepositoryGroupOperator",
    "DockerHubUpdateRepositoryOperator",
    "DockerHubUpdateScimUserOperator",
    "DockerHubVerifyImmutableTagsOperator",
]
