// Streams a recorded Azure run lifecycle through a generated TypeScript SDK's
// `runs.create(threadId, assistantId, { stream: true })` and prints what it yields.
//
//   SDK=/path/sdk/dist/index.js STREAM=/path/azure_run_lifecycle.sse node azure-stream.mjs
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const sdk = await import(pathToFileURL(process.env.SDK).href);
const body = readFileSync(process.env.STREAM, 'utf-8');
const sent = [];
const fetch = async (url, init) => {
  sent.push({ url: String(url), method: init.method, body: JSON.parse(init.body), accept: init.headers.accept });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
};
const client = new sdk.AgentsClient({ endpoint: 'https://res.example/api/projects/p1', apiKey: 'k', fetch });
const stream = await client.runs.create('thread_1', 'asst_1', { stream: true });
const events = [];
for await (const e of stream) {
  events.push({
    event: e.event,
    dataKeys: Object.keys(e.data).sort(),
    createdAtIsDate: e.data.createdAt instanceof Date,
    data: e.data,
  });
}
console.log(JSON.stringify({ sent, events }));
