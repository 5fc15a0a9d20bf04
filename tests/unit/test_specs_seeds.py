"""Our Runs specs (`specs/`) stay faithful to the seed documents, field by field.

The member lists are parsed from the seed files themselves (`../shared/seeds`), so a
field added to, dropped from, or made nullable in a spec without the seed saying so
fails here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / ".." / "shared" / "seeds"
OPENAI_SPEC = REPO / "specs" / "openai" / "runs.yaml"
AZURE_SPEC = REPO / "specs" / "azure" / "runs.json"

pytestmark = pytest.mark.needs("shared-seeds")


@dataclass(frozen=True)
class Member:
    name: str
    type: str
    optional: bool

    @property
    def nullable(self) -> bool:
        return "null" in {part.strip() for part in self.type.split("|")}


# --------------------------------------------------------------------------- seed parsers


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _ts_lines() -> list[str]:
    """Seed 000 is a scraped code view: code lines interleaved with `|` gutter lines."""
    return [line for line in _seed("000").splitlines() if line.strip() not in {"|", "||", ""}]


def ts_interface(name: str) -> dict[str, Member]:
    """Members of `export interface <name> {...}` in seed 000 (top level only)."""
    lines = _ts_lines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"export interface {name}\b.*\{{$", line))
    members: dict[str, Member] = {}
    depth = 0
    for line in lines[start:]:
        if depth == 1:
            m = re.match(r"^\s*(\w+)(\?)?: (.+);$", line)
            if m:
                members[m.group(1)] = Member(m.group(1), m.group(3), m.group(2) == "?")
        depth += line.count("{") - line.count("}")
        if depth == 0:
            break
    return members


def seed_001_run_step() -> dict[str, Member]:
    """`name: type` lines of the property-details section of seed 001 (`RunStep`)."""
    text = _seed("001")
    details = text[text.index("属性详细信息") :]
    members: dict[str, Member] = {}
    for line in details.splitlines():
        m = re.match(r"^(\w+)(\?)?: (.+)$", line.strip())
        if m:
            members[m.group(1)] = Member(m.group(1), m.group(3), m.group(2) == "?")
    return members


_TYPE_WORDS = {"string", "integer", "boolean", "object", "number"}


def seed_002_sections() -> dict[str, list[str]]:
    """Seed 002's definition tables: header → its non-empty body lines."""
    lines = [line.strip() for line in _seed("002").splitlines() if line.strip()]
    starts = [
        i
        for i in range(len(lines) - 2)
        if lines[i + 2] in {"Nazwa Typ Opis", "Nazwa Typ Domyślna wartość Opis", "Wartość Opis"}
    ]
    sections: dict[str, list[str]] = {}
    for n, i in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        sections[lines[i]] = lines[i + 3 : end]
    return sections


def seed_002_fields(definition: str) -> list[str]:
    """Field names of one definition table of seed 002."""
    names = []
    previous = ""
    for line in seed_002_sections()[definition]:
        m = re.match(r"^([a-z][a-z0-9_]*)( \S+:)?$", line)
        # A literal value follows `type string:`; a default value follows the type column.
        after_value_slot = previous.endswith(":") or _is_type_line(previous)
        if m and not after_value_slot and (m.group(2) or line not in _TYPE_WORDS):
            names.append(m.group(1))
        previous = line
    return names


def _is_type_line(line: str) -> bool:
    return (
        line in _TYPE_WORDS
        or line.split(" (")[0] in _TYPE_WORDS
        or re.match(r"^[A-Z][A-Za-z0-9]*(\[\])?$", line) is not None
    )


def seed_002_discriminator_value(definition: str) -> str:
    body = seed_002_sections()[definition]
    return body[body.index("type string:") + 1]


# --------------------------------------------------------------------------- spec readers


def openai_schemas() -> dict[str, Any]:
    doc = yaml.safe_load(OPENAI_SPEC.read_text(encoding="utf-8"))
    schemas: dict[str, Any] = doc["components"]["schemas"]
    return schemas


def azure_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(AZURE_SPEC.read_text(encoding="utf-8"))
    return doc


def _openai_nullable(schema: dict[str, Any], schemas: dict[str, Any]) -> bool:
    if "$ref" in schema:
        return _openai_nullable(schemas[schema["$ref"].rsplit("/", 1)[-1]], schemas)
    return bool(schema.get("nullable"))


def camel(wire: str) -> str:
    head, *rest = wire.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


# --------------------------------------------------------------------------- OpenAI vs seed 000


SEED_000_PAIRS = [
    ("RunObject", "Run", ()),
    ("RunToolCallObject", "RequiredActionFunctionToolCall", ()),
    # `stream` arrived with run streaming (March 2024), after the seed was generated.
    ("CreateRunRequest", "RunCreateParams", ("stream",)),
    ("ModifyRunRequest", "RunUpdateParams", ()),
    ("SubmitToolOutputsRunRequest", "RunSubmitToolOutputsParams", ("stream",)),
]


@pytest.mark.parametrize(("schema_name", "interface", "newer"), SEED_000_PAIRS)
def test_openai_schema_has_the_seed_members(schema_name: str, interface: str, newer: tuple[str, ...]) -> None:
    schemas = openai_schemas()
    schema = schemas[schema_name]
    seed = ts_interface(interface)
    assert seed, f"could not parse interface {interface} from seed 000"
    assert set(schema["properties"]) - set(newer) == set(seed)
    required = set(schema.get("required", ()))
    for name, member in seed.items():
        prop = schema["properties"][name]
        assert (name not in required) == member.optional, f"{schema_name}.{name}: requiredness"
        assert _openai_nullable(prop, schemas) == member.nullable, f"{schema_name}.{name}: nullability"


def test_openai_run_status_and_tools_match_the_seed() -> None:
    run = openai_schemas()["RunObject"]
    seed = ts_interface("Run")
    seed_status = re.findall(r"'([a-z_]+)'", seed["status"].type)
    assert run["properties"]["status"]["enum"] == seed_status
    assert len(seed_status) == 8
    union = openai_schemas()["AssistantTool"]
    variants = [ref["$ref"].rsplit("/", 1)[-1] for ref in union["oneOf"]]
    assert variants == ["AssistantToolsCode", "AssistantToolsRetrieval", "AssistantToolsFunction"]
    assert union["discriminator"]["propertyName"] == "type"
    tags = [openai_schemas()[v]["properties"]["type"]["enum"] for v in variants]
    assert tags == [["code_interpreter"], ["retrieval"], ["function"]]


def test_openai_timestamps_stay_integers() -> None:
    run = openai_schemas()["RunObject"]["properties"]
    seed = ts_interface("Run")
    for name, member in seed.items():
        if member.type.startswith("number"):
            assert run[name]["type"] == "integer", name


# --------------------------------------------------------------------------- Azure vs seeds 001 and 002


def test_azure_run_step_has_seed_001_members() -> None:
    seed = seed_001_run_step()
    assert len(seed) == 16
    step = azure_doc()["definitions"]["RunStep"]
    props = step["properties"]
    client_names = {prop.get("x-ms-client-name", camel(wire)): wire for wire, prop in props.items()}
    assert set(client_names) == set(seed)
    required = set(step["required"])
    for name, member in seed.items():
        wire = client_names[name]
        prop = props[wire]
        assert (wire not in required) == member.optional, f"RunStep.{wire}: requiredness"
        assert bool(prop.get("x-nullable")) == member.nullable, f"RunStep.{wire}: nullability"
        if "Date" in member.type:
            assert prop.get("format") == "unixtime", f"RunStep.{wire}: Date needs format unixtime"
        if "Record<string, string>" in member.type:
            assert prop["additionalProperties"] == {"type": "string"}
        if member.type == '"thread.run.step"':
            assert prop["enum"] == ["thread.run.step"]
    assert props["step_details"]["$ref"].endswith("/RunStepDetails")


def test_azure_thread_run_has_seed_002_fields() -> None:
    seed = seed_002_fields("ThreadRun")
    assert len(seed) == 28
    props = azure_doc()["definitions"]["ThreadRun"]["properties"]
    assert set(props) == set(seed)
    assert all("x-ms-client-name" in props[f] for f in props if "_" in f)


@pytest.mark.parametrize(
    "definition",
    [
        "AzureAISearchToolDefinition",
        "AzureFunctionToolDefinition",
        "BingGroundingToolDefinition",
        "CodeInterpreterToolDefinition",
        "ConnectedAgentToolDefinition",
        "FileSearchToolDefinition",
        "FunctionToolDefinition",
        "OpenApiToolDefinition",
        "OpenApiAnonymousAuthDetails",
        "OpenApiConnectionAuthDetails",
        "OpenApiManagedAuthDetails",
    ],
)
def test_azure_union_variant_matches_seed_002(definition: str) -> None:
    definitions = azure_doc()["definitions"]
    spec = definitions[definition]
    assert spec["x-ms-discriminator-value"] == seed_002_discriminator_value(definition)
    base = spec["allOf"][0]["$ref"].rsplit("/", 1)[-1]
    assert definitions[base]["discriminator"] == "type"
    seed_fields = set(seed_002_fields(definition)) - {"type"}
    assert set(spec.get("properties", {})) == seed_fields


@pytest.mark.parametrize(
    "definition",
    [
        "AgentErrorDetail",
        "AgentV1Error",
        "TruncationObject",
        "RunCompletionUsage",
        "RunError",
        "SubmitToolOutputsAction",
        "RequiredFunctionToolCall",
        "IncompleteRunDetails",
        "ToolResources",
        "FunctionDefinition",
        "OpenApiFunctionDefinition",
        "AzureFunctionDefinition",
        "AzureFunctionBinding",
    ],
)
def test_azure_definition_fields_match_seed_002(definition: str) -> None:
    definitions = azure_doc()["definitions"]
    spec = definitions[definition]
    fields = set(spec.get("properties", {}))
    for parent in spec.get("allOf", []):  # inherited fields are listed by the seed too
        fields |= set(definitions[parent["$ref"].rsplit("/", 1)[-1]]["properties"])
    assert fields == set(seed_002_fields(definition))


def test_azure_tool_definition_union_has_the_eight_seed_variants() -> None:
    definitions = azure_doc()["definitions"]
    children = sorted(
        d["x-ms-discriminator-value"]
        for d in definitions.values()
        if any(ref.get("$ref") == "#/definitions/ToolDefinition" for ref in d.get("allOf", []))
    )
    assert children == [
        "azure_ai_search",
        "azure_function",
        "bing_grounding",
        "code_interpreter",
        "connected_agent",
        "file_search",
        "function",
        "openapi",
    ]


def test_azure_spec_is_shaped_like_the_service() -> None:
    doc = azure_doc()
    host = doc["x-ms-parameterized-host"]
    assert host["hostTemplate"] == "{endpoint}"
    assert host["parameters"][0]["name"] == "endpoint"
    oauth = doc["securityDefinitions"]["OAuth2Auth"]
    assert list(oauth["scopes"]) == ["https://ai.azure.com/.default"]
    key = doc["securityDefinitions"]["ApiKeyAuth"]
    assert (key["type"], key["in"], key["name"]) == ("apiKey", "header", "api-key")
    api_version = doc["parameters"]["Azure.Core.Foundations.ApiVersionParameter"]
    assert (api_version["name"], api_version["in"], api_version["required"]) == ("api-version", "query", True)
    for path, item in doc["paths"].items():
        for method, op in item.items():
            refs = [p.get("$ref", "") for p in op["parameters"]]
            assert "#/parameters/Azure.Core.Foundations.ApiVersionParameter" in refs, f"{method} {path}"
            assert op["responses"]["default"]["schema"]["$ref"] == "#/definitions/AgentV1Error"


def test_every_openai_operation_documents_itself_like_the_real_spec() -> None:
    doc = yaml.safe_load(OPENAI_SPEC.read_text(encoding="utf-8"))
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            meta = op["x-oaiMeta"]
            examples = meta["examples"] if isinstance(meta["examples"], list) else [meta["examples"]]
            assert meta["group"], f"{method} {path}"
            assert bool(meta.get("beta")) == (meta["group"] == "threads"), f"{method} {path}"
            for example in examples:
                assert "from openai import OpenAI" in example["request"]["python"]
                if not example["response"].startswith("event:"):
                    json.loads(example["response"])
