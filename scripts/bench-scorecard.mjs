// Edit latency of the provider scorecard at 20 providers × 100 criteria.
//
// Seeds a workspace of that size into localStorage, opens the score grid in headless
// Chromium, then presses score keys in grid cells. Each sample is the time from the
// keydown reaching the page (a capture listener) to the provider's total changing in
// the DOM (a MutationObserver), so it covers the handler, the model update, the view
// sync and the DOM write. Prints the median and 95th percentile.
//
// Usage: node scripts/bench-scorecard.mjs [samples]   (serves dist/ itself)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/helpers.mjs';
import { appLive, seedWorkspace, serveDist, stats } from './bench-lib.mjs';

const SAMPLES = Number(process.argv[2] ?? 200);
const PROVIDERS = 20;
const CRITERIA = 100;
const GROUPS = ['Ownership & RACI', 'Shared tooling', 'Escalation & SLAs', 'Security stack', 'Compliance & audit', 'Team & culture', 'Exit & contract', 'Commercial transparency'];

/** A workspace envelope with PROVIDERS × CRITERIA, about half of the cells scored. */
export function benchWorkspace() {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const providers = Array.from({ length: PROVIDERS }, (_, i) => ({ id: `bp${i}`, name: `Provider ${String(i + 1).padStart(2, '0')}` }));
  const criteria = Array.from({ length: CRITERIA }, (_, i) => ({
    id: `bc${i}`,
    group: GROUPS[Math.floor((i * GROUPS.length) / CRITERIA)],
    name: `Criterion ${i + 1}`,
    question: `What is your answer to question ${i + 1}?`,
    anchors: { 1: 'Weak answer.', 3: 'Partial answer.', 5: 'Strong, specific answer.' },
    weight: 1 + Math.floor(rand() * 5),
  }));
  const cells = {};
  for (const p of providers) {
    cells[p.id] = {};
    for (const c of criteria) {
      if (rand() < 0.5) cells[p.id][c.id] = { score: Math.floor(rand() * 6) };
    }
  }
  const now = Date.now();
  const data = {
    id: 'bench',
    name: 'Benchmark: 20 providers × 100 criteria',
    created_ms: now,
    updated_ms: now,
    profile: { company_name: '', employees: 200, internal_it: 3, industry: 'general' },
    providers,
    raci: {},
    scorecard: { evaluator: 'Bench', criteria, cells },
    pricing: {},
  };
  return JSON.stringify({ format: 'splitline', kind: 'workspace', version: 1, data });
}

async function main() {
  const { url, close } = await serveDist();
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await seedWorkspace(page, url, 'bench', benchWorkspace());
    const t0 = Date.now();
    await page.goto(`${url}#/scorecard`);
    await appLive(page);
    await page.locator('#sc-x-bp19--c-bc99').waitFor({ state: 'attached', timeout: 60000 });
    console.log(`grid of ${PROVIDERS} × ${CRITERIA} rendered in ${Date.now() - t0} ms (load included)`);
    const inputs = await page.locator('.sc-grid input').count();
    if (inputs !== PROVIDERS * CRITERIA) throw new Error(`expected ${PROVIDERS * CRITERIA} cells, found ${inputs}`);

    await page.evaluate(() => {
      window.__keyAt = 0;
      document.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, { capture: true });
    });
    const latencies = [];
    const frames = [];
    for (let i = 0; i < SAMPLES; i++) {
      const p = i % PROVIDERS;
      const c = (i * 7) % CRITERIA;
      const id = `sc-x-bp${p}--c-bc${c}`;
      const current = await page.locator(`#${id}`).inputValue();
      // A score that differs from the current one, so the total must change.
      const next = current === '4' ? '1' : '4';
      await page.locator(`#${id}`).focus();
      await page.evaluate((provider) => {
        const target = document.querySelectorAll('.sc-totals .sc-total-value')[provider];
        window.__result = new Promise((resolve) => {
          const obs = new MutationObserver(() => {
            const changed = performance.now();
            obs.disconnect();
            requestAnimationFrame(() => resolve([changed - window.__keyAt, performance.now() - window.__keyAt]));
          });
          obs.observe(target, { childList: true, characterData: true, subtree: true });
          setTimeout(() => { obs.disconnect(); resolve(null); }, 2000);
        });
      }, p);
      await page.keyboard.press(next);
      const result = await page.evaluate(() => window.__result);
      if (result === null) throw new Error(`no DOM update for ${id}`);
      const shown = await page.locator(`#${id}`).inputValue();
      if (shown !== next) throw new Error(`${id} shows ${shown}, expected ${next}`);
      latencies.push(result[0]);
      frames.push(result[1]);
      await page.waitForTimeout(20);
    }
    const s = stats(latencies);
    const f = stats(frames);
    console.log(`score edit → updated DOM, ${SAMPLES} samples at ${PROVIDERS} × ${CRITERIA}:`);
    console.log(`  median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms (min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)})`);
    console.log(`score edit → next frame: median ${f.median.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms`);
    if (errors.length) console.log('page errors:', errors);
  } finally {
    await browser.close();
    await close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
