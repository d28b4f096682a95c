// Serves the release build the way a static host would (no rewrites, so deep links only
// work because routes live in the fragment; precompressed files), then runs every spec.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const main = await startServer(path.join(root, 'dist'));
// The sub-path build only matters to shell.spec.mjs; a partial run may skip building it.
const subDir = path.join(root, 'target/e2e-subpath');
const sub = existsSync(subDir) ? await startServer(subDir) : null;
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
await main.close();
await sub?.close();
process.exit(code);
