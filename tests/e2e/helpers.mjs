// Shared set-up for the end-to-end specs: Debian's Chromium, console-error capture,
// axe-core injection. Specs use roles and labels, which also proves accessibility.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const APP_URL = process.env.APP_URL ?? 'http://127.0.0.1:8080/';
export const SUBPATH_URL = process.env.SUBPATH_URL;

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, and the flags every spec runs it with. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Opens a page that records console errors, uncaught exceptions and CSP violations. */
export async function openPage(context, url = APP_URL) {
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(msg.text());
  });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  followApp(page);
  await page.goto(url);
  return page;
}

/** Makes `page.goto` and `page.reload` wait for the live app, not just its static first
 *  screen: the specs test what the app does, and the static screen only looks like it. */
export function followApp(page) {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    await appReady(page);
    return response;
  };
  page.reload = async (options) => {
    const response = await reload(options);
    await appReady(page);
    return response;
  };
}

/** Waits until the live app has replaced the static first screen of index.html. */
export async function appReady(page) {
  await page.locator('#app:not([data-static])').getByRole('banner').getByRole('link', { name: 'Splitline' }).waitFor();
}

/** Runs axe-core on the page and returns its violations, summarised. */
export async function axeViolations(page) {
  // evaluate() runs through DevTools, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The text the app stored under a localStorage key. */
export function stored(page, key) {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

/** Every localStorage key of the app. */
export function storedKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('splitline.')).sort());
}

/** Waits until the save badge says everything is stored. */
export async function saved(page) {
  await page.getByTestId('save-status').filter({ hasText: /^Saved$/ }).waitFor();
}

/** The row header of a workspace in the workspaces table (the open one is tagged "open"). */
export function workspaceRow(page, name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('rowheader', { name: new RegExp(`^${escaped}( open)?$`) });
}

/** Waits until an input shows `value` (its property, which the app sets, not the attribute). */
export async function waitForValue(locator, value, timeout = 5000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await locator.inputValue();
    if (last === value) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`input still shows ${JSON.stringify(last)}, expected ${JSON.stringify(value)}`);
}

/** Whether `locator` is wholly inside a window `height` px tall. */
export async function inWindow(locator, height) {
  const box = await locator.boundingBox();
  return box.y >= 0 && box.y + box.height <= height;
}

/**
 * Checks a "Go to" row (components/page_jumps.rs) both ways: a click on `click` brings
 * its heading, below the window before, on screen with focus on it; then, from the top
 * again, Enter on `press` lands on its heading, and the next Tab stays in its section.
 */
export async function checkJumps(page, { height, click: [clickLabel, clickHeading], press: [pressLabel, pressHeading, sectionId] }) {
  const jumps = page.getByRole('navigation', { name: 'Sections of this page' });
  const target = page.getByRole('heading', { level: 2, name: clickHeading, exact: true });
  await target.waitFor();
  assert.equal(await inWindow(target, height), false, `“${clickHeading}” starts below the window`);
  await jumps.getByRole('button', { name: clickLabel }).click();
  assert.ok(await inWindow(target, height), `“${clickHeading}” is on screen`);
  assert.ok(await target.evaluate((el) => el === document.activeElement), 'focus is on its heading');
  await page.evaluate(() => window.scrollTo(0, 0));
  await jumps.getByRole('button', { name: pressLabel }).focus();
  await page.keyboard.press('Enter');
  assert.ok(await inWindow(page.getByRole('heading', { level: 2, name: pressHeading, exact: true }), height), `“${pressHeading}” is on screen`);
  await page.keyboard.press('Tab');
  const inside = await page.evaluate(() => document.activeElement.closest('section')?.getAttribute('aria-labelledby'));
  assert.equal(inside, sectionId, 'the next Tab stays in the section');
}
