// The RACI cross-check: work the RACI gives the MSP that a quote excludes is flagged
// on the quote. The RACI is started from its co-managed template in the RACI builder.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_URL, axeViolations, launch, openPage, saved } from './helpers.mjs';
import { startFromTemplate } from './raci-helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

/** Starts the open workspace's RACI from the co-managed template, then opens pricing. */
async function seedRaci(page) {
  await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'RACI builder' }).click();
  await page.getByRole('heading', { level: 1, name: 'RACI builder' }).waitFor();
  await startFromTemplate(page);
  await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Pricing comparison' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pricing comparison' }).waitFor();
}

test('a function the MSP owns in the RACI but the quote excludes is flagged, and clears when included', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, `${APP_URL}#/pricing`);
  await page.getByText('RACI cross-check: your RACI gives the MSP no functions yet.', { exact: false }).waitFor();
  await seedRaci(page);
  await page.getByText(/RACI cross-check: the \d+ functions your RACI gives the MSP are checked/).waitFor();

  await page.getByRole('textbox', { name: 'New provider name' }).fill('Quote B');
  await page.getByRole('button', { name: 'Add quote' }).click();
  const q = page.getByRole('article', { name: 'Quote B' });
  await q.getByRole('textbox', { name: 'Rate per user a month' }).fill('95');
  const message = 'The MSP owns after-hours incident response in your RACI, but Quote B excludes it and gives no rate.';
  const gap = q.getByRole('listitem').filter({ hasText: message });
  await gap.waitFor();
  assert.match(await gap.textContent(), /RACI functions: After-hours calls and overnight help desk, Security alerts and SOC watch, Incident response\.$/);
  assert.match(await gap.textContent(), /^RACI gap/);
  // User support stays internal in the template: on-site visits raise nothing.
  assert.equal(await q.getByRole('listitem').filter({ hasText: 'The MSP owns on-site visits' }).count(), 0);

  // A rate turns the gap into a stated cost; including the item clears it.
  await q.getByRole('combobox', { name: 'After-hours incident response in this quote' }).selectOption('rated');
  await q.getByRole('textbox', { name: 'After-hours incident response rate per incident' }).fill('300');
  // The unit is on screen beside the amount, not only in the field's accessible name.
  await q.getByRole('row', { name: /After-hours incident response/ }).getByText('an incident', { exact: true }).waitFor();
  await q.getByText('The MSP owns after-hours incident response in your RACI, but it is not in Quote B\'s base price: it is billed at $300 an incident on top.', { exact: false }).waitFor();
  assert.equal(await gap.count(), 0);
  await q.getByRole('combobox', { name: 'After-hours incident response in this quote' }).selectOption('included');
  await q.getByRole('listitem').filter({ hasText: 'The MSP owns after-hours incident response' }).waitFor({ state: 'detached' });
  // The other gaps stay.
  await q.getByText('The MSP owns project work in your RACI, but Quote B excludes it and gives no rate.', { exact: false }).waitFor();
  assert.deepEqual(await axeViolations(page), []);

  await saved(page);
  await page.reload();
  await page.getByRole('article', { name: 'Quote B' }).getByText('The MSP owns vCIO and advisory time in your RACI, but Quote B excludes it and gives no rate.', { exact: false }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
