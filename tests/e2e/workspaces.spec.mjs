// Workspaces: create, rename, switch, duplicate and delete, all surviving a reload;
// and corrupt storage that is set aside, reported and never lost.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_URL, axeViolations, launch, openPage, saved, stored, storedKeys, workspaceRow } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

/** Waits until `locator` has the keyboard focus. */
async function focused(locator) {
  await locator.evaluate((el) => new Promise((resolve) => {
    const check = () => (document.activeElement === el ? resolve() : requestAnimationFrame(check));
    check();
  }));
}

test('a workspace is created and renamed, and the change survives a reload', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await page.getByRole('button', { name: 'New workspace' }).click();
  // The new workspace opens at once: a screen reader is told so.
  await page.getByRole('status').filter({ hasText: 'Created “New engagement” and opened it.' }).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Rename New engagement' }).click();
  const field = page.getByRole('textbox', { name: 'Workspace name' });
  await field.fill('Acme <b>2026</b> review');
  await field.press('Enter');
  await page.getByRole('rowheader', { name: 'Acme <b>2026</b> review open' }).waitFor();
  // The field goes; focus goes back to the button that opened it, under its new name.
  await focused(page.getByRole('button', { name: 'Rename Acme <b>2026</b> review' }));
  await saved(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Workspaces' }).waitFor();
  await workspaceRow(page, 'Acme <b>2026</b> review').waitFor();
  const select = page.getByRole('combobox', { name: 'Workspace' });
  assert.equal(await select.locator('option:checked').textContent(), 'Acme <b>2026</b> review');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('renaming refuses a blank name', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await page.getByRole('button', { name: /^Rename / }).click();
  const field = page.getByRole('textbox', { name: 'Workspace name' });
  await field.fill('   ');
  await field.press('Enter');
  await page.getByText('Give the workspace a name.').waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await context.close();
});

test('renaming refuses the name of another workspace, in any case, and Escape cancels', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.getByRole('button', { name: 'Rename New engagement' }).click();
  const field = page.getByRole('textbox', { name: 'Workspace name' });
  await field.fill(' my FIRST engagement ');
  await field.press('Enter');
  await page.getByText('Another workspace already has this name. Choose another, so the two can be told apart.').waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await field.press('Escape');
  await workspaceRow(page, 'New engagement').waitFor();
  await focused(page.getByRole('button', { name: 'Rename New engagement' }));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Escape cancels a rename', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await page.getByRole('button', { name: /^Rename / }).click();
  const field = page.getByRole('textbox', { name: 'Workspace name' });
  await field.fill('   ');
  await field.press('Escape');
  await workspaceRow(page, 'My first engagement').waitFor();
  await focused(page.getByRole('button', { name: 'Rename My first engagement' }));
  await context.close();
});

test('switch, duplicate and delete with confirmation', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await page.getByRole('textbox', { name: 'Company name' }).fill('Northwind Legal');
  await page.getByRole('button', { name: 'Duplicate My first engagement' }).click();
  await workspaceRow(page, 'My first engagement (copy)').waitFor();
  await page.getByRole('status').filter({ hasText: 'Copied as “My first engagement (copy)” and opened it.' }).waitFor({ state: 'attached' });
  assert.equal(await page.getByRole('textbox', { name: 'Company name' }).inputValue(), 'Northwind Legal');
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'My first engagement' });
  await page.getByRole('rowheader', { name: 'My first engagement open' }).waitFor();
  // Open goes once its workspace is open: focus moves on to the row's Rename.
  await page.getByRole('button', { name: 'Open My first engagement (copy)' }).click();
  await focused(page.getByRole('button', { name: 'Rename My first engagement (copy)' }));
  await page.getByRole('status').filter({ hasText: 'Opened “My first engagement (copy)”.' }).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Open My first engagement', exact: true }).click();
  await page.getByRole('rowheader', { name: 'My first engagement open' }).waitFor();

  await page.getByRole('button', { name: 'Delete My first engagement (copy)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “My first engagement (copy)”?' });
  await dialog.waitFor();
  // A screen reader reads what will happen with the question.
  const described = await dialog.evaluate((d) => document.getElementById(d.getAttribute('aria-describedby'))?.textContent);
  assert.match(described, /Undo is offered right after/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await workspaceRow(page, 'My first engagement (copy)').count(), 1);

  await page.getByRole('button', { name: 'Delete My first engagement (copy)' }).click();
  await dialog.getByRole('button', { name: 'Delete workspace' }).click();
  await workspaceRow(page, 'My first engagement (copy)').waitFor({ state: 'detached' });
  const deleted = page.getByRole('alert').filter({ hasText: 'Deleted “My first engagement (copy)”.' });
  await saved(page);
  const workspaceKeys = async () => (await storedKeys(page)).filter((k) => k.startsWith('splitline.ws.')).length;
  assert.equal(await workspaceKeys(), 1);
  // Undo puts it back in its place, with its data, and saves it again; the one open stays open.
  await deleted.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('alert').filter({ hasText: '“My first engagement (copy)” is back.' }).waitFor();
  const rows = await page.getByRole('rowheader').allTextContents();
  assert.equal(rows.length, 2);
  assert.ok(!rows[0].includes('(copy)') && rows[1].includes('My first engagement (copy)'), rows.join(' | '));
  await page.getByRole('rowheader', { name: 'My first engagement open' }).waitFor();
  await saved(page);
  assert.equal(await workspaceKeys(), 2);
  await page.getByRole('button', { name: 'Delete My first engagement (copy)' }).click();
  await dialog.getByRole('button', { name: 'Delete workspace' }).click();
  await workspaceRow(page, 'My first engagement (copy)').waitFor({ state: 'detached' });
  await saved(page);
  assert.equal(await workspaceKeys(), 1);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Workspaces' }).waitFor();
  assert.equal(await page.getByRole('button', { name: /^Delete / }).count(), 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a reload opens the workspace this tab had open, though another tab opened another since; a new tab opens the last one opened', async () => {
  const context = await browser.newContext();
  const open = (page) => page.getByRole('combobox', { name: 'Workspace' }).locator('option:checked');
  const first = await openPage(context, `${APP_URL}#/workspaces`);
  await first.getByRole('button', { name: 'New workspace' }).click();
  await first.getByRole('status').filter({ hasText: 'Created “New engagement” and opened it.' }).waitFor({ state: 'attached' });
  await saved(first);

  const second = await openPage(context, `${APP_URL}#/workspaces`);
  await second.getByRole('rowheader', { name: 'New engagement open' }).waitFor();
  await second.getByRole('button', { name: 'Open My first engagement' }).click();
  await second.getByRole('rowheader', { name: 'My first engagement open' }).waitFor();
  await saved(second);

  await first.reload();
  await first.getByRole('rowheader', { name: 'New engagement open' }).waitFor();
  assert.equal(await open(first).textContent(), 'New engagement');
  // Its save (here at once, as when the page goes) does not make it the last opened.
  await first.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const third = await openPage(context, `${APP_URL}#/workspaces`);
  await third.getByRole('rowheader', { name: 'My first engagement open' }).waitFor();
  await second.reload();
  await second.getByRole('rowheader', { name: 'My first engagement open' }).waitFor();
  // A workspace this tab had open that is gone (deleted in another tab while this one was
  // closed) gives way to the last opened.
  await first.addInitScript(() => sessionStorage.setItem('splitline.tab-workspace', 'gone'));
  await first.reload();
  await first.getByRole('rowheader', { name: 'My first engagement open' }).waitFor();
  for (const page of [first, second, third]) assert.deepEqual(page.errors, []);
  await context.close();
});

test('the company profile refuses bad numbers next to the field and keeps the last good value', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  const employees = page.getByRole('textbox', { name: 'Employees' });
  await employees.fill('240');
  await saved(page);
  await employees.fill('24o');
  await page.getByText('Enter a whole number, like 75.').waitFor();
  assert.equal(await employees.getAttribute('aria-invalid'), 'true');
  await page.getByRole('combobox', { name: 'Industry' }).selectOption({ label: 'Healthcare' });
  await saved(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Workspaces' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Employees' }).inputValue(), '240');
  assert.equal(await page.getByRole('combobox', { name: 'Industry' }).locator('option:checked').textContent(), 'Healthcare');
  await context.close();
});

test('corrupt data leads to a visible notice and is preserved in a backup key', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await saved(page);
  const broken = '{"format":"splitline","kind":"workspace","version":1,"data":{"id":"x","na';
  await page.evaluate((text) => localStorage.setItem('splitline.ws.broken', text), broken);
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'could not read a saved workspace' });
  await alert.waitFor();
  const keys = await storedKeys(page);
  const backup = keys.find((k) => k.startsWith('splitline.backup.ws.broken.'));
  assert.ok(backup, `backup key in ${keys}`);
  assert.equal(await stored(page, backup), broken);
  assert.ok(!keys.includes('splitline.ws.broken'), 'the unreadable original no longer blocks start-up');
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download the raw data' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^splitline-backup-ws-broken-\d+\.txt$/);
  // The good workspace is still there and the app still works.
  await page.getByRole('heading', { level: 1, name: 'Splitline' }).waitFor();
  await page.goto(`${APP_URL}#/workspaces`);
  await page.getByRole('heading', { level: 2, name: 'Unreadable data kept in this browser' }).waitFor();
  // A problem stays on every page until dismissed.
  assert.ok(await alert.isVisible(), 'the notice follows to the next page');
  assert.deepEqual(await axeViolations(page), [], 'the notice and the backups list');
  // Dismissed, the notice goes, and focus goes to the page's heading, not the document's top.
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await alert.waitFor({ state: 'detached' });
  await focused(page.getByRole('heading', { level: 1, name: 'Workspaces' }));
  await context.close();
});

test('data from a newer version is left untouched and explained', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await saved(page);
  const newer = '{"format":"splitline","kind":"workspace","version":999,"data":{}}';
  await page.evaluate((text) => localStorage.setItem('splitline.ws.future', text), newer);
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'saved by a newer version of Splitline' }).waitFor();
  await page.goto(`${APP_URL}#/workspaces`);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await saved(page);
  assert.equal(await stored(page, 'splitline.ws.future'), newer);
  await context.close();
});

test('without usable storage the app works in memory and says so', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The user denied storage', 'SecurityError');
      },
    });
  });
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await page.getByRole('alert').filter({ hasText: 'Storage is unavailable' }).waitFor();
  await page.getByTestId('save-status').filter({ hasText: 'Not saved: in memory only' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the storage warning');
  await page.getByRole('button', { name: 'New workspace' }).click();
  await workspaceRow(page, 'New engagement').waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a copy of all workspaces' }).click();
  assert.equal((await download).suggestedFilename(), 'splitline-all-workspaces.json');
  await context.close();
});

test('a full storage quota keeps the work in memory with a persistent warning', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await saved(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  await page.getByRole('textbox', { name: 'Company name' }).fill('Contoso');
  await page.getByRole('alert').filter({ hasText: 'storage for Splitline is full' }).waitFor();
  await page.getByTestId('save-status').filter({ hasText: 'Not saved' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Company name' }).inputValue(), 'Contoso');
  assert.deepEqual(await axeViolations(page), [], 'the quota warning');
  await context.close();
});

test('an arrow key or a letter on the header\'s workspace list opens the list, not another workspace', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.getByRole('rowheader', { name: 'New engagement open' }).waitFor();
  const select = page.getByRole('combobox', { name: 'Workspace' });
  await select.focus();
  // One way or the other is another workspace, whichever place the new one has.
  // The first letter of each workspace's name chooses it in a closed list.
  const initials = (await select.locator('option').allTextContents()).map((name) => name[0]);
  for (const key of ['ArrowUp', 'Escape', 'ArrowDown', 'Escape', ...initials.flatMap((k) => [k, 'Escape'])]) {
    await page.keyboard.press(key);
  }
  await page.waitForTimeout(300);
  assert.equal(await select.locator('option:checked').textContent(), 'New engagement');
  await page.getByRole('rowheader', { name: 'New engagement open' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
