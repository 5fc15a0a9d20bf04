// The generated TypeScript SDKs of specs/ (both flavors), on Node's global fetch, against
// the misbehaving loopback server of tests/sdk/faultserver.py (it documents the scenarios).
//
//   FAULT_SERVER=http://127.0.0.1:PORT FAULT_TRUNCATED=... SDK_OPENAI=.../index.js SDK_AZURE=.../index.js \
//     node --test faults.test.mjs
//
// tests/sdk/test_faults_node.py starts the server, generates and compiles the SDKs, runs this.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const SERVER = process.env.FAULT_SERVER;
const SDKS = {
  openai: await import(pathToFileURL(process.env.SDK_OPENAI).href),
  azure: await import(pathToFileURL(process.env.SDK_AZURE).href),
};
const FLAVORS = Object.keys(SDKS);
const TIMEOUT = 30_000;

/** A client of `flavor` pointed at `scenario`, and how many requests the server saw. */
function connect(flavor, scenario, options = {}) {
  const key = randomUUID();
  const sdk = SDKS[flavor];
  const baseURL = `${SERVER}/${scenario}/${key}`;
  const client =
    flavor === 'openai'
      ? new sdk.OpenAI({ apiKey: 'sk-test', baseURL, timeout: TIMEOUT, ...options })
      : new sdk.AgentsClient({ apiKey: 'key-1', baseURL, timeout: TIMEOUT, ...options });
  const attempts = async () => (await fetch(`${SERVER}/attempts/${key}`)).json();
  return { sdk, client, attempts };
}

function getRun(client) {
  const runs = client.beta?.threads.runs ?? client.runs;
  return (runs.retrieve ?? runs.get).call(runs, 'thread_1', 'run_1');
}

function streamRun(client, flavor) {
  // The Azure SDK takes the official JavaScript SDK's arguments: required fields, then options.
  if (flavor === 'openai') return client.beta.threads.runs.createStream('thread_1', { assistant_id: 'asst_1' });
  return client.runs.create('thread_1', 'asst_1', { stream: true });
}

/** Every event a stream yields, and the error that ended it (if any). */
async function drain(stream) {
  const events = [];
  try {
    for await (const event of stream) events.push(event);
  } catch (error) {
    return { events, error };
  }
  return { events, error: undefined };
}

/** Records the delay of every timer set while `body` runs (the SDK sleeps between retries with one). */
async function timerDelays(body) {
  const original = globalThis.setTimeout;
  const delays = [];
  globalThis.setTimeout = (fn, ms, ...args) => {
    delays.push(ms);
    return original(fn, ms, ...args);
  };
  try {
    await body();
  } finally {
    globalThis.setTimeout = original;
  }
  return delays.filter((ms) => ms !== TIMEOUT);
}

for (const flavor of FLAVORS) {
  // ---------------------------------------------------------------- retries, timeouts

  test(`${flavor}: 5xx, then success`, async () => {
    const { client, attempts } = connect(flavor, 'flaky', { maxRetries: 2 });
    const run = await getRun(client);
    assert.equal(run.id, 'run_1');
    assert.equal(await attempts(), 2);
  });

  for (const [scenario, delay] of [
    ['rate-limited-ms', 50],
    ['rate-limited-s', 1000],
  ]) {
    test(`${flavor}: 429 waits as the server asks (${scenario})`, async () => {
      const { client, attempts } = connect(flavor, scenario, { maxRetries: 2 });
      let run;
      const delays = await timerDelays(async () => {
        run = await getRun(client);
      });
      assert.equal(run.id, 'run_1');
      assert.equal(await attempts(), 2);
      assert.deepEqual(delays, [delay]);
    });
  }

  test(`${flavor}: a slow answer past the timeout`, async () => {
    const { sdk, client, attempts } = connect(flavor, 'slow', { timeout: 200, maxRetries: 1 });
    await assert.rejects(getRun(client), sdk.APIConnectionTimeoutError);
    assert.equal(await attempts(), 2);
  });

  test(`${flavor}: a dropped connection`, async () => {
    const { sdk, client, attempts } = connect(flavor, 'drop', { maxRetries: 1 });
    await assert.rejects(getRun(client), (err) => {
      assert.ok(err instanceof sdk.APIConnectionError, String(err));
      assert.ok(!(err instanceof sdk.APIConnectionTimeoutError));
      return true;
    });
    assert.equal(await attempts(), 2);
  });

  // ---------------------------------------------------------------- bodies

  test(`${flavor}: a truncated JSON body throws with the status, headers and text`, async () => {
    const { sdk, client, attempts } = connect(flavor, 'truncated');
    await assert.rejects(getRun(client), (err) => {
      assert.ok(err instanceof sdk.APIResponseValidationError, String(err));
      assert.equal(err.status, 200);
      assert.equal(err.headers.get('x-request-id'), 'req_cut');
      assert.equal(err.body, process.env.FAULT_TRUNCATED);
      return true;
    });
    assert.equal(await attempts(), 1);
  });

  test(`${flavor}: an unknown enum value, union variant and field`, async () => {
    const { client } = connect(flavor, 'newer');
    const run = await getRun(client);
    assert.equal(run.status, 'paused_for_quantum');
    // The unknown variant is the object as the wire sent it, even where the flavor converts.
    assert.deepEqual(run.tools[0], { type: 'quantum_tool', quantum_tool: { qubits: 8 } });
    assert.deepEqual(run.tools[1], { type: 'code_interpreter' });
    if (flavor === 'openai') assert.deepEqual(run.quantum_budget, { kept: true });
  });

  // ---------------------------------------------------------------- event streams

  const statuses = (events) => events.map((e) => e.data.status);

  test(`${flavor}: a stream ending with [DONE]`, async () => {
    const { client } = connect(flavor, 'sse');
    const { events, error } = await drain(await streamRun(client, flavor));
    assert.equal(error, undefined);
    assert.deepEqual(statuses(events), ['queued', 'completed']);
  });

  for (const scenario of ['sse-cut', 'sse-no-done']) {
    // The event cut off by the end of the body is dropped (the SSE rule).
    test(`${flavor}: a stream that stops early (${scenario})`, async () => {
      const { sdk, client } = connect(flavor, scenario);
      const { events, error } = await drain(await streamRun(client, flavor));
      assert.deepEqual(statuses(events), ['queued', 'completed']);
      // Both specs promise `data: [DONE]` (OpenAI's DoneEvent, Azure's `done` event).
      assert.ok(error instanceof sdk.APIConnectionError, String(error));
    });
  }

  test(`${flavor}: a stream whose connection drops`, async () => {
    const { sdk, client } = connect(flavor, 'sse-chunked-cut');
    const { events, error } = await drain(await streamRun(client, flavor));
    assert.deepEqual(statuses(events), ['queued', 'completed']);
    assert.ok(error instanceof sdk.APIConnectionError, String(error));
  });
}
