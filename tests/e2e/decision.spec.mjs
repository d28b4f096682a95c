// The decision brief on the worked example of `domain::decision::example` (three quoted
// and scored providers, one knocked out, one with an unpriced exclusion the RACI gives
// the MSP): the recommendation and its figures, the table, the chart, the questions and
// their links, live updates from another tab, two printed pages, Markdown, and axe in
// both themes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { APP_URL, axeViolations, checkJumps, launch, openPage, waitForValue } from './helpers.mjs';

const FIXTURE = readFileSync(new URL('./decision-workspace.json', import.meta.url), 'utf8');
const IMPORT = "Import a Splitline file (a workspace, a backup, or one tool's document)";

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

/** A fresh context with the example imported and the brief open. */
async function openBrief(options = {}) {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await page.getByLabel(IMPORT).setInputFiles({ name: 'example.json', mimeType: 'application/json', buffer: Buffer.from(FIXTURE) });
  await page.getByText('Imported “Contoso: MSP decision” as a new workspace.', { exact: false }).waitFor();
  await page.getByRole('banner').getByRole('link', { name: 'Decision brief' }).click();
  await page.getByRole('heading', { level: 1, name: 'Decision brief' }).waitFor();
  return { context, page };
}

function recommendation(page) {
  return page.getByRole('region', { name: 'Recommendation' });
}

test('the worked example recommends Keystone and says how robust that is', async () => {
  const { context, page } = await openBrief();
  const rec = recommendation(page);
  await rec.getByText('Choose Keystone Partners: the highest score of the providers with a priced quote and no red flag (85.0 points), for $300,600 over 36 months.').waitFor();
  await rec.getByText('Price. Keystone Partners costs $44,100 more over the contract than Harbor IT for 20.0 more points ($2,205 a point).').waitFor();
  await rec.getByText("Unknown costs. If Harbor IT charges over $3,675 per incident for after-hours incident response, it costs more than Keystone Partners in total contract value.").waitFor();
  await rec.getByText('Scores. Clear winner: Keystone Partners leads Harbor IT by 20.0 points', { exact: false }).waitFor();

  await page.getByText('Scores are your own. Prices are for 75 users, 75 workstations, 3 servers and 5 network devices, with no growth, in USD.', { exact: true }).waitFor();
  const table = page.getByRole('table');
  const row = (name) => table.getByRole('row', { name: new RegExp(`^${name}`) });
  assert.deepEqual(await row('Nimbus Cloud Services').getByRole('cell').allTextContents(), [
    '90.0, knocked out',
    'Proprietary tooling lock-in, with no clean hand-back',
    '$229,500 over 36 months, knocked out',
    '$76,500, knocked out',
    '$85, within the common $65 to $120',
    'None',
    'None',
    '1',
  ]);
  // Prices rank among the providers that can be chosen, as scores do.
  assert.deepEqual((await row('Harbor IT').getByRole('cell').allTextContents()).slice(0, 4), [
    '65.0 (2 of 2)',
    'None',
    '$256,500 over 36 months (1 of 2)',
    '$85,500 (1 of 2)',
  ]);
  assert.equal(await row('Harbor IT').getByRole('cell').nth(5).textContent(), 'After-hours incident response');

  const chart = page.getByRole('img', { name: 'Value for money' });
  assert.equal(await chart.locator('circle.pick-mark').count(), 2);
  assert.equal(await chart.locator('g.ko-mark').count(), 1);
  assert.equal((await chart.locator('polyline.frontier').getAttribute('points')).split(' ').length, 2);
  await page.getByText('Nimbus Cloud Services is knocked out: 90.0 points for $229,500, not on the best-value line.').waitFor();

  const questions = page.getByRole('region', { name: 'Questions to settle before signing' });
  const gap = questions.getByRole('listitem').filter({ hasText: 'The MSP owns after-hours incident response in your RACI, but Harbor IT excludes it and gives no rate.' });
  const flag = questions.getByRole('listitem').filter({ hasText: 'You ticked the red flag “Proprietary tooling lock-in, with no clean hand-back”' });
  assert.equal(await flag.getByRole('link', { name: 'Red flags' }).getAttribute('href'), '#/scorecard?view=knockouts&at=at-ko-nimbus');
  // Five incident functions with no P1 path, asked once with their one fix, and counted
  // as five findings.
  const p1 = '5 functions are incident work with no P1 escalation path written down: “Patch failures and rollback”, “Backup failures, disaster recovery and the ransomware runbook”, “Security alerts and SOC watch”, “Incident response” and “On-call escalation chain for P1 incidents”.';
  assert.equal(await questions.getByRole('listitem').filter({ hasText: 'no P1 escalation path' }).count(), 1);
  await questions.getByRole('listitem').filter({ hasText: `${p1} Write the call order` }).waitFor();
  const ready = page.getByRole('region', { name: 'RACI readiness' });
  await ready.getByText('RACI score 86%: 5 findings block the Statement of Work.', { exact: false }).waitFor();
  assert.deepEqual(await ready.getByRole('list').first().getByRole('listitem').allTextContents(), [p1]);
  await gap.getByRole('link', { name: 'Quote against your RACI' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pricing comparison' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** Waits until the focus is on the element with `id`, and says whether it is in view. */
async function focusedInView(page, id) {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 10000 });
  return page.evaluate(() => {
    const box = document.activeElement.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  });
}

test('on a phone, each question opens its tool at what it is about', async () => {
  const { context, page } = await openBrief({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const questions = page.getByRole('region', { name: 'Questions to settle before signing' });
  const back = async () => {
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Decision brief' }).waitFor();
  };
  // The P1 line opens the RACI at its first function, selected, with its details.
  await questions.getByRole('listitem').filter({ hasText: 'no P1 escalation path' }).getByRole('link').click();
  assert.ok(await focusedInView(page, 'rc-19-0'), 'the function row is on screen');
  const details = page.getByRole('region', { name: 'Function details' });
  await waitForValue(details.getByRole('textbox', { name: 'Name', exact: true }), 'Patch failures and rollback');
  await back();
  // The rate card question opens Harbor's quote, 5,000 px down the pricing page.
  await questions.getByRole('listitem').filter({ hasText: 'Harbor IT excludes it and gives no rate' }).getByRole('link').click();
  assert.ok(await focusedInView(page, 'at-quote-harbor'), 'the quote is on screen');
  await back();
  // A red flag opens the knock-outs view at the provider's checklist.
  await questions.getByRole('listitem').filter({ hasText: 'You ticked the red flag' }).getByRole('link').click();
  assert.ok(await focusedInView(page, 'at-ko-nimbus'), 'the checklist is on screen');
  await back();
  // A weak score opens the score grid at that cell, selected.
  await questions.getByRole('listitem').filter({ hasText: '“Disagreements with internal IT” scored 2 of 5' }).first().getByRole('link').click();
  assert.ok(await focusedInView(page, 'sc-x-harbor--c-raci-disagreements'), 'the score cell is on screen');
  assert.equal(await page.evaluate(() => document.activeElement.value), '2');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('quotes over different terms are weighed by the year, and the CSV says who is knocked out', async () => {
  const { context, page } = await openBrief();
  await page.getByRole('banner').getByRole('link', { name: 'Pricing comparison' }).click();
  const term = page.getByRole('article', { name: 'Harbor IT' }).getByRole('textbox', { name: 'Contract term (months)' });
  await term.fill('24');
  await term.press('Tab');
  // Nimbus (knocked out) is cheaper by the year; the sentence says whom it compares.
  await page.getByText('Of the providers you can choose, Harbor IT is also the lowest by the year: $85,500.00 a year on average.', { exact: false }).waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString();
  const nimbus = csv.split('\r\n').find((line) => line.includes('Nimbus Cloud Services'));
  assert.ok(nimbus.includes('Knocked out on the scorecard: Proprietary tooling lock-in, with no clean hand-back'), nimbus);

  await page.getByRole('banner').getByRole('link', { name: 'Decision brief' }).click();
  const rec = recommendation(page);
  // $171,000 over 24 months against $300,600 over 36: $85,500 and $100,200 a year.
  await rec.getByText('Price. Keystone Partners costs $14,700 more a year than Harbor IT for 20.0 more points ($735 a year for each point).').waitFor();
  await rec.getByText('Unknown costs. If Harbor IT charges over $3,675 per incident for after-hours incident response, it costs more than Keystone Partners by the year.').waitFor();
  await page.getByRole('img', { name: 'Value for money' }).getByText('Average cost a year').first().waitFor({ state: 'attached' });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an edit in a tool updates the brief open in another tab', async () => {
  const { context, page } = await openBrief();
  const rec = recommendation(page);
  await rec.getByText('Choose Keystone Partners', { exact: false }).waitFor();
  const tool = await openPage(context, `${APP_URL}#/pricing`);
  const harbor = tool.getByRole('article', { name: 'Harbor IT' });
  await harbor.getByRole('textbox', { name: 'Rate per user a month' }).fill('130');
  // Harbor is now dearer than Keystone and scores lower: off the best-value line.
  await rec.getByText('Price. Keystone Partners is also the cheapest you can choose', { exact: false }).waitFor();
  assert.equal(await page.getByRole('img', { name: 'Value for money' }).locator('polyline.frontier').getAttribute('points').then((p) => p.split(' ').length), 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the printout fits on two pages, A4 and Letter', async () => {
  const { context, page } = await openBrief();
  await recommendation(page).getByText('Choose Keystone Partners', { exact: false }).waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false);
  await page.getByText('Contoso Dental Group: managed IT provider decision. Prepared', { exact: false }).waitFor();
  for (const format of ['A4', 'Letter']) {
    const pdf = (await page.pdf({ format })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page\b/g).length;
    assert.ok(pages <= 2, `${format}: ${pages} pages`);
  }
  await context.close();
});

test('the brief comes as Markdown for an email', async () => {
  const { context, page } = await openBrief();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Markdown' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'contoso-msp-decision-decision-brief.md');
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  assert.ok(text.startsWith('# Decision brief: Contoso: MSP decision\n\n**Choose Keystone Partners'), text.slice(0, 120));
  assert.ok(text.includes('| Nimbus Cloud Services | 90.0, knocked out |'));
  assert.ok(text.includes('### Whichever provider you choose (from your RACI)'));
  await context.close();
});

test('every tool links to the brief, and a new workspace gets a plain empty brief', async () => {
  const { context, page } = await openBrief();
  for (const tool of ['raci', 'scorecard?view=results', 'pricing']) {
    await page.goto(`${APP_URL}#/${tool}`);
    await page.getByRole('link', { name: 'Open the decision brief' }).click();
    await recommendation(page).getByText('Choose Keystone Partners', { exact: false }).waitFor();
  }
  const fresh = await openPage(await browser.newContext({ locale: 'en-US' }), `${APP_URL}#/decision`);
  await recommendation(fresh).getByText('No recommendation yet: add the providers you are evaluating, score them and enter their quotes.').waitFor();
  await fresh.getByText('No providers yet.', { exact: false }).waitFor();
  // Every part says why it is empty, not just its heading.
  const part = (name) => fresh.getByRole('region', { name });
  await part('Value for money').getByText('Nothing to chart yet: a provider appears here once it has both scores and a priced quote.').waitFor();
  await part('Questions to settle before signing').getByText('No questions yet.', { exact: false }).waitFor();
  assert.deepEqual([...page.errors, ...fresh.errors], []);
  await fresh.context().close();
  await context.close();
});

test('the pricing comparison and call mode say which provider the scorecard knocks out', async () => {
  const { context, page } = await openBrief();
  await page.goto(`${APP_URL}#/pricing`);
  const results = page.getByRole('region', { name: 'Comparison', exact: true });
  await results.getByText(
    'Lowest total contract value: Nimbus Cloud Services, $229,500.00 over 36 months. Your scorecard knocks Nimbus Cloud Services out (Proprietary tooling lock-in, with no clean hand-back). Of the providers you can choose, Harbor IT is lowest: $256,500.00 over 36 months. It leaves after-hours incident response without a price, so the real figure is higher.',
  ).waitFor();
  await results.getByRole('rowheader', { name: 'Nimbus Cloud Services (knocked out)' }).waitFor();
  await page.getByRole('article', { name: 'Nimbus Cloud Services' }).getByText('1 of 3 (knocked out)', { exact: true }).waitFor();
  // The others' rank among those the buyer can choose comes first, as the brief gives it.
  await page.getByRole('article', { name: 'Harbor IT' }).getByText('1 of 2 you can choose (2 of 3 in all)', { exact: true }).waitFor();
  // So does call mode's provider picker.
  await page.goto(`${APP_URL}#/scorecard?view=call`);
  const picker = page.getByRole('combobox', { name: 'Provider on the call' });
  await picker.locator('option', { hasText: '(knocked out)' }).waitFor({ state: 'attached' });
  assert.deepEqual(await picker.locator('option').allTextContents(), ['Harbor IT', 'Keystone Partners', 'Nimbus Cloud Services (knocked out)']);
  await page.goto(`${APP_URL}#/pricing`);
  // The breakdown's legend lists the kinds of cost its bars show, and no other.
  const legend = results.locator('figure').first().locator('ul.legend li');
  await legend.filter({ hasText: 'Excluded items' }).waitFor();
  assert.deepEqual(await legend.allTextContents(), ['Base service', 'Excluded items at rate card prices']);
  assert.deepEqual(page.errors, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violations on the brief (${colorScheme})`, async () => {
    const { context, page } = await openBrief({ colorScheme });
    await recommendation(page).getByText('Choose Keystone Partners', { exact: false }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('at 360 px the brief does not scroll sideways, the value chart is drawn for the phone, and Go to reaches each part', async () => {
  const { context, page } = await openBrief({ viewport: { width: 360, height: 800 } });
  await recommendation(page).getByText('Choose Keystone Partners', { exact: false }).waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page width ${width}`);
  // The providers table stacks each provider, so every cell is on screen, named.
  const frame = page.getByRole('region', { name: 'Providers table' });
  assert.ok(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the table does not scroll sideways');
  const keystone = frame.getByRole('row').filter({ hasText: 'Keystone Partners' });
  const total = keystone.locator('td[data-label="Total contract value (rank)"]');
  assert.equal(await total.textContent(), '$300,600 over 36 months (2 of 2)');
  const box = await total.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, `the total is on screen (${box.x}, ${box.width})`);
  // The value chart is drawn for the phone: every provider and label inside the chart
  // on screen, labels at a readable size, and nothing to scroll.
  const chart = page.getByRole('img', { name: 'Value for money' });
  assert.equal(await chart.getAttribute('viewBox'), '0 0 330 320');
  assert.equal(await chart.locator('circle.pick-mark').count(), 2);
  assert.equal(await chart.locator('g.ko-mark').count(), 1);
  const fit = await chart.evaluate((svg) => {
    const outer = svg.getBoundingClientRect();
    // The size a label is drawn at: its font size in SVG units times the chart's scale.
    const scale = svg.getScreenCTM().a;
    const labels = [...svg.querySelectorAll('text')].map((t) => {
      const r = t.getBoundingClientRect();
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      return { text: t.textContent, inside: r.left >= outer.left - 0.5 && r.right <= outer.right + 0.5 && r.top >= outer.top - 0.5, px };
    });
    // Providers' labels never cover each other or a mark. Each provider is a g.point
    // (its mark and its lines); its label is the box around its lines.
    const rect = (el) => el.getBoundingClientRect();
    const union = (rs) => ({
      left: Math.min(...rs.map((r) => r.left)),
      right: Math.max(...rs.map((r) => r.right)),
      top: Math.min(...rs.map((r) => r.top)),
      bottom: Math.max(...rs.map((r) => r.bottom)),
    });
    const names = [...svg.querySelectorAll('g.point')].map((g) => union([...g.querySelectorAll('text')].map(rect)));
    const marks = [...svg.querySelectorAll('circle, g.ko-mark')].map(rect);
    const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const clashes = names.filter((a, i) => names.some((b, j) => i !== j && hit(a, b)) || marks.some((m) => hit(a, m))).length;
    return { left: outer.left, right: outer.right, scrolls: svg.parentElement.scrollWidth > svg.parentElement.clientWidth, labels, clashes, points: names.length };
  });
  assert.ok(fit.left >= 0 && fit.right <= 360, `the chart is on screen (${fit.left} to ${fit.right})`);
  assert.equal(fit.scrolls, false, 'the chart does not scroll');
  assert.equal(fit.points, 3);
  assert.equal(fit.clashes, 0, 'no label covers another label or a mark');
  for (const l of fit.labels) {
    assert.ok(l.inside, `“${l.text}” is inside the chart`);
    assert.ok(l.px >= 11, `“${l.text}” is drawn at ${l.px.toFixed(1)} px`);
  }
  assert.ok(fit.labels.some((l) => l.text === 'Keystone Partners'));
  assert.ok(fit.labels.some((l) => l.text === '(knocked out)'));
  // "Go to" reaches the questions at the foot of the 7,000 px page, and the print buttons.
  await checkJumps(page, {
    height: 800,
    click: ['Questions', 'Questions to settle before signing'],
    press: ['Print or copy', 'Print or copy for the meeting', 'brief-export-title'],
  });
  // Paper gets the wide chart, whatever the screen, and no Go to.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await chart.getAttribute('viewBox'), '0 0 640 320');
  assert.equal(await page.getByRole('navigation', { name: 'Sections of this page' }).isVisible(), false);
  await context.close();
});

test('a provider has one colour in the scorecard chart and the pricing chart, whatever its rank', async () => {
  const { context, page } = await openBrief();
  const colours = async (swatches) => {
    await swatches.first().waitFor();
    return Object.fromEntries(await swatches.evaluateAll((spans) =>
      spans.map((s) => [s.parentElement.textContent.trim(), getComputedStyle(s).backgroundColor])));
  };
  await page.getByRole('banner').getByRole('link', { name: 'Scorecard' }).click();
  await page.getByRole('tab', { name: 'Results' }).click();
  const scorecard = await colours(page.locator('.sc-legend .sc-swatch'));
  await page.getByRole('banner').getByRole('link', { name: 'Pricing' }).click();
  const pricing = await colours(page.locator('.chart-figure .legend .swatch[class*="series-"]'));
  // Keystone ranks first on the scorecard, Harbor is cheapest: each keeps its colour.
  assert.deepEqual(Object.keys(scorecard).slice(0, 2), ['Keystone Partners', 'Harbor IT']);
  for (const name of ['Harbor IT', 'Keystone Partners']) assert.equal(scorecard[name], pricing[name], name);
  assert.notEqual(pricing['Harbor IT'], pricing['Keystone Partners']);
  await context.close();
});

test('the start page tells a returning visitor their work is here, and a new visitor nothing new', async () => {
  const { context, page } = await openBrief();
  await page.goto(APP_URL);
  await page.getByText('Welcome back: your workspace “Contoso: MSP decision” (last changed ', { exact: false }).waitFor();
  const fresh = await openPage(await browser.newContext(), APP_URL);
  await fresh.getByRole('heading', { level: 1, name: 'Splitline' }).waitFor();
  assert.equal(await fresh.locator('.welcome-back').textContent(), '');
  assert.equal(await fresh.locator('.welcome-back').isVisible(), false);
  await fresh.context().close();
  await context.close();
});
