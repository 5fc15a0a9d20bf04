"""Type-checked (not run) against the generated OpenAI SDK by test_faults_python.py:
how code tells the variants of a discriminated union apart, unknown ones included."""

from typing import assert_never

from openai_runs import UnknownVariant
from openai_runs.types import (
    AssistantTool,
    AssistantToolsCode,
    AssistantToolsFunction,
    AssistantToolsRetrieval,
)


def describe(tool: AssistantTool) -> str:
    if isinstance(tool, AssistantToolsFunction):
        return tool.function.name
    if isinstance(tool, (AssistantToolsCode, AssistantToolsRetrieval)):
        return tool.type
    if isinstance(tool, UnknownVariant):
        return str(tool.type)  # its fields, as received
    assert_never(tool)


def forgets_the_unknown(tool: AssistantTool) -> str:
    if isinstance(tool, (AssistantToolsFunction, AssistantToolsCode, AssistantToolsRetrieval)):
        return tool.type
    assert_never(tool)  # type: ignore[arg-type]  # a variant this SDK does not know is still possible
