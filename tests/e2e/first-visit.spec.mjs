// The first visit: a static first screen that reads and responds before the wasm, an app
// that takes over without a shift, each tool's code loaded when it opens, and a service
// worker that keeps every build's files for offline use without mixing two builds.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { headersFile, rules } from '../../scripts/headers.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { APP_URL, launch, openPage, saved } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

/** Holds back the shell's wasm until `release()` is called. */
async function holdWasm(context) {
  let release;
  const released = new Promise((r) => {
    release = r;
  });
  await context.route(/_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Sums the page's layout shifts not caused by input into `window.shifts`. */
const countShifts = (page) =>
  page.addInitScript(() => {
    window.shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });

const wasmRequests = (page) => {
  const seen = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) seen.push(path.basename(new URL(r.url()).pathname));
  });
  return seen;
};

test('without any wasm, the home page reads, its links work and each tool shows its first screen', async () => {
  const context = await browser.newContext();
  await context.route(/\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(APP_URL);
  await page.getByRole('heading', { level: 1, name: 'Splitline' }).waitFor();
  await page.getByText('Co-managed IT fails where ownership is vague').waitFor();
  await page.getByRole('main').getByRole('link', { name: 'decision brief' }).click();
  await page.getByRole('heading', { level: 1, name: 'Decision brief' }).waitFor();
  await page.goto(APP_URL);
  await page.getByRole('main').getByRole('link', { name: 'RACI builder' }).click();
  await page.getByRole('heading', { level: 1, name: 'RACI builder' }).waitFor();
  await page.getByRole('button', { name: 'Start from the co-managed template' }).waitFor();
  assert.equal(await page.title(), 'RACI builder · Splitline');
  for (const [hash, heading] of [['#/scorecard', 'Provider scorecard'], ['#/pricing', 'Pricing comparison'], ['#/workspaces', 'Workspaces']]) {
    await page.goto(`${APP_URL}${hash}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    assert.equal(await page.locator('h1').count(), 1);
  }
  assert.equal(await page.locator('#app').getAttribute('data-static'), 'workspaces');
  await context.close();
});

test('before any wasm, a request link reads as the provider\'s request and a response link as the buyer\'s', async () => {
  const context = await browser.newContext();
  await context.route(/\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  // The screen is chosen from the link's first characters; nothing is decoded yet.
  await page.goto(`${APP_URL}#/s/1q2x.abc`);
  await page.getByRole('heading', { level: 1, name: 'Request for proposal' }).waitFor();
  assert.equal(await page.title(), 'Request for proposal · Splitline');
  assert.equal(await page.getByText('Shared with you').count(), 0);
  assert.equal(await page.getByRole('navigation', { name: 'Tools' }).isVisible(), false);
  await page.goto(`${APP_URL}#/s/1a2x.abc`);
  await page.getByRole('heading', { level: 1, name: "A provider's response" }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Tools' }).isVisible(), true);
  await page.goto(`${APP_URL}#/s/1w2x.abc`);
  await page.getByRole('heading', { level: 1, name: 'Shared with you' }).waitFor();
  await context.close();
});

test('the app takes over the static screen without a layout shift, and a click made before it loaded still counts', async () => {
  const context = await browser.newContext();
  const release = await holdWasm(context);
  const page = await context.newPage();
  await countShifts(page);
  await page.goto(`${APP_URL}#/raci`);
  const start = page.getByRole('button', { name: 'Start from the co-managed template' });
  await start.waitFor();
  const before = await page.getByRole('heading', { name: 'Start the matrix' }).boundingBox();
  // The visitor clicks while the wasm is still on its way, which takes longer than the
  // half second after a click in which a browser counts nothing as a layout shift.
  await start.click();
  assert.equal(await start.getAttribute('aria-busy'), 'true', 'the button says the click was taken');
  await page.waitForTimeout(700);
  release();
  await page.getByRole('grid', { name: 'Matrix' }).waitFor();
  assert.equal(await page.locator('.raci-grid .fn-text').count(), 36);
  assert.ok(before.y > 0);
  assert.ok((await page.evaluate(() => window.shifts)) <= 0.01, 'cumulative layout shift stays under 0.01');
  await context.close();
});

test('the live app replaces the static screen in one step: header, page and footer together', async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  // A slow phone's pace: the live app is built over several tasks, none of them shown.
  await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await countShifts(page);
  // Every change to #app's own children after the static screen, as the DOM stood then
  // (a mutation observer runs before the browser paints).
  await page.addInitScript(() => {
    window.swaps = [];
    document.addEventListener('DOMContentLoaded', () => {
      const app = document.getElementById('app');
      new MutationObserver((records) => {
        for (const r of records)
          window.swaps.push({
            added: [...r.addedNodes].filter((n) => n.nodeType === 1).map((n) => n.tagName),
            heading: app.querySelector('main h1')?.textContent ?? null,
            tabs: app.querySelector('main [role=tablist]') !== null,
            panel: app.querySelector('#sc-panel')?.childElementCount ?? 0,
            staticLeft: app.hasAttribute('data-static'),
          });
      }).observe(app, { childList: true });
    });
  });
  await page.goto(`${APP_URL}#/scorecard`);
  await page.locator('#app:not([data-static])').waitFor();
  await page.getByRole('tabpanel').waitFor();
  const swaps = await page.evaluate(() => window.swaps);
  assert.equal(swaps.length, 1, `one change to the page's frame: ${JSON.stringify(swaps)}`);
  const [swap] = swaps;
  for (const tag of ['HEADER', 'MAIN', 'FOOTER']) assert.ok(swap.added.includes(tag), `${tag} arrives with the rest: ${swap.added}`);
  assert.equal(swap.heading, 'Provider scorecard');
  // The page's top is built in parts too (`offscreen`), all of them before the swap.
  assert.ok(swap.tabs, 'the tab list below the providers arrives with the heading');
  // And so is what the panel below the tabs shows (a later part of the page).
  assert.ok(swap.panel > 0, 'the tab panel arrives filled');
  assert.equal(swap.staticLeft, false);
  assert.ok((await page.evaluate(() => window.shifts)) <= 0.01, 'no layout shift at the takeover');
  await context.close();
});

/**
 * Opens `hash` with the wasm held back, keeps the static screen's field that `find` (run
 * in the page) returns, then lets the app load and waits until it is live.
 */
async function keepStaticField(hash, find) {
  const context = await browser.newContext({ locale: 'en-US' });
  const release = await holdWasm(context);
  await context.addInitScript(() => document.addEventListener('splitline:live', () => (window.live = true)));
  const page = await context.newPage();
  await page.goto(`${APP_URL}${hash}`);
  const field = await page.evaluateHandle(find);
  assert.ok(await field.evaluate((el) => el instanceof HTMLElement), `a static field on ${hash}`);
  release();
  await page.waitForFunction(() => window.live);
  return { context, page, field };
}

test('a file chosen in a picker opened on the static screen is imported once the app has taken over', async () => {
  // The visitor opens the file chooser on the static screen...
  const { context, page, field } = await keepStaticField('#/workspaces', () => document.querySelector('#app[data-static] input[type="file"]'));
  // ...and chooses a file after the live app has replaced that screen: the browser
  // delivers it to the chooser's own input, now out of the page.
  const file = fs.readFileSync(path.join(root, 'tests/e2e/decision-workspace.json'), 'utf8');
  await field.evaluate((picker, text) => {
    const chosen = new DataTransfer();
    chosen.items.add(new File([text], 'contoso.json', { type: 'application/json' }));
    picker.files = chosen.files;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
  }, file);
  const done = page.getByText('Imported “Contoso: MSP decision” as a new workspace. It is open now.');
  await done.waitFor();
  await saved(page);
  assert.match(await page.evaluate(() => Object.values(localStorage).join()), /Contoso: MSP decision/);
  // The confirmation belongs to this page: on the next one it would only push the tool
  // down (a phone's whole first screen, with the backup reminder).
  await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'RACI builder' }).click();
  await page.getByRole('heading', { level: 1, name: 'RACI builder' }).waitFor();
  assert.equal(await done.count(), 0);
  await context.close();
});

test('a choice made in a list opened on the static screen reaches the live app', async () => {
  const currency = () => [...document.querySelectorAll('#app[data-static] select')].find((s) => s.labels[0]?.textContent === 'Currency');
  const { context, page, field } = await keepStaticField('#/pricing', currency);
  await field.evaluate((list) => {
    list.value = 'EUR';
    list.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.getByText('Figures in EUR', { exact: false }).first().waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Currency' }).inputValue(), 'EUR');
  await context.close();
});

test('text typed into the static screen is kept by the live app', async () => {
  const context = await browser.newContext();
  const release = await holdWasm(context);
  const page = await context.newPage();
  await page.goto(`${APP_URL}#/workspaces`);
  await page.getByRole('textbox', { name: 'Company name' }).fill('Contoso Dental');
  release();
  await page.locator('#app:not([data-static])').waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Company name' }).inputValue(), 'Contoso Dental');
  await saved(page);
  assert.match(await page.evaluate(() => Object.values(localStorage).join()), /Contoso Dental/);
  await context.close();
});

test('the pricing page is built whole before it takes over, so nothing on screen moves', async () => {
  // A tall desktop window shows the footer, and it must not move at the takeover.
  for (const viewport of [{ width: 412, height: 823 }, { width: 1920, height: 3400 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    // A slow phone's pace, so the parts are built in frames of their own.
    await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await countShifts(page);
    // The footer's place in every frame, on the static screen and for 20 frames after it.
    await page.addInitScript(() => {
      window.tops = { static: null, live: [] };
      const frame = () => {
        const app = document.getElementById('app');
        const top = Math.round(document.querySelector('.site-footer')?.getBoundingClientRect().top ?? -1);
        if (!app || app.hasAttribute('data-static')) window.tops.static = top;
        else window.tops.live.push(top);
        if (window.tops.live.length < 20) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.goto(`${APP_URL}#/pricing`);
    await page.waitForFunction(() => window.tops.live.length === 20);
    const tops = await page.evaluate(() => window.tops);
    assert.ok(tops.static > 0, 'the footer is in the window');
    for (const top of tops.live) assert.ok(Math.abs(top - tops.static) <= 1, `the footer stays put at ${viewport.width} px: ${tops.static}, then ${tops.live}`);
    assert.ok((await page.evaluate(() => window.shifts)) <= 0.01, `no layout shift at ${viewport.width} px`);
    await context.close();
  }
});

test('keys typed while the app takes over all land in the field', async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const release = await holdWasm(context);
  const page = await context.newPage();
  await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // How much of the text the field held when the app took over.
  await page.addInitScript(() =>
    document.addEventListener('splitline:leaving-static', () => {
      window.typedBefore = document.activeElement?.value?.length;
    }),
  );
  await page.goto(`${APP_URL}#/pricing`);
  // A field in the page's lower panels, the last part of the page to be built.
  await page.getByRole('textbox', { name: 'New provider name' }).click();
  await page.keyboard.type('Harbor');
  release();
  // Typing on, at a fast typist's pace, from before the app has loaded until after.
  const more = ' IT Services of the North West and Wales, Limited';
  await page.keyboard.type(more, { delay: 40 });
  await page.locator('#app:not([data-static])').waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'New provider name' }).inputValue(), `Harbor${more}`);
  const before = await page.evaluate(() => window.typedBefore);
  assert.ok(before > 0 && before < `Harbor${more}`.length, `the app took over mid-word (${before} characters in)`);
  await context.close();
});

test('on the pricing page, what was typed and clicked in its later panels before the app loaded still lands', async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const release = await holdWasm(context);
  const page = await context.newPage();
  await page.goto(`${APP_URL}#/pricing`);
  await page.getByRole('textbox', { name: 'After-hours incidents (a year)' }).fill('9');
  await page.getByRole('textbox', { name: 'New provider name' }).fill('Harbor IT');
  await page.getByRole('button', { name: 'Add quote' }).click();
  release();
  // The replayed click adds the quote, so its card moves what is below: a response to
  // the visitor's own click, not a shift of the takeover.
  await page.getByRole('heading', { name: 'Harbor IT' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'After-hours incidents (a year)' }).inputValue(), '9');
  await context.close();
});

test('each tool loads its own code when it opens, not before', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const wasm = wasmRequests(page);
  await page.goto(APP_URL);
  await page.locator('#app:not([data-static])').waitFor();
  assert.deepEqual(wasm.filter((f) => f.startsWith('split_')), [], 'the home page loads no tool');
  await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Pricing comparison' }).click();
  await page.getByRole('heading', { level: 2, name: 'Your environment' }).waitFor();
  assert.ok(wasm.some((f) => f.startsWith('split_pricing-')));
  assert.ok(!wasm.some((f) => f.startsWith('split_raci-') || f.startsWith('split_scorecard-')));
  await context.close();
});

/** A copy of dist/ as the next deploy would look: the same app under another build id. */
function nextBuild(from, to) {
  const html = fs.readFileSync(path.join(from, 'index.html'), 'utf8');
  const id = html.match(/data-build="([0-9a-f]{16})"/)[1];
  const next = createHash('sha256').update(id).digest('hex').slice(0, 16);
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) {
    const target = path.join(to, name.replaceAll(id, next));
    if (/\.(html|js)$/.test(name)) {
      let text = fs.readFileSync(path.join(from, name), 'utf8').replaceAll(id, next);
      if (name === 'index.html') {
        // The inline script names the chunks, so its hash in the CSP changes with them.
        const inline = text.match(/<script>([\s\S]*?)<\/script>/)[1];
        text = text.replace(/'sha256-[^']+'/, `'sha256-${createHash('sha256').update(inline).digest('base64')}'`);
      }
      fs.writeFileSync(target, text);
    } else if (!/\.(html|js)\.(br|gz)$/.test(name) && name !== '_headers') {
      fs.copyFileSync(path.join(from, name), target);
    }
  }
  // As the post-build step does: the header policy carries the new inline script's hash.
  fs.writeFileSync(path.join(to, '_headers'), headersFile(rules(to)));
  return next;
}

function deploy(dir, from) {
  for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name));
  for (const name of fs.readdirSync(from)) fs.copyFileSync(path.join(from, name), path.join(dir, name));
}

async function workerCached(page, build = '') {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async (build) => {
    for (const key of await caches.keys()) {
      if (!key.includes(`-build-${build}`)) continue;
      const urls = (await (await caches.open(key)).keys()).map((r) => r.url);
      if (urls.some((u) => u.includes('split_scorecard-')) && urls.some((u) => u.endsWith('/'))) return true;
    }
    return false;
  }, build);
}

test('after visiting each tool once, every page opens and works without a network', async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'splitline-site-'));
  deploy(site, dist);
  const server = await startServer(site);
  const context = await browser.newContext();
  try {
    const page = await openPage(context, `${server.url}#/workspaces`);
    await page.getByRole('textbox', { name: 'Company name' }).fill('Offline Ltd');
    await saved(page);
    for (const name of ['RACI builder', 'Provider scorecard', 'Pricing comparison']) {
      await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
    }
    await workerCached(page);
    // Opening another file of the site in a tab is not a visit of the app.
    const tab = await context.newPage();
    await tab.goto(`${server.url}favicon.svg`);
    await server.close();
    const favicon = await tab.goto(`${server.url}favicon.svg`);
    assert.match(favicon.headers()['content-type'] ?? '', /svg/, 'offline, the favicon is the favicon');
    await tab.close();
    for (const [hash, check] of [
      ['#/raci', () => page.getByRole('button', { name: 'Start from the co-managed template' })],
      ['#/scorecard', () => page.getByRole('heading', { level: 2, name: 'Providers' })],
      ['#/pricing', () => page.getByRole('heading', { level: 2, name: 'Your environment' })],
      ['#/workspaces', () => page.getByRole('textbox', { name: 'Company name' })],
    ]) {
      await page.goto(`${server.url}${hash}`);
      await page.reload();
      await check().waitFor();
    }
    assert.equal(await page.getByRole('textbox', { name: 'Company name' }).inputValue(), 'Offline Ltd');
    // Saves made offline get their durable copy too: copies.js came from the cache.
    assert.ok(await page.evaluate(() => typeof window.splitlineCopy === 'function'), 'the durable copy runs offline');
  } finally {
    await server.close();
    await context.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('a tab open during a deploy keeps its own build; a reload moves to the new one, which then works offline', async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'splitline-site-'));
  const next = fs.mkdtempSync(path.join(os.tmpdir(), 'splitline-next-'));
  deploy(site, dist);
  const id = fs.readFileSync(path.join(dist, 'index.html'), 'utf8').match(/data-build="([0-9a-f]{16})"/)[1];
  const nextId = nextBuild(dist, next);
  const server = await startServer(site);
  const context = await browser.newContext();
  try {
    const page = await openPage(context, `${server.url}#/raci`);
    const wasm = wasmRequests(page);
    await workerCached(page);
    deploy(site, next);
    // This tab still runs the old build: the scorecard's chunks come from its build.
    await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Provider scorecard' }).click();
    await page.getByRole('heading', { level: 2, name: 'Providers' }).waitFor();
    assert.ok(wasm.length > 0 && wasm.every((f) => f.includes(id)), `old build only: ${wasm.join(', ')}`);
    wasm.length = 0;
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Providers' }).waitFor();
    assert.ok(wasm.length > 0 && wasm.every((f) => f.includes(nextId)), `new build only: ${wasm.join(', ')}`);
    assert.ok(await page.locator(`script[src*="boot-${nextId}.js"]`).count(), 'the new loader runs');
    await workerCached(page, nextId);
    await server.close();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Providers' }).waitFor();
    assert.deepEqual(page.errors, []);
  } finally {
    await server.close();
    await context.close();
    fs.rmSync(site, { recursive: true, force: true });
    fs.rmSync(next, { recursive: true, force: true });
  }
});
