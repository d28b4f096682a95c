// RACI kinds from function names: the buyer's own functions get the checks that apply to
// them, each suggestion says why and can be unticked, functions stored before suggestions
// are marked once with a notice that can take it back, and CSV files without kinds too.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, saved } from './helpers.mjs';
import { cell, grid, importCsv, openRaci, row, startFromTemplate } from './raci-helpers.mjs';

let browser;
before(async () => {
  const { launch } = await import('./helpers.mjs');
  browser = await launch();
});
after(() => browser.close());

/** Adds a function to a category through the form, then opens its details. */
async function addFunction(page, name, category) {
  await page.getByRole('textbox', { name: 'Function name' }).fill(name);
  await page.locator('#raci-add-category').fill(category);
  await page.getByRole('button', { name: 'Add function' }).click();
  await row(page, name).waitFor();
  await row(page, name).getByRole('rowheader').click();
  await page.getByRole('heading', { level: 3, name }).waitFor();
}

/** Clicks a cell until it shows `letters` (cells cycle none → R → A → …). */
async function setCell(page, name, party, letters) {
  for (let i = 0; i < 8; i++) {
    if ((await cell(page, name, party).textContent()) === letters) return;
    await cell(page, name, party).click();
  }
  throw new Error(`${name}: never reached ${letters}`);
}

function details(page) {
  return page.getByRole('region', { name: 'Function details' });
}

test('a buyer’s own functions get the kinds their names say, and the checks that come with them', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);

  await addFunction(page, '24/7 security alert triage', 'Security');
  await setCell(page, '24/7 security alert triage', 1, 'R'); // MSP does the work
  await setCell(page, '24/7 security alert triage', 0, 'A'); // internal IT answers for it
  const panel = details(page);
  assert.ok(await panel.getByRole('checkbox', { name: 'Needs 24/7 cover' }).isChecked());
  assert.ok(await panel.getByRole('checkbox', { name: 'Incident type (needs a P1 path)' }).isChecked());
  await panel.getByText('Suggested because the name says “24/7”. Untick it if it does not apply.').waitFor();
  await panel.getByText('Suggested because the name says “security alert triage”.', { exact: false }).waitFor();
  // Nobody after hours and no P1 path: both findings, in the details and in the checks.
  await panel.getByText('“24/7 security alert triage” needs 24/7 cover but has no after-hours owner.').waitFor();
  await panel.getByText('“24/7 security alert triage” is incident work with no P1 escalation path written down.').waitFor();
  const findings = page.getByRole('region', { name: 'Findings' });
  await findings.getByRole('button', { name: '“24/7 security alert triage” needs 24/7 cover but has no after-hours owner.' }).waitFor();
  await findings.getByRole('button', { name: '“24/7 security alert triage” is incident work with no P1 escalation path written down.' }).waitFor();

  await addFunction(page, 'HIPAA control ownership', 'Compliance');
  await setCell(page, 'HIPAA control ownership', 1, 'A'); // the MSP accountable
  await setCell(page, 'HIPAA control ownership', 0, 'R');
  await panel.getByText('Suggested because the name says “HIPAA”.', { exact: false }).waitFor();
  const compliance = 'MSP is accountable for “HIPAA control ownership”, a compliance duty.';
  await findings.getByRole('button', { name: compliance }).waitFor();

  // Unticking is the buyer's word: the finding goes, and a rename does not bring it back.
  await panel.getByRole('checkbox', { name: 'Compliance or regulatory' }).uncheck();
  await findings.getByRole('button', { name: compliance }).waitFor({ state: 'detached' });
  await panel.getByRole('textbox', { name: 'Name' }).fill('HIPAA control ownership and evidence');
  await page.getByRole('heading', { level: 3, name: 'HIPAA control ownership and evidence' }).waitFor();
  assert.equal(await panel.getByRole('checkbox', { name: 'Compliance or regulatory' }).isChecked(), false);
  // Ctrl+Z outside a field takes the untick back with the rename.
  await grid(page).getByRole('rowheader', { name: 'HIPAA control ownership and evidence' }).click();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await findings.getByRole('button', { name: compliance }).waitFor();

  // A function with no kind is never said to pass every check.
  await addFunction(page, 'Printer support', 'Service desk');
  await setCell(page, 'Printer support', 0, 'A/R');
  const note = panel.locator('.unchecked');
  await note.waitFor();
  assert.match(
    await note.textContent(),
    /^No findings from the checks that ran\. Not checked, because the function is not marked for them: an after-hours owner \(24\/7\), a P1 path \(incident type\) and who is accountable for compliance \(compliance\)\./,
  );
  assert.equal(await page.getByText('passes every check').count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('functions stored before kinds were suggested are marked once, with a notice that can take it back', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  await addFunction(page, 'SOC2 evidence', 'Compliance');
  await addFunction(page, 'Overnight backup jobs', 'Operations');
  await saved(page);
  // As an older version stored them: no marks at all.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('splitline.ws.'));
    const env = JSON.parse(localStorage.getItem(key));
    for (const f of env.data.raci.functions.filter((f) => !f.key)) {
      f.marks = {};
      delete f.inferred;
    }
    localStorage.setItem(key, JSON.stringify(env));
  });
  await page.reload();
  const notice = page.getByTestId('raci-suggested');
  await notice.getByText('Splitline now reads function names: 2 of your functions were marked by their names', { exact: false }).waitFor();
  assert.deepEqual(await notice.getByRole('listitem').allTextContents(), [
    'Overnight backup jobs: 24/7',
    'SOC2 evidence: compliance',
  ]);
  assert.deepEqual(await axeViolations(page), [], 'the notice');
  await notice.getByRole('button', { name: 'Undo these marks' }).click();
  await notice.waitFor({ state: 'detached' });
  await row(page, 'SOC2 evidence').getByRole('rowheader').click();
  assert.equal(await details(page).getByRole('checkbox', { name: 'Compliance or regulatory' }).isChecked(), false);
  await saved(page);
  await page.reload();
  await grid(page).waitFor();
  await row(page, 'SOC2 evidence').getByRole('rowheader').click();
  await details(page).getByRole('heading', { level: 3, name: 'SOC2 evidence' }).waitFor();
  assert.equal(await notice.count(), 0, 'not suggested again');
  assert.equal(await details(page).getByRole('checkbox', { name: 'Compliance or regulatory' }).isChecked(), false);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a CSV file with no kinds gets them from the names, and the preview says how many', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  const csv = [
    'Category,Function,Internal IT [internal],MSP [msp]',
    'Security,Ransomware response,A,R',
    'Compliance,PCI DSS scope reduction,A,R',
    'Service desk,Printer support,A/R,',
  ].join('\n');
  await importCsv(page, 'ours.csv', csv);
  const dialog = page.getByRole('dialog', { name: 'Replace the current matrix?' });
  await dialog.getByText('“ours.csv” has 3 functions and 2 parties; 2 functions with no kinds in the file get them from their names.', { exact: false }).waitFor();
  await dialog.getByRole('button', { name: 'Replace the matrix' }).click();
  const notice = page.getByTestId('raci-suggested');
  await notice.getByText('The file gave no kinds for 2 functions, so they were marked by their names', { exact: false }).waitFor();
  assert.deepEqual(await notice.getByRole('listitem').allTextContents(), [
    'Ransomware response: 24/7, incident type',
    'PCI DSS scope reduction: compliance',
  ]);
  await notice.getByRole('button', { name: 'Keep these marks' }).click();
  await notice.waitFor({ state: 'detached' });
  await page.getByRole('region', { name: 'Findings' })
    .getByRole('button', { name: '“Ransomware response” is incident work with no P1 escalation path written down.' })
    .waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
