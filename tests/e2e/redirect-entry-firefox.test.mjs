// The redirect entry against the main entry in headless Firefox (geckodriver over W3C
// WebDriver; Playwright drives only its own Firefox build): the inputs of
// tests/e2e/redirect-entry.test.mjs, where the redirect wasm's form_urlencoded and Firefox's
// URLSearchParams (the main wasm's decoder) must agree, and the same stored orders.
//
// Needs `npm run build` first (pkg/), geckodriver on PATH (or GECKODRIVER) and firefox-esr
// (or FIREFOX), as scripts/setup.sh installs them. Run:
//   node --test tests/e2e/redirect-entry-firefox.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRICKY, PREFIX, ENTRIES, serve } from './redirect-inputs.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER ?? 'geckodriver';
const CASES = JSON.parse(readFileSync(join(ROOT, 'tests/redirect_cases.json'), 'utf8'));

let server;
let base;
let driver;
let wd;
let session;

const freePort = async () => {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
};

before(async () => {
  ({ server, base } = await serve());

  const port = await freePort();
  driver = spawn(GECKODRIVER, ['--port', String(port)], { stdio: 'ignore' });
  const failed = new Promise((_, reject) => driver.once('error', reject));
  wd = async (method, path, body) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body),
    });
    const { value } = await res.json();
    if (value?.error) throw new Error(`${method} ${path}: ${value.error}: ${value.message}`);
    return value;
  };
  // geckodriver takes a moment to listen.
  for (let i = 0; ; i++) {
    try {
      await Promise.race([wd('GET', '/status'), failed]);
      break;
    } catch (e) {
      if (i === 50 || e.code === 'ENOENT') throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  session = (await wd('POST', '/session', {
    capabilities: { alwaysMatch: { 'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless'] } } },
  })).sessionId;
  await wd('POST', `/session/${session}/url`, { url: `${base}/page.html` });
  for (let i = 0; !(await wd('POST', `/session/${session}/execute/sync`, { script: 'return window.__ready === true', args: [] })); i++) {
    if (i === 100) throw new Error('the page did not load both entries');
    await new Promise((r) => setTimeout(r, 100));
  }
});

after(async () => {
  if (session) await wd('DELETE', `/session/${session}`).catch(() => {});
  driver?.kill();
  server?.close();
});

// `body` runs in the page with `arg`; its return value comes back (JSON-like data). Both
// cross as JSON text in UTF-16 code units: geckodriver refuses a lone surrogate in the JSON
// of a request, and some inputs hold one.
const units = (s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
const run = async (body, arg) => {
  const script = `const text = (units) => units.map((u) => String.fromCharCode(u)).join('');
    const arg = JSON.parse(text(arguments[0]));
    return JSON.stringify(((arg) => { ${body} })(arg));`;
  return JSON.parse(await wd('POST', `/session/${session}/execute/sync`, { script, args: [units(JSON.stringify(arg) ?? 'null')] }));
};

// In the page: both entries' answers to `fn(entry, arg)` for each arg, as the Chromium test
// records them (the value, or the error's class, name, code and message).
const BOTH = `
  const calls = arg;
  const answer = (entry, f, arg) => {
    try {
      const value = f(entry, arg);
      return { value: value === undefined ? '(undefined)' : value };
    } catch (e) {
      return { threw: true, iamport: e instanceof window.main.IamportPayError && e instanceof window.redirect.IamportPayError, name: e?.name, code: e?.code, message: e?.message };
    }
  };
  return calls.map(([src, arg]) => {
    const f = new Function('entry', 'arg', 'return (' + src + ')(entry, arg);');
    return { main: answer(window.main, f, arg), redirect: answer(window.redirect, f, arg) };
  });`;

test('Firefox: parseRedirect answers as the main entry (URLSearchParams) over the case table and tricky inputs', async () => {
  const inputs = [...CASES.map((c) => c.input), ...TRICKY];
  const parse = ((entry, arg) => entry.parseRedirect(arg)).toString();
  const results = await run(BOTH, inputs.map((i) => [parse, i]));
  assert.equal(results.length, inputs.length);
  results.forEach((r, i) => assert.deepEqual(r.redirect, r.main, `parseRedirect(${JSON.stringify(inputs[i]).slice(0, 80)})`));
  const refused = await run(BOTH, [[parse, 42]]);
  assert.deepEqual(refused[0].redirect, {
    threw: true, iamport: true, name: 'IamportPayError', code: 'invalid_redirect',
    message: 'parseRedirect takes a URL string, a query string, a URL or a Location',
  });
});

test('Firefox: takePendingOrder gives the same order (or null) as the main entry for every stored entry', async () => {
  const now = await run('return Date.now()');
  const take = ((entry, { key, uid, raw }) => {
    sessionStorage.clear();
    sessionStorage.setItem(key, raw);
    const order = entry.takePendingOrder(uid);
    return { order, keys: order && Object.keys(order), left: sessionStorage.length };
  }).toString();
  const results = await run(BOTH, ENTRIES.map(([, uid, make]) => [take, { key: PREFIX + uid, uid, raw: make(now) }]));
  let valid = 0;
  results.forEach((r, i) => {
    assert.ok(!r.main.threw && !r.redirect.threw, `${ENTRIES[i][0]}: ${JSON.stringify(r)}`);
    assert.deepEqual(r.redirect, r.main, ENTRIES[i][0]);
    assert.equal(r.redirect.value.left, 0, `${ENTRIES[i][0]}: the entry is removed`);
    if (r.redirect.value.order) valid++;
  });
  assert.ok(valid >= 12, `valid orders compared: ${valid}`);
  assert.deepEqual(results[1].redirect.value.order.customData, { a: { c: [1, 2.25, 'x', null, true], d: -0.5 }, b: 1.5, e: 1e21, z: null });
});
