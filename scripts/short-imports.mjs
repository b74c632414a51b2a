#!/usr/bin/env node
// Gives the wasm's imports short names, in the wasm and in its wasm-bindgen glue together.
// scripts/build.sh runs it after wasm-opt, before the glue is folded into the entry:
//
//   node scripts/short-imports.mjs WASM GLUE
//
// wasm-bindgen names each import `__wbg_<what>_<16 hex digits>` under the module
// `./<name>_bg.js`; those names are written twice (the wasm's import section and the glue's
// import object), and the hex digits do not compress. Here every import gets a base-36 name
// (`a`, `b`, … `z`, `10`, …) and the module the name `w`. Only the import section of the wasm
// changes; in the glue, each old name must occur exactly once (as its key in the import
// object) or the script stops without writing anything.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmFile, glueFile] = process.argv.slice(2);
const wasm = readFileSync(wasmFile);
let glue = readFileSync(glueFile, 'utf8');

function leb(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = buf[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}
function uleb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}
const name = (buf, at) => {
  const [len, start] = leb(buf, at);
  return [buf.subarray(start, start + len).toString('utf8'), start + len];
};
const encodeName = (s) => {
  const bytes = Buffer.from(s, 'utf8');
  return [...uleb(bytes.length), ...bytes];
};
// The bytes of one import's description (after the kind byte).
function descEnd(buf, kind, at) {
  const limits = (p) => {
    const flags = buf[p];
    let [, q] = leb(buf, p + 1);
    if (flags & 1) [, q] = leb(buf, q);
    return q;
  };
  switch (kind) {
    case 0: return leb(buf, at)[1]; // func: type index
    case 1: return limits(at + 1); // table: reftype, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: valtype, mutability
    case 4: return leb(buf, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`${wasmFile}: import kind ${kind} unknown`);
  }
}

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmFile}: not a wasm module`);
const parts = [wasm.subarray(0, 8)];
const renames = new Map(); // old field name -> new
let moduleName;
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = leb(wasm, at + 1);
  const end = start + size;
  if (id !== 2) {
    parts.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  let [count, p] = leb(wasm, start);
  const body = [...uleb(count)];
  for (let i = 0; i < count; i++) {
    const [mod, p1] = name(wasm, p);
    const [field, p2] = name(wasm, p1);
    const kind = wasm[p2];
    const dEnd = descEnd(wasm, kind, p2 + 1);
    if (moduleName === undefined) moduleName = mod;
    if (mod !== moduleName) throw new Error(`${wasmFile}: imports from two modules (${moduleName}, ${mod})`);
    const short = renames.get(field) ?? renames.size.toString(36).replace(/^\d/, (d) => `_${d}`);
    renames.set(field, short);
    body.push(...encodeName('w'), ...encodeName(short), ...wasm.subarray(p2, dEnd));
    p = dEnd;
  }
  if (p !== end) throw new Error(`${wasmFile}: import section length mismatch`);
  parts.push(Buffer.from([2, ...uleb(body.length), ...body]));
  at = end;
}
if (moduleName === undefined) {
  console.log(`short-imports: ${wasmFile} has no imports`);
  process.exit(0);
}

const count = (s) => glue.split(s).length - 1;
const moduleKey = JSON.stringify(moduleName);
if (count(moduleKey) !== 1) throw new Error(`${glueFile}: ${moduleKey} occurs ${count(moduleKey)} times`);
glue = glue.replace(moduleKey, '"w"');
for (const [old, short] of renames) {
  if (count(old) !== 1) throw new Error(`${glueFile}: ${old} occurs ${count(old)} times`);
  glue = glue.replace(new RegExp(`\\b${old}(?=\\s*:)`), short);
  if (count(old) !== 0) throw new Error(`${glueFile}: ${old} is not a key of the import object`);
}
const out = Buffer.concat(parts);
// The renamed module must still compile and declare exactly the glue's imports.
const imported = WebAssembly.Module.imports(new WebAssembly.Module(out)).map((i) => `${i.module}.${i.name}`);
if (imported.some((n) => !n.startsWith('w.'))) throw new Error('short-imports: a rename did not take');
writeFileSync(wasmFile, out);
writeFileSync(glueFile, glue);
console.log(`short-imports: ${renames.size} imports renamed; ${wasmFile} ${wasm.length} -> ${out.length} bytes`);
