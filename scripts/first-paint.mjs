// Which requests Lighthouse's simulated first paint waits for, and when each ends.
//
// Lighthouse (Lantern) replays the requests of one unthrottled load at 1.6 Mbps and 150 ms
// round trips, sharing the bandwidth among the requests in flight. A file that needs one
// more round trip than before can move FCP and LCP by 150 ms; this prints, for FCP and
// LCP, each request in the simulated graph: start and end (ms), bytes with headers, path.
// `make bench-load` gives the medians; this says why a figure moved.
//
// Usage: node scripts/first-paint.mjs [#/route]   (serves dist/ itself, one Lighthouse run)
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js';
import { CHROME_FLAGS, CHROMIUM, serveDist } from './bench-lib.mjs';

const route = process.argv[2] ?? '';
const server = await serveDist();
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
try {
  const { lhr } = await lighthouse(server.url + route, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
  const metric = (id) => Math.round(lhr.audits[id].numericValue);
  console.log(`${route || '/'}: FCP ${metric('first-contentful-paint')} ms, LCP ${metric('largest-contentful-paint')} ms`);
  for (const [label, timings] of Lantern.Simulation.Simulator.allNodeTimings) {
    if (!/^(optimistic|pessimistic)(FirstContentfulPaint|LargestContentfulPaint)$/.test(label)) continue;
    console.log(`\n${label}\n  start    end   bytes  file`);
    const rows = [...timings]
      .filter(([node]) => node.type === 'network')
      .map(([node, t]) => [t.startTime, t.endTime, node.request.transferSize, node.request.url.replace(server.url, '/')])
      .sort((a, b) => a[0] - b[0]);
    for (const [start, end, bytes, file] of rows) {
      console.log(`  ${String(Math.round(start)).padStart(5)}  ${String(Math.round(end)).padStart(5)}  ${String(bytes).padStart(6)}  ${file}`);
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
