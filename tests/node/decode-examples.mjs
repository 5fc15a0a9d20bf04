// Decodes recorded reply bodies with a compiled SDK's deserializers.
//
//   node decode-examples.mjs SDK_INDEX_JS CASES_JSON
//
// CASES_JSON: [{ "name", "decoder", "body" }]. Prints one JSON line per case:
// { name, ok, error?, createdAt? } — `createdAt` is the decoded top-level timestamp in ms.
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';

const sdk = await import(pathToFileURL(process.argv[2]).href);
const cases = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const out = [];
for (const c of cases) {
  const decode = sdk[c.decoder];
  if (typeof decode !== 'function') {
    out.push({ name: c.name, ok: false, error: `no export ${c.decoder}` });
    continue;
  }
  try {
    const value = decode(c.body);
    const created = value?.createdAt ?? value?.data?.[0]?.createdAt;
    out.push({ name: c.name, ok: true, createdAt: created instanceof Date ? created.getTime() : null });
  } catch (err) {
    out.push({ name: c.name, ok: false, error: String(err) });
  }
}
process.stdout.write(JSON.stringify(out));
