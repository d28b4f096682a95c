// RACI builder files: CSV export and import (round trip, long layout, errors, asking
// before replacing), the Markdown downloads and the printable appendix.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_URL, launch, saved } from './helpers.mjs';
import {
  cell,
  downloadText,
  grid,
  importCsv,
  openRaci,
  row,
  rowNames,
  score,
  startFromTemplate,
} from './raci-helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

/** Every cell's text, row by row, with the row header first. */
function matrix(page) {
  return page.$$eval('.raci-grid tr', (trs) =>
    trs.map((tr) => [...tr.children].map((c) => (c.querySelector('.fn-text') ?? c).textContent.trim())),
  );
}

test('CSV export, then import into a new workspace, gives an identical matrix', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await page.getByRole('combobox', { name: 'Industry' }).selectOption({ label: 'Legal' });
  await startFromTemplate(page);
  // Make it the buyer's own: a split MSP, awkward text, different owners.
  await page.getByRole('textbox', { name: 'New party' }).fill('MSP SOC, "night team"');
  await page.getByRole('button', { name: 'Add party' }).click();
  await cell(page, 'Security alerts and SOC watch', 3).click();
  await cell(page, 'Security alerts and SOC watch', 3).click();
  await row(page, 'Security alerts and SOC watch').getByRole('rowheader').click();
  await page.getByRole('textbox', { name: 'P1 escalation path' }).fill('=SOC on-call\n then IT manager, "Dana"');
  await page.getByRole('combobox', { name: 'Owner after hours' }).selectOption({ label: 'MSP SOC, "night team"' });
  await page.getByRole('textbox', { name: 'Notes', exact: true }).fill('Reviewed 2026-03; see ticket #12');
  const first = await downloadText(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
  assert.equal(first.name, 'my-first-engagement-raci.csv');
  assert.ok(first.text.startsWith('\uFEFFCategory,Function,Key,Marks,'), first.text.slice(0, 80));
  assert.match(first.text, /,"MSP SOC, ""night team"" \[msp\]"\r\n/);
  assert.match(first.text, /"'=SOC on-call\n then IT manager, ""Dana"""/, 'formula guarded, quotes and line break kept');
  const before = await matrix(page);

  // A new workspace starts empty; import the file there.
  await page.goto(`${APP_URL}#/workspaces`);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.goto(`${APP_URL}#/raci`);
  await page.getByRole('heading', { name: 'Start the matrix' }).waitFor();
  await importCsv(page, first.name, first.text);
  await grid(page).waitFor();
  assert.deepEqual(await matrix(page), before);
  const second = await downloadText(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
  assert.equal(second.name, 'new-engagement-raci.csv');
  assert.equal(second.text, first.text, 'the re-export is byte for byte the same');
  await row(page, 'Security alerts and SOC watch').getByRole('rowheader').click();
  assert.equal(await page.getByRole('textbox', { name: 'P1 escalation path' }).inputValue(), '=SOC on-call\n then IT manager, "Dana"');
  await saved(page);
  await page.reload();
  await grid(page).waitFor();
  assert.deepEqual(await matrix(page), before);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a bad file is refused whole, with every bad line and why', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  const before = await score(page);
  const bad = [
    'Category,Function,Internal IT,MSP',
    'Ops,Patching,A,R',
    'Ops,,A,R',
    'Ops,Backups,A,X',
    'Ops,Patching,A,R',
  ].join('\n');
  await importCsv(page, 'bad.csv', bad);
  const report = page.getByRole('alert').filter({ hasText: 'Nothing was imported.' });
  await report.waitFor();
  assert.deepEqual(await report.getByRole('listitem').allTextContents(), [
    'Line 3: function name: Give it a name.',
    'Line 4: “X” under MSP is not a set of RACI letters (found “X”; use R, A, C or I)',
    'Line 5: “Patching” is already listed in the same category on line 2',
  ]);
  assert.equal(await score(page), before, 'nothing changed');
  assert.equal((await rowNames(page)).length, 36);
  await report.getByRole('button', { name: 'Dismiss' }).click();
  await report.waitFor({ state: 'detached' });
  await context.close();
});

test('importing over a matrix asks first; the long layout is read too', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  const long = [
    '\uFEFFcategory,function,party,letter,side',
    'Security,Security alerts,MSP SOC,r,msp',
    'Security,Security alerts,MSP SOC,a,',
    'Security,Security alerts,Internal IT,i,internal',
    'Operations,"Backups, restores",Internal IT,A+R,',
  ].join('\r\n');
  await importCsv(page, 'long.csv', long);
  const dialog = page.getByRole('dialog', { name: 'Replace the current matrix?' });
  await dialog.getByText('“long.csv” has 2 functions and 2 parties; 1 function with no kinds in the file gets them from its name. It replaces the current matrix of 36 functions. Undo takes it back until you reload the page.').waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await rowNames(page)).length, 36, 'cancel keeps the matrix');

  await importCsv(page, 'long.csv', long);
  await dialog.getByRole('button', { name: 'Replace the matrix' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.raci-grid .fn-text').length === 2);
  assert.deepEqual(await rowNames(page), ['Security alerts', 'Backups, restores']);
  assert.equal(await cell(page, 'Security alerts', 0).textContent(), 'A/R');
  assert.equal(await cell(page, 'Backups, restores', 1).textContent(), 'A/R');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('.raci-grid .fn-text').length === 36);
  await context.close();
});

test('Markdown downloads and the printable appendix', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await page.goto(`${APP_URL}#/workspaces`);
  await page.getByRole('textbox', { name: 'Company name' }).fill('Northwind Legal LLP');
  await page.goto(`${APP_URL}#/raci`);
  await startFromTemplate(page);
  const table = await downloadText(page, () => page.getByRole('button', { name: 'Download Markdown' }).click());
  assert.equal(table.name, 'my-first-engagement-raci.md');
  assert.ok(table.text.startsWith('| Category | Function | Internal IT | MSP | Business leadership |\n| --- |'));
  const appendix = await downloadText(page, () => page.getByRole('button', { name: 'SOW appendix (Markdown)' }).click());
  assert.equal(appendix.name, 'my-first-engagement-sow-appendix.md');
  assert.match(appendix.text, /between Northwind Legal LLP and the managed service provider/);
  assert.match(appendix.text, /\*\*3\.4 Incident response\.\*\* Internal IT is accountable\. MSP does the work\./);

  await page.getByRole('button', { name: 'Printable appendix' }).click();
  const sow = page.getByRole('article');
  await sow.getByRole('heading', { name: 'Appendix: responsibilities (RACI)' }).waitFor();
  // The pressed button went with the editor: focus starts at the appendix's title.
  await page.waitForFunction(() => document.activeElement?.id === 'sow-title');
  await sow.getByText('3.4 Incident response.').waitFor();
  assert.equal(await sow.getByRole('table').getByRole('row').count(), 37);
  // In print, only the appendix shows: no header, no buttons.
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() =>
    ['.site-header', '.print-controls', '.site-footer'].map((s) => getComputedStyle(document.querySelector(s)).display),
  );
  assert.deepEqual(hidden, ['none', 'none', 'none']);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Back to the editor' }).click();
  await grid(page).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'raci-grid-title');
  // Printing the editor shows the matrix alone (not the share panel's name field either).
  await page.emulateMedia({ media: 'print' });
  const editor = await page.evaluate(() =>
    ['.raci-toolbar', '.checks', '.details', '.parties', '.share-panel', '.raci-grid'].map((s) => getComputedStyle(document.querySelector(s)).display),
  );
  assert.deepEqual(editor, ['none', 'none', 'none', 'none', 'none', 'table']);
  // The matrix prints across the paper; the other tools still print upright after it
  // (its stylesheet stays loaded).
  const orientation = async () => {
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    const [, w, h] = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/);
    return Number(w) > Number(h) ? 'landscape' : 'portrait';
  };
  assert.equal(await orientation(), 'landscape');
  // Back on screen to navigate: in print the scorecard hides its heading, and only the
  // "Opening…" screen's would show (for a moment, so waiting for it in print races).
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => { location.hash = '#/scorecard'; });
  await page.locator('.sc-page').getByRole('heading', { level: 1, name: 'Provider scorecard' }).waitFor();
  assert.equal(await orientation(), 'portrait');
  assert.deepEqual(page.errors, []);
  await context.close();
});
