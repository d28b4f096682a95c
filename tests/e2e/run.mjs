// Serves the release build the way a plain static host would (no rewrites, so deep
// links only work because routes live in the fragment), then runs every spec.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function serve(dir) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return { child, url };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`static server for ${dir} did not start`);
}

const main = await serve(path.join(root, 'dist'));
// The sub-path build only matters to shell.spec.mjs; a partial run may skip building it.
const subDir = path.join(root, 'target/e2e-subpath');
const sub = existsSync(subDir) ? await serve(subDir) : null;
const filter = process.argv.slice(2);
const specs = readdirSync(path.join(root, 'tests/e2e'))
  .filter((f) => f.endsWith('.spec.mjs'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .map((f) => path.join('tests/e2e', f));

const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', ...specs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, APP_URL: main.url, ...(sub && { SUBPATH_URL: `${sub.url}splitline/app/` }) },
});
const code = await new Promise((resolve) => runner.on('exit', (c) => resolve(c ?? 1)));
main.child.kill();
sub?.child.kill();
process.exit(code);
