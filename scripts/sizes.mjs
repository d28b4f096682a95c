// The raw, gzip and brotli size of every file the release build serves (the .gz and .br
// copies scripts/compress.mjs wrote), and the wasm each page loads: the shell plus the
// chunks the first-screen script lists for it. `node scripts/sizes.mjs` prints both
// (`make size`); bench-load.mjs prints them after its timings.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const dist = process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(root, 'dist');
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;

/** One row per served file: `{ f, raw, gz, br }` in bytes. */
export function fileSizes(dir = dist) {
  const rows = [];
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith('.br') || f.endsWith('.gz')) continue;
    const file = path.join(dir, f);
    const size = (p) => (fs.existsSync(p) ? fs.statSync(p).size : fs.statSync(file).size);
    rows.push({ f, raw: fs.statSync(file).size, gz: size(`${file}.gz`), br: size(`${file}.br`) });
  }
  return rows;
}

/** Per page: how many wasm files it loads and their raw and brotli bytes. */
export function wasmPerPage(rows, dir = dist) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  // A build without the first-screen script (an older, unsplit one) is one wasm file.
  const chunks = JSON.parse(html.match(/var chunks = (\{.*?\});/)?.[1] ?? '{}');
  const shell = rows.find((r) => /^splitline-.*_bg\.wasm$/.test(r.f));
  const by = new Map(rows.map((r) => [r.f, r]));
  return Object.entries({ home: [], ...chunks }).map(([page, files]) => {
    const all = [shell, ...files.map((f) => by.get(f))];
    return { page, files: all.length, raw: all.reduce((s, r) => s + r.raw, 0), br: all.reduce((s, r) => s + r.br, 0) };
  });
}

export function printSizes(dir = dist) {
  const rows = fileSizes(dir);
  console.log('file                                                raw       gzip     brotli');
  for (const r of rows) console.log(`${r.f.padEnd(44)} ${String(r.raw).padStart(10)} ${String(r.gz).padStart(10)} ${String(r.br).padStart(10)}`);
  const wasm = rows.filter((r) => r.f.endsWith('.wasm'));
  const total = wasm.reduce((s, r) => s + r.br, 0);
  console.log(`all wasm: ${wasm.length} files, ${kb(wasm.reduce((s, r) => s + r.raw, 0))} raw, ${kb(total)} brotli (goal <= 500 KB: ${total <= 500 * 1024 ? 'ok' : 'MISSED'})`);
  console.log('\nwasm each page loads (shell + its chunks):');
  for (const p of wasmPerPage(rows, dir)) console.log(`  ${p.page.padEnd(12)} ${String(p.files).padStart(3)} files ${kb(p.raw).padStart(11)} raw ${kb(p.br).padStart(10)} brotli`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) printSizes();
