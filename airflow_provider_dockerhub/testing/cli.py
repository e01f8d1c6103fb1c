"""The emulator's command line: ``python -m airflow_provider_dockerhub.testing`` (``.testing.emulator`` too)."""

from __future__ import annotations

import argparse
import time

from airflow_provider_dockerhub.hub import PAT_PREFIX, RATE_WINDOW, TOKEN_LIFETIME
from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from airflow_provider_dockerhub.testing.examples import example_connection, seed_examples
from airflow_provider_dockerhub.testing.seed import load_seed_file, seed_hub

__all__ = ["DEFAULT_PORT", "main"]

#: The command line's port: not 8080, which Airflow's API server listens on.
DEFAULT_PORT = 7070


def _parse_pair(text: str, what: str) -> tuple[str, str]:
    name, sep, value = text.partition(":")
    if not sep or not name or not value:
        raise argparse.ArgumentTypeError(f"{what} must look like NAME:VALUE, got {text!r}")
    return name, value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m airflow_provider_dockerhub.testing",
                                     description="A local, stateful Docker Hub API for tests and demos.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"default {DEFAULT_PORT} (not 8080, which Airflow's API server uses)")
    parser.add_argument("--account", action="append", default=[], metavar="USER:SECRET",
                        help="a user; a secret starting with dckr_pat_ is a PAT, anything else a password")
    parser.add_argument("--org", action="append", default=[], metavar="ORG:OWNER[,OWNER]")
    parser.add_argument("--org-token", action="append", default=[], metavar="ORG:dckr_oat_...")
    parser.add_argument("--scim-token", action="append", default=[], metavar="ORG:TOKEN")
    parser.add_argument("--token-lifetime", type=float, default=TOKEN_LIFETIME)
    parser.add_argument("--rate-limit", default=None, metavar="N/SECONDS", help="e.g. 180/60")
    parser.add_argument("--examples", action="store_true",
                        help="seed the accounts the example DAGs expect (alice owns org acme)")
    parser.add_argument("--seed-file", metavar="FILE.json|FILE.yaml",
                        help="seed users, tokens, orgs (members, groups, org tokens), repositories from a file "
                             "(see testing/seed.py and docs/emulator.md)")
    return parser


def _seed_accounts(emulator: DockerHubEmulator, args: argparse.Namespace) -> None:
    """The ``--account``, ``--org``, ``--org-token`` and ``--scim-token`` options."""
    for spec in args.account:
        user, secret = _parse_pair(spec, "--account")
        if secret.startswith(PAT_PREFIX):
            emulator.add_user(user)
            emulator.add_personal_access_token(user, secret)
        else:
            emulator.add_user(user, password=secret)
    for spec in args.org:
        org, owners = _parse_pair(spec, "--org")
        emulator.add_org(org, owners=owners.split(","))
    for spec in args.org_token:
        emulator.add_org_access_token(*_parse_pair(spec, "--org-token"))
    for spec in args.scim_token:
        emulator.add_scim_token(*_parse_pair(spec, "--scim-token"))


def main(argv: list[str] | None = None) -> None:
    """Run the emulator from the command line until interrupted."""
    parser = _parser()
    args = parser.parse_args(argv)
    limit, window = None, RATE_WINDOW
    if args.rate_limit:
        count, _, seconds = args.rate_limit.partition("/")
        limit, window = int(count), float(seconds or RATE_WINDOW)
    try:
        emulator = DockerHubEmulator(host=args.host, port=args.port, token_lifetime=args.token_lifetime,
                                     rate_limit=limit, rate_window=window)
    except OSError as exc:
        parser.exit(2, f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc} "
                       f"(is something else using the port? pick another with --port)\n")
    if args.examples:
        seed_examples(emulator)
    if args.seed_file:
        try:
            seed_hub(emulator, load_seed_file(args.seed_file))
        except (OSError, ValueError, KeyError) as exc:  # the process ends: its socket is closed with it
            parser.exit(2, f"--seed-file {args.seed_file}: {exc}\n")
    _seed_accounts(emulator, args)
    emulator.start()
    print(f"Docker Hub emulator listening on {emulator.url} (Ctrl-C to stop)", flush=True)
    if args.examples:
        print(f"export AIRFLOW_CONN_DOCKERHUB_DEFAULT='{example_connection(emulator)}'", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        emulator.stop()
