"""Small helpers shared by the tests."""

from __future__ import annotations

import base64
import json
import time


def make_jwt(exp_in: float = 600.0, **claims: object) -> str:
    """An unsigned JWT-shaped token with an ``exp`` claim, like /v2/auth/token returns."""

    def part(obj: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")

    return f"{part({'alg': 'none'})}.{part({'exp': time.time() + exp_in, **claims})}.sig"
