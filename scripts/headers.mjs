// The response headers Splitline should be served with, for the build in a folder.
//
// A <meta> policy cannot forbid framing, and only the server can set nosniff, the
// referrer policy and caching, so the post-build step writes them as `_headers` (Netlify,
// Cloudflare Pages and hosts that copy their format). `node scripts/headers.mjs [dir]
// [nginx|caddy|netlify]` prints the same rules for the current build as an nginx or Caddy
// snippet: the policy carries the hash of this build's inline script, so copy it per build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Files whose name carries a build or content id: they never change. */
export const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/** The policy of index.html's <meta>, plus what only a header can say. */
export function policy(html) {
  const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  if (!meta) throw new Error('index.html has no Content-Security-Policy meta');
  // Framing is refused: a framed page can be overlaid to trick clicks, and a share link
  // opened in a frame would run inside someone else's page.
  return `${meta[1]}; frame-ancestors 'none'`;
}

/** `{ path, headers }` rules for a build in `dir` served at `base` ("/" or "/sub/"). */
export function rules(dir, base = '/') {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const every = {
    'X-Content-Type-Options': 'nosniff',
    // A share link carries the document in its address: it must never leave in a Referer.
    'Referrer-Policy': 'no-referrer',
  };
  const out = [{ path: `${base}*`, headers: every }];
  // The policy governs documents and the worker's script only; on every wasm and CSS file
  // it would add about 430 bytes a response and change nothing.
  const page = { 'Content-Security-Policy': policy(html), 'Cache-Control': 'no-cache' };
  for (const p of [base, `${base}index.html`, `${base}sw.js`]) out.push({ path: p, headers: page });
  const hashed = fs.readdirSync(dir).filter((f) => HASHED.test(f)).sort();
  for (const f of hashed) out.push({ path: `${base}${f}`, headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } });
  return out;
}

/** The `_headers` file format (Netlify, Cloudflare Pages). */
export function headersFile(list) {
  const blocks = list.map((r) => [r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'));
  return `# Written by scripts/post-build.mjs for this build; see README "Deploying".\n${blocks.join('\n')}\n`;
}

function nginx(list) {
  const every = list[0].headers;
  const lines = Object.entries(every).map(([k, v]) => `add_header ${k} "${v}" always;`);
  const exact = list.slice(1).map((r) => {
    const inner = [...lines, ...Object.entries(r.headers).map(([k, v]) => `add_header ${k} "${v}" always;`)];
    return `location = ${r.path} {\n${inner.map((l) => `  ${l}`).join('\n')}\n}`;
  });
  // nginx drops outer add_header lines inside a location that has its own, hence the repeats.
  return [...lines, ...exact].join('\n');
}

function caddy(list) {
  const every = list[0].headers;
  const header = Object.entries(every).map(([k, v]) => `header ${k} "${v.replace(/"/g, '\\"')}"`);
  const exact = list
    .slice(1)
    .flatMap((r) => Object.entries(r.headers).map(([k, v]) => `header ${r.path} ${k} "${v.replace(/"/g, '\\"')}"`));
  return [...header, ...exact].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', format = 'netlify', base = '/'] = process.argv.slice(2);
  const list = rules(dir, base);
  const print = { netlify: headersFile, nginx, caddy }[format];
  if (!print) throw new Error(`unknown format ${format}: use netlify, nginx or caddy`);
  console.log(print(list));
}
