#!/usr/bin/env bash
# The distribution packages `make e2e` needs, installed only when missing (Debian/Ubuntu):
# PostgreSQL (metadata database), Redis (Celery broker) and Chromium (the UI check).
set -euo pipefail
missing=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" > /dev/null || missing+=(postgresql)
command -v redis-server > /dev/null || missing+=(redis-server)
command -v chromium > /dev/null || command -v chromium-browser > /dev/null || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if ! command -v apt-get > /dev/null; then
    echo "make e2e needs ${missing[*]}, and this machine has no apt-get: install them, then run make e2e again" >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "Installing ${missing[*]} from the distribution's packages ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" > /dev/null
