// The app shell: loads cleanly under the CSP, every route works by click and by URL,
// also from a sub-path, and axe-core finds nothing on any page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_URL, SUBPATH_URL, axeViolations, launch, openPage } from './helpers.mjs';

const ROUTES = [
  { hash: '#/', heading: 'Splitline' },
  { hash: '#/raci', heading: 'RACI builder', nav: 'RACI builder' },
  { hash: '#/scorecard', heading: 'Provider scorecard', nav: 'Provider scorecard' },
  { hash: '#/pricing', heading: 'Pricing comparison', nav: 'Pricing comparison' },
  { hash: '#/workspaces', heading: 'Workspaces' },
  { hash: '#/no-such-page', heading: 'Page not found' },
];

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

test('the app loads with no console errors under its Content-Security-Policy', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  // One inline script (the first-screen chooser), allowed by its hash alone.
  assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/]+=' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  assert.match(csp, /base-uri 'none'/);
  assert.match(csp, /form-action 'none'/);
  assert.equal(await page.locator('script:not([src])').count(), 1, 'one inline script');
  await page.getByRole('heading', { level: 1, name: 'Splitline' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('every tool is reachable by clicking the navigation', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const nav = page.getByRole('navigation', { name: 'Tools' });
  for (const route of ROUTES.filter((r) => r.nav)) {
    await nav.getByRole('link', { name: route.nav }).click();
    await page.getByRole('heading', { level: 1, name: route.heading }).waitFor();
    assert.equal(new URL(page.url()).hash, route.hash);
    assert.equal(await nav.getByRole('link', { name: route.nav }).getAttribute('aria-current'), 'page');
    assert.equal(await page.locator('h1').count(), 1, 'one h1 per page');
  }
  await page.getByRole('link', { name: 'Splitline' }).click();
  await page.getByRole('heading', { level: 1, name: 'Splitline' }).waitFor();
  for (const name of ['RACI builder', 'Provider scorecard', 'Pricing comparison']) {
    await page.getByRole('main').getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Splitline' }).waitFor();
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('every route opens directly by URL and survives a reload', async () => {
  const context = await browser.newContext();
  for (const route of ROUTES) {
    const page = await openPage(context, APP_URL + route.hash);
    await page.getByRole('heading', { level: 1, name: route.heading }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: route.heading }).waitFor();
    assert.deepEqual(page.errors, [], route.hash);
    await page.close();
  }
  await context.close();
});

test('the build served from a sub-path navigates and deep-links', async () => {
  assert.ok(SUBPATH_URL, 'run through tests/e2e/run.mjs');
  const context = await browser.newContext();
  const page = await openPage(context, `${SUBPATH_URL}#/scorecard`);
  await page.getByRole('heading', { level: 1, name: 'Provider scorecard' }).waitFor();
  await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Pricing comparison' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pricing comparison' }).waitFor();
  assert.ok(page.url().startsWith(`${SUBPATH_URL}#/pricing`), page.url());
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Pricing comparison' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('axe-core reports no violations on any route, in light and dark themes', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme });
    const page = await openPage(context);
    for (const route of ROUTES) {
      await page.goto(APP_URL + route.hash);
      await page.getByRole('heading', { level: 1, name: route.heading }).waitFor();
      assert.deepEqual(await axeViolations(page), [], `${colorScheme} ${route.hash}`);
    }
    await context.close();
  }
});

test('at 360 px wide nothing overflows the page sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await openPage(context);
  for (const route of ROUTES) {
    await page.goto(APP_URL + route.hash);
    await page.getByRole('heading', { level: 1, name: route.heading }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${route.hash} overflows by ${overflow}px`);
  }
  // The header keeps to three short rows: the tools go by their short names, still
  // named in full for a screen reader.
  const header = await page.locator('.site-header').boundingBox();
  assert.ok(header.height <= 140, `the header is ${header.height}px tall`);
  const nav = page.getByRole('navigation', { name: 'Tools' });
  assert.equal(await nav.getByRole('link', { name: 'Provider scorecard' }).innerText(), 'Scorecard');
  const rows = await nav.getByRole('link').evaluateAll((links) => new Set(links.map((a) => a.getBoundingClientRect().top)).size);
  assert.equal(rows, 1, 'the four tools fit on one row');
  await context.close();
});

test('a long page offers "↑ Top" once it is scrolled a screen down, and it returns to the page heading', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await openPage(context, APP_URL + '#/scorecard?view=criteria');
  await page.getByRole('heading', { level: 2, name: 'Criteria and weights' }).waitFor();
  const back = page.getByRole('button', { name: 'Top of the page' });
  assert.equal(await back.isVisible(), false, 'not shown at the top of the page');
  await page.evaluate(() => window.scrollTo(0, innerHeight / 2));
  await page.waitForTimeout(200);
  assert.equal(await back.isVisible(), false, 'not shown half a screen down');
  await page.evaluate(() => window.scrollTo(0, 3 * innerHeight));
  await back.waitFor();
  const box = await back.boundingBox();
  assert.ok(box.y + box.height <= 740 && box.height >= 44, `on screen and 44 px tall (${JSON.stringify(box)})`);
  assert.ok(box.width <= 48, `on a phone, the arrow alone (${JSON.stringify(box)})`);
  await back.click();
  await page.waitForFunction(() => window.scrollY === 0);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Provider scorecard');
  await back.waitFor({ state: 'hidden' });
  assert.deepEqual(page.errors, []);
  await context.close();
  // Showing it is no motion: it still comes for a visitor who asks for reduced motion.
  const still = await browser.newContext({ viewport: { width: 360, height: 740 }, reducedMotion: 'reduce' });
  const calm = await openPage(still, APP_URL + '#/scorecard?view=criteria');
  await calm.getByRole('heading', { level: 2, name: 'Criteria and weights' }).waitFor();
  await calm.evaluate(() => window.scrollTo(0, 3 * innerHeight));
  await calm.getByRole('button', { name: 'Top of the page' }).waitFor();
  await still.close();
});

test('on a 1280 px laptop the header is one row, with the tools named in full, on 1024 px with their short names, and a wide screen shows more of a long workspace name', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await openPage(context);
  const nav = page.getByRole('navigation', { name: 'Tools' });
  assert.equal(await nav.getByRole('link', { name: 'Provider scorecard' }).innerText(), 'Provider scorecard');
  const oneRow = async (width) => {
    await page.setViewportSize({ width, height: 720 });
    const tops = await page.evaluate(() =>
      [...document.querySelectorAll('.site-header .brand, .site-header nav a, .switcher select, .save-badge')].map((el) => {
        const box = el.getBoundingClientRect();
        return box.top + box.height / 2;
      }),
    );
    assert.ok(Math.max(...tops) - Math.min(...tops) < 8, `at ${width} px: brand, tools, workspace and save state on one row (${tops.join(', ')})`);
  };
  await oneRow(1280);
  // Below 1280 px the tools go by their short names (still named in full for a screen
  // reader), so a 1024 px screen keeps the header to one row too.
  await oneRow(1024);
  assert.equal(await nav.getByRole('link', { name: 'Provider scorecard' }).innerText(), 'Scorecard');
  await page.setViewportSize({ width: 1280, height: 720 });
  // At 1280 px a typical workspace name is shown in full (the switcher's "Workspace" is
  // then only its label for a screen reader): the select is narrower than its limit.
  await page.goto(`${APP_URL}#/workspaces`);
  const rename = async (from, to) => {
    await page.getByRole('button', { name: `Rename ${from}` }).click();
    const field = page.getByRole('textbox', { name: 'Workspace name' });
    await field.fill(to);
    await field.press('Enter');
    await page.waitForFunction((name) => document.querySelector('.switcher select option:checked')?.textContent === name, to);
  };
  await rename('My first engagement', 'Contoso: MSP decision');
  const select = page.getByRole('combobox', { name: 'Workspace' });
  await oneRow(1280);
  assert.ok((await select.boundingBox()).width < 255, 'a typical name is not cut');
  // A long one is cut at 1280 px and shown wider where the header has room.
  await rename('Contoso: MSP decision', 'Contoso Holdings: MSP decision 2027');
  await oneRow(1280);
  assert.ok((await select.boundingBox()).width <= 256.5);
  await oneRow(1440);
  assert.ok((await select.boundingBox()).width > 260, 'the name has more room on a wide screen');
  await context.close();
});

test('the first Tab offers to skip the header, to the page itself', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/pricing`);
  // The first stop skips the header: Enter lands on the page's heading, and the next
  // stop is in the page.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('button', { name: 'Skip to the page' });
  assert.ok(await skip.evaluate((el) => el === document.activeElement), 'the first Tab reaches the skip button');
  // Out of sight is a 1 px box (Playwright counts that as visible, so the size is checked).
  assert.ok((await skip.boundingBox()).width > 50, 'it shows while it has focus');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('main h1'));
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement?.closest('main') !== null), 'the next stop is in the page');
  assert.ok((await skip.boundingBox()).width <= 1, 'out of sight again');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the keyboard alone reaches the tools, and focus moves to the new page', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.matches('nav[aria-label="Tools"] a[href="#/raci"]'));
  }
  assert.ok(reached, 'Tab reaches the RACI builder link in the navigation');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'RACI builder' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await page.title(), 'RACI builder · Splitline');
  await context.close();
});
