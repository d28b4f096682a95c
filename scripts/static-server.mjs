// A static file server for a build folder, like the hosts Splitline deploys to: no
// rewrites, the right MIME types, the precompressed .br/.gz copies that
// scripts/compress.mjs writes, chosen by the browser's Accept-Encoding, and the rules of
// the build's `_headers` file, as Netlify and Cloudflare Pages apply them.
// `node scripts/static-server.mjs DIR [PORT]` serves DIR on 127.0.0.1; the e2e runner and
// the benchmarks import `startServer`.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The file a URL path names under `root`, or null when it names nothing there. */
function resolve(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = path.join(root, path.normalize(rel));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return resolve(root, path.posix.join(rel, 'index.html'));
    return stat.isFile() ? file : null;
  } catch {
    return null;
  }
}

/** The encodings an Accept-Encoding header takes (any with q=0 are refused). */
function accepted(header) {
  const names = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name && (!q || Number(q.slice(2)) > 0)) names.add(name.toLowerCase());
  }
  return names;
}

/** The precompressed copy to send, if the browser takes it and the build has it. */
function pickEncoding(file, header) {
  const takes = accepted(header);
  for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (takes.has(name) && fs.existsSync(file + ext)) return { name, file: file + ext };
  }
  return null;
}

/** The `[pattern, headers]` rules of a `_headers` file (exact paths, or a prefix and `*`). */
function headerRules(root) {
  const file = path.join(root, '_headers');
  if (!fs.existsSync(file)) return [];
  const list = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      list.push([line.trim(), {}]);
    } else if (list.length) {
      const at = line.indexOf(':');
      list.at(-1)[1][line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return list;
}

function ruleHeaders(list, urlPath) {
  const out = {};
  for (const [pattern, headers] of list) {
    const hit = pattern.endsWith('*') ? urlPath.startsWith(pattern.slice(0, -1)) : urlPath === pattern;
    if (hit) Object.assign(out, headers);
  }
  return out;
}

/** A request handler serving `root`. */
export function handler(root) {
  root = path.resolve(root);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    // A path like `//` reads as a URL with no host: answer it, never crash the server.
    let urlPath;
    try {
      urlPath = new URL(req.url, 'http://x').pathname;
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const file = urlPath.endsWith('/_headers') ? null : resolve(root, urlPath);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const headers = {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      Vary: 'Accept-Encoding',
      // Files named with the build id never change; the page and the worker must be
      // checked on every visit so a new build is picked up.
      'Cache-Control': /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      // Read on every request: a deploy into the folder replaces it.
      ...ruleHeaders(headerRules(root), urlPath),
    };
    const encoded = pickEncoding(file, String(req.headers['accept-encoding'] ?? ''));
    if (encoded) headers['Content-Encoding'] = encoded.name;
    const body = encoded ? encoded.file : file;
    headers['Content-Length'] = fs.statSync(body).size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(body).pipe(res);
  };
}

/** Serves `dir` on 127.0.0.1 (`port` 0 picks a free one); resolves to `{ url, close }`. */
export function startServer(dir, port = 0) {
  const server = http.createServer(handler(dir));
  return new Promise((resolveStart, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      const close = () => {
        server.closeAllConnections();
        return new Promise((done) => server.close(done));
      };
      resolveStart({ url, close });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await startServer(dir, Number(port));
  console.log(`Splitline is at ${url}  (Ctrl+C to stop)`);
}
