#!/usr/bin/env node
// Benchmark of the release package (issue 14): prints every figure as a ratio to a floor
// measured in the same run, in the same page; asserts nothing.
//
//   node scripts/bench.mjs [--no-build] [--loads N] [--calls N]
//
// - size: every file the browser entry (and the redirect entry) fetches, as the browser saw
//   them, raw and gzip -9; the Yew storefront's wasm when examples/yew/dist exists
//   (`sh scripts/examples.sh yew` builds it; too slow to build here)
// - cold start in headless Chromium: import() of the entry (fetch + compile + instantiate)
//   on a fresh page with the HTTP cache disabled, median of N page loads, against import()
//   of a one-line module from the same server in the same loop, and of a one-line module that
//   fetches the main wasm (two requests in a row: the floor of any entry with a wasm file)
// - page load in headless Chromium: navigation start to the entry imported, with and without
//   the preload hints of docs/javascript.md, against a page importing the one-line module
// - µs per call (median of 15 batches) of checkParams / buildParams / parseRedirect against
//   JSON.parse(JSON.stringify(p)) of the same object, or Object.fromEntries(new URL(u).searchParams)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
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

const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const entries = [['iamport-pay', pkg.exports['.'].import]];
if (pkg.exports['./redirect']) entries.push(['iamport-pay/redirect', pkg.exports['./redirect'].import]);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;

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
const blank = `${base}/scripts/bench-blank.html`;

try {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

  // ---- size: what each entry fetches, as the browser saw it --------------------------------
  console.log('\nsize: every file the entry fetches in Chromium (raw / gzip -9)');
  const entryGzip = {};
  for (const [name, path] of entries) {
    await page.goto(blank);
    const seen = [];
    const onResponse = (r) => seen.push(r.url());
    page.on('response', onResponse);
    await page.evaluate((url) => import(url), `${base}/${path.replace(/^\.\//, '')}`);
    await page.waitForTimeout(100);
    page.off('response', onResponse);
    let raw = 0;
    let total = 0;
    console.log(`  ${name} (${path})`);
    for (const url of [...new Set(seen)]) {
      const rel = new URL(url).pathname.slice(1);
      const buf = readFileSync(new URL(rel, root));
      raw += buf.length;
      total += gz(buf);
      console.log(`    ${rel.padEnd(34)} ${String(buf.length).padStart(8)} B ${String(gz(buf)).padStart(8)} B`);
    }
    console.log(`    ${'total'.padEnd(34)} ${String(raw).padStart(8)} B ${String(total).padStart(8)} B  (${kib(total)} gzip)`);
    entryGzip[name] = total;
  }
  const yew = new URL('examples/yew/dist/storefront_yew_bg.wasm', root);
  if (existsSync(yew)) {
    const buf = readFileSync(yew);
    console.log(`  Yew storefront wasm (examples/yew/dist, built ${statSync(yew).mtime.toISOString()}): ${buf.length} B, gzip -9 ${gz(buf)} B`);
  } else {
    console.log('  Yew storefront wasm: not built (sh scripts/examples.sh yew)');
  }

  // ---- cold start --------------------------------------------------------------------------
  const starts = { trivial: [], two: [] };
  for (const [name] of entries) starts[name] = [];
  const importOnFreshPage = async (url) => {
    await page.goto(blank);
    return page.evaluate(async (u) => {
      const t0 = performance.now();
      await import(u);
      return performance.now() - t0;
    }, url);
  };
  for (let i = 0; i < LOADS; i++) {
    starts.trivial.push(await importOnFreshPage(`${base}/scripts/bench-trivial.js?load=${i}`));
    starts.two.push(await importOnFreshPage(`${base}/scripts/bench-two-requests.js?load=${i}`));
    for (const [name, path] of entries) {
      starts[name].push(await importOnFreshPage(`${base}/${path.replace(/^\.\//, '')}?load=${i}`));
    }
  }
  const floor = median(starts.trivial);
  console.log(`\ncold start in headless Chromium: import() on a fresh page, HTTP cache disabled, median of ${LOADS} loads`);
  console.log(`  ${'one-line module (the floor)'.padEnd(44)} ${floor.toFixed(2).padStart(8)} ms   (min ${Math.min(...starts.trivial).toFixed(2)}, max ${Math.max(...starts.trivial).toFixed(2)})`);
  const two = median(starts.two);
  console.log(`  ${'one-line module that fetches the main wasm'.padEnd(44)} ${two.toFixed(2).padStart(8)} ms   (${(two / floor).toFixed(2)}× the floor: two requests in a row, nothing compiled)`);
  for (const [name] of entries) {
    const m = median(starts[name]);
    console.log(`  ${name.padEnd(44)} ${m.toFixed(2).padStart(8)} ms   (${(m / floor).toFixed(2)}× the floor; min ${Math.min(...starts[name]).toFixed(2)}, max ${Math.max(...starts[name]).toFixed(2)})`);
  }

  // ---- page load: the checkout page imports the entry, with and without preload hints ------
  const mainPath = `/${entries[0][1].replace(/^\.\//, '')}`;
  const pages = {
    'one-line module (the floor)': '?m=/scripts/bench-trivial.js',
    'iamport-pay, no hints': `?m=${mainPath}`,
    'iamport-pay, modulepreload + wasm preload': `?m=${mainPath}&wasm=/pkg/iamport_pay_bg.wasm`,
  };
  const loads = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
  for (let i = 0; i < LOADS; i++) {
    for (const [name, query] of Object.entries(pages)) {
      await page.goto(`${base}/scripts/bench-nav.html${query}`);
      await page.waitForFunction(() => window.done !== undefined);
      loads[name].push(await page.evaluate(() => window.done));
    }
  }
  const navFloor = median(Object.values(loads)[0]);
  console.log(`\npage load in headless Chromium: navigation start to the entry imported (scripts/bench-nav.html), HTTP cache disabled, median of ${LOADS} loads`);
  for (const [name, xs] of Object.entries(loads)) {
    const m = median(xs);
    console.log(`  ${name.padEnd(44)} ${m.toFixed(2).padStart(8)} ms   (${(m / navFloor).toFixed(2)}× the floor)`);
  }

  // ---- per call ----------------------------------------------------------------------------
  await page.goto(blank);
  const results = await page.evaluate(async ({ url, redirectUrl, calls }) => {
    const m = await import(url);
    const r = redirectUrl ? await import(redirectUrl) : m;
    const inicis = {
      pg: 'html5_inicis.INIpayTest', pay_method: 'card', merchant_uid: 'order_no_0001', name: '주문명:결제테스트',
      amount: 64900, buyer_email: 'test@portone.io', buyer_name: '구매자이름', buyer_tel: '010-1234-5678',
      buyer_addr: '서울특별시 강남구 삼성동', buyer_postcode: '123-456', m_redirect_url: 'https://shop.example/complete',
      display: { card_quota: [2, 3, 6] },
    };
    // The KSNET guide's sample (002 KSNET guide; tests/cases/ksnet.json, the first case):
    // ok, with one warning (amount as a string is coerced).
    const ksnet = {
      pg: 'ksnet.2999199999', pay_method: 'card', merchant_uid: 'order_id_1667634130160', name: '나이키 와플 트레이너 2 SD',
      escrow: false, amount: '109000', tax_free: 3000, buyer_name: '홍길동', buyer_email: 'buyer@example.com',
      buyer_tel: '02-1670-5176', buyer_addr: '성수이로 20길 16', buyer_postcode: '04783', app_scheme: 'portone://',
      m_redirect_url: 'https://helloworld.com/payments/result', notice_url: 'https://helloworld.com/api/v1/payments/notice',
      confirm_url: 'https://helloworld.com/api/v1/payments/confirm', currency: 'KRW', digital: false,
      period: { from: '2022-12-01', to: '2023-01-01' }, custom_data: { userId: 30930 }, display: { card_quota: [0, 6] },
      bypass: { ksnet: { sndQpayType: '0' } },
    };
    const kcp = {
      pg: 'kcp.T0000', pay_method: 'trans', merchant_uid: 'order_escrow_0001', name: '에스크로 주문', amount: 100000,
      escrow: true, buyer_name: '홍길동', buyer_tel: '01012345678', buyer_email: 'buyer@example.com',
      kcpProducts: Array.from({ length: 10 }, (_, i) => ({ orderNumber: `item-${i}`, name: `상품 ${i}`, quantity: 1, amount: 10000 })),
    };
    // Six errors: pay_method, merchant_uid, amount, buyer_name, buyer_tel, m_redirect_url.
    const bad = {
      pg: 'html5_inicis.INIpayTest', pay_method: 'cardd', merchant_uid: '', name: '주문명:결제테스트',
      amount: -100, buyer_email: 'test@portone.io', buyer_name: 42, buyer_tel: '', m_redirect_url: 'not a url',
    };
    const redirect = 'https://shop.example/complete?imp_uid=imp_123456789012&merchant_uid=order_no_0001&imp_success=false&error_code=F400&error_msg=%EA%B2%B0%EC%A0%9C+%EC%B7%A8%EC%86%8C';
    // 15 batches of the subject and 15 of its floor, interleaved (subject, floor, subject, …)
    // so that a change in machine load hits both; the medians of each are compared. Each
    // batch runs long enough (≥ 5 ms, at least `calls / 15` calls) that the coarse timer of a
    // page that is not cross-origin isolated (0.1 ms) moves the figure by 2 % at most.
    const pair = (subject, floor) => {
      const size = (fn) => {
        let n = Math.max(1, Math.floor(calls / 15));
        for (;;) {
          const t0 = performance.now();
          for (let i = 0; i < n; i++) fn();
          if (performance.now() - t0 >= 5) return n;
          n *= 2;
        }
      };
      const perS = size(subject); // also the warm-up
      const perF = size(floor);
      const s = [];
      const f = [];
      const batch = (fn, per) => {
        const t0 = performance.now();
        for (let i = 0; i < per; i++) fn();
        return ((performance.now() - t0) * 1000) / per;
      };
      for (let b = 0; b < 15; b++) {
        s.push(batch(subject, perS));
        f.push(batch(floor, perF));
      }
      const mid = (xs) => xs.sort((a, b) => a - b)[7];
      return [mid(s), mid(f)];
    };
    // Every subject and every floor keeps its answer in the same ring of 1024 slots: alive a
    // while (so nothing is optimized away), then garbage, for both alike (a floor that kept
    // every parsed copy while the subject kept a boolean made the floor pay for a growing heap).
    const ring = new Array(1024);
    let kept = 0;
    const keep = (x) => {
      ring[kept & 1023] = x;
      kept += 1;
    };
    const rt = (p) => JSON.parse(JSON.stringify(p));
    const check = (p) => () => keep(m.checkParams(p));
    const build = (p) => () => {
      try {
        keep(m.buildParams(p));
      } catch (e) {
        keep(e);
      }
    };
    const summary = (p) => {
      const c = m.checkParams(p);
      return `ok=${c.ok}, ${c.errors.length} errors, ${c.warnings.length} warnings`;
    };
    const specs = [
      ['checkParams, typical KG Inicis', check(inicis), () => keep(rt(inicis)), summary(inicis)],
      ['checkParams, KSNET guide sample', check(ksnet), () => keep(rt(ksnet)), summary(ksnet)],
      ['checkParams, KCP escrow, 10 products', check(kcp), () => keep(rt(kcp)), summary(kcp)],
      ['checkParams, bad KG Inicis request', check(bad), () => keep(rt(bad)), summary(bad)],
      ['buildParams, KCP escrow, 10 products', build(kcp), () => keep(rt(kcp)), summary(kcp)],
      [`parseRedirect${redirectUrl ? ' (iamport-pay/redirect)' : ''}, failure URL with Korean error_msg`,
        () => keep(r.parseRedirect(redirect)),
        () => keep(Object.fromEntries(new URL(redirect).searchParams)),
        'floor: Object.fromEntries(new URL(u).searchParams)'],
    ];
    // A warm-up pass over every row first, unmeasured: the page's own start-up (wasm tier-up,
    // the first GCs) otherwise lands on the first row. Measured without it, the first row's
    // floor (typical Inicis) read 1.65-4.58 µs from one run to the next; after it, 1.26-1.35.
    for (const [, subject, floor] of specs) pair(subject, floor);
    const rows = specs.map(([label, subject, floor, note]) => {
      const [s, f] = pair(subject, floor);
      return { label, subject: s, floor: f, note };
    });
    return { rows, kept };
  }, {
    url: `${base}/${entries[0][1].replace(/^\.\//, '')}`,
    redirectUrl: entries[1] ? `${base}/${entries[1][1].replace(/^\.\//, '')}` : null,
    calls: CALLS,
  });

  console.log(`\nµs per call in headless Chromium: median of 15 batches (each ≥ 5 ms and ≥ ${Math.floor(CALLS / 15)} calls), interleaved with 15 batches of the floor; floor: JSON.parse(JSON.stringify(p)) unless noted`);
  for (const { label, subject, floor: f, note } of results.rows) {
    console.log(`  ${label.padEnd(56)} ${subject.toFixed(2).padStart(8)} µs   ${(subject / f).toFixed(2).padStart(6)}× the floor ${f.toFixed(2)} µs   (${note})`);
  }
  console.log(`\nentry sizes (gzip -9): ${Object.entries(entryGzip).map(([k, v]) => `${k} ${v} B`).join('; ')}`);
} finally {
  await context.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
