// Pricing comparison: three quotes of different models for a 75-user company, with
// exclusions, checked against hand-computed figures (the same cases as the native test
// `domain::pricing::compare::reference`); benchmark flags; refused input; reload; export;
// print view; axe in light and dark.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { APP_URL, axeViolations, checkJumps, launch, openPage, saved, waitForValue } from './helpers.mjs';

const URL = `${APP_URL}#/pricing`;

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

function card(page, name) {
  return page.getByRole('article', { name });
}

/** The figure shown under a label in a quote's results. */
async function figure(scope, label) {
  const text = await scope.locator('.figures > div').filter({ has: scope.page().getByText(label, { exact: true }) }).locator('dd').textContent();
  return text.trim();
}

async function addQuote(page, name) {
  const select = page.getByRole('combobox', { name: 'Provider' });
  if (await select.count()) await select.selectOption({ label: 'A new provider…' });
  await page.getByRole('textbox', { name: 'New provider name' }).fill(name);
  await page.getByRole('button', { name: 'Add quote' }).click();
  await card(page, name).waitFor();
  return card(page, name);
}

async function exclusion(quote, item, cover, rate) {
  await quote.getByRole('combobox', { name: `${item} in this quote` }).selectOption(cover);
  if (cover === 'rated') {
    // Excluded "with a rate" before the rate is typed is an unknown cost, never a free one.
    const row = quote.getByRole('row').filter({ has: quote.page().getByRole('rowheader', { name: item, exact: true }) });
    await row.locator('td[data-label="Adds to year 1"]').filter({ hasText: /^(Unknown|Not needed)$/ }).waitFor();
  }
  if (rate !== undefined) {
    const unit = item === 'After-hours incident response' ? 'per incident'
      : item === 'Software licensing' ? 'per seat a month'
      : item === 'On-site visits' ? 'per visit' : 'per hour';
    await quote.getByRole('textbox', { name: `${item} rate ${unit}` }).fill(rate);
  }
}

async function enterThreeQuotes(page) {
  await page.getByRole('textbox', { name: 'Growth per year' }).fill('5');

  const a = await addQuote(page, 'Harbor IT');
  // A quote with no price yet is not ranked, so it never shows as the cheapest.
  assert.equal(await figure(a, 'Rank by total'), 'Not priced yet');
  assert.deepEqual(await a.getByRole('list', { name: 'Flags' }).getByRole('listitem').allTextContents(), [
    'Check No price entered yet: type in the rates from the quote to compare it with the market.',
  ]);
  await page.getByText('No quote has a price yet: type in the rates from each quote to rank them.').waitFor();
  await a.getByRole('textbox', { name: 'Rate per user a month' }).fill('95');
  await page.waitForFunction(() => [...document.querySelectorAll('dt')].some((dt) => dt.textContent === 'Rank by total' && dt.nextElementSibling?.textContent === '1 of 1'));
  await a.getByRole('textbox', { name: 'Onboarding fee (one time)' }).fill('$3,000');
  await exclusion(a, 'Project work', 'rated', '175');
  await exclusion(a, 'vCIO / advisory', 'included');
  await exclusion(a, 'After-hours incident response', 'rated', '300');
  await exclusion(a, 'Software licensing', 'included');
  await exclusion(a, 'On-site visits', 'included');

  const b = await addQuote(page, 'Keystone Partners');
  await b.getByRole('combobox', { name: 'Model' }).selectOption('per_device');
  await b.getByRole('textbox', { name: 'Rate per workstation a month' }).fill('40');
  await b.getByRole('textbox', { name: 'Rate per server a month' }).fill('250');
  await b.getByRole('textbox', { name: 'Rate per network device a month' }).fill('30.00');
  await b.getByRole('textbox', { name: 'Platform / tool access fee a month' }).fill('400');
  await b.getByRole('textbox', { name: 'Annual price escalator' }).fill('0');
  await b.getByRole('textbox', { name: 'Contract term (months)' }).fill('24');
  await exclusion(b, 'vCIO / advisory', 'rated', '200');
  await exclusion(b, 'Compliance documentation', 'included');
  await exclusion(b, 'Software licensing', 'rated', '22');
  await exclusion(b, 'On-site visits', 'rated', '150');

  const c = await addQuote(page, 'Northwind MSP');
  await c.getByRole('combobox', { name: 'Model' }).selectOption('block_hours');
  await c.getByRole('textbox', { name: 'Hours in the monthly block' }).fill('30');
  await c.getByRole('textbox', { name: 'Block rate per hour' }).fill('140');
  await c.getByRole('textbox', { name: 'Overage rate per hour' }).fill('195');
  await c.getByRole('textbox', { name: 'Expected hours used a month' }).fill('36');
  await c.getByRole('textbox', { name: 'Onboarding fee (one time)' }).fill('2500');
  await c.getByRole('textbox', { name: 'Platform / tool access fee a month' }).fill('250');
  await c.getByRole('textbox', { name: 'Annual price escalator' }).fill('4');
  await c.getByRole('textbox', { name: 'Contract term (months)' }).fill('30');
  await exclusion(c, 'Project work', 'included');
  await exclusion(c, 'vCIO / advisory', 'included');
  await exclusion(c, 'After-hours incident response', 'rated', '250');
  await exclusion(c, 'Compliance documentation', 'rated', '150');
  await exclusion(c, 'Software licensing', 'included');
}

// Hand-computed (see the native reference test for the working).
const EXPECTED = {
  'Harbor IT': { base: '$7,125.00', allIn: '$103,700.00', total: '$328,630.52', term: 36 },
  'Keystone Partners': { base: '$4,300.00', allIn: '$77,100.00', total: '$157,176.00', term: 24 },
  'Northwind MSP': { base: '$4,450.00', allIn: '$73,940.00', total: '$186,871.56', term: 30 },
};

async function checkFigures(page) {
  for (const [name, e] of Object.entries(EXPECTED)) {
    const q = card(page, name);
    assert.equal(await figure(q, 'Base monthly'), e.base, `${name} base`);
    assert.equal(await figure(q, 'All-in year 1'), e.allIn, `${name} all-in`);
    assert.equal(await figure(q, `Total over ${e.term} months`), e.total, `${name} total`);
  }
  const ranking = page.getByRole('table', { name: 'Ranked by total contract value, lowest first' });
  const rows = ranking.getByRole('row');
  assert.equal(await rows.count(), 4);
  const order = ['Keystone Partners', 'Northwind MSP', 'Harbor IT'];
  for (const [i, name] of order.entries()) {
    const text = await rows.nth(i + 1).textContent();
    assert.ok(text.startsWith(`${i + 1}${name}`), text);
    assert.ok(text.includes(EXPECTED[name].allIn) && text.includes(EXPECTED[name].total), text);
  }
}

test('three quotes of different models give the hand-computed all-in and term totals, and survive a reload', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, URL);
  await enterThreeQuotes(page);
  await checkFigures(page);

  // Unknown costs are named, in the card and in the ranking.
  const harbor = card(page, 'Harbor IT');
  await harbor.getByText('Compliance documentation is excluded with no rate: an unknown cost the all-in figure cannot include. Ask for a rate card line.').waitFor();
  const keystone = page.getByRole('table', { name: 'Ranked by total contract value, lowest first' }).getByRole('row').filter({ hasText: 'Keystone Partners' });
  assert.match(await keystone.textContent(), /Project work, After-hours incident response$/);
  await page.getByText('Lowest total contract value: Keystone Partners, $157,176.00 over 24 months.', { exact: false }).waitFor();
  // Keystone wins on total by running 24 months; by the year, Northwind's 30 months cost
  // less: $186,871.56 × 12 / 30 against $157,176.00 × 12 / 24.
  await page.getByText('Northwind MSP costs less by the year: $74,748.62 a year on average over 30 months, against $78,588.00 for Keystone Partners.', { exact: false }).waitFor();
  // The year-by-year table shows the partial last year.
  const years = page.getByRole('table', { name: 'Cost per contract year' });
  assert.match(await years.getByRole('row').filter({ hasText: 'Northwind MSP' }).textContent(), /\$73,940\.00\$74,297\.60\$38,633\.96 \(6 mo\)/);

  await saved(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Pricing comparison' }).waitFor();
  await card(page, 'Northwind MSP').waitFor();
  await checkFigures(page);
  assert.equal(await page.getByRole('textbox', { name: 'Growth per year' }).inputValue(), '5');
  assert.equal(await card(page, 'Keystone Partners').getByRole('combobox', { name: 'Model' }).inputValue(), 'per_device');
  assert.equal(await card(page, 'Harbor IT').getByRole('textbox', { name: 'Project work rate per hour' }).inputValue(), '175');
  assert.equal(await card(page, 'Northwind MSP').getByRole('combobox', { name: 'On-site visits in this quote' }).inputValue(), 'no_rate');

  // The CSV carries the same figures.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'my-first-engagement-pricing.csv');
  const csv = await readFile(await file.path(), 'utf8');
  const lines = csv.split('\r\n');
  assert.match(lines[1], /^1,Keystone Partners,Per device,USD,24,90,0,4300\.00,77100\.00,157176\.00,/);
  assert.match(lines[3], /^3,Harbor IT,Per user,USD,36,90,3,7125\.00,103700\.00,328630\.52,/);
  assert.match(lines[4], /^,Fully managed estimate,Alternative,USD,36,/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('"Go to" takes the buyer past the quotes to the comparison, by mouse and by keyboard', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
  const page = await openPage(context, URL);
  await enterThreeQuotes(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkJumps(page, {
    height: 720,
    click: ['Comparison', 'Comparison'],
    press: ['Alternatives', 'Alternatives', 'alt-title'],
  });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a quote\'s terms fold away, leaving its figures and flags, and open again; all of them at once too', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, URL);
  await enterThreeQuotes(page);
  const harbor = card(page, 'Harbor IT');
  const toggle = harbor.getByRole('button', { name: 'Hide terms of Harbor IT' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const tall = (await harbor.boundingBox()).height;
  await toggle.click();
  const shown = harbor.getByRole('button', { name: 'Show terms of Harbor IT' });
  assert.equal(await shown.getAttribute('aria-expanded'), 'false');
  assert.equal(await harbor.getByRole('textbox', { name: 'Rate per user a month' }).isVisible(), false);
  const short = (await harbor.boundingBox()).height;
  assert.ok(short < tall / 2, `folded ${short} px, open ${tall} px`);
  // The figures and flags stay, and follow edits made elsewhere on the page.
  assert.equal(await figure(harbor, 'All-in year 1'), EXPECTED['Harbor IT'].allIn);
  await page.getByRole('textbox', { name: 'Users' }).fill('80');
  await page.waitForFunction(() => !document.body.textContent.includes('$103,700.00'));
  assert.notEqual(await figure(harbor, 'All-in year 1'), EXPECTED['Harbor IT'].allIn);
  assert.equal(await shown.getAttribute('aria-expanded'), 'false', 'an edit does not reopen it');
  // Folded terms stay as they were, and open again from the keyboard.
  await shown.focus();
  await page.keyboard.press('Enter');
  assert.equal(await harbor.getByRole('textbox', { name: 'Project work rate per hour' }).inputValue(), '175');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  // With many quotes, one button folds them all, and opens them all again.
  await card(page, 'Keystone Partners').getByRole('button', { name: 'Hide terms of Keystone Partners' }).click();
  await page.getByRole('button', { name: 'Hide all terms' }).click();
  assert.equal(await page.getByRole('button', { name: /^Show terms of / }).count(), 3);
  assert.equal(await page.getByRole('button', { name: /^Hide terms of / }).count(), 0);
  await page.getByRole('button', { name: 'Show all terms' }).click();
  assert.equal(await page.getByRole('button', { name: /^Hide terms of / }).count(), 3);
  await page.getByRole('button', { name: 'Hide all terms' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a quote below the market band is flagged with a reason', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, URL);
  const q = await addQuote(page, 'Cheap & Cheerful IT');
  await q.getByRole('textbox', { name: 'Rate per user a month' }).fill('40');
  await q.getByText('$40 per user a month is well below the usual co-managed band ($45 to $175): check what is excluded.').waitFor();
  await q.getByText('The base price is about 27% of the fully managed estimate, below the usual 40% to 60%', { exact: false }).waitFor();
  await q.getByRole('textbox', { name: 'Rate per user a month' }).fill('95');
  await q.getByText('$95 per user a month is within the common band ($65 to $120).').waitFor();
  await q.getByRole('combobox', { name: 'Model' }).selectOption('retainer');
  await q.getByRole('textbox', { name: 'Monthly retainer' }).fill('2,000');
  await q.getByText('A $2,000 monthly retainer is below the usual $2,500 to $15,000: check how narrow the defined scope is.').waitFor();
  // Switching back keeps the per-user rate typed earlier.
  await q.getByRole('combobox', { name: 'Model' }).selectOption('per_user');
  assert.equal(await q.getByRole('textbox', { name: 'Rate per user a month' }).inputValue(), '95');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('bad input is refused next to the field and the last good value is kept', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, URL);
  const q = await addQuote(page, 'Harbor IT');
  const rate = q.getByRole('textbox', { name: 'Rate per user a month' });
  await rate.fill('100');
  assert.equal(await figure(q, 'Base monthly'), '$7,500.00');
  await rate.fill('1.2345');
  await q.getByText('Use at most two decimals.').waitFor();
  assert.equal(await rate.getAttribute('aria-invalid'), 'true');
  // Where a dot groups thousands, "2.500" is 2,500: asked, never read as 2.50.
  await rate.fill('2.500');
  await q.getByText('Did you mean 2,500? Type it without the dot, or with a comma: 2,500. For a decimal, use two places, like 2.50.').waitFor();
  assert.equal(await figure(q, 'Base monthly'), '$7,500.00');
  await rate.fill('ten');
  await q.getByText('Enter an amount, like 95 or 1,250.50.').waitFor();
  assert.equal(await figure(q, 'Base monthly'), '$7,500.00');
  // The card's figures say they go on with the earlier rate, which the field no longer shows.
  const heldBack = q.locator('.quote-outcome .held-back');
  assert.equal(await heldBack.textContent(), 'These figures use the earlier “Rate per user a month” until you correct it in this quote\'s terms.');
  // An amount in another currency is not taken as dollars.
  await rate.fill('€90');
  await q.getByText('Amounts here are in USD, and this one is in EUR: enter it in USD.').waitFor();
  assert.equal(await figure(q, 'Base monthly'), '$7,500.00');
  await rate.fill('US$ 100');
  assert.equal(await rate.getAttribute('aria-invalid'), null);
  await heldBack.waitFor({ state: 'detached' });
  await rate.fill('ten');
  // An optional fee emptied means none, not a refused entry that keeps the old fee.
  const fee = q.getByRole('textbox', { name: 'Onboarding fee (one time)' });
  const allIn = await figure(q, 'All-in year 1');
  await fee.fill('2500');
  assert.notEqual(await figure(q, 'All-in year 1'), allIn);
  await fee.fill('');
  assert.equal(await fee.getAttribute('aria-invalid'), null);
  assert.equal(await figure(q, 'All-in year 1'), allIn);
  const term = q.getByRole('textbox', { name: 'Contract term (months)' });
  await term.fill('0');
  await q.getByText('Enter a number from 1 to 120.').waitFor();
  // $100, 75 users, 3% a year: 90,000 + 92,700 + 95,481 over the unchanged 36 months.
  assert.equal(await figure(q, 'Total over 36 months'), '$278,181.00');
  const users = page.getByRole('textbox', { name: 'Users', exact: true });
  await users.fill('-5');
  await page.getByText('Enter a number from 0 to 100,000.').waitFor();
  const escalator = q.getByRole('textbox', { name: 'Annual price escalator' });
  await escalator.fill('3,5%');
  assert.equal(await escalator.getAttribute('aria-invalid'), null);
  await escalator.fill('25');
  await q.getByText('Enter a percentage from 0% to 20%.').waitFor();
  // Typed key by key, a refused entry leaves nothing of itself: "1200" passes through a
  // valid 120 months and "25" through a valid 2%, and both go back to what they were.
  const total = await figure(q, 'Total over 36 months');
  await term.selectText();
  await term.pressSequentially('1200');
  await q.getByText('Enter a number from 1 to 120.').waitFor();
  await escalator.selectText();
  await escalator.pressSequentially('25');
  await q.getByText('Enter a percentage from 0% to 20%.').waitFor();
  assert.equal(await figure(q, 'Total over 36 months'), total);
  assert.equal(await heldBack.textContent(), 'These figures use the earlier “Rate per user a month”, “Contract term (months)” and “Annual price escalator” until you correct them in this quote\'s terms.');
  // The comparison says its figures use the earlier values, each field a press away.
  const refused = page.locator('#results-title ~ .open-parts');
  await refused.getByText('These fields show an entry that is not accepted, so the figures use their earlier value until you correct them:').waitFor();
  // A quote's fields are named with its provider: each quote has a "Rate per user a month".
  assert.deepEqual((await refused.getByRole('listitem').allInnerTexts()).sort(), ['Harbor IT: Annual price escalator', 'Harbor IT: Contract term (months)', 'Harbor IT: Rate per user a month', 'Users']);
  await refused.getByRole('button', { name: 'Users' }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
  // Undo first puts back the refused entries typed since the last step, newest first,
  // each field showing its value again; neither left a step that changes nothing, so
  // the third Undo takes back the 3.5%.
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await undo.click();
  await waitForValue(escalator, '3.5');
  assert.equal(await escalator.getAttribute('aria-invalid'), null);
  assert.equal(await term.inputValue(), '1200');
  await undo.click();
  await waitForValue(term, '36');
  assert.equal(await term.getAttribute('aria-invalid'), null);
  await undo.click();
  await waitForValue(escalator, '3');
  // Typing that ends where it began keeps Redo: "25" passes through 2% and goes back.
  await escalator.selectText();
  await escalator.pressSequentially('25');
  await q.getByText('Enter a percentage from 0% to 20%.').waitFor();
  await redo.click();
  await waitForValue(escalator, '3.5');
  assert.equal(await escalator.getAttribute('aria-invalid'), null);
  await saved(page);
  await page.reload();
  await card(page, 'Harbor IT').waitFor();
  const again = card(page, 'Harbor IT');
  assert.equal(await again.getByRole('textbox', { name: 'Rate per user a month' }).inputValue(), '100');
  assert.equal(await again.getByRole('textbox', { name: 'Contract term (months)' }).inputValue(), '36');
  assert.equal(await again.getByRole('textbox', { name: 'Annual price escalator' }).inputValue(), '3.5');
  assert.equal(await page.getByRole('textbox', { name: 'Users', exact: true }).inputValue(), '75');
  // After the reload there is no step; a refused entry alone is still something Undo
  // does, and the button says so.
  const fresh = page.getByRole('button', { name: 'Undo', exact: true });
  assert.equal(await fresh.getAttribute('aria-disabled'), 'true');
  const reloadedUsers = page.getByRole('textbox', { name: 'Users', exact: true });
  await reloadedUsers.fill('-5');
  await page.getByText('Enter a number from 0 to 100,000.').waitFor();
  assert.equal(await fresh.getAttribute('aria-disabled'), null);
  await fresh.click();
  await waitForValue(reloadedUsers, '75');
  assert.equal(await fresh.getAttribute('aria-disabled'), 'true');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('deleting a quote asks first and keeps the provider for another quote', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, URL);
  await addQuote(page, 'Harbor IT');
  await page.getByRole('button', { name: 'Delete quote from Harbor IT' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the quote from Harbor IT?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await card(page, 'Harbor IT').count(), 1);
  await page.getByRole('button', { name: 'Delete quote from Harbor IT' }).click();
  await dialog.getByRole('button', { name: 'Delete quote' }).click();
  await card(page, 'Harbor IT').waitFor({ state: 'detached' });
  // The panel says so where the quote was, with an Undo of its own: the page's is far up.
  const note = page.locator('#quotes-title').locator('xpath=ancestor::section').getByRole('status');
  await note.getByText('Deleted the quote from Harbor IT.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'quotes-title');
  await note.getByRole('button', { name: 'Undo the delete' }).click();
  await card(page, 'Harbor IT').waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Harbor IT');
  assert.equal(await note.textContent(), '');
  await page.getByRole('button', { name: 'Delete quote from Harbor IT' }).click();
  await dialog.getByRole('button', { name: 'Delete quote' }).click();
  await card(page, 'Harbor IT').waitFor({ state: 'detached' });
  await note.getByText('Deleted the quote from Harbor IT.').waitFor();
  // The provider is still in the workspace and can be quoted again.
  const select = page.getByRole('combobox', { name: 'Provider' });
  assert.equal(await select.locator('option:checked').textContent(), 'Harbor IT');
  await page.getByRole('button', { name: 'Add quote' }).click();
  await card(page, 'Harbor IT').waitFor();
  // The next change ends the note: its Undo would take back something else by then.
  assert.equal(await note.textContent(), '');
  // A new provider with the same name is refused.
  await page.getByRole('textbox', { name: 'New provider name' }).fill('harbor it');
  await page.getByRole('button', { name: 'Add quote' }).click();
  await page.getByText('A provider with this name is already in the list: pick it instead.').waitFor();
  await saved(page);
  const ws = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('splitline.ws.'));
    return JSON.parse(localStorage.getItem(key)).data;
  });
  assert.deepEqual(ws.providers.map((p) => p.name), ['Harbor IT']);
  assert.equal(ws.pricing.quotes.length, 1);
  assert.equal(ws.pricing.quotes[0].provider, ws.providers[0].id);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Ctrl+Z right after adding a quote takes it back, leaves the focus in the quotes and drops the word on the add', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, URL);
  await addQuote(page, 'Harbor IT');
  const said = page.locator('form.add-quote [aria-live]').filter({ hasText: 'Quote from Harbor IT added.' });
  await said.waitFor({ state: 'attached' });
  // Focus moved to the new quote's heading, which the undo takes away.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Harbor IT');
  await page.keyboard.press('Control+z');
  await card(page, 'Harbor IT').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'quotes-title');
  await said.waitFor({ state: 'detached' });
  // The provider it added stays, ready for a quote again.
  assert.equal(await page.getByRole('combobox', { name: 'Provider' }).locator('option:checked').textContent(), 'Harbor IT');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('undo and redo take back typing, a deleted quote and an added hire, by button and keyboard', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, URL);
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  assert.equal(await undo.getAttribute('aria-disabled'), 'true');
  const q = await addQuote(page, 'Harbor IT');
  const rate = q.getByRole('textbox', { name: 'Rate per user a month' });
  // Typing into one field is one step, not one per key.
  await rate.selectText();
  await rate.pressSequentially('120');
  assert.equal(await figure(q, 'Base monthly'), '$9,000.00');
  await page.getByRole('textbox', { name: 'Contract term (months)' }).fill('24');
  await undo.click();
  assert.equal(await page.getByRole('textbox', { name: 'Contract term (months)' }).inputValue(), '36');
  await undo.click();
  assert.equal(await rate.inputValue(), '0');
  await redo.click();
  assert.equal(await rate.inputValue(), '120');
  await page.getByRole('status').filter({ hasText: 'Redone.' }).waitFor({ state: 'attached' });
  // The same field typed in again after leaving it is a step of its own.
  await rate.fill('150');
  await rate.press('Tab');
  await rate.fill('170');
  await rate.press('Tab');
  await undo.click();
  assert.equal(await rate.inputValue(), '150');
  await undo.click();
  assert.equal(await rate.inputValue(), '120');
  // Ctrl+Z in a number field takes the whole entry back, as Undo does: the browser's own
  // undo went back a key at a time (the figures change the page with each key), and
  // each step's figure reached the totals.
  await rate.selectText();
  await rate.pressSequentially('110', { delay: 50 });
  await rate.press('Control+z');
  assert.equal(await rate.inputValue(), '120');
  assert.equal(await figure(q, 'Base monthly'), '$9,000.00');

  // Deleting the quote, then Ctrl+Z outside a field, brings it back with its figures.
  await page.getByRole('button', { name: 'Delete quote from Harbor IT' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete quote' }).click();
  await card(page, 'Harbor IT').waitFor({ state: 'detached' });
  await page.locator('h1').click();
  await page.keyboard.press('Control+Z');
  await card(page, 'Harbor IT').waitFor();
  assert.equal(await figure(card(page, 'Harbor IT'), 'Base monthly'), '$9,000.00');

  // A hire added and undone; Ctrl+Y adds it again.
  const hires = page.locator('fieldset.hire');
  await page.getByRole('button', { name: 'Add a hire' }).click();
  assert.equal(await hires.count(), 2);
  // Focus goes to the new hire's first field, where Ctrl+Z is the field's own.
  await page.waitForFunction(() => document.activeElement?.closest('fieldset.hire') === document.querySelectorAll('fieldset.hire')[1]);
  await page.locator('h1').click();
  await page.keyboard.press('Control+Z');
  await hires.nth(1).waitFor({ state: 'detached' });
  await page.keyboard.press('Control+Y');
  await hires.nth(1).waitFor();
  // A look at another tool keeps the history: back here, Undo takes back the hire.
  await page.evaluate(() => { location.hash = '#/scorecard'; });
  await page.getByRole('heading', { level: 1, name: 'Provider scorecard' }).waitFor();
  await page.evaluate(() => { location.hash = '#/pricing'; });
  await hires.nth(1).waitFor();
  assert.equal(await undo.getAttribute('aria-disabled'), null);
  await undo.click();
  await hires.nth(1).waitFor({ state: 'detached' });
  await redo.click();
  await hires.nth(1).waitFor();
  await saved(page);
  await page.reload();
  // The alternatives panel is built a moment after the page's top.
  await page.locator('fieldset.hire').nth(1).waitFor();
  assert.equal(await page.locator('fieldset.hire').count(), 2);
  // The history starts afresh with the page.
  assert.equal(await page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('aria-disabled'), 'true');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('alternatives show the difference over the same term, and currencies format for the locale', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, URL);
  const q = await addQuote(page, 'Harbor IT');
  await q.getByRole('textbox', { name: 'Rate per user a month' }).fill('100');
  await q.getByRole('textbox', { name: 'Annual price escalator' }).fill('0');
  await q.getByRole('textbox', { name: 'Contract term (months)' }).fill('24');
  const fm = page.getByRole('group', { name: 'Fully managed' });
  await fm.getByRole('textbox', { name: 'Annual price escalator' }).fill('0');
  // $150 × 75 × 24 = $270,000 against the quote's $180,000 (+ priced exclusions: none).
  const diff = page.getByRole('table', { name: 'Over the same term as each quote' });
  const row = await diff.getByRole('row').filter({ hasText: 'Harbor IT' }).textContent();
  assert.match(row, /\$270,000\.00\$90,000\.00 more/);
  const inHouse = page.getByRole('group', { name: 'In-house' });
  await inHouse.getByText('A single hire does not cover nights, weekends, public holidays, sick days or annual leave', { exact: false }).waitFor();
  await page.getByRole('combobox', { name: 'Currency' }).selectOption('EUR');
  assert.equal(await figure(q, 'Base monthly'), '€7,500.00');
  assert.equal(await q.getByText('€', { exact: true }).first().isVisible(), true);
  // The market bands are US figures: beside euros they say so.
  await q.getByText('€100 per user a month is within the common band (US$65 to US$120).').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the print view leaves out the inputs and keeps the figures', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, URL);
  const q = await addQuote(page, 'Harbor IT');
  await q.getByRole('textbox', { name: 'Rate per user a month' }).fill('100');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('textbox', { name: 'Users', exact: true }).isVisible(), false);
  assert.equal(await q.getByRole('textbox', { name: 'Rate per user a month' }).isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Download CSV' }).isVisible(), false);
  await page.getByText('managed IT quotes compared. Prepared', { exact: false }).waitFor();
  assert.equal(await page.getByRole('table', { name: 'Ranked by total contract value, lowest first' }).isVisible(), true);
  assert.equal(await figure(q, 'Base monthly'), '$7,500.00');
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violations with three quotes (${colorScheme})`, async () => {
    const context = await browser.newContext({ locale: 'en-US', colorScheme });
    const page = await openPage(context, URL);
    await enterThreeQuotes(page);
    await card(page, 'Harbor IT').getByRole('textbox', { name: 'Rate per user a month' }).fill('40');
    await card(page, 'Harbor IT').getByText('well below the usual co-managed band', { exact: false }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 1280, `no sideways scroll (${width})`);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('at 360 px the page does not scroll sideways', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 800 } });
  const page = await openPage(context, URL);
  await enterThreeQuotes(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page width ${width}`);
  // The tables of figures stack each quote, so its figures are on screen, each under its
  // column's name, instead of scrolling off to the side.
  for (const [table, label, expected] of [
    ['Ranked by total contract value, lowest first', 'Total contract value', EXPECTED['Keystone Partners'].total],
    ['Cost per contract year', 'Year 3', '–'],
    ['Over the same term as each quote', 'Quote total', EXPECTED['Keystone Partners'].total],
  ]) {
    const frame = page.getByRole('region', { name: table });
    assert.ok(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth), `${table} does not scroll sideways`);
    const keystone = frame.getByRole('row').filter({ hasText: 'Keystone Partners' });
    const cell = keystone.locator(`td[data-label="${label}"]`);
    assert.equal((await cell.textContent()).trim(), expected, `${table}: ${label}`);
    const box = await cell.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `${table}: ${label} is on screen (${box.x}, ${box.width})`);
  }
  // Each chart is drawn for the phone's width (names over the bars) instead of scrolling
  // sideways past the totals that differ: it fits its frame, every bar ends on screen,
  // and its labels keep a readable size. A wider screen gets the wide drawing.
  const figures = page.locator('.chart-figure');
  assert.equal(await figures.count(), 2);
  const shown = async (figure) => (await figure.locator('svg.chart:visible').getAttribute('class')).split(' ');
  for (const figure of await figures.all()) {
    assert.ok(await figure.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the chart fits its frame');
    assert.ok((await shown(figure)).includes('narrow'));
    for (const bar of await figure.locator('svg.narrow rect').all()) {
      const box = await bar.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 360, `a bar is on screen (${box.x}, ${box.width})`);
    }
  }
  const names = figures.first().locator('svg.narrow .chart-label');
  assert.equal(await names.count(), 3);
  assert.ok((await names.first().boundingBox()).height >= 11, 'a name is at least 11 px high');
  await page.setViewportSize({ width: 1024, height: 800 });
  for (const figure of await figures.all()) assert.ok((await shown(figure)).includes('wide'));
  await context.close();
});
