// Page helpers shared by the RACI builder specs.
import { APP_URL, openPage } from './helpers.mjs';

export async function openRaci(context) {
  const page = await openPage(context, `${APP_URL}#/raci`);
  await page.getByRole('heading', { level: 1, name: 'RACI builder' }).waitFor();
  return page;
}

export async function startFromTemplate(page) {
  await page.getByRole('button', { name: 'Start from the co-managed template' }).click();
  await page.getByRole('grid', { name: 'Matrix' }).waitFor();
}

export function grid(page) {
  return page.getByRole('grid', { name: 'Matrix' });
}

/** The grid row of a function, found by its row header. */
export function row(page, name) {
  return grid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) });
}

/** The cell of a function for the party in column `party` (0-based). */
export function cell(page, name, party) {
  return row(page, name).getByRole('gridcell').nth(party);
}

/** The score line, for example "86% 31 of 36 functions have no findings (…). 5 findings. All of them block the Statement of Work." */
export async function score(page) {
  return (await page.getByTestId('raci-score').textContent()).replace(/\s+/g, ' ').trim();
}

/** The id and accessible label of the focused element. */
export function focused(page) {
  return page.evaluate(() => ({
    id: document.activeElement?.id ?? '',
    label: document.activeElement?.getAttribute('aria-label') ?? '',
    text: document.activeElement?.textContent ?? '',
    tag: document.activeElement?.tagName ?? '',
    fn: document.activeElement?.querySelector?.('.fn-text')?.textContent ?? '',
  }));
}

/**
 * Waits until focus is on an element matching `want` (focus may move on the next frame):
 * `{ id }`, `{ role }`, `{ fn }` (a grid row header's function name) or `{ outside }` (a
 * CSS selector the focus must have left).
 */
export async function waitFocus(page, want) {
  await page.waitForFunction((w) => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    if (w.id && el.id !== w.id) return false;
    if (w.role && el.getAttribute('role') !== w.role) return false;
    if (w.fn && el.querySelector('.fn-text')?.textContent !== w.fn) return false;
    if (w.outside && el.closest(w.outside)) return false;
    return true;
  }, want);
}

/** Presses Tab until the focus is inside the grid; returns how many presses it took. */
export async function tabIntoGrid(page, limit = 80) {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    const inGrid = await page.evaluate(() => !!document.activeElement?.closest('[role=grid]'));
    if (inGrid) return i;
  }
  throw new Error('Tab never reached the grid');
}

/** Names of the function rows, in grid order. */
export function rowNames(page) {
  return page.$$eval('.raci-grid .fn-text', (els) => els.map((e) => e.textContent));
}

/** Reads a download triggered by `action` as text. */
export async function downloadText(page, action) {
  const { readFile } = await import('node:fs/promises');
  const pending = page.waitForEvent('download');
  await action();
  const download = await pending;
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** Chooses a file through the "Import CSV…" button, as a buyer would. */
export async function importCsv(page, name, text) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}
