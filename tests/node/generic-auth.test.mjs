// Generic-flavor TypeScript clients authenticate as their spec declares: one small spec
// per scheme kind (tests/fixtures/auth/), each request inspected through a mock fetch.
//
//   GENERIC_SDKS='{"query_key": "/path/query-key/dist/index.js", ...}' node --test generic-auth.test.mjs
//
// tests/sdk/test_generic_auth_node.py generates, compiles and runs this.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const paths = JSON.parse(process.env.GENERIC_SDKS);
const sdk = {};
for (const [name, path] of Object.entries(paths)) sdk[name] = await import(pathToFileURL(path).href);

const THING = { id: 't1', name: 'lamp' };

/** A fetch that answers every request and records it. */
function recording() {
  const calls = [];
  const fetch = async (url, init) => {
    const headers = new Headers(init.headers);
    calls.push({ url: new URL(url), method: init.method, headers });
    const body = init.method === 'GET' && new URL(url).pathname.endsWith('/things') ? [THING] : THING;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls, last: () => calls[calls.length - 1] };
}

function client(name, className, options = {}) {
  const rec = recording();
  return { rec, client: new sdk[name][className]({ fetch: rec.fetch, maxRetries: 0, ...options }) };
}

test('an API key in the query', async () => {
  const { rec, client: c } = client('query_key', 'QueryKey', { apiKey: 'k&1' });
  await c.things.list({ limit: 2 });
  const { url, headers } = rec.last();
  assert.equal(url.origin + url.pathname, 'https://api.example.com/v1/things');
  assert.deepEqual(url.searchParams.getAll('api_key'), ['k&1']);
  assert.equal(url.searchParams.get('limit'), '2');
  assert.equal(headers.get('authorization'), null);
});

test('an API key from the environment', async () => {
  process.env.QUERY_KEY_API_KEY = 'from-env';
  try {
    const { rec, client: c } = client('query_key', 'QueryKey');
    await c.things.retrieve('thing_1');
    assert.equal(rec.last().url.searchParams.get('api_key'), 'from-env');
    assert.equal(rec.last().url.pathname, '/v1/things/thing_1');
  } finally {
    delete process.env.QUERY_KEY_API_KEY;
  }
});

test('several API-key headers are all sent', async () => {
  const { rec, client: c } = client('header_keys', 'HeaderKeys', { clientId: 'c', secret: 's', apiVersion: '2020-09-14' });
  await c.things.create({ name: 'lamp' });
  const { headers } = rec.last();
  assert.deepEqual(
    [headers.get('X-Client-Id'), headers.get('X-Secret'), headers.get('X-Api-Version')],
    ['c', 's', '2020-09-14'],
  );
  assert.equal(headers.get('authorization'), null);
});

test('missing credentials fail before anything is sent', async () => {
  const { rec, client: c } = client('header_keys', 'HeaderKeys', { clientId: 'c', secret: 's' });
  await assert.rejects(c.things.list(), (err) => {
    assert.ok(err instanceof sdk.header_keys.APIError, 'an APIError of the SDK');
    assert.match(err.message, /apiVersion/);
    assert.match(err.message, /HEADER_KEYS_API_VERSION/);
    return true;
  });
  assert.equal(rec.calls.length, 0);
});

test('HTTP basic', async () => {
  const { rec, client: c } = client('basic', 'BasicAuth', { username: 'AC123', password: 's3cret' });
  await c.things.list();
  assert.equal(rec.last().headers.get('authorization'), 'Basic ' + Buffer.from('AC123:s3cret').toString('base64'));
});

test('HTTP bearer', async () => {
  const { rec, client: c } = client('bearer', 'BearerAuth', { token: 'tok_1' });
  await c.things.retrieve('thing_1');
  assert.equal(rec.last().headers.get('authorization'), 'Bearer tok_1');
});

test('an OAuth2 token provider, asked for every request', async () => {
  const tokens = ['first', 'second'];
  const { rec, client: c } = client('oauth2', 'OAuthThings', { token: async () => tokens.shift() });
  await c.things.list();
  await c.things.list();
  assert.deepEqual(
    rec.calls.map((call) => call.headers.get('authorization')),
    ['Bearer first', 'Bearer second'],
  );
  const plain = client('oauth2', 'OAuthThings', { token: 'plain' });
  await plain.client.things.list();
  assert.equal(plain.rec.last().headers.get('authorization'), 'Bearer plain');
});

test('a cookie', async () => {
  const { rec, client: c } = client('cookie', 'CookieSession', { session: 'abc' });
  await c.things.list();
  assert.equal(rec.last().headers.get('cookie'), 'sid=abc');
  // The operation's own cookie parameters travel beside the credential.
  await c.things.list({ theme: 'dark' });
  assert.deepEqual(rec.last().headers.get('cookie').split('; ').sort(), ['sid=abc', 'theme=dark']);
});

test('no security: no credential option, nothing sent', async () => {
  process.env.NONE_API_KEY = 'ignored';
  try {
    const { rec, client: c } = client('none', 'OpenThings');
    await c.things.list();
    const { url, headers } = rec.last();
    assert.equal(headers.get('authorization'), null);
    assert.equal(headers.get('cookie'), null);
    assert.equal(url.search, '');
  } finally {
    delete process.env.NONE_API_KEY;
  }
});

test('requirements per operation, security: [] sends nothing', async () => {
  const keyless = client('per_operation', 'MostlyClosed');
  await keyless.client.things.list();
  assert.equal(keyless.rec.last().headers.get('X-Api-Key'), null);
  await keyless.client.things.retrieve('thing_1');
  assert.equal(keyless.rec.last().headers.get('X-Api-Key'), null);
  await assert.rejects(keyless.client.things.create({ name: 'lamp' }), /X-Api-Key|apiKey/);
  assert.equal(keyless.rec.calls.length, 2);

  const keyed = client('per_operation', 'MostlyClosed', { apiKey: 'k' });
  await keyed.client.things.list();
  assert.equal(keyed.rec.last().headers.get('X-Api-Key'), null);
  await keyed.client.things.retrieve('thing_1');
  assert.equal(keyed.rec.last().headers.get('X-Api-Key'), 'k');
  await keyed.client.things.create({ name: 'lamp' });
  assert.equal(keyed.rec.last().headers.get('X-Api-Key'), 'k');
});

test('alternatives are tried in the spec order', async () => {
  const bearer = client('alternatives', 'EitherWay', { token: 't' });
  await bearer.client.things.list();
  assert.equal(bearer.rec.last().headers.get('authorization'), 'Bearer t');
  const both = client('alternatives', 'EitherWay', { username: 'u', password: 'p', token: 't' });
  await both.client.things.list();
  assert.match(both.rec.last().headers.get('authorization'), /^Basic /);
  const half = client('alternatives', 'EitherWay', { username: 'u' });
  await assert.rejects(half.client.things.list(), (err) => {
    assert.match(err.message, /password/);
    assert.match(err.message, /token/);
    return true;
  });
});

test('server variables and base URL', async () => {
  const plain = client('server_variables', 'RegionalThings');
  await plain.client.things.list();
  assert.equal(plain.rec.last().url.href, 'https://us.example.com/v1/things');
  const eu = client('server_variables', 'RegionalThings', { region: 'eu', version: 'v2' });
  await eu.client.things.list();
  assert.equal(eu.rec.last().url.href, 'https://eu.example.com/v2/things');
  process.env.SERVER_VARIABLES_BASE_URL = 'https://env.example.com';
  try {
    const env = client('server_variables', 'RegionalThings', { region: 'eu' });
    await env.client.things.list();
    assert.equal(env.rec.last().url.href, 'https://env.example.com/things');
  } finally {
    delete process.env.SERVER_VARIABLES_BASE_URL;
  }
  const mock = client('server_variables', 'RegionalThings', { baseURL: 'http://mock.test/x' });
  await mock.client.things.list();
  assert.equal(mock.rec.last().url.href, 'http://mock.test/x/things');
});
