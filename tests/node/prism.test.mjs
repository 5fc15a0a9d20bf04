// The generated TypeScript clients against Prism started from the same spec.
//
// Run by tests/sdk/test_prism_node.py, which generates and compiles both SDKs, starts
// Prism (with --errors, so a non-conforming request gets a 4xx and an `sl-violations`
// header) and passes everything through the environment:
//   <FLAVOR>_SDK        path of the compiled SDK's dist/index.js
//   <FLAVOR>_PRISM_URL  base URL of Prism serving that flavor's spec
//   <FLAVOR>_OPERATIONS JSON list of [METHOD, path template] of every operation in the spec
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';

function recordingFetch(seen) {
  return async (input, init) => {
    const response = await fetch(input, init);
    const request = new Request(input, init);
    seen.push({
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      violations: response.headers.get('sl-violations'),
    });
    return response;
  };
}

function templateRegex(path) {
  const escaped = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp('^' + escaped.replace(/\{[^}]+\}/g, '[^/]+') + '$');
}

function assertEveryOperationValidated(flavor, seen) {
  const bad = seen.filter((s) => s.status < 200 || s.status >= 300 || s.violations);
  assert.deepEqual(
    bad.map((s) => `${s.method} ${s.path} -> ${s.status} ${s.violations}`),
    [],
    'Prism rejected requests',
  );
  const operations = JSON.parse(process.env[`${flavor}_OPERATIONS`]);
  const missing = operations.filter(
    ([method, path]) => !seen.some((s) => s.method === method && templateRegex(path).test(s.path)),
  );
  assert.deepEqual(missing, [], 'operations never called');
}

async function load(flavor) {
  return import(pathToFileURL(process.env[`${flavor}_SDK`]).href);
}

// Started on its own (`node --test tests/node`), there is no server or SDK to drive.
const unprepared = ['OPENAI', 'AZURE'].some((f) => !process.env[`${f}_SDK`] || !process.env[`${f}_PRISM_URL`]);
const options = { skip: unprepared && 'run through tests/sdk/test_prism_node.py, which starts Prism and builds the SDKs' };

const upload = () => new Blob(['{"prompt": "hello"}\n'], { type: 'application/jsonl' });

test('OpenAI-flavored client: every operation passes Prism validation', options, async () => {
  const sdk = await load('OPENAI');
  const seen = [];
  const client = new sdk.OpenAI({
    apiKey: 'sk-test',
    baseURL: process.env.OPENAI_PRISM_URL,
    maxRetries: 0,
    fetch: recordingFetch(seen),
  });
  const threads = client.beta.threads;
  await threads.create();
  await threads.create({ messages: [{ role: 'user', content: 'Hello' }], metadata: { k: 'v' } });
  await threads.retrieve('thread_abc');
  await threads.update('thread_abc', { metadata: { user: 'abc' } });
  await threads.delete('thread_abc');
  await threads.createAndRun({ assistant_id: 'asst_abc', thread: { messages: [{ role: 'user', content: 'Hi' }] } });
  const runs = threads.runs;
  await runs.create('thread_abc', { assistant_id: 'asst_abc', tools: [{ type: 'code_interpreter' }], instructions: null });
  await runs.retrieve('thread_abc', 'run_abc');
  await runs.update('thread_abc', 'run_abc', { metadata: { a: 'b' } });
  const page = await runs.list('thread_abc', { limit: 2, order: 'asc', after: 'run_1' });
  assert.ok(Array.isArray(page.data));
  await runs.cancel('thread_abc', 'run_abc');
  await runs.submitToolOutputs('thread_abc', 'run_abc', { tool_outputs: [{ tool_call_id: 'call_1', output: '28C' }] });
  await runs.steps.list('thread_abc', 'run_abc', { limit: 1 });
  await runs.steps.retrieve('thread_abc', 'run_abc', 'step_abc');
  await client.files.create({ file: upload(), purpose: 'assistants' });
  assertEveryOperationValidated('OPENAI', seen);
});

test('Azure-flavored client: every operation passes Prism validation', options, async () => {
  const sdk = await load('AZURE');
  const seen = [];
  const client = new sdk.AgentsClient({
    endpoint: process.env.AZURE_PRISM_URL,
    apiKey: 'key-test',
    maxRetries: 0,
    fetch: recordingFetch(seen),
  });
  const threads = client.threads;
  await threads.list({ limit: 5, order: 'desc' });
  await threads.create({ metadata: { k: 'v' } });
  const thread = await threads.get('thread_abc');
  assert.ok(thread.createdAt instanceof Date, 'unixtime becomes a Date');
  await threads.update('thread_abc', { metadata: { user: 'abc' } });
  await threads.delete('thread_abc');
  const runs = client.runs;
  await runs.createThreadAndRun('asst_abc', { thread: { messages: [{ role: 'user', content: 'Hi' }] } });
  await runs.create('thread_abc', 'asst_abc', { tools: [{ type: 'code_interpreter' }] });
  await runs.get('thread_abc', 'run_abc');
  await runs.update('thread_abc', 'run_abc', { metadata: { a: 'b' } });
  await runs.list('thread_abc', { limit: 2, after: 'run_1' });
  await runs.cancel('thread_abc', 'run_abc');
  await runs.submitToolOutputs('thread_abc', 'run_abc', [{ type: 'function_call_output', toolCallId: 'c', output: '1' }]);
  await client.runSteps.list('thread_abc', 'run_abc', { limit: 1 });
  await client.runSteps.get('thread_abc', 'run_abc', 'step_abc');
  await client.files.upload(upload(), 'assistants', {});
  assertEveryOperationValidated('AZURE', seen);
});
