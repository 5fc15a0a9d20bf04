// Drives generated TypeScript SDKs (compiled to JavaScript) with a scripted `fetch`:
// retries and backoff, typed errors, pagination across pages, SSE streams, per-call
// options, and each flavor's URL, credentials and wire ↔ client conversion.
//
//   SDK_OPENAI=/path/openai/dist/index.js SDK_AZURE=/path/azure/dist/index.js node --test mock-fetch.test.mjs
//
// tests/unit/test_typescript_node.py generates, compiles and runs this.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const openai = await import(pathToFileURL(process.env.SDK_OPENAI).href);
const azure = await import(pathToFileURL(process.env.SDK_AZURE).href);

const RUN = {
  id: 'run_1',
  object: 'thread.run',
  created_at: 1700000000,
  cancelled_at: null,
  status: 'queued',
  last_error: { code: 'server_error', message: 'boom' },
  tools: [{ type: 'code_interpreter' }],
  metadata: { a: 'b' },
  step_details: { type: 'tool_calls', tool_calls: [{ at: 1700000001 }] },
};

function json(body, status = 200, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function sse(chunks) {
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

/** A fetch that answers from a script and records every request. */
function scripted(...replies) {
  const calls = [];
  const fetch = async (url, init) => {
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    calls.push({ url: new URL(url), method: init.method, headers: init.headers, body, signal: init.signal });
    const next = replies.shift();
    if (next === undefined) throw new Error('unexpected request ' + url);
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(url, init) : next;
  };
  return { fetch, calls };
}

function openaiClient(fetch, extra = {}) {
  return new openai.OpenAI({ apiKey: 'sk-test', baseURL: 'http://mock.test/v1', fetch, ...extra });
}

function azureClient(fetch, extra = {}) {
  return new azure.AgentsClient({ endpoint: 'https://res.example/api/projects/p1', apiKey: 'key-1', fetch, ...extra });
}

// ------------------------------------------------------------------ retries

test('retries 5xx, 429 and network errors, honouring retry-after-ms and Retry-After', async () => {
  const { fetch, calls } = scripted(
    json({ error: { message: 'overloaded' } }, 503, { 'retry-after-ms': '5' }),
    new TypeError('fetch failed'),
    json({ error: { message: 'slow down' } }, 429, { 'retry-after': '0' }),
    json(RUN),
  );
  const client = openaiClient(fetch, { maxRetries: 3 });
  const run = await client.threads.runs.retrieve('thread_1', 'run_1');
  assert.equal(run.id, 'run_1');
  assert.equal(calls.length, 4);
  for (const call of calls) {
    assert.equal(call.url.pathname, '/v1/threads/thread_1/runs/run_1');
    assert.equal(call.headers.authorization, 'Bearer sk-test');
  }
});

test('gives up after maxRetries with the typed error of the last reply', async () => {
  const { fetch, calls } = scripted(
    json({ error: { message: 'down' } }, 500, { 'retry-after-ms': '1' }),
    json({ error: { message: 'still down', code: 'server_error' } }, 502, { 'x-request-id': 'req_9' }),
  );
  const client = openaiClient(fetch, { maxRetries: 1 });
  await assert.rejects(client.threads.runs.retrieve('t', 'r'), (err) => {
    assert.ok(err instanceof openai.InternalServerError);
    assert.ok(err instanceof openai.APIError);
    assert.equal(err.status, 502);
    assert.equal(err.requestId, 'req_9');
    assert.equal(err.code, 'server_error');
    assert.match(err.message, /still down/);
    return true;
  });
  assert.equal(calls.length, 2);
});

test('x-should-retry: false stops retries; per-call maxRetries overrides the client', async () => {
  const { fetch, calls } = scripted(json({ error: { message: 'no' } }, 503, { 'x-should-retry': 'false' }));
  await assert.rejects(openaiClient(fetch).threads.runs.cancel('t', 'r'), openai.InternalServerError);
  assert.equal(calls.length, 1);
  const second = scripted(json({}, 500), json({}, 500));
  await assert.rejects(
    openaiClient(second.fetch, { maxRetries: 5 }).threads.runs.cancel('t', 'r', { maxRetries: 1 }),
    openai.InternalServerError,
  );
  assert.equal(second.calls.length, 2);
});

// ------------------------------------------------------------------ typed errors

test('each status family has its error class, with the parsed envelope and request id', async () => {
  const cases = [
    [400, openai.BadRequestError],
    [401, openai.AuthenticationError],
    [403, openai.PermissionDeniedError],
    [404, openai.NotFoundError],
    [422, openai.UnprocessableEntityError],
    [418, openai.APIError],
  ];
  for (const [status, cls] of cases) {
    const body = { error: { message: `status ${status}`, type: 'invalid_request_error', param: 'x', code: 'c' } };
    const { fetch, calls } = scripted(json(body, status, { 'x-request-id': `req_${status}` }));
    await assert.rejects(openaiClient(fetch).threads.runs.retrieve('t', 'r'), (err) => {
      assert.ok(err instanceof cls, `${status} → ${err.constructor.name}`);
      assert.equal(err.status, status);
      assert.equal(err.requestId, `req_${status}`);
      assert.equal(err.type, 'invalid_request_error');
      assert.equal(err.param, 'x');
      assert.deepEqual(err.error, body.error);
      return true;
    });
    assert.equal(calls.length, 1, 'a 4xx other than 408/409/429 is not retried');
  }
});

test('a timeout is an APIConnectionTimeoutError; a caller abort is an APIUserAbortError', async () => {
  const hang = (url, init) =>
    new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
  const { fetch } = scripted(hang);
  await assert.rejects(
    openaiClient(fetch, { maxRetries: 0 }).threads.runs.retrieve('t', 'r', { timeout: 20 }),
    openai.APIConnectionTimeoutError,
  );
  const second = scripted(hang);
  const controller = new AbortController();
  const pending = openaiClient(second.fetch).threads.runs.retrieve('t', 'r', { signal: controller.signal });
  setTimeout(() => controller.abort(), 10);
  await assert.rejects(pending, openai.APIUserAbortError);
});

test('per-call headers and query are sent; a null header removes a default one', async () => {
  const { fetch, calls } = scripted(json(RUN));
  const client = openaiClient(fetch, { defaultHeaders: { 'x-team': 'a', 'x-drop': 'y' } });
  await client.threads.runs.retrieve('t', 'r', { headers: { 'x-extra': '1', 'x-drop': null }, query: { trace: 'on' } });
  assert.equal(calls[0].headers['x-extra'], '1');
  assert.equal(calls[0].headers['x-team'], 'a');
  assert.equal('x-drop' in calls[0].headers, false);
  assert.equal(calls[0].url.searchParams.get('trace'), 'on');
});

// ------------------------------------------------------------------ pagination

test('list pages through every page with for await, passing the cursor', async () => {
  const { fetch, calls } = scripted(
    json({ object: 'list', data: [{ ...RUN, id: 'a' }, { ...RUN, id: 'b' }], first_id: 'a', last_id: 'b', has_more: true }),
    json({ object: 'list', data: [{ ...RUN, id: 'c' }], first_id: 'c', last_id: 'c', has_more: false }),
  );
  const ids = [];
  for await (const run of openaiClient(fetch).threads.runs.list('thread_1', { limit: 2, order: 'completed' })) {
    ids.push(run.id);
  }
  assert.deepEqual(ids, ['a', 'b', 'c']);
  assert.equal(calls.length, 2);
  assert.equal(calls[0].url.searchParams.get('after'), null);
  assert.equal(calls[1].url.searchParams.get('after'), 'b');
  assert.equal(calls[1].url.searchParams.get('limit'), '2');
});

test('awaiting a list gives the first page, with hasNextPage and getNextPage', async () => {
  const { fetch } = scripted(
    json({ object: 'list', data: [{ ...RUN, id: 'a' }], first_id: 'a', last_id: 'a', has_more: true }),
    json({ object: 'list', data: [], first_id: '', last_id: '', has_more: false }),
  );
  const page = await openaiClient(fetch).threads.runs.list('thread_1');
  assert.deepEqual(page.data.map((r) => r.id), ['a']);
  assert.equal(page.hasNextPage(), true);
  const next = await page.getNextPage();
  assert.equal(next.hasNextPage(), false);
});

// ------------------------------------------------------------------ streaming

test('createStream sends stream: true and yields typed events until [DONE]', async () => {
  const { fetch, calls } = scripted(
    sse([
      'event: thread.run.created\ndata: {"id":"run_1","status":"queued"}\n\n',
      ': keep-alive\n\nevent: thread.run.in_progress\n',
      'data: {"id":"run_1",\ndata: "status":"in_progress"}\n\n',
      'event: done\ndata: [DONE]\n\n',
      'event: never\ndata: {}\n\n',
    ]),
  );
  const stream = await openaiClient(fetch).threads.runs.createStream('thread_1', { assistant_id: 'asst_1' });
  const events = [];
  for await (const event of stream) events.push(event);
  assert.deepEqual(events, [
    { event: 'thread.run.created', data: { id: 'run_1', status: 'queued' } },
    { event: 'thread.run.in_progress', data: { id: 'run_1', status: 'in_progress' } },
  ]);
  assert.deepEqual(calls[0].body, { assistant_id: 'asst_1', stream: true });
  assert.equal(calls[0].headers.accept, 'text/event-stream');
});

test('an error event in a stream throws an APIError', async () => {
  const { fetch } = scripted(sse(['event: error\ndata: {"error":{"message":"bad things"}}\n\n']));
  const stream = await openaiClient(fetch).threads.runs.createStream('t', { assistant_id: 'a' });
  await assert.rejects(async () => {
    for await (const _ of stream) {
      // drain
    }
  }, /bad things/);
});

// ------------------------------------------------------------------ uploads and binary replies

test('a multipart body goes as FormData with the file; a binary reply comes back raw', async () => {
  const { fetch, calls } = scripted(
    json({ id: 'file_1', filename: 'a.txt', created_at: 1 }),
    new Response('raw bytes', { status: 200, headers: { 'content-type': 'application/octet-stream' } }),
    new Response(null, { status: 204 }),
  );
  const client = openaiClient(fetch);
  const file = await client.files.create({ file: new Blob(['hello']), purpose: 'assistants' });
  assert.equal(file.id, 'file_1');
  const form = calls[0].body;
  assert.ok(form instanceof FormData);
  assert.equal(form.get('purpose'), 'assistants');
  assert.equal(await form.get('file').text(), 'hello');
  assert.equal(calls[0].headers['content-type'], undefined, 'fetch sets the multipart boundary');
  const raw = await client.files.content('file_1');
  assert.equal(await raw.text(), 'raw bytes');
  assert.equal(await client.files.delete('file_1'), undefined);
  assert.equal(calls[2].method, 'DELETE');
});

// ------------------------------------------------------------------ Azure flavor

test('azure: endpoint host template, api-version on every request, api-key header', async () => {
  const { fetch, calls } = scripted(json(RUN), json(RUN));
  const client = azureClient(fetch);
  await client.threads.runs.get('thread_1', 'run_1');
  await client.threads.runs.cancel('thread_1', 'run_1');
  for (const call of calls) {
    assert.equal(call.url.origin, 'https://res.example');
    assert.ok(call.url.pathname.startsWith('/api/projects/p1/threads/thread_1/runs/run_1'));
    assert.equal(call.url.searchParams.get('api-version'), 'v1');
    assert.equal(call.headers['api-key'], 'key-1');
    assert.equal(call.headers.authorization, undefined);
  }
  const other = scripted(json(RUN));
  await azureClient(other.fetch, { apiVersion: '2025-05-01' }).threads.runs.get('t', 'r');
  assert.equal(other.calls[0].url.searchParams.get('api-version'), '2025-05-01');
});

test('azure: a token credential is asked for the spec scope once and cached', async () => {
  const scopes = [];
  const credential = {
    async getToken(s) {
      scopes.push(s);
      return { token: 'tok-1', expiresOnTimestamp: Date.now() + 3600_000 };
    },
  };
  const { fetch, calls } = scripted(json(RUN), json(RUN));
  const client = new azure.AgentsClient({ endpoint: 'https://res.example/api/projects/p1', credential, fetch });
  await client.threads.runs.get('t', 'r');
  await client.threads.runs.get('t', 'r');
  assert.deepEqual(scopes, [['https://ai.azure.com/.default']]);
  assert.equal(calls[1].headers.authorization, 'Bearer tok-1');
});

test('azure: replies become camelCase members with Dates, nested unions and arrays included', async () => {
  const { fetch } = scripted(json(RUN));
  const run = await azureClient(fetch).threads.runs.get('t', 'r');
  assert.ok(run.createdAt instanceof Date);
  assert.equal(run.createdAt.getTime(), 1700000000 * 1000);
  assert.equal(run.cancelledAt, null);
  assert.deepEqual(run.lastError, { code: 'server_error', message: 'boom' });
  assert.equal(run.stepDetails.type, 'tool_calls');
  assert.ok(run.stepDetails.toolCalls[0].at instanceof Date);
  assert.deepEqual(run.metadata, { a: 'b' });
  assert.equal('created_at' in run, false);
});

test('azure: request bodies go back to snake_case wire names', async () => {
  const { fetch, calls } = scripted(json(RUN));
  // The official JavaScript SDK's convention: required fields positional, the rest in options.
  await azureClient(fetch).threads.runs.create('t', 'asst_1', {
    tools: [{ type: 'code_interpreter' }],
    metadata: { k: 'v' },
  });
  assert.deepEqual(calls[0].body, {
    assistant_id: 'asst_1',
    tools: [{ type: 'code_interpreter' }],
    metadata: { k: 'v' },
  });
});

test('azure: pages decode their items and follow the cursor', async () => {
  const { fetch, calls } = scripted(
    json({ object: 'list', data: [{ ...RUN, id: 'a' }], first_id: 'a', last_id: 'a', has_more: true }),
    json({ object: 'list', data: [{ ...RUN, id: 'b' }], first_id: 'b', last_id: 'b', has_more: false }),
  );
  const runs = [];
  for await (const run of azureClient(fetch).threads.runs.list('t')) runs.push(run);
  assert.deepEqual(runs.map((r) => r.id), ['a', 'b']);
  assert.ok(runs.every((r) => r.createdAt instanceof Date));
  assert.equal(calls[1].url.searchParams.get('after'), 'a');
  assert.equal(calls[1].url.searchParams.get('api-version'), 'v1');
});

test('azure: errors carry the AgentV1Error envelope', async () => {
  const { fetch } = scripted(
    json({ error: { code: 'not_found', message: 'No thread', param: 'thread_id', type: 'invalid_request_error' } }, 404, {
      'x-ms-request-id': 'ms-1',
    }),
  );
  await assert.rejects(azureClient(fetch).threads.runs.get('t', 'r'), (err) => {
    assert.ok(err instanceof azure.NotFoundError);
    assert.equal(err.code, 'not_found');
    assert.equal(err.requestId, 'ms-1');
    assert.match(err.message, /No thread/);
    return true;
  });
});

test('azure: streams yield typed events', async () => {
  const { fetch, calls } = scripted(sse(['event: thread.run.created\ndata: {"id":"run_1"}\n\ndata: [DONE]\n\n']));
  const stream = await azureClient(fetch).threads.runs.create('t', 'a', { stream: true });
  const events = [];
  for await (const e of stream) events.push(e);
  assert.deepEqual(events, [{ event: 'thread.run.created', data: { id: 'run_1' } }]);
  assert.deepEqual(calls[0].body, { assistant_id: 'a', stream: true });
  assert.equal(calls[0].url.searchParams.get('api-version'), 'v1');
});

test('azure: multipart fields use wire names and dates decode', async () => {
  const { fetch, calls } = scripted(json({ id: 'file_1', filename: 'a.txt', created_at: 2 }));
  const file = await azureClient(fetch).files.create(new Blob(['x']), 'agents');
  assert.equal(file.createdAt.getTime(), 2000);
  assert.equal(calls[0].body.get('purpose'), 'agents');
  assert.equal(calls[0].url.searchParams.get('api-version'), 'v1');
});

test('azure: the endpoint is required unless a baseURL is given', () => {
  assert.throws(() => new azure.AgentsClient({ apiKey: 'k' }), /endpoint/);
  assert.ok(new azure.AgentsClient({ apiKey: 'k', baseURL: 'http://127.0.0.1:1' }));
});
