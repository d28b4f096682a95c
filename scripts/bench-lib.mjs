// What the benchmark scripts share: the browser, serving the release build, seeding a
// workspace before the app starts, and summarising samples.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Debian's Chromium, as the machines have it, and the flags a headless benchmark run uses. */
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Serves dist/ (or uses APP_URL when set); resolves to `{ url, close }`. */
export function serveDist() {
  if (process.env.APP_URL) return Promise.resolve({ url: process.env.APP_URL, close: async () => {} });
  return startServer(path.join(root, 'dist'));
}

/** Stores a workspace envelope (JSON text) as the only, open workspace. It writes from a
 *  same-origin page that does not run the app, so the app's save-on-leave cannot write
 *  over the seed. */
export async function seedWorkspace(page, url, id, envelope) {
  await page.goto(`${url}favicon.svg`);
  await page.evaluate(([wsId, ws]) => {
    localStorage.clear();
    localStorage.setItem(`splitline.ws.${wsId}`, ws);
    localStorage.setItem('splitline.meta', JSON.stringify({ format: 'splitline', kind: 'meta', version: 1, data: { active: wsId } }));
  }, [id, envelope]);
}

/** Count, median, 95th percentile, min, max and mean of a list of milliseconds. */
export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1], mean };
}

/** Waits until the live app has taken over index.html's static first screen. */
export async function appLive(page) {
  await page.locator('#app:not([data-static])').waitFor();
}

/** The legal RACI template as the app makes it (start button, then saved to storage), for
 *  benchmarks whose cross-check or readiness needs real MSP duties. */
export async function legalRaci(page, url) {
  await page.goto(`${url}#/raci`);
  await appLive(page);
  await page.getByRole('combobox', { name: 'Industry' }).selectOption({ label: 'Legal' });
  await page.getByRole('button', { name: 'Start from the co-managed template' }).click();
  const stored = () => {
    const meta = localStorage.getItem('splitline.meta');
    const ws = meta && localStorage.getItem(`splitline.ws.${JSON.parse(meta).data.active}`);
    return ws ? JSON.parse(ws).data.raci : null;
  };
  let raci = null;
  for (let i = 0; i < 50 && !raci?.functions?.length; i++) {
    await page.waitForTimeout(100);
    raci = await page.evaluate(stored);
  }
  if (!raci?.functions?.length) throw new Error('the RACI template was not saved');
  return raci;
}
