// Provider scorecard: several evaluators (export, import by file and by drop, matching,
// disagreements, agreed scores, blind mode), CSV and print export, accessibility, 360 px.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { axeViolations, launch, saved } from './helpers.mjs';
import { PROVIDERS, SCORED, openSeeded, openTab, ranking, storedWorkspace, workspace } from './scorecard-helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

/** Dana's card: providers under other ids (matched by name), one provider and one
 *  criterion we do not have, and a 1 where we gave Harbor a 5. */
function danasCard() {
  const criterion = (id, name, group) => ({ id, group, name, question: '', anchors: { 1: '', 3: '', 5: '' }, weight: 3 });
  const data = {
    card_id: 'card-dana',
    evaluator: 'Dana Lee',
    complete: true,
    exported_ms: 1_763_950_000_000,
    workspace: "Dana's copy",
    providers: [
      { id: 'd1', name: 'harbor it' },
      { id: 'd2', name: 'Keystone Partners' },
      { id: 'd3', name: 'Orbit MSP' },
    ],
    criteria: [
      criterion('raci-written', 'RACI on paper', 'Ownership & RACI'),
      criterion('raci-gap-functions', 'Gap functions named explicitly', 'Ownership & RACI'),
      criterion('dana-local', 'Local engineers', 'Team & culture'),
    ],
    cells: {
      d1: { 'raci-written': { score: 1, note: 'Would not write it down' }, 'raci-gap-functions': { score: 4 } },
      d2: { 'raci-written': { score: 4 }, 'dana-local': { score: 5 } },
      d3: { 'raci-written': { score: 3 } },
    },
    flags: [{ id: 'ko-lock-in', text: 'Proprietary tooling lock-in, with no clean hand-back', custom: false }],
    knockouts: { d1: { 'ko-lock-in': '' } },
  };
  return JSON.stringify({ format: 'splitline', kind: 'scorecard', version: 1, data }, null, 2);
}

async function importFile(page, name, text) {
  await page.getByLabel('Choose a scorecard file (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a second evaluator is merged: matches reported, disagreements shown, agreed scores drive the ranking, own scores untouched', async () => {
  const context = await browser.newContext();
  const page = await openSeeded(context, workspace(PROVIDERS, SCORED), '#/scorecard?view=evaluators');
  await page.getByRole('tab', { name: 'Evaluators', selected: true }).waitFor();

  // A file that is not a scorecard is refused with a reason.
  await importFile(page, 'notes.json', '{"hello": 1}');
  await page.getByRole('alert').filter({ hasText: 'This is JSON, but not something Splitline saved.' }).waitFor();

  await importFile(page, 'scorecard-dana-lee.json', danasCard());
  const preview = page.getByRole('region', { name: 'Import preview' });
  await preview.getByRole('heading', { name: 'Card of Dana Lee (complete)' }).waitFor();
  await preview.getByText('5 scores and notes. Matches 2 of its 3 providers and 2 of its 3 criteria.').waitFor();
  await preview.getByText('Matched by name: harbor it, Keystone Partners').waitFor();
  await preview.getByText('“RACI on paper” is “Written RACI with named owners” here').waitFor();
  assert.deepEqual(await preview.getByTestId('sc-unmatched-criteria').getByRole('listitem').allInnerTexts(), ['Local engineers (Team & culture)']);
  assert.deepEqual(await preview.getByTestId('sc-unmatched-providers').getByRole('listitem').allInnerTexts(), ['Orbit MSP']);
  await preview.getByText('32 of your criteria are not in this card', { exact: false }).waitFor();
  await preview.getByRole('button', { name: 'Merge the card of Dana Lee' }).click();
  await page.getByRole('status').filter({ hasText: "Merged Dana Lee's card: 3 scores and notes shown." }).waitFor();
  // The preview goes with its buttons: focus is back on the file chooser, not the page's top.
  await page.waitForFunction(() => document.activeElement?.type === 'file');
  await page.getByText('Not matched: 1 criterion, 1 provider, 2 scores or notes', { exact: false }).waitFor();
  // The report stays with the card.
  await page.getByText('Criteria not in this scorecard: Local engineers').waitFor();
  await page.getByText('Providers not in this workspace: Orbit MSP').waitFor();

  // Compare: Harbor's RACI is 5 (mine) against 1 (Dana): mean 3, spread 4, a disagreement.
  const compare = page.getByRole('region', { name: 'Scores by evaluator' });
  await page.getByTestId('sc-disagreements').filter({ hasText: '1 disagreement for this provider.' }).waitFor();
  const row = compare.getByRole('row', { name: /Written RACI with named owners/ });
  assert.deepEqual(await row.locator('td').allInnerTexts().then((t) => t.slice(0, 4)), ['5', '1', '3', '4']);
  await row.getByText('Disagreement').waitFor();
  const gap = compare.getByRole('row', { name: /Gap functions named explicitly/ });
  assert.deepEqual(await gap.locator('td').allInnerTexts().then((t) => t.slice(0, 4)), ['4', '4', '4', '0']);
  await page.getByRole('checkbox', { name: 'Only disagreements (2 or more points apart)' }).check();
  assert.equal(await compare.getByRole('row').count(), 2);

  // The lead agrees on 4: Harbor (400 + 320 + 180) / 12 = 75.0, so Keystone (80.0) leads.
  await row.getByRole('combobox', { name: 'Agreed score for Written RACI with named owners' }).selectOption('4');
  await openTab(page, 'Results');
  assert.deepEqual((await ranking(page)).slice(0, 2), [
    ['1', 'Keystone Partners', '80.0', '5.0'],
    ['2', 'Harbor IT', '75.0', '–'],
  ]);
  // Dana's red flag on Harbor is not the ranking's until my card ticks it: the results say so.
  await page.getByTestId('sc-verdict').getByText('Other evaluators ticked red flags for providers your card keeps in the ranking: Harbor IT (Dana Lee: “Proprietary tooling lock-in, with no clean hand-back”). Only a flag ticked on your card (Knock-outs) leaves a provider out.').waitFor();
  await page.locator('.sc-ranking').getByRole('row', { name: /Harbor IT/ }).getByText('Red flags on other cards: Dana Lee: “Proprietary tooling lock-in, with no clean hand-back”', { exact: false }).waitFor();
  // My own score is still 5, marked as overridden by the agreed 4.
  await openTab(page, 'Scores');
  assert.equal(await page.getByRole('textbox', { name: 'Written RACI with named owners Harbor IT' }).inputValue(), '5');
  await saved(page);
  const ws = await storedWorkspace(page);
  assert.deepEqual(ws.scorecard.cells, SCORED.cells);
  assert.equal(ws.scorecard.agreed.h1['raci-written'], 4);
  assert.equal(ws.scorecard.others.length, 1);
  assert.equal(ws.scorecard.others[0].cells.h1['raci-written'].note, 'Would not write it down');
  assert.deepEqual(ws.scorecard.others[0].red_flags, { h1: ['Proprietary tooling lock-in, with no clean hand-back'] });

  // Blind mode hides Dana's scores until my card is complete.
  await openTab(page, 'Evaluators');
  await page.getByRole('checkbox', { name: "Blind mode: hide other evaluators' scores until my card is complete" }).check();
  await page.getByText("Blind mode is on: other evaluators' scores stay hidden until you mark your card complete.").waitFor();
  assert.equal(await page.getByRole('region', { name: 'Scores by evaluator' }).count(), 0);
  await page.getByRole('checkbox', { name: 'My card is complete', exact: true }).check();
  await page.getByRole('region', { name: 'Scores by evaluator' }).waitFor();

  // Importing a newer file from Dana replaces her card instead of adding one.
  const newer = danasCard().replace('"score": 1,', '"score": 2,').replace('"exported_ms": 1763950000000', '"exported_ms": 1763960000000');
  assert.notEqual(newer, danasCard().replace('"score": 1,', '"score": 2,'), 'the newer file is shared later');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'scorecard-dana-lee.json', { type: 'application/json' }));
    document.querySelector('.sc-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, newer);
  await preview.getByText('It replaces the card of Dana Lee imported earlier.').waitFor();
  await preview.getByRole('button', { name: 'Merge the card of Dana Lee' }).click();
  await page.getByRole('status').filter({ hasText: "Updated Dana Lee's card" }).waitFor();
  await saved(page);
  const after = await storedWorkspace(page);
  assert.equal(after.scorecard.others.length, 1);
  assert.equal(after.scorecard.others[0].cells.h1['raci-written'].score, 2);
  assert.deepEqual(after.scorecard.cells, SCORED.cells);
  // Her first file again (an old email): the preview says it is older than the card held.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'scorecard-dana-lee.json', { type: 'application/json' }));
    document.querySelector('.sc-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, danasCard());
  await preview.getByText(/^This card was shared on .+, before the one you have \(shared on .+\)\. It has \d+ scores and notes, that one \d+\. Merging puts this older card in its place\.$/).waitFor();
  await preview.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('my card exports as a scorecard file that a colleague can merge, and my own file is refused', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openSeeded(context, workspace(PROVIDERS, SCORED), '#/scorecard?view=evaluators');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my scorecard' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'scorecard-sam-ortiz.json');
  const text = await readFile(await file.path(), 'utf8');
  const card = JSON.parse(text);
  assert.equal(card.format, 'splitline');
  assert.equal(card.kind, 'scorecard');
  assert.equal(card.version, 1);
  assert.equal(card.data.evaluator, 'Sam Ortiz');
  assert.equal(card.data.card_id, 'card-sam');
  assert.deepEqual(card.data.providers, PROVIDERS);
  assert.deepEqual(card.data.cells, SCORED.cells);
  assert.equal(card.data.criteria.length, 34);
  assert.equal(card.data.criteria[0].id, 'raci-written');

  await importFile(page, 'mine.json', text);
  await page.getByRole('region', { name: 'Import preview' }).getByText('This is your own scorecard.', { exact: false }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Merge the card of Sam Ortiz' }).isDisabled(), true);

  // A colleague's browser (fresh storage, other provider ids) merges it by name.
  const other = await browser.newContext();
  const colleague = await openSeeded(other, workspace([{ id: 'x1', name: 'HARBOR IT' }], { evaluator: 'Dana Lee', card_id: 'card-dana' }), '#/scorecard?view=evaluators');
  await importFile(colleague, 'scorecard-sam-ortiz.json', text);
  const preview = colleague.getByRole('region', { name: 'Import preview' });
  await preview.getByRole('checkbox', { name: 'Add these providers to the workspace' }).check();
  await preview.getByRole('button', { name: 'Merge the card of Sam Ortiz' }).click();
  await colleague.getByRole('status').filter({ hasText: 'Added 0 criteria and 2 providers.' }).waitFor();
  await colleague.locator('.sc-provider-name', { hasText: 'Nimbus Managed' }).waitFor();
  assert.deepEqual(colleague.errors, []);
  await other.close();
  // Into a workspace with no providers yet, adding them is ticked already: unticked, the
  // merge would keep none of the scores.
  const empty = await browser.newContext();
  const first = await openSeeded(empty, workspace([], { evaluator: 'Lee Park', card_id: 'card-lee' }), '#/scorecard?view=evaluators');
  await importFile(first, 'scorecard-sam-ortiz.json', text);
  const add = first.getByRole('region', { name: 'Import preview' }).getByRole('checkbox', { name: 'Add these providers to the workspace' });
  assert.equal(await add.isChecked(), true);
  await first.getByRole('button', { name: 'Merge the card of Sam Ortiz' }).click();
  await first.getByRole('status').filter({ hasText: 'Added 0 criteria and 3 providers.' }).waitFor();
  assert.deepEqual(first.errors, []);
  await empty.close();
  await context.close();
});

test('CSV export lists criteria down and providers across; the print view has a comparison page and one page per provider', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openSeeded(context, workspace(PROVIDERS, SCORED), '#/scorecard?view=export');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'northwind-msp-review-scorecard.csv');
  const lines = (await readFile(await file.path(), 'utf8')).split('\r\n');
  assert.equal(lines[0], 'Group,Criterion,Criterion id,Question,Weight,Weight %,Harbor IT: score,Harbor IT: note,Keystone Partners: score,Keystone Partners: note,Nimbus Managed: score,Nimbus Managed: note');
  assert.match(lines[1], /^Ownership & RACI,Written RACI with named owners,raci-written,"Will you put a RACI .*",5,4\.1,5,,4,,2,$/);
  assert.equal(lines.length, 34 + 1 + 3 + 1);
  assert.equal(lines[35], ',Total (0 to 100),,,,,83.3,,80.0,,48.9,');
  assert.equal(lines[36], ',Rank,,,,,1,,2,,Knocked out,');

  const print = page.getByRole('region', { name: 'Print preview' });
  await print.getByRole('heading', { name: 'Provider comparison: Northwind MSP review' }).waitFor();
  for (const p of PROVIDERS) await print.getByRole('heading', { level: 3, name: p.name }).waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('tablist').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Download CSV' }).isVisible(), false);
  assert.equal(await page.locator('.sc-print-page').count(), 1 + PROVIDERS.length);
  const breaks = await page.locator('.sc-print-page').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
  assert.deepEqual(breaks, ['auto', 'page', 'page', 'page']);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations on any scorecard view (${colorScheme})`, async () => {
    const context = await browser.newContext({ colorScheme });
    const page = await openSeeded(context, workspace(PROVIDERS, SCORED), '#/scorecard?view=evaluators');
    await importFile(page, 'scorecard-dana-lee.json', danasCard());
    await page.getByRole('region', { name: 'Import preview' }).waitFor();
    const problems = [];
    problems.push(...(await axeViolations(page)).map((v) => `evaluators preview: ${v}`));
    await page.getByRole('button', { name: 'Merge the card of Dana Lee' }).click();
    await page.getByRole('region', { name: 'Scores by evaluator' }).waitFor();
    for (const tab of ['Evaluators', 'Scores', 'Call mode', 'Criteria & weights', 'Knock-outs', 'Results', 'Export & print']) {
      await openTab(page, tab);
      if (tab === 'Scores') await page.getByRole('textbox', { name: 'Written RACI with named owners Harbor IT' }).click();
      if (tab === 'Criteria & weights') await page.getByRole('button', { name: 'Details of Written RACI with named owners' }).click();
      problems.push(...(await axeViolations(page)).map((v) => `${tab}: ${v}`));
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('call mode and the grid work on a 360 px wide phone without sideways page scrolling', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await openSeeded(context, workspace(PROVIDERS, SCORED), '#/scorecard?view=call');
  const five = page.getByRole('button', { name: 'Score 5' });
  await five.waitFor();
  const box = await five.boundingBox();
  assert.ok(box.height >= 44 && box.width >= 44, `score buttons are large targets (${box.width}×${box.height})`);
  await page.getByRole('button', { name: 'Score 2' }).tap();
  await page.getByTestId('sc-call-score').filter({ hasText: 'Scored 2 for Harbor IT' }).waitFor();
  await page.getByRole('button', { name: 'Next', exact: true }).tap();
  await page.getByTestId('sc-call-position').filter({ hasText: 'Question 2 of 34' }).waitFor();
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok((await width()) <= 360, `call mode fits (${await width()} px)`);
  // A touch screen is not told about keys it does not have.
  assert.equal(await page.getByText('Keys: 0 to 5 score').isVisible(), false);
  await openTab(page, 'Scores');
  await page.getByRole('region', { name: 'Score grid, scrolls in both directions' }).waitFor();
  assert.equal(await page.getByText('Arrow keys and Enter move').isVisible(), false);
  assert.ok(await page.getByText('Tap a cell and type a score from 0 to 5, or use the buttons under the grid, where N/A marks it not applicable.').isVisible());
  assert.ok((await width()) <= 360, `the grid scrolls inside its own box (${await width()} px)`);
  await openTab(page, 'Results');
  assert.ok((await width()) <= 360, `results fit (${await width()} px)`);
  // The ranking stacks each provider, so every total is on screen, not scrolled off.
  const frame = page.getByRole('region', { name: 'Ranking table' });
  assert.ok(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the ranking does not scroll sideways');
  const totals = frame.locator('td[data-label="Total (0 to 100)"]');
  assert.equal(await totals.count(), PROVIDERS.length);
  for (const right of await totals.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right))) {
    assert.ok(right <= 360, `a total ends at ${right} px`);
  }
  await context.close();
});
