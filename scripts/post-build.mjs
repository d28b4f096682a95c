// Trunk's post_build hook (Trunk.toml). Trunk stages index.html, the CSS and public/;
// this step adds the app:
//   1. builds the wasm with the `split` feature, linked with relocations kept;
//   2. cuts it into a shell and one chunk per page (wasm-split-cli, src/chunks.rs),
//      runs wasm-bindgen on the shell and wasm-opt on every piece (release);
//   3. names every file with one build id, so a page never mixes two builds' chunks;
//   4. writes each page's static first screen (src/prerender.rs) into index.html, with a
//      small inline script (allowed by its hash in the CSP) that shows the one the
//      address asks for before the first paint and preloads that page's chunks;
//   5. writes .br and .gz beside every text and wasm file for static hosts.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressDir } from './compress.mjs';
import { headersFile, rules } from './headers.mjs';
import { mergeChunks } from './merge-chunks.mjs';
import { withoutCustom, withoutExports } from './wasm-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('post-build.mjs runs as a trunk hook (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const base = process.env.TRUNK_PUBLIC_URL || '/';
const targetDir = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
const work = path.join(targetDir, 'split');

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28, ...opts });
}

function quiet(cmd, args) {
  try {
    return run(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    process.stderr.write(e.stderr ?? '');
    throw e;
  }
}

function step(text) {
  console.log(`[post-build] ${text}`);
}

// 1. The wasm, with relocations kept so the splitter can move code between modules.
step('cargo build (wasm32, split)');
run('cargo', [
  'rustc', '--locked', '--bin', 'splitline', '--target', 'wasm32-unknown-unknown', '--features', 'split',
  ...(release ? ['--release'] : []), '--', '-C', 'link-arg=--emit-relocs',
], { stdio: 'inherit' });
const raw = path.join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'splitline.wasm');

// 2. Shell and chunks.
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
step('wasm-split-cli');
run('wasm-split-cli', [raw, work, '--out-name', 'splitline'], { stdio: 'inherit' });
step('wasm-bindgen (shell)');
run('wasm-bindgen', [
  path.join(work, 'splitline.wasm'), '--out-dir', work, '--out-name', 'splitline',
  '--target', 'web', '--keep-lld-exports', '--no-typescript',
], { stdio: 'inherit' });
fs.rmSync(path.join(work, 'splitline.wasm'));
// Leptos always enables server_fn's browser client, whose wasm-streams types wasm-bindgen
// exports (about 10 KB). Nothing in a client-only app calls them: without the exports,
// wasm-opt drops their code. The JS glue only touches them if they are called.
const shell = path.join(work, 'splitline_bg.wasm');
fs.writeFileSync(shell, withoutExports(fs.readFileSync(shell), /^(__wbg_)?intounderlying/));
const wasmFiles = () => fs.readdirSync(work).filter((f) => f.endsWith('.wasm'));
// SPLITLINE_KEEP_NAMES=1 keeps the function names, so a profile of the release build
// (DevTools, a CDP trace) names the Rust functions that take the time.
const names = process.env.SPLITLINE_KEEP_NAMES === '1' ? ['--debuginfo'] : [];
const optimise = (files) => {
  if (!release) return;
  step(`wasm-opt -Oz (${files.length} modules)`);
  for (const f of files) {
    const file = path.join(work, f);
    // Its warnings about the splitter's name sections are noise; errors are shown.
    quiet('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--strip-producers', ...names, file, '-o', file]);
  }
};
optimise(wasmFiles());
// Merging goes by optimised sizes; the merged chunks get one more pass.
step('merge small chunks');
const loaderPath = path.join(work, '__wasm_split.js');
const merging = mergeChunks(work, fs.readFileSync(loaderPath, 'utf8'));
fs.writeFileSync(loaderPath, merging.loader);
optimise(merging.merged);
const modules = wasmFiles();
// wasm-opt reads the target_features section, a browser ignores it: 31 copies, 3 KB brotli.
for (const f of modules) {
  const file = path.join(work, f);
  fs.writeFileSync(file, withoutCustom(fs.readFileSync(file), 'target_features'));
}

// 3. One build id in every name, from every file that carries it. The loader and the shell
//    import each other, so a per-file content hash would be circular; one id is not.
const id = createHash('sha256');
for (const f of [...modules, 'splitline.js', '__wasm_split.js'].sort()) id.update(fs.readFileSync(path.join(work, f)));
for (const f of ['boot.js', 'copies.js']) id.update(fs.readFileSync(path.join(staging, f)));
const build = id.digest('hex').slice(0, 16);
const renamed = new Map([
  ['splitline.js', `splitline-${build}.js`],
  ['splitline_bg.wasm', `splitline-${build}_bg.wasm`],
  ['__wasm_split.js', `split-${build}.js`],
]);
for (const f of modules) if (!renamed.has(f)) renamed.set(f, f.replace(/\.wasm$/, `-${build}.wasm`));

function replaceOnce(text, from, to, where) {
  if (!text.includes(from)) throw new Error(`post-build: ${where} does not mention ${from}; has wasm-bindgen or wasm-split-cli changed?`);
  return text.split(from).join(to);
}
let shellJs = fs.readFileSync(path.join(work, 'splitline.js'), 'utf8');
// Only the import statements: the imports object keeps the module name the wasm asks for.
shellJs = replaceOnce(shellJs, 'from "./__wasm_split.js"', `from "./${renamed.get('__wasm_split.js')}"`, 'splitline.js');
let loader = fs.readFileSync(path.join(work, '__wasm_split.js'), 'utf8');
loader = replaceOnce(loader, '"./splitline.js"', `"./${renamed.get('splitline.js')}"`, '__wasm_split.js');
for (const f of modules) {
  if (f !== 'splitline_bg.wasm') loader = replaceOnce(loader, `"./${f}"`, `"./${renamed.get(f)}"`, '__wasm_split.js');
}
for (const f of modules) fs.copyFileSync(path.join(work, f), path.join(staging, renamed.get(f)));
// The loader gets the build id too, so a changed loader reaches returning visitors (the
// service worker serves named files from its cache).
const boot = `boot-${build}.js`;
fs.renameSync(path.join(staging, 'boot.js'), path.join(staging, boot));
const copies = `copies-${build}.js`;
fs.renameSync(path.join(staging, 'copies.js'), path.join(staging, copies));
fs.writeFileSync(path.join(staging, renamed.get('splitline.js')), shellJs);
fs.writeFileSync(path.join(staging, renamed.get('__wasm_split.js')), loader);

// Which files each page needs: its own module and the chunks it shares with others.
// The loader names each shared chunk's users in a comment (/* pricing, raci */); a
// merged chunk's other members are aliases of the first (const __chunk_8 = __chunk_7;).
const needs = {};
for (const m of loader.matchAll(/\/\* ([a-z_, ]+) \*\/\s*const __(chunk_\d+) = (?:__(chunk_\d+);)?/g)) {
  const file = renamed.get(`${m[3] ?? m[2]}.wasm`);
  for (const page of m[1].split(', ')) {
    needs[page] ??= [];
    if (!needs[page].includes(file)) needs[page].push(file);
  }
}
for (const f of modules.filter((f) => f.startsWith('split_'))) {
  const page = f.slice('split_'.length, -'.wasm'.length);
  (needs[page] ??= []).unshift(renamed.get(f));
}

// 4. The static first screens.
step('prerender (native)');
const pages = JSON.parse(prerender());
const templates = Object.entries(pages)
  .map(([key, page]) => `<template data-page="${key}" data-title="${escapeAttr(page.title)}">${page.html}</template>`)
  .join('\n');
const inline = fs
  .readFileSync(path.join(root, 'scripts/first-screen.js'), 'utf8')
  .replace('__CHUNKS__', JSON.stringify(needs))
  .replace('__BASE__', JSON.stringify(base))
  .trim();
const inlineHash = createHash('sha256').update(inline).digest('base64');

const indexPath = path.join(staging, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
// The home page sits in #app itself, so it reads without any script; the inline script
// swaps in another page's screen when the address names one.
html = replaceOnce(html, '<div id="app"></div>', `<div id="app" data-static="home">${pages.home.html}</div>\n${templates}\n<script>${inline}</script>`, 'index.html');
html = replaceOnce(html, "script-src 'self'", `script-src 'self' 'sha256-${inlineHash}'`, 'index.html');
const allChunks = [...renamed.values()].filter((f) => f.endsWith('.wasm') && !f.startsWith('splitline-'));
// No preload links: boot.js starts the downloads after the first paint.
const head = `<script type="module" src="${base}${boot}" data-js="${base}${renamed.get('splitline.js')}" data-wasm="${base}${renamed.get('splitline_bg.wasm')}" data-loader="${base}${renamed.get('__wasm_split.js')}" data-copies="${base}${copies}" data-build="${build}" data-chunks="${allChunks.join(' ')}"></script>`;
html = replaceOnce(html, '</head>', `${head}\n</head>`, 'index.html');
fs.writeFileSync(indexPath, html);
// The headers a <meta> cannot set (framing, nosniff, referrer, caching), for the hosts
// that read `_headers`; README "Deploying" has nginx and Caddy.
fs.writeFileSync(path.join(staging, '_headers'), headersFile(rules(staging, base)));

// 5. Precompressed copies.
if (release) {
  step('brotli and gzip');
  compressDir(staging);
}
step(`build ${build}: shell ${fs.statSync(path.join(staging, renamed.get('splitline_bg.wasm'))).size} B, ${modules.length - 1} chunks`);

// Debug builds of the renderer warn about untracked signal reads, which are expected
// when rendering once; its output is shown only when it fails.
function prerender() {
  return quiet('cargo', ['run', '--locked', '--quiet', '--bin', 'prerender']).toString();
}

function escapeAttr(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
