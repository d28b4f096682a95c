// Share links and JSON files: open in a fresh browser read-only, save only on request,
// clear errors for damaged links that change nothing, files in and out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { APP_URL, axeViolations, launch, openPage, saved, storedKeys, workspaceRow } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

const HOSTILE = '<img src=x onerror=alert(1)>';

/** Makes a workspace worth sharing and returns its share link. */
async function shareWorkspace(page) {
  await page.goto(`${APP_URL}#/workspaces`);
  await page.getByRole('button', { name: /^Rename / }).click();
  await page.getByRole('textbox', { name: 'Workspace name' }).fill(`Review ${HOSTILE}`);
  await page.getByRole('textbox', { name: 'Workspace name' }).press('Enter');
  await page.getByRole('textbox', { name: 'Company name' }).fill('Woodgrove Bank');
  await page.getByRole('textbox', { name: 'Your name (shown to whoever opens it)' }).fill('Dana Reyes');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.getByRole('status').filter({ hasText: 'characters long' }).waitFor();
  return page.getByRole('textbox', { name: 'Share link' }).inputValue();
}

test('a shared workspace opens read-only in a fresh browser and is saved only on request', async () => {
  const sender = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await openPage(sender);
  const link = await shareWorkspace(page);
  assert.match(link, /#\/s\/1w[0-9a-z]+\.[A-Za-z0-9_-]+$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await page.getByText('Short enough for email, Teams and Slack.').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the share panel with a link in it');
  // An edit after the link was made says the link is out of date, until a new one is made.
  const outdated = page.getByRole('status').filter({ hasText: 'You have changed the workspace since this link was made' });
  await page.getByRole('textbox', { name: 'Company name' }).fill('Woodgrove Bank plc');
  await outdated.waitFor();
  await page.getByRole('textbox', { name: 'Company name' }).fill('Woodgrove Bank');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await outdated.waitFor({ state: 'detached' });
  assert.notEqual(await page.getByRole('textbox', { name: 'Share link' }).inputValue(), link);

  // Dark here; the shared scorecard spec checks the light theme.
  const fresh = await browser.newContext({ colorScheme: 'dark' });
  const viewer = await openPage(fresh, link);
  await viewer.getByRole('heading', { level: 1, name: 'Shared workspace' }).waitFor();
  await viewer.getByText(/^Shared by Dana Reyes on /).waitFor();
  await viewer.getByRole('heading', { level: 2, name: `Review ${HOSTILE}` }).waitFor();
  await viewer.getByText('Woodgrove Bank').waitFor();
  assert.equal(await viewer.locator('img').count(), 0, 'the hostile name is text, not markup');
  assert.deepEqual(await axeViolations(viewer), []);
  // Nothing of the shared workspace is stored until the buyer chooses to save it.
  await saved(viewer);
  const before = await viewer.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  assert.ok(!before.includes('Woodgrove'));
  await viewer.getByRole('button', { name: 'Save as a new workspace' }).click();
  await viewer.getByRole('heading', { level: 1, name: 'Workspaces' }).waitFor();
  assert.equal(new URL(viewer.url()).hash, '#/workspaces', 'the share data left the address bar');
  await viewer.getByRole('rowheader', { name: `Review ${HOSTILE} open` }).waitFor();
  await saved(viewer);
  // In a new browser the saved workspace takes the place of the empty one it started with.
  assert.equal((await storedKeys(viewer)).filter((k) => k.startsWith('splitline.ws.')).length, 1);
  assert.equal(await viewer.getByRole('rowheader', { name: /My first engagement/ }).count(), 0);
  assert.deepEqual(viewer.errors, []);
  await sender.close();
  await fresh.close();
});

test('a truncated link explains itself and changes nothing', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const link = await shareWorkspace(page);
  await saved(page);
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.goto(link.slice(0, link.length - 40));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'This link could not be opened' }).waitFor();
  await page.getByText('cut off by the app it was pasted into').waitFor();
  await page.getByText('Nothing in your own workspaces was changed.').waitFor();
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  assert.equal(after, before);
  // A damaged character is reported as damage, not as a cut.
  const dot = link.lastIndexOf('.');
  const damaged = link.slice(0, dot + 5) + (link[dot + 5] === 'A' ? 'B' : 'A') + link.slice(dot + 6);
  await page.goto(damaged);
  await page.reload();
  await page.getByText('The link is damaged').waitFor();
  await context.close();
});

test('a workspace file exports and imports by picker and by drop, always as a new workspace', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await page.getByRole('textbox', { name: 'Company name' }).fill('Litware Legal');
  await page.getByRole('combobox', { name: 'Industry' }).selectOption({ label: 'Legal' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download this workspace' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'splitline-workspace-my-first-engagement.json');
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  const json = JSON.parse(text);
  assert.equal(json.format, 'splitline');
  assert.equal(json.kind, 'workspace');
  assert.equal(json.version, 1);

  await page.getByLabel("Import a Splitline file (a workspace, a backup, or one tool's document)").setInputFiles({ name: 'ws.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByText('Imported “My first engagement 2” as a new workspace.').waitFor();
  // The same workspace again: said, so the look-alike names are not a mystery.
  await page.getByText('“My first engagement” was here already: the file\'s copy of it is kept beside it, so delete the one you do not need.').waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Company name' }).inputValue(), 'Litware Legal');

  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    document.querySelector('.drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.getByText('Imported “My first engagement 3” as a new workspace.').waitFor();
  await workspaceRow(page, 'My first engagement').waitFor();
  await saved(page);
  assert.equal((await storedKeys(page)).filter((k) => k.startsWith('splitline.ws.')).length, 3);
  // "It is open now" goes once another workspace is open.
  const importDone = page.getByText('Imported “My first engagement 3” as a new workspace. It is open now.');
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'My first engagement' });
  await importDone.waitFor({ state: 'detached' });
  await context.close();

  // In a new browser the file takes the place of the empty workspace it starts with, and
  // keeps its name.
  const fresh = await browser.newContext();
  const other = await openPage(fresh, `${APP_URL}#/workspaces`);
  await other.getByLabel("Import a Splitline file (a workspace, a backup, or one tool's document)").setInputFiles({ name: 'ws.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await other.getByText('Imported “My first engagement” as a new workspace. It is open now.').waitFor();
  assert.equal(await other.getByRole('textbox', { name: 'Company name' }).inputValue(), 'Litware Legal');
  await saved(other);
  assert.equal((await storedKeys(other)).filter((k) => k.startsWith('splitline.ws.')).length, 1);
  assert.deepEqual(other.errors, []);
  await fresh.close();
});

test('files of the wrong kind or shape are refused with a reason and import nothing', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  const picker = page.getByLabel("Import a Splitline file (a workspace, a backup, or one tool's document)");
  const cases = [
    ['{"hello": "world"}', 'not something Splitline saved'],
    ['{"format":"splitline","kind":"workspace","version":7,"data":{}}', 'newer version of Splitline'],
    ['{"format":"splitline","kind":"workspace","version":1,"data":{"id":"a","name":"x"', 'not valid JSON'],
    [
      '{"format":"splitline","kind":"workspace","version":1,"data":{"id":"a","name":"x","created_ms":0,"updated_ms":0,"profile":{"company_name":"","employees":10,"internal_it":50,"industry":"general"},"providers":[],"raci":{},"scorecard":{},"pricing":{}}}',
      'Internal IT staff cannot outnumber the employees',
    ],
  ];
  for (const [content, message] of cases) {
    await picker.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
  }
  // In words, not the JSON reader's ("invalid type: string, expected u32").
  const wrongType = '{"format":"splitline","kind":"workspace","version":1,"data":{"id":"a","name":"x","created_ms":0,"updated_ms":0,"profile":{"company_name":"","employees":"many","internal_it":5,"industry":"general"},"providers":[],"raci":{},"scorecard":{},"pricing":{}}}';
  await picker.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(wrongType) });
  await page.getByRole('alert').filter({ hasText: 'text (“many”) where a whole number belongs (line 1, column' }).waitFor();
  await saved(page);
  assert.equal((await storedKeys(page)).filter((k) => k.startsWith('splitline.ws.')).length, 1);
  await context.close();
});

test('a backup with one damaged workspace imports the others and names the one left out', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  const workspace = (id, name, employees) => ({ id, name, created_ms: 0, updated_ms: 0, profile: { company_name: '', employees, internal_it: 2, industry: 'general' }, providers: [], raci: {}, scorecard: {}, pricing: {} });
  const backup = { format: 'splitline', kind: 'library', version: 1, data: { workspaces: [workspace('a', 'Alpha', 40), workspace('b', 'Beta', 'many'), workspace('c', 'Gamma', 60)] } };
  await page.getByLabel("Import a Splitline file (a workspace, a backup, or one tool's document)").setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.getByText('Imported 2 workspaces as new workspaces.').waitFor();
  await page.getByRole('alert').filter({ hasText: '“Beta” (number 2 in the file) was left out: text (“many”) where a whole number belongs.' }).waitFor();
  await workspaceRow(page, 'Alpha').waitFor();
  await workspaceRow(page, 'Gamma').waitFor();
  assert.equal(await workspaceRow(page, 'Beta').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a shared RACI shows each function\'s owners by day and after hours, and what the checks found', async () => {
  const link = readFileSync(new URL('../fixtures/link-v1-raci.txt', import.meta.url), 'utf8').trim();
  const context = await browser.newContext();
  const viewer = await openPage(context, `${APP_URL}#/s/${link}`);
  await viewer.getByRole('heading', { level: 2, name: 'Northwind Legal: MSP review 2026' }).waitFor();
  const table = viewer.getByRole('table');
  const heads = await table.locator('thead th').allInnerTexts();
  assert.deepEqual(heads, ['Function', 'Internal IT', 'MSP', 'Business leadership', 'Business hours', 'After hours']);
  const row = async (name) => (await table.getByRole('row').filter({ has: viewer.getByRole('rowheader', { name, exact: true }) }).getByRole('cell').allInnerTexts()).map((t) => t.trim());
  // No after-hours owner is a gap only for a function that runs around the clock.
  assert.deepEqual(await row('Tier 1 help desk in business hours'), ['A/R', 'I', '', 'Internal IT', 'Not needed']);
  assert.deepEqual(await row('24/7 monitoring and alert triage'), ['I', 'A/R', '', 'MSP', 'MSP']);
  await viewer.getByRole('heading', { level: 3, name: 'What the checks found' }).waitFor();
  // Six functions with no P1 path share one statement of the fix.
  const p1 = viewer.locator('.shared-findings li').filter({ hasText: '“Patch failures and rollback” is incident work with no P1 escalation path written down.' });
  assert.equal(await p1.locator('p').count(), 7);
  await p1.getByText('Write the call order with names and how to reach them', { exact: false }).waitFor();
  assert.deepEqual(await axeViolations(viewer), []);
  assert.deepEqual(viewer.errors, []);
  await context.close();
});
