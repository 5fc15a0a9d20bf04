"""The Prism fixture itself: it starts from our specs and really validates requests."""

from __future__ import annotations

import httpx
from prism import prism_server
from sdkgen import AZURE_RUNS, OPENAI_RUNS


def test_prism_accepts_a_conforming_request_and_flags_a_bad_one() -> None:
    with prism_server(OPENAI_RUNS.spec) as url:
        auth = {"Authorization": "Bearer sk-test"}
        good = httpx.post(f"{url}/threads/thread_1/runs", json={"assistant_id": "asst_1"}, headers=auth)
        assert good.status_code == 200
        assert "sl-violations" not in good.headers
        assert good.json()["object"] == "thread.run"
        bad = httpx.post(f"{url}/threads/thread_1/runs", json={"assistant": "asst_1"}, headers=auth)
        assert bad.status_code == 422
        assert "assistant_id" in bad.headers["sl-violations"]


def test_prism_checks_azure_api_version_and_auth() -> None:
    with prism_server(AZURE_RUNS.spec) as url:
        good = httpx.get(f"{url}/threads/t1/runs/r1", params={"api-version": "v1"}, headers={"api-key": "k"})
        assert good.status_code == 200, good.headers.get("sl-violations")
        no_version = httpx.get(f"{url}/threads/t1/runs/r1", headers={"api-key": "k"})
        assert no_version.status_code >= 400
        assert "api-version" in no_version.headers["sl-violations"]
        no_auth = httpx.get(f"{url}/threads/t1/runs/r1", params={"api-version": "v1"})
        assert no_auth.status_code == 401
