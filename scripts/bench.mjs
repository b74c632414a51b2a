#!/usr/bin/env node
// Benchmark of the release package: prints figures, asserts nothing (issue 8).
//
//   node scripts/bench.mjs [--no-build] [--loads N] [--calls N]
//
// - size of wasm + JS glue, raw and gzip -9
// - cold start in headless Chromium: fetch + compile + instantiate of the package from
//   localhost with the HTTP cache disabled, median of N page loads
// - µs per call (median of 15 batches) of checkParams on a typical KG Inicis request and on a
//   KCP escrow request with 10 products, buildParams and parseRedirect, with the same page's
//   JSON.parse(JSON.stringify(params)) as a baseline ratio
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const LOADS = opt('--loads', 25);
const CALLS = opt('--calls', 10000);
const root = new URL('..', import.meta.url);

if (!args.includes('--no-build')) {
  execFileSync('sh', ['scripts/build.sh'], { cwd: root, stdio: 'inherit' });
}

// ---- size ---------------------------------------------------------------------------------
const files = ['pkg/iamport_pay_bg.wasm', 'pkg/iamport_pay.js', 'js/index.js', 'js/api.js'];
let rawTotal = 0;
let gzTotal = 0;
console.log('\nsize (raw / gzip -9)');
for (const f of files) {
  const buf = readFileSync(new URL(f, root));
  const gz = gzipSync(buf, { level: 9 }).length;
  rawTotal += buf.length;
  gzTotal += gz;
  console.log(`  ${f.padEnd(28)} ${String(buf.length).padStart(8)} B ${String(gz).padStart(8)} B`);
}
console.log(`  ${'total (wasm + glue)'.padEnd(28)} ${String(rawTotal).padStart(8)} B ${String(gzTotal).padStart(8)} B  (${(gzTotal / 1024).toFixed(1)} KiB gzip)`);

// ---- browser ------------------------------------------------------------------------------
const server = await startServer(0);
const base = `http://127.0.0.1:${server.address().port}`;
const userDataDir = mkdtempSync(join(tmpdir(), 'iamport-bench-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const starts = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto(`${base}/www/bench-blank.html?${i}`).catch(() => page.goto(`${base}/package.json`));
    const ms = await page.evaluate(async (url) => {
      const t0 = performance.now();
      await import(url);
      return performance.now() - t0;
    }, `${base}/js/index.js?load=${i}`);
    starts.push(ms);
  }
  console.log(`\ncold start in headless Chromium (fetch + compile + instantiate, cache disabled)`);
  console.log(`  median ${median(starts).toFixed(2)} ms over ${LOADS} page loads (min ${Math.min(...starts).toFixed(2)}, max ${Math.max(...starts).toFixed(2)})`);

  await page.goto(`${base}/package.json`);
  const results = await page.evaluate(async ({ url, calls }) => {
    const m = await import(url);
    const inicis = {
      pg: 'html5_inicis.INIpayTest', pay_method: 'card', merchant_uid: 'order_no_0001', name: '주문명:결제테스트',
      amount: 64900, buyer_email: 'test@portone.io', buyer_name: '구매자이름', buyer_tel: '010-1234-5678',
      buyer_addr: '서울특별시 강남구 삼성동', buyer_postcode: '123-456', m_redirect_url: 'https://shop.example/complete',
      display: { card_quota: [2, 3, 6] },
    };
    const kcp = {
      pg: 'kcp.T0000', pay_method: 'trans', merchant_uid: 'order_escrow_0001', name: '에스크로 주문', amount: 100000,
      escrow: true, buyer_name: '홍길동', buyer_tel: '01012345678', buyer_email: 'buyer@example.com',
      kcpProducts: Array.from({ length: 10 }, (_, i) => ({ orderNumber: `item-${i}`, name: `상품 ${i}`, quantity: 1, amount: 10000 })),
    };
    const redirect = 'https://shop.example/complete?imp_uid=imp_123456789012&merchant_uid=order_no_0001&imp_success=false&error_code=F400&error_msg=%EA%B2%B0%EC%A0%9C+%EC%B7%A8%EC%86%8C';
    const time = (fn) => {
      const batches = [];
      const per = Math.max(1, Math.floor(calls / 15));
      for (let i = 0; i < per; i++) fn(); // warm-up
      for (let b = 0; b < 15; b++) {
        const t0 = performance.now();
        for (let i = 0; i < per; i++) fn();
        batches.push(((performance.now() - t0) * 1000) / per);
      }
      batches.sort((a, b) => a - b);
      return batches[7];
    };
    const sink = [];
    const out = {};
    const rt = (p) => JSON.parse(JSON.stringify(p));
    out.inicisCheck = time(() => sink.push(m.checkParams(inicis).ok));
    out.inicisJson = time(() => sink.push(rt(inicis)));
    out.kcpCheck = time(() => sink.push(m.checkParams(kcp).ok));
    out.kcpJson = time(() => sink.push(rt(kcp)));
    out.inicisBuild = time(() => sink.push(m.buildParams(inicis)));
    out.kcpBuild = time(() => { try { sink.push(m.buildParams(kcp)); } catch (e) { sink.push(e); } });
    out.inicisOk = m.checkParams(inicis).ok;
    out.kcpOk = m.checkParams(kcp).ok;
    if (m.parseRedirect) {
      out.redirect = time(() => sink.push(m.parseRedirect(redirect)));
      out.redirectBaseline = time(() => sink.push(Object.fromEntries(new URL(redirect).searchParams)));
    }
    out.sink = sink.length;
    return out;
  }, { url: `${base}/js/index.js`, calls: CALLS });

  const row = (label, us, base) =>
    console.log(`  ${label.padEnd(44)} ${us.toFixed(2).padStart(8)} µs/call${base ? `   (${(us / base).toFixed(2)}× JSON round-trip ${base.toFixed(2)} µs)` : ''}`);
  console.log(`\nper-call medians over ${CALLS} calls (15 batches) in headless Chromium`);
  row(`checkParams, typical KG Inicis (ok=${results.inicisOk})`, results.inicisCheck, results.inicisJson);
  row(`checkParams, KCP escrow + 10 products (ok=${results.kcpOk})`, results.kcpCheck, results.kcpJson);
  row('buildParams, typical KG Inicis', results.inicisBuild, results.inicisJson);
  row('buildParams, KCP escrow + 10 products', results.kcpBuild, results.kcpJson);
  if (results.redirect !== undefined) {
    row('parseRedirect, failure URL with Korean error_msg', results.redirect, results.redirectBaseline);
    console.log('    (baseline for parseRedirect: Object.fromEntries(new URL(u).searchParams))');
  }
} finally {
  await context.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
