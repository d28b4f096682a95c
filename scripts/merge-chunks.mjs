// Merges the small shared chunks wasm-split-cli writes into a few larger ones.
//
// The splitter gives every set of pages that shares code a chunk of its own. With
// Leptos's generic view code that is 70+ chunks, most under 4 KB: a tool then waits for
// 40 requests and 40 instantiations, and each small file compresses worse. Chunks never
// call each other directly (only through the shared table) and import just the memory,
// the table and a few globals, so binaryen's wasm-merge can join them; the loader
// (__wasm_split.js) then points every member's loader at the merged file.
//
// Which chunks join: a tool's deferred parts (`raci_panels` is part of `raci`) count as
// the tool when the tool needs the chunk too; chunks used by the same pages join; and
// the chunks under SMALL bytes join one of two groups: those the RACI builder or its
// deferred parts need (the page a new visitor opens first, whose bytes and time `make
// bench-load` budgets: its panels load while the matrix shows, so they must not pull in a
// second group) and the others, so code only the later pages share (the decision brief
// with pricing, say) never rides along on the first visit. A lone chunk the RACI needs
// may then join the RACI's group (`joinFirstVisitLoners`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { imports, leb, name, section, withoutCustom } from './wasm-binary.mjs';

const SMALL = 6000;
const LONER = 2 * SMALL;
// Pages loaded rarely, never on the way to a first screen: the code that merges two tabs'
// edits of one workspace. Code they share with the first visit may ride with it.
const RARE = ['merge'];
const FIRST_VISIT = 'raci';
// A placeholder import module of the same length as "__wasm_split", patched after merging.
const HOST = '__wasm_spliX';
const FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-mutable-globals', '--enable-sign-ext'];

/** The chunks the loader defines, with the split modules (pages) that need each one. */
export function chunkUsers(loader) {
  const out = [];
  for (const m of loader.matchAll(/\/\* ([a-z_, ]+) \*\/\s*const __(chunk_\d+)/g)) out.push({ name: m[2], users: m[1].split(', ') });
  return out;
}

/** The group key of a chunk: the pages that need it, deferred parts folded into their tool. */
function groupKey(chunk, pages, size) {
  if (size < SMALL) {
    const raci = chunk.users.some((u) => u === FIRST_VISIT || u.startsWith(`${FIRST_VISIT}_`));
    return raci ? 'small' : 'small-later';
  }
  const family = (u) => {
    const tool = pages.find((p) => u !== p && u.startsWith(`${p}_`));
    return tool ? `${tool}_later` : u;
  };
  const set = new Set(chunk.users.map(family));
  for (const f of [...set]) if (f.endsWith('_later') && set.has(f.slice(0, -'_later'.length))) set.delete(f);
  return [...set].sort().join('+');
}

/**
 * A group the first visit needs joins the first visit's small group when every page that
 * needs it loads that group anyway: no page fetches a file more, the first visit fetches
 * one file fewer (a request and an instantiation before the matrix shows) and the code
 * compresses with the group's context. The pages that load the small group without
 * needing the other pay its bytes: so it joins if it is under LONER bytes (the RACI's
 * checks, shared with the brief and shared links), or if those pages are only RARE ones.
 */
function joinFirstVisitLoners(groups, users, sizes) {
  const small = groups.get('small');
  if (!small) return;
  const loaders = new Set(small.flatMap((m) => users.get(m)));
  for (const [key, members] of [...groups]) {
    if (key === 'small' || key === 'small-later') continue;
    const who = new Set(members.flatMap((m) => users.get(m)));
    if (!who.has(FIRST_VISIT) || ![...who].every((u) => loaders.has(u))) continue;
    const bytes = members.reduce((sum, m) => sum + sizes.get(m), 0);
    const payers = [...loaders].filter((u) => !who.has(u));
    if (bytes < LONER || payers.every((u) => RARE.includes(u))) {
      small.push(...members);
      groups.delete(key);
    }
  }
}

/** A module that imports what the chunks import (from HOST) and exports it back to them. */
function provider(wanted) {
  const importBody = [...leb(wanted.length)];
  const exportBody = [...leb(wanted.length)];
  const counters = [0, 0, 0, 0];
  for (const imp of wanted) {
    importBody.push(...name(HOST), ...name(imp.name), imp.kind, ...imp.desc);
    exportBody.push(...name(imp.name), imp.kind, ...leb(counters[imp.kind]++));
  }
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...section(2, importBody), ...section(7, exportBody)]);
}

/** Joins `members` (chunk file names in `dir`) into `out`; checks the result loads. */
function merge(dir, members, out) {
  const seen = new Map();
  for (const m of members) for (const imp of imports(fs.readFileSync(path.join(dir, m)))) seen.set(imp.name, imp);
  const host = path.join(dir, '__host.wasm');
  fs.writeFileSync(host, provider([...seen.values()]));
  const args = [host, '__wasm_split', ...members.flatMap((m) => [path.join(dir, m), m.replace(/\.wasm$/, '')]), '-o', out, ...FEATURES];
  execFileSync('wasm-merge', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  fs.rmSync(host);
  const bytes = fs.readFileSync(out);
  const patched = Buffer.from(bytes.toString('latin1').replaceAll(HOST, '__wasm_split'), 'latin1');
  fs.writeFileSync(out, patched);
  const mod = new WebAssembly.Module(patched);
  const modules = new Set(WebAssembly.Module.imports(mod).map((i) => i.module));
  if (modules.size !== 1 || !modules.has('__wasm_split')) throw new Error(`merge-chunks: ${out} imports from ${[...modules]}`);
}

/**
 * Merges the chunks in `dir` and rewrites the loader text to match. Returns the new
 * loader text and the merged files, named `chunk_<first member's number>.wasm`.
 */
export function mergeChunks(dir, loader) {
  const chunks = chunkUsers(loader);
  const pages = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('split_'))
    .map((f) => f.slice('split_'.length, -'.wasm'.length));
  const groups = new Map();
  const mergedFiles = [];
  const users = new Map(chunks.map((c) => [c.name, c.users]));
  const sizes = new Map();
  for (const chunk of chunks) {
    // The size as served: post-build drops the target_features section later. Counted
    // with it, a RACI chunk of 5,939 bytes stood alone, and brotli without the small
    // group's context made it 2.7 KB dearer on the first visit.
    const bytes = fs.readFileSync(path.join(dir, `${chunk.name}.wasm`));
    sizes.set(chunk.name, withoutCustom(bytes, 'target_features').length);
    const key = groupKey(chunk, pages, sizes.get(chunk.name));
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(chunk.name);
  }
  joinFirstVisitLoners(groups, users, sizes);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    // The loader defines chunks in number order: the first member's loader is defined
    // before the others, which become aliases of it.
    members.sort((a, b) => Number(a.split('_')[1]) - Number(b.split('_')[1]));
    const [first, ...rest] = members;
    const merged = path.join(dir, `${first}.merged.wasm`);
    merge(dir, members.map((m) => `${m}.wasm`), merged);
    for (const m of members) fs.rmSync(path.join(dir, `${m}.wasm`));
    fs.renameSync(merged, path.join(dir, `${first}.wasm`));
    mergedFiles.push(`${first}.wasm`);
    for (const m of rest) {
      const block = new RegExp(`const __${m} = makeLoad\\(\\(\\) => \\{[\\s\\S]*?\\n\\}\\n, \\[\\]\\);`);
      if (!block.test(loader)) throw new Error(`merge-chunks: the loader's block for ${m} has an unknown shape`);
      loader = loader.replace(block, `const __${m} = __${first};`);
    }
  }
  return { loader, merged: mergedFiles };
}
