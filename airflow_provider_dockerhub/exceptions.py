"""Errors raised by the Docker Hub provider. None of them ever carries a secret."""

from __future__ import annotations

from airflow_provider_dockerhub._compat import AirflowException


class DockerHubError(AirflowException):
    """Base class of every error this provider raises."""


class DockerHubAuthError(DockerHubError):
    """Docker Hub refused the credentials, or a fresh token was still refused."""


class DockerHubConnectionError(DockerHubError):
    """Docker Hub (or the configured host) could not be reached."""


class DockerHubRequestError(DockerHubError, ValueError):
    """A request was refused before sending: foreign origin, forbidden header, bad method."""
