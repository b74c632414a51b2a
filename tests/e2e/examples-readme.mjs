// The README's framework snippets are the compiled example code, and its Rust test example
// is a test file of the crate (tests/web_readme.rs).
//
// A README code block preceded by `<!-- snippet: examples/yew/src/main.rs#pay -->` must equal
// the lines between `// ANCHOR: pay` and `// ANCHOR_END: pay` in that file (anchor lines of
// other regions inside dropped, common indentation removed). Run by scripts/examples.sh:
//   node --test tests/e2e/examples-readme.mjs
// After editing a region, copy it into the README with:
//   node tests/e2e/examples-readme.mjs --write

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(`${ROOT}README.md`, 'utf8');
const MARKER = /<!-- snippet: ([^#\s]+)#([\w-]+) -->\n```[^\n]*\n([\s\S]*?)```/g;

/** The marked region of `file`, dedented. */
export function region(file, name) {
  const lines = readFileSync(`${ROOT}${file}`, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === `// ANCHOR: ${name}`);
  const end = lines.findIndex((l, i) => i > start && l.trim() === `// ANCHOR_END: ${name}`);
  assert.ok(start >= 0 && end > start, `${file} has no region "${name}"`);
  const body = lines.slice(start + 1, end).filter((l) => !/^\s*\/\/ ANCHOR(_END)?: /.test(l));
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
  return body.map((l) => l.slice(indent)).join('\n') + '\n';
}

/** The snippets of the README section under `## title`. */
function snippets(title) {
  const start = README.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README has no section "## ${title}"`);
  const next = README.indexOf('\n## ', start + 1);
  const section = README.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(MARKER)].map(([, file, name, code]) => ({ file, name, code }));
}

if (process.argv.includes('--write')) {
  const out = README.replace(MARKER, (block, file, name, code) =>
    block.slice(0, block.length - code.length - 3) + region(file, name) + '```');
  writeFileSync(`${ROOT}README.md`, out);
  console.log(out === README ? 'README snippets already match' : 'README snippets updated');
} else for (const [title, file, least] of [
  ['Use with Yew', 'examples/yew/src/main.rs', 2],
  ['Use with Leptos', 'examples/leptos/src/main.rs', 2],
  // The whole test file a user copies; cargo runs it (tests/web_readme.rs).
  ['Test your own checkout in Rust', 'tests/web_readme.rs', 1],
]) {
  test(`README "${title}" shows the code of ${file}`, () => {
    const found = snippets(title);
    assert.ok(found.length >= least, `"${title}" has ${found.length} marked snippets, want at least ${least}`);
    for (const s of found) {
      assert.equal(s.file, file, `a snippet of "${title}" comes from ${s.file}`);
      assert.equal(s.code, region(s.file, s.name), `README snippet ${s.file}#${s.name} differs from the source; copy the region again`);
    }
  });
}
