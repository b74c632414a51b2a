// Pack-and-import smoke test: `npm pack`, install the tarball into a fresh temp project
// (offline: the package has no dependencies), then use it the way users do:
//   1. plain Node `.mjs` (the `node` condition, no init call),
//   2. TypeScript against the installed types,
//   3. a Vite 7 production build, run in headless Chromium (the `import` condition, wasm asset),
//      paying once through requestPay and the sandbox IMP;
//      vite@7 is installed into the temp project from the npm registry (or npm's cache).
// Run after `npm run build`: node --test tests/smoke/   (scripts/pack-smoke.sh does that)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

let tmp;
let app;
let tarball;
let files = [];

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
}

before(() => {
  assert.ok(existsSync(join(ROOT, 'pkg/iamport_pay_bg.wasm')), 'pkg/ is missing: run `npm run build` first');
  tmp = mkdtempSync(join(tmpdir(), 'iamport-pay-smoke-'));
  const out = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp], ROOT));
  tarball = join(tmp, out[0].filename);
  files = out[0].files.map((f) => f.path).sort();
  app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', private: true, type: 'module' }, null, 2));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);
});

after(() => {
  if (tmp && !process.env.KEEP_SMOKE) rmSync(tmp, { recursive: true, force: true });
});

test('the tarball ships exactly the package files', () => {
  // The glue imports its snippet (js/runtime.js, copied by wasm-bindgen) under a hashed path.
  const snippets = files.filter((f) => f.startsWith('pkg/snippets/'));
  assert.equal(snippets.length, 1, `one snippet: ${snippets}`);
  assert.match(snippets[0], /^pkg\/snippets\/iamport-pay-[0-9a-f]{16}\/js\/runtime\.js$/);
  assert.deepEqual(files.filter((f) => !f.startsWith('pkg/snippets/')), [
    'CHANGELOG.md', 'README.md',
    'js/index.d.ts', 'js/index.js', 'js/node-init.js', 'js/node.js',
    'js/redirect-node.js', 'js/redirect.d.ts', 'js/redirect.js', 'js/runtime.js',
    'js/sandbox.d.ts', 'js/sandbox.js',
    'package.json',
    'pkg/iamport_pay.js', 'pkg/iamport_pay_bg.wasm', 'pkg/iamport_pay_redirect_bg.wasm',
    'pkg/index.js', 'pkg/redirect.js',
  ]);
  const stray = files.filter((f) => /^(src|www|tests|scripts|target|node_modules|examples|docs)\//.test(f) || /\.(rs|toml|tgz)$/.test(f));
  assert.deepEqual(stray, [], 'nothing but the package');
  assert.ok(existsSync(join(app, 'node_modules/iamport-pay/pkg/iamport_pay_bg.wasm')), 'installed');
});

test('plain Node .mjs: import, check, build, errors, sandbox', () => {
  writeFileSync(
    join(app, 'node-smoke.mjs'),
    `import { checkParams, buildParams, IamportPayError, version } from 'iamport-pay';
import { installSandbox } from 'iamport-pay/sandbox';
import { parseRedirect } from 'iamport-pay/redirect';
const landed = parseRedirect('/done?imp_uid=imp_1&merchant_uid=o1&imp_success=true');
const bad = checkParams({ pg: 'html5_inicis.INIpayTest', pay_method: 'card', merchant_uid: 'o1', amount: '1004' });
const good = buildParams({ pg: 'html5_inicis.INIpayTest', pay_method: 'card', merchant_uid: 'o1', name: 'n', amount: 1004, buyer_tel: '010-1234-5678' });
let code = null;
try { buildParams(null); } catch (e) { code = e instanceof IamportPayError ? e.code : 'wrong class'; }
const sb = installSandbox({ window: {} });
console.log(JSON.stringify({ landed, version: version(), bad: { ok: bad.ok, codes: bad.errors.map((i) => i.path + ':' + i.code) }, good, code, sandbox: typeof sb.approveNext }));
`,
  );
  const out = JSON.parse(run(process.execPath, ['node-smoke.mjs'], app));
  assert.deepEqual(out.landed, { imp_uid: 'imp_1', merchant_uid: 'o1', success: true, error_code: null, error_msg: null, verified: false });
  assert.equal(out.version, pkg.version);
  assert.equal(out.bad.ok, false);
  assert.ok(out.bad.codes.includes('amount:invalid_type'), JSON.stringify(out.bad));
  assert.equal(out.good.amount, 1004);
  assert.equal(out.good.buyer_tel, '010-1234-5678');
  assert.equal(out.code, 'invalid_params');
  assert.equal(out.sandbox, 'function');
});

test('TypeScript resolves the shipped types (NodeNext and Bundler)', () => {
  writeFileSync(
    join(app, 'types-smoke.ts'),
    `import { checkParams, type CheckResult, type InicisRequestPayParams } from 'iamport-pay';
import { installSandbox, type SandboxController } from 'iamport-pay/sandbox';
const p: InicisRequestPayParams = { pg: 'html5_inicis', merchant_uid: 'o', name: 'n', amount: 1, buyer_tel: '010' };
const r: CheckResult = checkParams(p, { provider: 'html5_inicis' });
const s: SandboxController = installSandbox();
// @ts-expect-error wrong pay_method literal
const q: InicisRequestPayParams = { merchant_uid: 'o', name: 'n', amount: 1, buyer_tel: '010', pay_method: 'kard' };
export { r, s, q };
`,
  );
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  for (const [module, resolution] of [['NodeNext', 'NodeNext'], ['ESNext', 'Bundler']]) {
    const config = `tsconfig.${resolution}.json`;
    writeFileSync(
      join(app, config),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', lib: ['ES2022', 'DOM'], module, moduleResolution: resolution, types: [] },
        files: ['types-smoke.ts'],
      }),
    );
    try {
      run(process.execPath, [tsc, '-p', config], app);
    } catch (e) {
      assert.fail(`tsc (${resolution}): ${e.stdout}${e.stderr}`);
    }
  }
});

test('Vite 7 build: bundles the wasm and runs in headless Chromium', async () => {
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>smoke</title></head><body><script type="module" src="./main.js"></script></body></html>`,
  );
  writeFileSync(
    join(app, 'main.js'),
    `import { checkParams, buildParams, requestPay } from 'iamport-pay';
import { installSandbox } from 'iamport-pay/sandbox';
import { parseRedirect, takePendingOrder } from 'iamport-pay/redirect';
const landed = parseRedirect('/done?imp_uid=imp_1&merchant_uid=o1&imp_success=true');
const r = checkParams({ pg: 'kcp.T0000', merchant_uid: 'o1', amount: -1 });
const b = buildParams({ pg: 'html5_inicis', pay_method: 'card', merchant_uid: 'o2', name: 'n', amount: 1000, buyer_tel: '01012345678' });
const sb = installSandbox();
sb.approveNext();
const paid = await requestPay(b, { mobile: false });
document.body.dataset.result = JSON.stringify({ landed: [landed.merchant_uid, landed.success, takePendingOrder('o1')], ok: r.ok, paths: r.errors.map((i) => i.path), built: b.merchant_uid, imp: !!window.IMP && window.IMP.__sandbox === true, calls: sb.calls.length, paid: [paid.success, paid.status, paid.merchant_uid, paid.verified] });
`,
  );
  // Vite is not a dependency of the package; the smoke app installs it like a user would.
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--save-dev', 'vite@7'], app);
  const vite = join(app, 'node_modules/vite/bin/vite.js');
  const out = run(process.execPath, [vite, 'build', '--logLevel', 'warn', '--emptyOutDir'], app);
  const dist = join(app, 'dist');
  const assets = readdirSync(join(dist, 'assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 2, `both wasm modules emitted: ${assets.join(', ')} ${out}`);

  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname === '/' ? '/index.html' : new URL(req.url, 'http://x').pathname));
    if (!path.startsWith(dist) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 15_000 }).catch(() => assert.fail(`no result: ${errors.join(' | ')}`));
    const result = JSON.parse(await page.evaluate(() => document.body.dataset.result));
    assert.deepEqual(result.landed, ['o1', true, null], 'the redirect entry in the Vite build');
    assert.equal(result.ok, false);
    assert.ok(result.paths.includes('amount'), JSON.stringify(result));
    assert.equal(result.built, 'o2');
    assert.equal(result.imp, true);
    assert.equal(result.calls, 1, 'requestPay went through the sandbox IMP');
    assert.deepEqual(result.paid, [true, 'paid', 'o2', false]);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
