// Calls every operation of tests/fixtures/official/azure_ai_agents.json the way the
// official @azure/ai-agents SDK is called, on a generated TypeScript SDK, with a fetch
// that records the request; prints one JSON line per operation.
//
//   SDK=/path/sdk/dist/index.js CALLS=/path/sdk/dist/_surface.js node azure-surface.mjs
//
// tests/sdk/test_azure_surface.py writes `_surface.ts` (the calls), compiles it with the
// SDK and compares what this prints with the fixture.
import { pathToFileURL } from 'node:url';

const sdk = await import(pathToFileURL(process.env.SDK).href);
const { calls } = await import(pathToFileURL(process.env.CALLS).href);

const PAGE = { object: 'list', data: [], first_id: 'x', last_id: 'x', has_more: false };

async function described(body) {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return { json: JSON.parse(body) };
  if (body instanceof FormData) {
    const form = {};
    for (const [key, value] of body.entries()) {
      form[key] = typeof value === 'string' ? value : await value.text();
    }
    return { multipart: form };
  }
  return { other: String(body) };
}

for (const [operation, call] of Object.entries(calls)) {
  const seen = [];
  const fetch = async (url, init) => {
    seen.push({ url: String(url), method: init.method, body: init.body });
    return new Response(JSON.stringify(PAGE), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = new sdk.AgentsClient({
    endpoint: 'https://res.example/api/projects/p1',
    apiKey: 'key-1',
    fetch,
    maxRetries: 0,
  });
  const line = { operation };
  try {
    await call(client);
  } catch (err) {
    line.error = String(err && err.stack ? err.stack.split('\n').slice(0, 2).join(' | ') : err);
  }
  if (seen.length > 0) {
    const url = new URL(seen[0].url);
    line.method = seen[0].method;
    line.path = url.pathname.replace(/^\/api\/projects\/p1/, '');
    line.query = [...url.searchParams.entries()];
    Object.assign(line, (await described(seen[0].body)) ?? {});
  }
  console.log(JSON.stringify(line));
}
