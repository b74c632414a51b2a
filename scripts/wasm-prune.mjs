#!/usr/bin/env node
// Cleans the redirect entry's wasm (cargo's output with `--features npm-redirect`) without
// wasm-bindgen, before wasm-opt; scripts/build.sh runs it (and, with `--panics-only`, on the
// main wasm, below):
//
//   node scripts/wasm-prune.mjs IN OUT
//
// The crate links wasm-bindgen, js-sys and web-sys on wasm32 whatever the features, and those
// crates export a describe function per import for the wasm-bindgen CLI to read; their code,
// closure shims and the function table entries that point at them stay in the module after
// wasm-opt, with imports no loader provides. This build calls none of them: its exports are
// the C ABI of src/js/redirect_abi.rs. So this script
//   - keeps only the exports `memory` and `rd_*`;
//   - replaces the body of every function of those three crates with `unreachable` (their
//     table entries stay, so a table index never moves; wasm-opt then drops what only they
//     reached, imports included);
//   - replaces std's panic and allocation-failure reporting (the hook that formats the
//     message; on wasm32-unknown-unknown it has nowhere to print it) with `unreachable`:
//     a panic traps at once, as `panic = "abort"` ends anyway, and the formatter goes;
//   - drops the custom sections but `name` (wasm-opt's --strip-debug drops that one).
// It fails when a name it expects is missing, so a toolchain that renames them is noticed;
// build.sh then checks that the module imports nothing.
//
//   node scripts/wasm-prune.mjs --panics-only IN OUT
//
// does the third step alone, for the main wasm before wasm-bindgen: every export and custom
// section stays (wasm-bindgen reads its own), and so does every function of the wasm-bindgen
// crates.
import { readFileSync, writeFileSync } from 'node:fs';

// `--panics-only` (the main wasm, before wasm-bindgen): only the panic formatting is stubbed;
// every export, every custom section (wasm-bindgen's own) and the wasm-bindgen crates stay.
const panicsOnly = process.argv[2] === '--panics-only';
const [inFile, outFile] = process.argv.slice(panicsOnly ? 3 : 2);
const b = readFileSync(inFile);
if (b.readUInt32LE(0) !== 0x6d736100) throw new Error(`${inFile}: not a wasm module`);

let pos = 0;
const leb = () => {
  let r = 0n;
  let s = 0n;
  for (;;) {
    const c = b[pos++];
    r |= BigInt(c & 0x7f) << s;
    s += 7n;
    if (!(c & 0x80)) return Number(r);
  }
};
const encLeb = (n) => {
  const out = [];
  do {
    let c = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) c |= 0x80;
    out.push(c);
  } while (n);
  return Buffer.from(out);
};
const name = () => {
  const len = leb();
  const s = b.toString('utf8', pos, pos + len);
  pos += len;
  return s;
};

// The sections, in order.
const sections = [];
pos = 8;
while (pos < b.length) {
  const id = b[pos++];
  const size = leb();
  sections.push({ id, start: pos, end: pos + size });
  pos += size;
}

let importedFuncs = 0;
const names = new Map();
for (const s of sections) {
  pos = s.start;
  if (s.id === 2) {
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = b[pos++];
      if (kind === 0) {
        leb();
        importedFuncs++;
      } else if (kind === 1) {
        pos++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        pos += 2;
      } else throw new Error(`import kind ${kind}`);
    }
  } else if (s.id === 0 && name() === 'name') {
    while (pos < s.end) {
      const sub = b[pos++];
      const size = leb();
      const next = pos + size;
      if (sub === 1) {
        for (let n = leb(); n > 0; n--) {
          const idx = leb();
          names.set(idx, name());
        }
      }
      pos = next;
    }
  }
}
if (names.size === 0) throw new Error(`${inFile}: no name section (build with the release profile's default strip = "none")`);

// Functions whose body becomes `unreachable`. Mangled names: legacy (`_ZN12wasm_bindgen…`)
// and v0 (`_RNv…12wasm_bindgen…`) both spell a crate as <length><name>.
const glue = /(?:^|[^0-9])(?:12wasm_bindgen|6js_sys|7web_sys)/;
const panicking = [
  // core::panicking::panic_fmt: every panic (bounds checks, unwrap, expect) goes through it.
  /4core9panicking9panic_fmt/,
  // std's hook runner, which formats the message.
  /3std9panicking15panic_with_hook/,
  // The allocation-failure hook ("memory allocation of N bytes failed").
  /3std5alloc24default_alloc_error_hook/,
];
// Not required: std's panic payloads (their vtables keep formatting code in the table), and
// core's other functions that only ever panic (they format their message first).
const payloads = /3std9panicking13panic_handler|4core9panicking|4core3str\d+slice_error_fail|4core5slice5index\d+slice_\w*fail|4core6option13unwrap_failed|4core6result13unwrap_failed/;
const stub = new Set();
const found = panicking.map(() => false);
for (const [idx, n] of names) {
  if (idx < importedFuncs) continue;
  if ((!panicsOnly && glue.test(n)) || payloads.test(n)) stub.add(idx);
  panicking.forEach((re, i) => {
    if (re.test(n)) {
      stub.add(idx);
      found[i] = true;
    }
  });
}
const missing = panicking.filter((_, i) => !found[i]);
if (missing.length) throw new Error(`${inFile}: no function named like ${missing.join(', ')} (a new toolchain? update scripts/wasm-prune.mjs)`);

const UNREACHABLE = Buffer.from([0x03, 0x00, 0x00, 0x0b]); // size 3: no locals, unreachable, end
const out = [b.subarray(0, 8)];
const section = (id, body) => out.push(Buffer.from([id]), encLeb(body.length), body);
for (const s of sections) {
  const raw = b.subarray(s.start, s.end);
  pos = s.start;
  if (s.id === 0) {
    if (panicsOnly || name() === 'name') section(0, raw);
  } else if (s.id === 7 && !panicsOnly) {
    // Exports: memory and the C ABI.
    const kept = [];
    let count = 0;
    for (let n = leb(); n > 0; n--) {
      const at = pos;
      const ex = name();
      pos++;
      leb();
      if (ex === 'memory' || ex.startsWith('rd_')) {
        kept.push(b.subarray(at, pos));
        count++;
      }
    }
    section(7, Buffer.concat([encLeb(count), ...kept]));
  } else if (s.id === 10) {
    const n = leb();
    const bodies = [encLeb(n)];
    for (let i = 0; i < n; i++) {
      const at = pos;
      const size = leb();
      bodies.push(stub.has(importedFuncs + i) ? UNREACHABLE : b.subarray(at, pos + size));
      pos += size;
    }
    section(10, Buffer.concat(bodies));
  } else {
    section(s.id, raw);
  }
}
writeFileSync(outFile, Buffer.concat(out));
console.log(`wasm-prune: ${stub.size} functions stubbed, exports kept: ${panicsOnly ? 'all' : 'memory, rd_*'}`);
