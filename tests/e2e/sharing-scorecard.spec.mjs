// A scored scorecard travels by link: identical totals in a fresh browser, added as a
// second evaluator in a colleague's workspace, refused clearly when cut off.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_URL, axeViolations, launch, openPage, saved } from './helpers.mjs';
import { PROVIDERS, SCORED, openSeeded, openTab, ranking, storedWorkspace, workspace } from './scorecard-helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

const HOSTILE = '<img src=x onerror=alert(1)>';

/** Sam's scored card, with a hostile provider name and a note on every score. */
function samsWorkspace() {
  const providers = PROVIDERS.map((p) => (p.id === 'k1' ? { ...p, name: `Keystone ${HOSTILE}` } : p));
  const cells = structuredClone(SCORED.cells);
  for (const row of Object.values(cells)) for (const cell of Object.values(row)) cell.note = 'Asked twice, answer in writing';
  return workspace(providers, { ...SCORED, cells });
}

async function shareLink(page) {
  await openTab(page, 'Export & print');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.getByRole('status').filter({ hasText: 'characters long' }).waitFor();
  return page.getByRole('textbox', { name: 'Share link' }).inputValue();
}

test('a scored scorecard opens in a fresh browser with identical totals, hostile names as text', async () => {
  const sender = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await openSeeded(sender, samsWorkspace());
  await openTab(page, 'Results');
  const theirs = (await ranking(page)).map((r) => [r[1], r[2]]).slice(0, 2);
  assert.deepEqual(theirs, [['Harbor IT', '83.3'], [`Keystone ${HOSTILE}`, '80.0']]);
  const link = await shareLink(page);
  assert.match(link, /#\/s\/1s[0-9a-z]+\./);
  await page.getByText('Shared as Sam Ortiz, the evaluator of this card.').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the export view with a link in it');

  const fresh = await browser.newContext();
  const viewer = await openPage(fresh, link);
  await viewer.getByRole('heading', { level: 1, name: 'Shared scorecard' }).waitFor();
  await viewer.getByText(/^Shared by Sam Ortiz on /).waitFor();
  const rows = viewer.getByRole('table').first().getByRole('row');
  const shown = [];
  for (let i = 1; i < (await rows.count()); i++) {
    const cells = await rows.nth(i).locator('th, td').allInnerTexts();
    shown.push(cells);
  }
  assert.deepEqual(shown.slice(0, 2).map((c) => [c[1], c[2]]), theirs);
  assert.match(shown[2][3], /^Knocked out: /);
  assert.equal(await viewer.locator('img').count(), 0, 'the hostile provider name is text');
  await viewer.getByText('Asked twice, answer in writing').first().waitFor();
  assert.deepEqual(await axeViolations(viewer), []);
  assert.deepEqual(viewer.errors, []);
  await sender.close();
  await fresh.close();
});

test("a colleague adds the shared card as a second evaluator, and their own scores stay", async () => {
  const sender = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const link = await shareLink(await openSeeded(sender, samsWorkspace()));
  await sender.close();

  const lead = await browser.newContext();
  const own = {
    evaluator: 'Lee Park',
    card_id: 'card-lee',
    cells: { h1: { 'raci-written': { score: 1 } } },
  };
  const page = await openSeeded(lead, workspace(PROVIDERS, own));
  await saved(page);
  const before = await storedWorkspace(page);
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Shared scorecard' }).waitFor();
  // The choices come before the scores of every criterion, not screens below them.
  const top = (name) => page.getByRole('heading', { level: 2, name }).evaluate((h) => h.getBoundingClientRect().top);
  assert.ok((await top('Keep it')) < (await top('Scores and notes')), 'Keep it is above the score table');
  await page.getByRole('combobox', { name: 'Add as an evaluator to workspace' }).selectOption({ label: 'Northwind MSP review' });
  await page.getByRole('button', { name: 'Add as an evaluator' }).click();
  await page.getByRole('tab', { name: 'Evaluators', selected: true }).waitFor();
  assert.match(new URL(page.url()).hash, /^#\/scorecard\?view=evaluators$/, 'the share data left the address bar');
  const preview = page.getByRole('region', { name: 'Import preview' });
  const heading = preview.getByRole('heading', { name: 'Card of Sam Ortiz (not marked complete)' });
  await heading.waitFor();
  // Focus lands on the preview, so it is read out and scrolled into view, not missed below the fold.
  await page.waitForFunction(() => document.activeElement?.id === 'sc-import-preview-title');
  await preview.getByRole('button', { name: 'Merge the card of Sam Ortiz' }).click();
  await page.getByRole('status').filter({ hasText: "Merged Sam Ortiz's card" }).waitFor();
  // Harbor's written RACI: Lee 1, Sam 5: a disagreement of 4 points.
  await page.getByTestId('sc-disagreements').first().waitFor();
  await saved(page);
  const after = await storedWorkspace(page);
  assert.deepEqual(after.scorecard.cells, before.scorecard.cells, 'own scores untouched');
  assert.equal(after.scorecard.others.length, 1);
  assert.equal(after.scorecard.others[0].evaluator, 'Sam Ortiz');
  await lead.close();
});

/** A card with a note of `length` pseudo-random letters on 24 scores: text that hardly compresses. */
function notedWorkspace(length) {
  let seed = length;
  const letter = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return String.fromCharCode(97 + (seed >>> 16) % 26);
  };
  const ids = ['raci-written', 'raci-gap-functions', 'raci-compliance-owner', 'raci-disagreements', 'tools-shared-psa', 'tools-shared-rmm', 'tools-documentation', 'tools-password-vault'];
  const cells = {};
  for (const p of PROVIDERS) {
    cells[p.id] = {};
    for (const id of ids) cells[p.id][id] = { score: 3, note: Array.from({ length }, letter).join('') };
  }
  return workspace(PROVIDERS, { ...SCORED, cells });
}

test('a long link says which apps would cut it and offers the JSON file instead', async () => {
  for (const [length, warning] of [
    [120, 'Too long for email and Teams, which cut links at about 2,000 characters; Slack keeps it.'],
    [250, 'Too long for email, Teams and Slack, which cut links at 2,000 to 4,000 characters.'],
  ]) {
    const context = await browser.newContext();
    const page = await openSeeded(context, notedWorkspace(length));
    const link = await shareLink(page);
    const status = page.getByRole('status').filter({ hasText: 'characters long' });
    await status.filter({ hasText: warning }).waitFor();
    const shown = Number((await status.innerText()).match(/([\d,]+) characters long/)[1].replace(/,/g, ''));
    assert.equal(shown, link.length, 'the length shown is the length copied');
    assert.ok(link.length > (length === 120 ? 2000 : 4000), `${link.length} characters`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download JSON file' }).click();
    assert.match((await download).suggestedFilename(), /\.json$/);
    // A long link still opens everything it carries.
    const viewer = await openPage(await browser.newContext(), link);
    await viewer.getByRole('heading', { level: 1, name: 'Shared scorecard' }).waitFor();
    await context.close();
  }
});

test('a cut-off scorecard link says so and changes no draft', async () => {
  const context = await browser.newContext();
  const page = await openSeeded(context, samsWorkspace());
  const link = await shareLink(page);
  await saved(page);
  // The app's own keys (not the stamp of its durable copy, see public/copies.js).
  const drafts = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('splitline.')).sort()));
  const before = await drafts();
  await page.goto(link.slice(0, Math.floor(link.length * 0.6)));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'This link could not be opened' }).waitFor();
  await page.getByText('probably cut off by the app it was pasted into').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.equal(await drafts(), before);
  await context.close();
});

test('RACI and pricing links open read-only and save as new workspaces', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/raci`);
  await page.getByRole('button', { name: 'Start from the co-managed template' }).click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const raciLink = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.goto(`${APP_URL}#/pricing`);
  await page.getByRole('heading', { level: 1, name: 'Pricing comparison' }).waitFor();
  await page.getByRole('textbox', { name: 'New provider name' }).fill('Harbor IT');
  await page.getByRole('button', { name: 'Add quote' }).click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const pricingLink = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await saved(page);

  const fresh = await browser.newContext();
  const viewer = await openPage(fresh, raciLink);
  await viewer.getByRole('heading', { level: 1, name: 'Shared RACI matrix' }).waitFor();
  await viewer.getByRole('rowheader', { name: 'Incident response', exact: false }).first().waitFor();
  assert.deepEqual(await axeViolations(viewer), [], 'shared RACI');
  // On a phone each function is a card: the matrix does not run off to the side, and each
  // letter and owner sits under its column's name.
  const phone = await openPage(await browser.newContext({ viewport: { width: 360, height: 740 } }), raciLink);
  const table = phone.getByRole('region', { name: 'RACI matrix table' });
  await phone.getByRole('rowheader', { name: 'Incident response', exact: false }).first().waitFor();
  assert.ok(await table.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the matrix does not scroll sideways');
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
  const owner = phone.locator('td.owner').first();
  assert.equal(await owner.evaluate((td) => getComputedStyle(td, '::before').content), '"Business hours"');
  assert.deepEqual(phone.errors, []);
  await phone.context().close();
  await viewer.getByRole('button', { name: 'Save as a new workspace' }).click();
  await viewer.getByRole('heading', { level: 1, name: 'RACI builder' }).waitFor();
  await viewer.goto(pricingLink);
  await viewer.reload();
  await viewer.getByRole('heading', { level: 1, name: 'Shared pricing comparison' }).waitFor();
  await viewer.getByRole('rowheader', { name: 'Harbor IT' }).waitFor();
  assert.deepEqual(await axeViolations(viewer), [], 'shared pricing');
  // On a phone each quote is a card too: its year-1 and contract figures are on screen.
  const pricingPhone = await openPage(await browser.newContext({ viewport: { width: 360, height: 740 } }), pricingLink);
  await pricingPhone.getByRole('rowheader', { name: 'Harbor IT' }).waitFor();
  const totals = pricingPhone.getByRole('region', { name: 'Quote totals table' });
  assert.ok(await totals.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the totals do not scroll sideways');
  assert.ok(await pricingPhone.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
  assert.deepEqual(pricingPhone.errors, []);
  await pricingPhone.context().close();
  await viewer.getByRole('button', { name: 'Save as a new workspace' }).click();
  await viewer.getByRole('heading', { level: 1, name: 'Pricing comparison' }).waitFor();
  await saved(viewer);
  const keys = await viewer.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('splitline.ws.')));
  // The first saved document took the place of the new browser's empty starting workspace.
  assert.equal(keys.length, 2, 'the two saved documents');
  assert.deepEqual(viewer.errors, []);
  await context.close();
  await fresh.close();
});
