// `make bench-load`: how fast a new visitor on a phone gets Splitline, on the release
// build in dist/ served compressed like a static host (scripts/static-server.mjs).
//   1. Lighthouse 12 (npm) in Debian's Chromium, its default mobile settings (simulated
//      1.6 Mbps, 150 ms round trip, 4x CPU): performance score, FCP, LCP, TBT and CLS of
//      `/` and each tool, the median of RUNS runs, each in a fresh browser.
//   2. The RACI start as a visitor does it: open #/raci under the same network and CPU
//      throttling (DevTools protocol), click "Start from the co-managed template" as soon
//      as it is on screen, and time until the template matrix shows; with the wasm bytes
//      that crossed the network by then.
//   3. The raw, gzip and brotli size of every file in dist/, and the wasm each page needs.
// BENCH_DIST=folder measures another build (an older one, compressed with compress.mjs).
// Prints figures and the goals of issue 9 beside them; it is not a test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS as FLAGS, CHROMIUM } from './bench-lib.mjs';
import { dist, printSizes } from './sizes.mjs';
import { startServer } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 3);
const ROUTES = [
  { name: '/', hash: '', goal: { score: 98, lcp: 1500, tbt: 100 } },
  { name: '#/raci', hash: '#/raci', goal: { score: 90, lcp: 2000, tbt: 200 } },
  { name: '#/scorecard', hash: '#/scorecard', goal: { score: 90, lcp: 2000, tbt: 200 } },
  { name: '#/pricing', hash: '#/pricing', goal: { score: 90, lcp: 2000, tbt: 200 } },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const mark = (ok) => (ok ? 'ok' : 'MISSED');

async function lighthouseRun(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
    const a = lhr.audits;
    return {
      score: Math.round(lhr.categories.performance.score * 100),
      fcp: a['first-contentful-paint'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
    };
  } finally {
    await chrome.kill();
  }
}

async function raciStart(url) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((f) => !f.startsWith('--headless')) });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const wasm = new Map();
    cdp.on('Network.responseReceived', (e) => {
      if (e.response.url.endsWith('.wasm')) wasm.set(e.requestId, { url: e.response.url, bytes: 0 });
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (wasm.has(e.requestId)) wasm.get(e.requestId).bytes = e.encodedDataLength;
    });
    const start = Date.now();
    await page.goto(`${url}#/raci`, { waitUntil: 'commit' });
    const button = page.getByRole('button', { name: 'Start from the co-managed template' });
    await button.waitFor({ state: 'visible', timeout: 60000 });
    const clicked = Date.now() - start;
    await button.click({ noWaitAfter: true });
    await page.getByRole('grid').first().waitFor({ state: 'visible', timeout: 60000 });
    const usable = Date.now() - start;
    // Files whose download has finished: the panels below the matrix may have started by
    // the time the grid is seen, with nothing received yet.
    const done = [...wasm.values()].filter((w) => w.bytes > 0);
    const bytes = done.reduce((sum, w) => sum + w.bytes, 0);
    return { clicked, usable, bytes, files: done.length };
  } finally {
    await browser.close();
  }
}

if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ has no build: run `trunk build --release` (make bench-load does)');
const server = await startServer(dist);
try {
  const lhVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/lighthouse/package.json'), 'utf8')).version;
  console.log(`Lighthouse ${lhVersion}, mobile defaults, median of ${RUNS} runs, new visitor, served with brotli\n`);
  console.log('route          perf    FCP       LCP       TBT      CLS     goal (perf / LCP / TBT)');
  for (const route of ROUTES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lighthouseRun(server.url + route.hash));
    const m = Object.fromEntries(['score', 'fcp', 'lcp', 'tbt', 'cls'].map((k) => [k, median(runs.map((r) => r[k]))]));
    const g = route.goal;
    const met = m.score >= g.score && m.lcp <= g.lcp && m.tbt <= g.tbt && m.cls <= 0.01;
    console.log(`${route.name.padEnd(14)} ${String(m.score).padStart(4)} ${ms(m.fcp).padStart(8)} ${ms(m.lcp).padStart(9)} ${ms(m.tbt).padStart(8)} ${m.cls.toFixed(3).padStart(7)}   >= ${g.score} / <= ${g.lcp} ms / <= ${g.tbt} ms, CLS <= 0.01: ${mark(met)}`);
  }

  const starts = [];
  for (let i = 0; i < RUNS; i++) starts.push(await raciStart(server.url));
  const usable = median(starts.map((s) => s.usable));
  const bytes = median(starts.map((s) => s.bytes));
  console.log(`\n#/raci, throttled (150 ms, 1.6 Mbps, 4x CPU), median of ${RUNS}:`);
  console.log(`  start button clickable at ${ms(median(starts.map((s) => s.clicked)))}; template matrix on screen at ${ms(usable)} (goal <= 4000 ms: ${mark(usable <= 4000)})`);
  console.log(`  wasm transferred by then: ${kb(bytes)} in ${starts[0].files} files (goal <= 300 KB: ${mark(bytes <= 300 * 1024)})`);

  console.log('');
  printSizes(dist);
} finally {
  await server.close();
}
