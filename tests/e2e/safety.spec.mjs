// No lost drafts: two tabs never overwrite each other and storage health is visible.
// Offline use after a first visit is in first-visit.spec.mjs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { APP_URL, axeViolations, launch, openPage, saved, stored, storedKeys, waitForValue, workspaceRow } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

test('a change in one tab appears in the other tab', async () => {
  const context = await browser.newContext();
  const a = await openPage(context, `${APP_URL}#/workspaces`);
  await saved(a);
  const b = await openPage(context, `${APP_URL}#/workspaces`);
  await a.getByRole('textbox', { name: 'Company name' }).fill('Fabrikam Credit Union');
  await saved(a);
  await waitForValue(b.getByRole('textbox', { name: 'Company name' }), 'Fabrikam Credit Union');
  await b.getByRole('button', { name: 'New workspace' }).click();
  await saved(b);
  await workspaceRow(a, 'New engagement').waitFor();
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

test('edits in two tabs at once are a visible choice, and keeping both loses nothing', async () => {
  const context = await browser.newContext();
  const a = await openPage(context, `${APP_URL}#/workspaces`);
  await saved(a);
  const b = await openPage(context, `${APP_URL}#/workspaces`);
  // Both tabs change the same workspace inside one debounce window.
  await a.getByRole('textbox', { name: 'Company name' }).fill('Edited in tab A');
  await b.getByRole('textbox', { name: 'Company name' }).fill('Edited in tab B');
  const alert = (p) => p.getByRole('alert').filter({ hasText: 'was changed in another tab' });
  await Promise.race([alert(a).waitFor(), alert(b).waitFor()]);
  const loser = (await alert(a).count()) > 0 ? a : b;
  assert.deepEqual(await axeViolations(loser), [], 'the conflict choice');
  // It says what each tab changed, so the buyer knows what a choice gives up.
  await alert(loser).getByText('You and the other tab both changed the company profile.').waitFor();
  const winnerText = loser === a ? 'Edited in tab B' : 'Edited in tab A';
  const loserText = loser === a ? 'Edited in tab A' : 'Edited in tab B';
  await alert(loser).getByRole('button', { name: 'Keep both' }).click();
  await saved(loser);
  await workspaceRow(loser, 'My first engagement (from this tab)').waitFor();
  // The copy holds this tab's edit; the original holds the other tab's.
  assert.equal(await loser.getByRole('textbox', { name: 'Company name' }).inputValue(), loserText);
  await loser.getByRole('button', { name: 'Open My first engagement', exact: true }).click();
  assert.equal(await loser.getByRole('textbox', { name: 'Company name' }).inputValue(), winnerText);
  const keys = await loser.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('splitline.ws.')));
  assert.equal(keys.length, 2);
  await context.close();
});

test("keeping this tab's version tells the other tab, which offers what it had as a file", async () => {
  const context = await browser.newContext();
  const a = await openPage(context, `${APP_URL}#/workspaces`);
  await saved(a);
  const b = await openPage(context, `${APP_URL}#/workspaces`);
  // A third tab only watches: it saved nothing, so nothing of its own was written over.
  const watcher = await openPage(context, `${APP_URL}#/workspaces`);
  const name = (p) => p.getByRole('textbox', { name: 'Company name' });
  await name(a).fill('Edited in tab A');
  await name(b).fill('Edited in tab B');
  const alert = (p) => p.getByRole('alert').filter({ hasText: 'was changed in another tab' });
  await Promise.race([alert(a).waitFor(), alert(b).waitFor()]);
  const [asked, other] = (await alert(a).count()) > 0 ? [a, b] : [b, a];
  const [askedText, otherText] = asked === a ? ['Edited in tab A', 'Edited in tab B'] : ['Edited in tab B', 'Edited in tab A'];
  await alert(asked).getByRole('button', { name: "Keep this tab's version" }).click();
  await saved(asked);
  // The other tab takes the kept version, and says what happened to its own.
  await waitForValue(name(other), askedText);
  const told = (p) => p.getByText("the buyer there chose to keep that tab's version over this one", { exact: false });
  await told(other).waitFor();
  const download = other.waitForEvent('download');
  await other.getByRole('button', { name: "Download this tab's version" }).click();
  const file = JSON.parse(Buffer.concat(await (await (await download).createReadStream()).toArray()).toString());
  assert.equal(file.kind, 'workspace');
  assert.equal(file.data.profile.company_name, otherText);
  // Neither the tab that chose nor a tab that only watched is told it lost anything.
  await waitForValue(name(watcher), askedText);
  assert.deepEqual([await told(asked).count(), await told(watcher).count()], [0, 0]);
  assert.equal(await other.evaluate(() => localStorage.getItem('splitline.kept-over')), null);
  assert.deepEqual([...a.errors, ...b.errors, ...watcher.errors], []);
  await context.close();
});

test('edits in two tabs at once to different things are both kept, with no question', async () => {
  const context = await browser.newContext();
  const a = await openPage(context, `${APP_URL}#/workspaces`);
  await saved(a);
  const b = await openPage(context, `${APP_URL}#/workspaces`);
  const name = (p) => p.getByRole('textbox', { name: 'Company name' });
  const employees = (p) => p.getByLabel('Employees', { exact: true });
  // Inside one debounce window, as in the test above, but two different fields.
  await name(a).fill('Edited in tab A');
  await employees(b).fill('240');
  const kept = (p) => p.getByText('The two edits changed different things, so both are kept.');
  await Promise.race([kept(a).waitFor(), kept(b).waitFor()]);
  for (const p of [a, b]) {
    await waitForValue(name(p), 'Edited in tab A');
    await waitForValue(employees(p), '240');
    await saved(p);
  }
  const asked = (p) => p.getByRole('alert').filter({ hasText: 'was changed in another tab' }).count();
  assert.deepEqual([await asked(a), await asked(b)], [0, 0], 'no question for edits that do not collide');
  const keys = await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('splitline.ws.')));
  assert.equal(keys.length, 1);
  const profile = JSON.parse(await stored(a, keys[0])).data.profile;
  assert.equal(profile.company_name, 'Edited in tab A');
  assert.equal(profile.employees, 240);
  // Both tabs hold the merged copy, so the next edit in either saves without a question.
  await employees(a).fill('250');
  await saved(a);
  await waitForValue(employees(b), '250');
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

test("two tabs' first edits of a new scorecard are both kept, and the status never says it waits for a choice", async () => {
  const context = await browser.newContext();
  const a = await openPage(context, `${APP_URL}#/scorecard?view=criteria`);
  await saved(a);
  const [key] = (await storedKeys(a)).filter((k) => k.startsWith('splitline.ws.'));
  // Never edited, the scorecard is stored as `{}`: the merge compares what that reads as.
  assert.deepEqual(JSON.parse(await stored(a, key)).data.scorecard, {});
  const b = await openPage(context, `${APP_URL}#/scorecard?view=criteria`);
  // Every word either tab's save badge shows from here on.
  const watch = (p) =>
    p.evaluate(() => {
      const badge = document.querySelector('[data-testid=save-status]');
      window.badges = [];
      new MutationObserver(() => window.badges.push(badge.textContent)).observe(badge, { subtree: true, childList: true, characterData: true });
    });
  await Promise.all([watch(a), watch(b)]);
  const evaluator = (p) => p.getByRole('textbox', { name: 'Your name (evaluator)' });
  const weight = (p) => p.getByRole('textbox', { name: 'Weight of Written RACI with named owners' });
  // Inside one debounce window, as in the tests above.
  await evaluator(a).fill('Dana Reyes');
  await weight(b).fill('8');
  const kept = (p) => p.getByText('The two edits changed different things, so both are kept.');
  await Promise.race([kept(a).waitFor(), kept(b).waitFor()]);
  for (const p of [a, b]) {
    await waitForValue(evaluator(p), 'Dana Reyes');
    await waitForValue(weight(p), '8');
    await saved(p);
  }
  const scorecard = JSON.parse(await stored(a, key)).data.scorecard;
  assert.equal(scorecard.evaluator, 'Dana Reyes');
  assert.equal(scorecard.criteria.find((c) => c.id === 'raci-written').weight, 8);
  const shown = [...(await a.evaluate(() => window.badges)), ...(await b.evaluate(() => window.badges))];
  assert.ok(shown.length > 0, 'the badges were watched');
  assert.ok(!shown.includes('Not saved'), `the badges showed ${shown.join(', ')}`);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

test('undo in one tab never takes back what another tab changed since', async () => {
  const context = await browser.newContext();
  const a = await openPage(context, `${APP_URL}#/pricing`);
  await saved(a);
  const b = await openPage(context, `${APP_URL}#/pricing`);
  const field = (p, name) => p.getByRole('textbox', { name, exact: true });
  await field(a, 'Servers').fill('7');
  await field(a, 'Servers').press('Tab');
  await saved(a);
  await waitForValue(field(b, 'Servers'), '7');
  const undo = a.getByRole('button', { name: 'Undo', exact: true });
  assert.equal(await undo.getAttribute('aria-disabled'), null, 'tab A has a step to undo');
  await field(b, 'Network devices').fill('9');
  await field(b, 'Network devices').press('Tab');
  await saved(b);
  await waitForValue(field(a, 'Network devices'), '9');
  // Undo would bring back the state before A's edit, without B's: it has nothing now.
  await a.waitForFunction(() => document.querySelector('.doc-actions button')?.getAttribute('aria-disabled') === 'true');
  // aria-disabled, so it keeps focus and still answers a press: with why there is nothing.
  await undo.click({ force: true });
  await a.getByRole('status').filter({ hasText: 'Nothing to undo or redo here: this workspace was changed outside this page' }).waitFor({ state: 'attached' });
  for (const p of [a, b]) {
    assert.equal(await field(p, 'Servers').inputValue(), '7');
    assert.equal(await field(p, 'Network devices').inputValue(), '9');
  }
  // A's next edit is a step of its own again, and undoing it keeps B's.
  await field(a, 'Servers').fill('8');
  await field(a, 'Servers').press('Tab');
  await undo.click();
  await waitForValue(field(a, 'Servers'), '7');
  assert.equal(await field(a, 'Network devices').inputValue(), '9');
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

/** Two tabs of one browser on the workspaces page, both with a saved "New engagement". */
async function twoTabsWithNewWorkspace() {
  const context = await browser.newContext();
  const a = await openPage(context, `${APP_URL}#/workspaces`);
  await a.getByRole('button', { name: 'New workspace' }).click();
  await workspaceRow(a, 'New engagement').waitFor();
  await saved(a);
  const b = await openPage(context, `${APP_URL}#/workspaces`);
  await workspaceRow(b, 'New engagement').waitFor();
  return { context, a, b };
}

test('a workspace deleted in another tab says so where it was open', async () => {
  const { context, a, b } = await twoTabsWithNewWorkspace();
  await a.getByRole('banner').getByRole('link', { name: 'Provider scorecard' }).click();
  await b.getByRole('button', { name: 'Delete New engagement' }).click();
  await b.getByRole('dialog', { name: 'Delete “New engagement”?' }).getByRole('button', { name: 'Delete workspace' }).click();
  await a.getByText('“New engagement” was deleted in another tab, so “My first engagement” is open now.').waitFor();
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

test('a workspace deleted here while another tab changes it is kept, and this tab says so', async () => {
  const { context, a, b } = await twoTabsWithNewWorkspace();
  await a.getByRole('button', { name: 'Delete New engagement' }).click();
  await a.getByRole('dialog').getByRole('button', { name: 'Delete workspace' }).click();
  // Tab B's save lands before tab A's delete is saved (saves wait 300 ms for a pause).
  await b.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('splitline.ws.') && localStorage.getItem(k).includes('"New engagement"'));
    const env = JSON.parse(localStorage.getItem(key));
    env.data.profile.company_name = 'Typed in tab B';
    localStorage.setItem(key, JSON.stringify(env));
  });
  await a.getByRole('alert').filter({ hasText: '“New engagement” was changed in another tab after you deleted it here, so it was kept.' }).waitFor();
  await workspaceRow(a, 'New engagement').waitFor();
  await saved(a);
  await a.reload();
  await workspaceRow(a, 'New engagement').waitFor();
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

test('the storage health line shows the last save and the space used', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await page.getByRole('textbox', { name: 'Company name' }).fill('Tailspin Toys');
  await saved(page);
  const line = page.getByTestId('storage-health');
  await line.filter({ hasText: /Last saved/ }).waitFor();
  assert.match(await line.textContent(), /\d+ KB used/);
  assert.ok(await stored(page, 'splitline.meta'));
  await context.close();
});

test('a backup reminder appears for work never exported, and a backup silences it', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await saved(page);
  // Pretend the workspace was created ten days ago.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('splitline.ws.'));
    const env = JSON.parse(localStorage.getItem(key));
    env.data.created_ms -= 10 * 86400000;
    localStorage.setItem(key, JSON.stringify(env));
  });
  await page.reload();
  const reminder = page.getByRole('status').filter({ hasText: 'No backup yet: your work is only in this browser' });
  await reminder.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the backup reminder');
  const download = page.waitForEvent('download');
  await reminder.getByRole('button', { name: 'Download a backup' }).click();
  assert.equal((await download).suggestedFilename(), 'splitline-all-workspaces.json');
  await reminder.waitFor({ state: 'detached' });
  await saved(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Workspaces' }).waitFor();
  assert.equal(await page.getByText('No backup yet').count(), 0);
  await context.close();
});

test('a workspace imported from a file counts as new here: no backup reminder, and its place in the list holds', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  // Two workspaces already, so the import goes beside them (into a new browser's empty
  // starting workspace alone it would take that one's place).
  await page.getByRole('button', { name: 'New workspace' }).click();
  await saved(page);
  // The worked example was made weeks ago; the file it arrives in holds it.
  const file = fileURLToPath(new URL('./decision-workspace.json', import.meta.url));
  await page.getByLabel("Import a Splitline file (a workspace, a backup, or one tool's document)").setInputFiles(file);
  await page.getByText('Imported “Contoso: MSP decision” as a new workspace.').waitFor();
  await saved(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Workspaces' }).waitFor();
  const names = await page.getByRole('combobox', { name: 'Workspace' }).locator('option').allTextContents();
  assert.deepEqual(names, ['My first engagement', 'New engagement', 'Contoso: MSP decision']);
  assert.equal(await page.getByText('No backup yet').count(), 0);
  await context.close();
});
