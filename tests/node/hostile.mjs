// Drives a TypeScript SDK generated from a hostile spec (compiled to JavaScript): imports
// every module, constructs the client with its default URL, calls every method over a
// recording `fetch`, and reports which wire names each request carried.
//
//   node hostile.mjs DIST_DIR PLAN_JSON
//
// PLAN_JSON: { client, options, calls: [{ operationId, accessor, method, streamMethod,
// kind, args }] }. `args` are the method's arguments in order; `{ "$date": ms }` stands
// for a Date. Prints one JSON object: { modules, requests: [{ operationId, method, url,
// query, headers, cookies, body, error }] } with the names each request carried.
// tests/sdk/test_hostile_typescript.py builds the plan and checks the report.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist, planFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, 'utf8'), (_, value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).join() === '$date'
    ? new Date(value.$date)
    : value,
);

function modules(folder) {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return modules(path);
      return entry.name.endsWith('.js') ? [path] : [];
    });
}

// Every module is imported, so whatever runs at module level runs now.
const imported = modules(dist);
for (const path of imported) await import(pathToFileURL(path).href);
const sdk = await import(pathToFileURL(join(dist, 'index.js')).href);

let current;
const seen = [];

function reply(kind) {
  if (kind === 'stream') {
    return new Response('data: {}\n\ndata: [DONE]\n\n', { headers: { 'content-type': 'text/event-stream' } });
  }
  if (kind === 'raw') return new Response('raw', { headers: { 'content-type': 'application/octet-stream' } });
  const body = kind === 'page' ? { data: [], has_more: false } : {};
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
}

function keysDeep(value, out = new Set()) {
  if (Array.isArray(value)) {
    for (const item of value) keysDeep(item, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.add(key);
      keysDeep(item, out);
    }
  }
  return out;
}

async function fetch(input, init) {
  const url = new URL(input);
  const headers = init.headers ?? {};
  const cookie = Object.entries(headers).find(([k]) => k.toLowerCase() === 'cookie')?.[1] ?? '';
  seen.push({
    ...current,
    url: url.toString(),
    query: [...url.searchParams.keys()],
    headers: Object.keys(headers),
    cookies: cookie === '' ? [] : cookie.split('; ').map((part) => part.slice(0, part.indexOf('='))),
    body: typeof init.body === 'string' ? [...keysDeep(JSON.parse(init.body))] : [],
  });
  return reply(current.kind);
}

// No baseURL: the default service URL (and api-version) of the spec are evaluated.
const client = new sdk[plan.client]({ apiKey: 'test-key', maxRetries: 0, fetch, ...plan.options });
const errors = [];
for (const call of plan.calls) {
  const target = call.accessor.reduce((object, key) => object[key], client);
  for (const method of [call.method, call.streamMethod]) {
    if (!method) continue;
    current = { operationId: call.operationId, method, kind: method === call.method ? call.kind : 'stream' };
    try {
      const result = await target[method](...call.args);
      if (current.kind === 'stream') for await (const _ of result);
    } catch (err) {
      errors.push({ operationId: call.operationId, method, error: String(err?.stack ?? err) });
    }
  }
}
process.stdout.write(JSON.stringify({ modules: imported.length, requests: seen, errors }));
