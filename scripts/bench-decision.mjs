// How long the decision brief takes to compute and render for a large workspace: 12
// providers, each with a quote of a different model (bench-pricing's), scored on 100
// criteria (bench-scorecard's generator, about half the cells scored), two knocked out,
// and the legal RACI template for the cross-check and the readiness; then the same for
// the tests' worked example (three providers, four criteria), and for it how fast an
// edit made in another tab reaches the open brief.
//
// The brief is rebuilt whenever the workspace changes, so each sample opens it afresh:
// from the home page (light, so leaving it costs little; the brief's code is already
// loaded), the time from the hash change to the recommendation and the questions being
// in the DOM, and to the next frame after that.
// Prints the median and 95th percentile.
//
// Usage: node scripts/bench-decision.mjs [samples]   (serves dist/ itself)
import { readFileSync } from 'node:fs';
import { launch } from '../tests/e2e/helpers.mjs';
import { appLive, legalRaci, seedWorkspace, serveDist, stats } from './bench-lib.mjs';
import { quote } from './bench-pricing.mjs';
import { benchWorkspace as scoredWorkspace } from './bench-scorecard.mjs';

const SAMPLES = Number(process.argv[2] ?? 40);
const PROVIDERS = 12;

function benchWorkspace(raci) {
  const ws = JSON.parse(scoredWorkspace());
  const data = ws.data;
  data.name = 'Benchmark: decision brief';
  data.providers = data.providers.slice(0, PROVIDERS);
  const ids = new Set(data.providers.map((p) => p.id));
  for (const id of Object.keys(data.scorecard.cells)) if (!ids.has(id)) delete data.scorecard.cells[id];
  data.scorecard.knockouts = { bp3: { 'ko-lock-in': '' }, bp7: { 'ko-vague-sla': 'Best effort only' } };
  data.profile = { company_name: 'Bench LLP', employees: 140, internal_it: 2, industry: 'legal' };
  data.raci = raci;
  data.pricing = {
    usage: { project_hours: 80, advisory_hours: 24, incidents: 4, compliance_hours: 20, seats: null, visits: 6 },
    quotes: data.providers.map((p, i) => ({ ...quote(i), provider: p.id })),
  };
  return JSON.stringify(ws);
}

/** Seeds `envelope`, opens its brief, then times SAMPLES fresh openings of it. */
async function measure(page, url, envelope, providers) {
  await seedWorkspace(page, url, 'bench', envelope);
  await page.goto(`${url}#/decision`);
  await appLive(page);
  await page.locator('.rec-headline').filter({ hasText: /^Choose / }).waitFor({ timeout: 60000 });
  const rows = await page.locator('.brief-table tbody tr').count();
  const questions = await page.locator('.questions li').count();
  if (rows !== providers) throw new Error(`expected ${providers} rows, found ${rows}`);
  console.log(`brief of ${providers} providers: ${questions} questions`);
  console.log(`  ${(await page.locator('.rec-headline').textContent()).trim()}`);

  const shown = [];
  const frames = [];
  for (let i = 0; i < SAMPLES; i++) {
    await page.evaluate(() => { location.hash = '#/'; });
    await page.locator('.home').waitFor();
    await page.waitForTimeout(50);
    const result = await page.evaluate(() => new Promise((resolve) => {
      const start = performance.now();
      const done = () => document.querySelector('.rec-headline') && document.querySelector('.questions li');
      const obs = new MutationObserver(() => {
        if (!done()) return;
        const at = performance.now();
        obs.disconnect();
        requestAnimationFrame(() => resolve([at - start, performance.now() - start]));
      });
      obs.observe(document.getElementById('main'), { childList: true, subtree: true });
      location.hash = '#/decision';
      setTimeout(() => { obs.disconnect(); resolve(null); }, 5000);
    }));
    if (result === null) throw new Error('the brief did not render');
    shown.push(result[0]);
    frames.push(result[1]);
  }
  const s = stats(shown);
  const f = stats(frames);
  console.log(`open the brief → rendered, ${SAMPLES} samples: median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms (min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)})`);
  console.log(`open the brief → next frame: median ${f.median.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms`);
}

/** With the brief open in one tab, edits a quote in another: the time from the storage
 *  event being created in the brief's tab to its table showing the new figure. */
async function liveUpdate(context, page, url, samples) {
  await page.goto(`${url}#/decision`);
  await appLive(page);
  await page.locator('.brief-table').waitFor();
  const tool = await context.newPage();
  await tool.goto(`${url}#/pricing`);
  await appLive(tool);
  const rate = tool.getByRole('article', { name: 'Harbor IT' }).getByRole('textbox', { name: 'Rate per user a month' });
  await page.evaluate(() => {
    window.__storageAt = 0;
    // The app's own listener updates the page inside the event's dispatch, before this
    // one runs; the event's timeStamp says when the dispatch began.
    window.addEventListener('storage', (e) => { window.__storageAt = e.timeStamp; });
  });
  const shown = [];
  for (let i = 0; i < samples; i++) {
    await page.evaluate(() => {
      window.__result = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          const at = performance.now();
          obs.disconnect();
          // This listener runs after the app's, so it has noted the event a task later.
          setTimeout(() => resolve(at - window.__storageAt), 0);
        });
        obs.observe(document.querySelector('.brief-table tbody'), { childList: true, characterData: true, subtree: true });
        setTimeout(() => { obs.disconnect(); resolve(null); }, 5000);
      });
    });
    await rate.fill(i % 2 ? '95' : '96');
    const ms = await page.evaluate(() => window.__result);
    if (ms === null) throw new Error('the brief did not update');
    shown.push(ms);
  }
  await tool.close();
  const s = stats(shown);
  console.log(`edit in another tab → brief updated, ${samples} samples: median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms (from the storage event's creation: decoding the change, the brief, the DOM)`);
}

async function main() {
  const { url, close } = await serveDist();
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const raci = await legalRaci(page, url);
    await measure(page, url, benchWorkspace(raci), PROVIDERS);
    // The worked example of the tests: three providers, four criteria, the general RACI.
    await measure(page, url, readFileSync(new URL('../tests/e2e/decision-workspace.json', import.meta.url), 'utf8'), 3);
    await liveUpdate(context, page, url, SAMPLES);
    if (errors.length) console.log('page errors:', errors);
  } finally {
    await browser.close();
    await close();
  }
}

await main();
