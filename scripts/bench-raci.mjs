// Benchmark (not a test): time from a cell edit to the updated DOM in the RACI grid at
// 200 functions × 12 parties, in headless Chromium against the release build in dist/.
//
//   make bench-raci            (builds first)   or   node scripts/bench-raci.mjs
//   EDITS=500 node scripts/bench-raci.mjs
//
// The matrix is loaded the way a buyer would: a generated CSV imported on the start
// screen. Each edit is a key press (R, A, C, I or Delete) dispatched on a focused cell; the
// clock stops when a MutationObserver sees that cell's text change (Leptos applies DOM
// updates in a microtask after the handler, so this covers all the reactive work the edit
// triggers), and a second figure runs to the next animation frame (style and layout).
import { launch } from '../tests/e2e/helpers.mjs';
import { appLive, serveDist, stats } from './bench-lib.mjs';

const FUNCTIONS = 200;
const PARTIES = 12;
const EDITS = Number(process.env.EDITS ?? 300);
const WARMUP = 20;

// A deterministic pseudo-random generator, so every run edits the same cells.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function matrixCsv() {
  const rand = rng(42);
  const sides = ['internal', 'msp', 'business', 'other'];
  const parties = Array.from({ length: PARTIES }, (_, i) => `Party ${i + 1} [${sides[i % 4]}]`);
  const lines = [['Category', 'Function', ...parties].join(',')];
  const combos = ['', '', 'R', 'A', 'A/R', 'C', 'I', 'C/I'];
  for (let f = 0; f < FUNCTIONS; f++) {
    const cells = parties.map(() => combos[Math.floor(rand() * combos.length)]);
    lines.push([`Category ${Math.floor(f / 20) + 1}`, `Function ${f + 1}`, ...cells].join(','));
  }
  return lines.join('\r\n');
}

const fmt = (x) => `${x.toFixed(2)} ms`;

const { url, close } = await serveDist();
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}#/raci`);
  await appLive(page);
  await page.getByRole('button', { name: 'Start blank' }).waitFor();

  const t0 = Date.now();
  await page.locator('input[type=file]').setInputFiles({
    name: 'bench.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(matrixCsv()),
  });
  await page.locator('.raci-grid tbody tr:not(.cat-row)').nth(FUNCTIONS - 1).waitFor();
  const loadMs = Date.now() - t0;
  const rows = await page.locator('.raci-grid tbody tr:not(.cat-row)').count();
  const cols = await page.locator('.raci-grid thead th').count();
  if (rows !== FUNCTIONS || cols !== PARTIES + 1) throw new Error(`grid is ${rows}×${cols - 1}`);

  // Cell ids, in grid order.
  const cells = await page.$$eval('.raci-grid td[role=gridcell]', (tds) => tds.map((td) => td.id));
  const rand = rng(7);
  const keys = ['r', 'a', 'c', 'i', 'Delete'];
  const dom = [];
  const frame = [];
  for (let i = 0; i < WARMUP + EDITS; i++) {
    const id = cells[Math.floor(rand() * cells.length)];
    let key = keys[Math.floor(rand() * keys.length)];
    // Focus the cell first (not timed), as a buyer would have before typing.
    const current = await page.evaluate((cellId) => {
      const el = document.getElementById(cellId);
      el.focus();
      return el.textContent;
    }, id);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    if (key === 'Delete' && current === '') key = 'r';
    const t = await page.evaluate(
      ({ cellId, key }) =>
        new Promise((resolve, reject) => {
          const el = document.getElementById(cellId);
          const before = el.textContent;
          let domMs = null;
          const timer = setTimeout(() => reject(new Error(`no update for ${key} on ${cellId}`)), 2000);
          const obs = new MutationObserver(() => {
            if (el.textContent === before) return;
            domMs = performance.now() - start;
            obs.disconnect();
            requestAnimationFrame(() => {
              clearTimeout(timer);
              resolve({ domMs, frameMs: performance.now() - start });
            });
          });
          obs.observe(el, { childList: true, characterData: true, subtree: true });
          const start = performance.now();
          el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        }),
      { cellId: id, key },
    );
    if (i >= WARMUP) {
      dom.push(t.domMs);
      frame.push(t.frameMs);
    }
  }
  // Navigation: ArrowDown from a cell until focus has moved and the details panel shows
  // the next function (the details are rebuilt for the new row).
  const nav = [];
  for (let i = 0; i < WARMUP + EDITS / 2; i++) {
    const id = cells[Math.floor(rand() * (cells.length - PARTIES))];
    await page.evaluate((cellId) => document.getElementById(cellId).focus(), id);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    const t = await page.evaluate(
      (cellId) =>
        new Promise((resolve, reject) => {
          const el = document.getElementById(cellId);
          const title = () => document.querySelector('.details-title')?.textContent;
          const before = title();
          const timer = setTimeout(() => reject(new Error(`details did not follow ${cellId}`)), 2000);
          const obs = new MutationObserver(() => {
            if (title() === before || document.activeElement === el) return;
            obs.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - start);
          });
          obs.observe(document.querySelector('.details'), { childList: true, characterData: true, subtree: true });
          const start = performance.now();
          el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
        }),
      id,
    );
    if (i >= WARMUP) nav.push(t);
  }
  const d = stats(dom);
  const f = stats(frame);
  const n = stats(nav);
  console.log(`RACI grid ${FUNCTIONS} functions × ${PARTIES} parties; ${EDITS} edits after ${WARMUP} warm-up`);
  console.log(`import and first render of the matrix: ${loadMs} ms`);
  console.log(`key press → cell DOM updated: median ${fmt(d.median)}, p95 ${fmt(d.p95)}, mean ${fmt(d.mean)}, max ${fmt(d.max)}`);
  console.log(`key press → next frame:       median ${fmt(f.median)}, p95 ${fmt(f.p95)}, mean ${fmt(f.mean)}, max ${fmt(f.max)}`);
  console.log(`ArrowDown → focus moved, details show the next function: median ${fmt(n.median)}, p95 ${fmt(n.p95)} (${n.n} moves)`);
  console.log(`goal: median ≤ 8 ms → ${d.median <= 8 ? 'met' : 'NOT met'}`);
  if (errors.length) {
    console.error('page errors:', errors);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await close();
}
