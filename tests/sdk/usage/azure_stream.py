"""Type-checked (not run) against the SDK of the full Azure AI Agents spec by
test_azure_streams.py: the `stream` overloads and the typed events, as users write them."""

from azure_ai_agents import AgentsClient, AsyncAgentsClient, UnknownVariant
from azure_ai_agents.types import (
    MessageDeltaChunk,
    MessageDeltaChunkEvent,
    RunStepDeltaChunkEvent,
    ThreadRun,
    ThreadRunEvent,
)


def follow(client: AgentsClient) -> list[str]:
    seen: list[str] = []
    for event in client.runs.create("thread_1", agent_id="asst_1", stream=True):
        if isinstance(event, ThreadRunEvent):
            run: ThreadRun = event.data
            seen.append(f"{event.event}: {run.status}")
        elif isinstance(event, MessageDeltaChunkEvent):
            chunk: MessageDeltaChunk = event.data
            seen.append(chunk.id)
        elif isinstance(event, RunStepDeltaChunkEvent):
            seen.append(event.data.id)
        elif isinstance(event, UnknownVariant):
            seen.append(str(event.event))
    return seen


def without_stream(client: AgentsClient) -> ThreadRun:
    return client.runs.create("thread_1", agent_id="asst_1")


async def follow_async(client: AsyncAgentsClient) -> list[str]:
    stream = await client.runs.create("thread_1", agent_id="asst_1", stream=True)
    return [str(event.event) async for event in stream]
