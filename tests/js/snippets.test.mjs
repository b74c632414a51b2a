// Every ```js and ```ts snippet of README.md and docs/javascript.md type-checks with tsc
// against the package's own declarations (js/index.d.ts, js/sandbox.d.ts), as the Rust
// snippets compile as doc tests (issue 12 item 10). The ones that need no browser also run in
// Node against the package, and their result is compared with what the README says.
//
// A snippet is checked as written, as its own module: names it uses from the package without
// importing them (a landing-page fragment) are imported for it; the few names a snippet takes
// from the surrounding text (`params`, `db`, Playwright's `page`, …) are declared once in
// PRELUDE below, with real types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = `${ROOT}target/snippets`;
const SOURCES = ['README.md', 'docs/javascript.md'];

/** Every fenced js/ts block: { file, line, lang, code }. */
function snippets() {
  const out = [];
  for (const file of SOURCES) {
    const lines = readFileSync(`${ROOT}${file}`, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = lines[i].match(/^(\s*)```(js|ts)\s*$/);
      if (!m) continue;
      const start = i + 1;
      let end = start;
      while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++;
      const indent = m[1].length;
      const code = lines.slice(start, end).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
      out.push({ file, line: start + 1, lang: m[2], code });
      i = end;
    }
  }
  return out;
}

/** Names the package and the sandbox export, from their declarations. */
function exportsOf(dts) {
  const text = readFileSync(`${ROOT}js/${dts}`, 'utf8');
  return [...text.matchAll(/^export declare (?:function|class|const) (\w+)/gm)].map((m) => m[1]);
}

const PRELUDE = `// What the snippets take from the text around them.
import type { RequestPayParams } from 'iamport-pay';
import type { SandboxController } from 'iamport-pay/sandbox';
import type { Page } from 'playwright-core';

declare global {
  /** "params" of the docs: request_pay params built elsewhere. */
  const params: RequestPayParams;
  /** The shop's own UI and database. */
  function showError(message: string | null | undefined): void;
  function fulfil(order: { amount: number }): void;
  function showVbank(payment: unknown): void;
  const db: { orders: { find(merchantUid: string): Promise<{ amount: number }> } };
  /** What the shop's page sent its server. */
  const imp_uid: string;
  const merchant_uid: string;
  /** A Playwright page (the e2e snippets) and the sandbox controller the app installed. */
  const page: Page;
  const sandbox: SandboxController;
  interface Window { __sandbox: SandboxController }
  /** Node's environment (the server snippet) and Vite's mode (the sandbox-loading snippet). */
  const process: { env: Record<string, string | undefined> };
  interface ImportMeta { readonly env: { readonly MODE: string } }
}
export {};
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noImplicitAny: false,
    noEmit: true,
    allowJs: true,
    checkJs: true,
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM'],
    types: [],
    skipLibCheck: true,
    noUnusedLocals: false,
  },
  include: ['*.ts', '*.js'],
};

test('every js/ts snippet of README.md and docs/javascript.md type-checks against js/index.d.ts', () => {
  const all = snippets();
  assert.ok(all.length >= 12, `found only ${all.length} snippets`);
  const pkg = exportsOf('index.d.ts');
  const sb = exportsOf('sandbox.d.ts');
  // tsc must resolve 'iamport-pay' as the package itself: the snippets live inside the repo.
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/prelude.d.ts`, PRELUDE);
  writeFileSync(`${OUT}/tsconfig.json`, JSON.stringify(TSCONFIG, null, 2));
  const where = {};
  for (const s of all) {
    const name = `${s.file.replace(/\W+/g, '_')}_${s.line}.${s.lang}`;
    where[name] = s;
    const imported = new Set([...s.code.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from/g)]
      .flatMap((m) => m[1].split(',').map((n) => n.replace(/^\s*type\s+/, '').trim().split(/\s+as\s+/).pop())));
    const declared = (n) => new RegExp(`\\b(?:const|let|var|function|class)\\s+${n}\\b|\\{[^}]*\\b${n}\\b[^}]*\\}\\s*=`).test(s.code);
    const used = (names) => names.filter((n) => new RegExp(`\\b${n}\\b`).test(s.code) && !imported.has(n) && !declared(n));
    const head = [];
    if (used(pkg).length) head.push(`import { ${used(pkg).join(', ')} } from 'iamport-pay';`);
    if (used(sb).length) head.push(`import { ${used(sb).join(', ')} } from 'iamport-pay/sandbox';`);
    // One import block per module; the snippet's own imports stay first if it has them.
    writeFileSync(`${OUT}/${name}`, `${head.join('\n')}\n${s.code}\nexport {};\n`);
  }
  let output = '';
  try {
    execFileSync(`${ROOT}node_modules/.bin/tsc`, ['-p', `${OUT}/tsconfig.json`], { encoding: 'utf8' });
  } catch (e) {
    output = `${e.stdout}${e.stderr}`;
  }
  // Report each error at the snippet's place in the Markdown file.
  const errors = output.split('\n').filter(Boolean).map((l) => {
    const m = l.match(/([\w.]+)\((\d+),\d+\): (.*)/);
    if (!m || !where[m[1]]) return l;
    const s = where[m[1]];
    return `${s.file}:${s.line + Number(m[2]) - 2}: ${m[3]}`;
  });
  assert.deepEqual(errors, []);
});

test('the README quick start runs in Node and says what the README says it says', async () => {
  const quick = snippets().find((s) => s.file === 'README.md' && s.code.includes('const result = checkParams({'));
  assert.ok(quick, 'the quick-start snippet');
  mkdirSync(OUT, { recursive: true });
  const file = `${OUT}/quickstart-run.mjs`;
  writeFileSync(file, `${quick.code}\nexport { result };\n`);
  const { result } = await import(file);
  assert.equal(result.ok, false);
  // The comment under the snippet, field by field.
  const first = result.errors[0];
  assert.deepEqual({ path: first.path, code: first.code }, { path: 'buyer_tel', code: 'required' });
  assert.ok(quick.code.includes(`message: '${first.message}'`), first.message);
  assert.ok(quick.code.includes(`messageKo: '${first.messageKo}'`), first.messageKo);
});

test('the README browser example passes the checks as written (item 10: Kiwoom needs digital)', async () => {
  const { checkParams } = await import('iamport-pay');
  const block = snippets().find((s) => s.file === 'README.md' && s.code.includes("provider: 'daou'"));
  assert.ok(block, 'the "In the browser" example');
  // The params object literal and the options of the requestPay call, evaluated as written.
  const m = block.code.match(/requestPay\(\s*(\{[\s\S]*?\}),\s*(\{[^}]*\}),?\s*\)/);
  assert.ok(m, 'requestPay(params, options) in the example');
  const params = Function(`return (${m[1]});`)();
  const options = Function(`return (${m[2]});`)();
  const r = checkParams(params, options);
  assert.deepEqual(r.errors, [], JSON.stringify(r.errors));
  assert.equal(r.provider, 'daou');
});
