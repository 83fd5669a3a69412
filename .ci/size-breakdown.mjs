// Where a wasm's bytes go, by crate and by item: reads `twiggy top --format
// json` of a build that kept its names (see .ci/size), leaves out the names
// themselves (the shipped build strips them), and prints the crates and the
// largest items.
//   node .ci/size-breakdown.mjs <file.wasm> [top N]
import { execFileSync } from 'node:child_process';

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg || 15);
const twiggy = process.env.TWIGGY || 'twiggy';
const rows = JSON.parse(execFileSync(twiggy, ['top', '-n', '1000000', '--format', 'json', file], { maxBuffer: 1 << 30 }).toString());
// Names in Rust's v0 mangling carry each crate's hash (`leptos[c35b…]::`): drop it.
const items = rows
  .filter((r) => !/names" subsection$/.test(r.name) && !/^Σ|^\.\.\. and/.test(r.name))
  .map((r) => ({ ...r, name: r.name.replace(/\[[0-9a-f]{8,16}\]/g, '') }));
const total = items.reduce((s, r) => s + r.shallow_size, 0);

/** The crate an item's code comes from: the type's crate for `<T as Trait>` items. */
function crateOf(name) {
  if (name.startsWith('data segment')) return '(data: strings and tables)';
  if (/^(elem|table|type|import|export|global|memory|code section|custom section|wasm-bindgen)/i.test(name) || name.startsWith('"')) return '(wasm structure)';
  let n = name.replace(/^<+/, '');
  n = n.replace(/^(impl |dyn |&mut |&|\*const |\*mut |\[|\()+/, '');
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(::|<| as )/.exec(n);
  if (!m) return '(other)';
  return m[1];
}
const byCrate = new Map();
for (const r of items) {
  const c = crateOf(r.name);
  byCrate.set(c, (byCrate.get(c) || 0) + r.shallow_size);
}
const kib = (n) => `${(n / 1024).toFixed(1).padStart(7)} KiB`;
const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)} %`;
console.log(`  ${file}: ${kib(total)} without the name section`);
console.log('  by crate (code attributed to the crate of the type it is for):');
for (const [c, n] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${kib(n)} ${pct(n)}  ${c}`);
console.log(`  largest items:`);
for (const r of items.slice(0, top)) console.log(`    ${kib(r.shallow_size)} ${pct(r.shallow_size)}  ${r.name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 110)}`);
