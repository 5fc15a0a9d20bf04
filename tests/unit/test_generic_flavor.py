"""The generic flavor per SDK: its client class, its environment variables and the
grouping asked for, as the pipeline hands them to a target."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import pipeline
from generator.flavors import GENERIC, OPENAI
from generator.flavors.flavor import Flavor
from generator.flavors.per_sdk import client_class, for_sdk
from generator.ir.model import Api
from generator.pipeline import Job, run
from generator.plan import FilePlan, TargetOptions

SEEN: list[tuple[Api, Flavor, TargetOptions]] = []


def _probe(api: Api, flavor: Flavor, options: TargetOptions) -> FilePlan:
    SEEN.append((api, flavor, options))
    return FilePlan(())


@pytest.fixture
def probe() -> Iterator[list[tuple[Api, Flavor, TargetOptions]]]:
    pipeline.register_target("probe", _probe)
    SEEN.clear()
    yield SEEN
    pipeline._registered_targets.pop("probe", None)


def _api(title: str) -> Api:
    return Api(
        title=title, version="1", spec_format="openapi-3.0.3", models=(), resources=()
    )


def test_client_class_from_the_title_else_the_package() -> None:
    assert (
        client_class(GENERIC, _api("Twilio - Messaging"), "twilio") == "TwilioMessaging"
    )
    assert client_class(GENERIC, _api("3D printing"), "p") == "ThreeDPrinting"
    assert client_class(GENERIC, _api("日本語"), "plaid_sdk") == "PlaidSdk"
    assert client_class(OPENAI, _api("Twilio - Messaging"), "x") == "OpenAI"


def test_environment_prefix_from_the_package_name() -> None:
    python = for_sdk(GENERIC, package_name="stripe_sdk", group_by=None)
    typescript = for_sdk(GENERIC, package_name="stripe-sdk", group_by=None)
    assert python.env_prefix == typescript.env_prefix == "STRIPE_SDK"
    assert python.env_base_url == "STRIPE_SDK_BASE_URL"
    assert python.group_by == "auto"
    assert for_sdk(GENERIC, package_name="p", group_by="tags").group_by == "tags"
    # The OpenAI flavor keeps its own names.
    assert for_sdk(OPENAI, package_name="stripe_sdk", group_by=None) == OPENAI


SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Pet Store", "version": "1"},
    "paths": {
        "/pets/{id}": {
            "get": {
                "operationId": "getPetById",
                "tags": ["pets"],
                "responses": {"200": {"description": "ok"}},
            }
        }
    },
}


def test_the_pipeline_settles_the_generic_flavor_per_sdk(
    tmp_path: Path, probe: list[tuple[Api, Flavor, TargetOptions]]
) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(SPEC))
    job = Job(spec, "spec.json", "probe", tmp_path / "out", "pets_sdk")
    run(job, cache=None)
    api, flavor, options = probe[-1]
    assert flavor.name == "generic" and flavor.env_prefix == "PETS_SDK"
    assert options.client_name == "PetStore"
    assert [(r.name, [o.name for o in r.operations]) for r in api.resources] == [
        ("pets", ["retrieve"])
    ]
    run(
        Job(
            spec,
            "spec.json",
            "probe",
            tmp_path / "out2",
            "pets_sdk",
            group_by="tags",
            client_name="Pets",
        ),
        cache=None,
    )
    api, _, options = probe[-1]
    assert options.client_name == "Pets"
    assert [(r.name, [o.name for o in r.operations]) for r in api.resources] == [
        ("pets", ["get_by_id"])
    ]


def test_a_client_named_like_a_runtime_class_is_renamed() -> None:
    """A title `API` would make the client's error `APIError`, the runtime's own."""
    from generator.targets.python import plan

    files = {
        f.path: f for f in plan(_api("API"), GENERIC, TargetOptions("p", "API")).files
    }
    exceptions = files["p/_exceptions.py"].render()
    assert "class API_Error(Exception):" in exceptions
    assert exceptions.count("class APIError(") == 1
    assert "class API_(SyncAPIClient):" in files["p/_client.py"].render()
