// RACI builder: the template, the checks until 100%, keyboard-only editing of the grid,
// hostile names, and accessibility.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, checkJumps, inWindow, saved } from './helpers.mjs';
import {
  cell,
  focused,
  grid,
  openRaci,
  row,
  rowNames,
  score,
  startFromTemplate,
  tabIntoGrid,
  waitFocus,
} from './raci-helpers.mjs';

let browser;
before(async () => {
  const { launch } = await import('./helpers.mjs');
  browser = await launch();
});
after(() => browser.close());

test('the template starts with the industry from the company profile and every domain function', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await page.goto(page.url().replace('#/raci', '#/workspaces'));
  await page.getByRole('combobox', { name: 'Industry' }).selectOption({ label: 'Healthcare' });
  await page.goto(page.url().replace('#/workspaces', '#/raci'));
  const industry = page.getByRole('combobox', { name: 'Industry' });
  assert.equal(await industry.locator('option:checked').textContent(), 'Healthcare');
  await page.getByText('41 functions: the general 36 plus 5 for healthcare.').waitFor();
  await startFromTemplate(page);
  assert.equal((await rowNames(page)).length, 41);
  await row(page, 'HIPAA security official and control ownership').waitFor();
  const parties = await grid(page).locator('thead th .party-name').allTextContents();
  assert.deepEqual(parties, ['Internal IT', 'MSP', 'Business leadership']);
  // The usual split is filled in: internal IT runs tier 1 in the day, the MSP the night.
  assert.equal(await cell(page, 'Tier 1 help desk in business hours', 0).textContent(), 'A/R');
  assert.equal(await cell(page, 'After-hours calls and overnight help desk', 1).textContent(), 'A/R');
  // Only the buyer's own P1 paths are missing.
  assert.match(await score(page), /^\d+% 3\d of 41 functions have no findings \(\d+ of them are not marked for the 24\/7, P1 or compliance checks\)\. 6 findings\. All of them block the Statement of Work\.$/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('from the template, every finding is fixed until the score is 100%, and it survives a reload', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  assert.equal(await score(page), '86% 31 of 36 functions have no findings (25 of them are not marked for the 24/7, P1 or compliance checks). 5 findings. All of them block the Statement of Work.');

  // Add trouble of every other kind, so the loop below meets each kind of target.
  await cell(page, 'Tier 1 help desk in business hours', 1).click(); // I → (cycle) none
  await cell(page, 'Tier 1 help desk in business hours', 1).click(); // none → R: a collision
  await page.getByRole('textbox', { name: 'New party' }).fill('ERP vendor');
  await page.getByRole('combobox', { name: 'Side', exact: true }).last().selectOption({ label: 'Other' });
  await page.getByRole('button', { name: 'Add party' }).click();
  await page.getByRole('textbox', { name: 'Overload limit (% of functions with R)' }).fill('50');
  await row(page, 'Off-boarding and exit: data return and tooling handover').getByRole('rowheader').click();
  await page.getByRole('button', { name: 'Delete function' }).click();
  await page.getByTestId('raci-score').filter({ hasText: 'of 35 functions' }).waitFor();

  const fixes = [];
  for (let i = 0; i < 20; i++) {
    const findings = page.getByRole('region', { name: 'Findings' });
    if ((await findings.count()) === 0) break;
    const first = findings.getByRole('listitem').first();
    // The checks settle a moment after an edit, so the list counted above may vanish
    // (the last finding fixed) before it is read: then look again instead of waiting.
    const go = first.getByRole('button').first();
    const what = await go.textContent({ timeout: 3000 }).catch(() => null);
    if (what === null || !(await go.click({ timeout: 3000 }).then(() => true, () => false))) continue;
    await waitFocus(page, { outside: '.findings' });
    const at = await focused(page);
    if (at.id === 'raci-p1') {
      await page.keyboard.type('MSP on-call engineer, then internal IT manager (555-0100), then the COO');
      fixes.push('p1');
    } else if (at.id === 'raci-handoff') {
      await page.keyboard.type('Internal IT takes the call; the MSP picks it up from the shared queue.');
      fixes.push('handoff');
    } else if (at.id === 'raci-overload') {
      await page.keyboard.press('Control+A');
      await page.keyboard.type('75');
      fixes.push('overload');
    } else if (at.id.startsWith('party-name-')) {
      await page.getByRole('button', { name: 'Delete ERP vendor' }).click();
      fixes.push('idle party');
    } else if (at.id === 'raci-add-name') {
      await first.getByRole('button', { name: /from the template$/ }).click();
      fixes.push('missing function');
    } else {
      throw new Error(`no fix for “${what}” focused at ${JSON.stringify(at)}`);
    }
  }
  assert.deepEqual([...new Set(fixes)].sort(), ['handoff', 'idle party', 'missing function', 'overload', 'p1']);
  assert.equal(await score(page), '100% 36 of 36 functions have no findings (25 of them are not marked for the 24/7, P1 or compliance checks). No findings.');
  await saved(page);
  await page.reload();
  await grid(page).waitFor();
  assert.equal(await score(page), '100% 36 of 36 functions have no findings (25 of them are not marked for the 24/7, P1 or compliance checks). No findings.');
  await row(page, 'Security alerts and SOC watch').getByRole('rowheader').click();
  assert.equal(
    await page.getByRole('textbox', { name: 'P1 escalation path' }).inputValue(),
    'MSP on-call engineer, then internal IT manager (555-0100), then the COO',
  );
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a finding about a cell moves focus to that cell', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  const internal = cell(page, '24/7 monitoring and alert triage', 0);
  await internal.click(); // Internal IT: I → none
  await internal.click(); // none → R
  await internal.click(); // R → A: now two accountable parties
  const finding = page.getByRole('button', { name: '“24/7 monitoring and alert triage” has 2 accountable parties: Internal IT and MSP.' });
  await finding.click();
  await waitFocus(page, { role: 'gridcell' });
  const at = await focused(page);
  assert.equal(at.label, 'A/R: Accountable, Responsible', 'the second A, on the MSP');
  await page.keyboard.press('a');
  assert.equal(await cell(page, '24/7 monitoring and alert triage', 1).textContent(), 'R');
  await finding.waitFor({ state: 'detached' });
  await context.close();
});

test('the grid is edited with the keyboard only', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  // Start from the template with the keyboard.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).text === 'Start from the co-managed template') break;
  }
  await page.keyboard.press('Enter');
  await grid(page).waitFor();
  // A keyboard user is told the keys; the words for a touch screen stay hidden.
  assert.ok(await page.getByText('R, A, C and I switch a letter').isVisible());
  assert.equal(await page.getByText('Tap a cell to cycle').isVisible(), false);
  await tabIntoGrid(page);
  assert.equal((await focused(page)).fn, 'Tier 1 help desk in business hours');
  // One tab stop: the focused cell is the only one in the tab order.
  assert.equal(await grid(page).locator('[tabindex="0"]').count(), 1);

  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).label, 'A/R: Accountable, Responsible');
  await page.keyboard.press('c');
  assert.equal((await focused(page)).text, 'A/R/C');
  await page.keyboard.press('c');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).text, 'I');
  await page.keyboard.press('Delete');
  assert.equal((await focused(page)).label, 'No role');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).text, 'R');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).text, 'A');
  await page.keyboard.press('i');
  assert.equal((await focused(page)).text, 'A/I');
  assert.equal(await grid(page).locator('[tabindex="0"]').count(), 1);

  // Undo and redo from the keyboard.
  await page.keyboard.press('Control+Z');
  assert.equal(await cell(page, 'Tier 1 help desk in business hours', 1).textContent(), 'A');
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await cell(page, 'Tier 1 help desk in business hours', 1).textContent(), 'A/I');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Y');
  assert.equal(await cell(page, 'Tier 1 help desk in business hours', 1).textContent(), 'A/I');

  // Home, End, Ctrl+Home, Ctrl+End and the arrows.
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.cellIndex), 3);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  assert.equal((await focused(page)).fn, 'After-hours calls and overnight help desk');
  await page.keyboard.press('Control+End');
  assert.equal(await page.evaluate(() => document.activeElement.closest('tr').querySelector('.fn-text').textContent), 'Off-boarding and exit: data return and tooling handover');
  await page.keyboard.press('Control+Home');
  assert.equal((await focused(page)).fn, 'Tier 1 help desk in business hours');

  // Alt+↓ moves the function down within its category; focus stays on it.
  await page.keyboard.press('Alt+ArrowDown');
  const names = await rowNames(page);
  assert.deepEqual(names.slice(0, 2), ['After-hours calls and overnight help desk', 'Tier 1 help desk in business hours']);
  await waitFocus(page, { fn: 'Tier 1 help desk in business hours' });

  // Enter on a function name opens its details; rename it there.
  await page.keyboard.press('Enter');
  await waitFocus(page, { id: 'raci-name' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Tier 1 help desk, 8 to 6');
  await row(page, 'Tier 1 help desk, 8 to 6').waitFor();
  // Leaving the page with the focus still in the name (as browser Back does) takes the
  // field's blur with it: the app goes on, and the name was kept.
  await page.evaluate(() => { location.hash = '#/'; });
  await page.getByRole('heading', { level: 1, name: 'Splitline' }).waitFor();
  await page.evaluate(() => { location.hash = '#/raci'; });
  await row(page, 'Tier 1 help desk, 8 to 6').waitFor();
  assert.equal(await page.getByText('Splitline stopped').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a hostile function name renders as text', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.getByRole('button', { name: 'Start blank' }).click();
  const hostile = '<img src=x onerror=alert(1)>';
  await page.getByRole('textbox', { name: 'Function name' }).fill(hostile);
  await page.getByRole('combobox', { name: 'Category', exact: true }).fill('<b>Ops</b>');
  await page.getByRole('button', { name: 'Add function' }).click();
  await row(page, hostile).waitFor();
  // The form says where the function went, and that the category is a new one.
  assert.match(
    await page.locator('.add-function .hint').textContent(),
    /^Added “<img src=x onerror=alert\(1\)>” to a new category, “<b>Ops<\/b>”\./,
  );
  assert.equal(await row(page, hostile).locator('.fn-text').textContent(), hostile);
  assert.equal(await grid(page).locator('img').count(), 0);
  assert.equal(await page.locator('main img, main b').count(), 0);
  await page.getByRole('textbox', { name: 'Party 1 name' }).fill('<script>alert(2)</script>');
  await grid(page).getByRole('columnheader', { name: /<script>alert\(2\)<\/script>/ }).waitFor();
  await page.getByRole('button', { name: 'Printable appendix' }).click();
  await page.getByRole('heading', { name: '1. <b>Ops</b>' }).waitFor();
  assert.equal(await page.locator('main img, main b, main script').count(), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('undo brings back a cleared matrix, and starting over asks first', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  await page.getByRole('button', { name: 'Clear…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear the whole matrix?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await rowNames(page)).length, 36);
  await page.getByRole('button', { name: 'Clear…' }).click();
  await dialog.getByRole('button', { name: 'Clear the matrix' }).click();
  await page.getByRole('heading', { name: 'Start the matrix' }).waitFor();
  // The button that asked went with the toolbar: focus goes to the page's heading.
  await page.waitForFunction(() => document.activeElement?.matches('main h1'));
  await page.getByRole('button', { name: 'Undo' }).click();
  await grid(page).waitFor();
  assert.equal((await rowNames(page)).length, 36);
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.getByRole('heading', { name: 'Start the matrix' }).waitFor();
  await context.close();
});

test('moving a party keeps the focus on the button pressed, twice in a row', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  const parties = () => grid(page).locator('thead th .party-name').allTextContents();
  const first = (await parties())[0];
  const button = page.getByRole('button', { name: `Move right ${first}` });
  // The list redraws a frame and a task after the press, and focus is given back after
  // that: on a loaded machine later than 300 ms, so it is polled for up to 3 s.
  const focused = async () => {
    for (let tries = 0; tries < 30; tries += 1) {
      if (await button.evaluate((el) => el === document.activeElement)) return true;
      await page.waitForTimeout(100);
    }
    return false;
  };
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((name) => document.querySelectorAll('thead th .party-name')[1]?.textContent === name, first);
  await page.waitForTimeout(300);
  assert.equal(await focused(), true);
  await page.keyboard.press('Enter');
  await page.waitForFunction((name) => document.querySelectorAll('thead th .party-name')[2]?.textContent === name, first);
  await page.waitForTimeout(300);
  assert.equal(await focused(), true);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the workload shows the share the overload limit is checked against, and a limit typed over 100 keeps the one before', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  const limit = page.getByRole('textbox', { name: 'Overload limit (% of functions with R)' });
  await limit.fill('60');
  const msp = page.getByRole('region', { name: 'Workload per party' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^MSP/ }) });
  await msp.getByText('over the limit').waitFor();
  // The finding and the table give the same percentage.
  const finding = await page.getByText(/^MSP does the work on \d+ of \d+ functions \(\d+%\), over your 60% limit\.$/).first().textContent();
  const pct = finding.match(/\((\d+)%\)/)[1];
  assert.equal((await msp.locator('td.share').textContent()).trim(), `${pct}% over the limit`);
  // Typed key by key, "150" passes through 15 on its way over 100: the limit stays 60.
  await limit.selectText();
  await limit.pressSequentially('150');
  await page.getByText('Enter a number from 1 to 100.').waitFor();
  await page.getByText(/over your 60% limit\.$/).first().waitFor();
  await saved(page);
  await page.reload();
  assert.equal(await page.getByRole('textbox', { name: 'Overload limit (% of functions with R)' }).inputValue(), '60');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('"Go to" takes the buyer from the toolbar to the parties and the workload below the matrix', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await openRaci(context);
  await startFromTemplate(page);
  const jumps = page.getByRole('navigation', { name: 'Sections of this page' });
  const undo = page.getByRole('button', { name: 'Undo' });
  // On a phone "Go to" sits just under Undo, and the seven file buttons are one
  // disclosure under it, so the checks start on the first screen.
  const files = page.locator('summary', { hasText: 'Download, import, start over' });
  const exports = page.getByRole('button', { name: 'Download CSV' });
  const [u, j, f] = await Promise.all([undo, jumps, files].map((l) => l.boundingBox()));
  assert.ok(u.y < j.y && j.y < f.y, `undo ${u.y}, go to ${j.y}, file actions ${f.y}`);
  assert.equal(await exports.isVisible(), false, 'the downloads wait in the disclosure');
  const checks = page.getByRole('heading', { level: 2, name: 'Checks' });
  const top = await checks.evaluate((h) => h.getBoundingClientRect().top + window.scrollY);
  assert.ok(top < 740, `the checks start on the first screen (at ${top} px)`);
  await files.click();
  await exports.waitFor();
  assert.ok((await exports.boundingBox()).y > f.y, 'the downloads open under their summary');
  await files.click();
  await checkJumps(page, {
    height: 740,
    click: ['Workload', 'Workload'],
    press: ['Parties', 'Parties', 'raci-parties-title'],
  });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('"Go to" pressed before the panels below the matrix have arrived lands once they do, unless the user moved on', async () => {
  // No service worker, so every fetch of the panels' chunk passes through the route.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
  let release = () => {};
  let held;
  let hits = 0;
  await context.route(/split_raci_panels-[0-9a-f]+\.wasm$/, async (route) => {
    hits += 1;
    await held;
    await route.continue();
  });
  const hold = () => {
    hits = 0;
    held = new Promise((resolve) => (release = resolve));
  };
  const jumps = page => page.getByRole('navigation', { name: 'Sections of this page' });
  const heading = (page, name) => page.getByRole('heading', { level: 2, name, exact: true });
  const focusOn = (page, id) => page.waitForFunction((want) => document.activeElement?.id === want, id);
  /** Presses Go to Workload while the panels are held back, and checks they are. */
  const pressEarly = async (page) => {
    await jumps(page).getByRole('button', { name: 'Workload' }).click();
    await page.waitForTimeout(300);
    assert.ok(hits > 0, 'the panels chunk was asked for and held');
    assert.equal(await heading(page, 'Workload').count(), 0, 'the panels are still on their way');
  };

  hold();
  const page = await openRaci(context);
  await startFromTemplate(page);
  await pressEarly(page);
  release();
  await focusOn(page, 'raci-workload-title');
  assert.ok(await inWindow(heading(page, 'Workload'), 740), 'Workload is on screen');

  // A later press wins.
  hold();
  await page.reload();
  await grid(page).waitFor();
  await pressEarly(page);
  await jumps(page).getByRole('button', { name: 'Parties' }).click();
  release();
  await focusOn(page, 'raci-parties-title');

  // Pressed, then the user tabs elsewhere, or scrolls, before the panels arrive: the
  // page stays where they took it.
  // (On a phone the downloads are in a disclosure: its summary is the next stop.)
  const fileActions = page.locator('summary', { hasText: 'Download, import, start over' });
  for (const moveOn of [() => fileActions.focus(), () => page.mouse.wheel(0, 500)]) {
    hold();
    await page.reload();
    await grid(page).waitFor();
    await pressEarly(page);
    await moveOn();
    await page.waitForTimeout(400); // a wheel scrolls smoothly
    const before = await page.evaluate(() => [document.activeElement?.textContent, window.scrollY]);
    release();
    await heading(page, 'Workload').waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => [document.activeElement?.textContent, window.scrollY]), before);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the page has no axe violations, light and dark, and never scrolls sideways at 360 px', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme });
    const page = await openRaci(context);
    assert.deepEqual(await axeViolations(page), [], `${colorScheme} start screen`);
    await startFromTemplate(page);
    // Show a finding in the details and an overloaded party, so their styles are checked too.
    await row(page, 'Security alerts and SOC watch').getByRole('rowheader').click();
    await page.getByRole('textbox', { name: 'Overload limit (% of functions with R)' }).fill('40');
    // On a laptop the file buttons' disclosure is open, so axe checks them too.
    assert.equal(await page.locator('details.raci-files').evaluate((d) => d.open), true);
    assert.deepEqual(await axeViolations(page), [], `${colorScheme} editor`);
    await page.getByRole('button', { name: 'Printable appendix' }).click();
    await page.getByRole('heading', { name: 'Appendix: responsibilities (RACI)' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], `${colorScheme} printable appendix`);
    await context.close();
  }
  const narrow = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await openRaci(narrow);
  await startFromTemplate(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width}px wide`);
  await page.locator('summary', { hasText: 'Download, import, start over' }).click();
  await page.getByRole('button', { name: 'Clear…' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the phone editor, file buttons open');
  // The workload table fits, and the lines that explain it and the heatmap wrap on
  // screen instead of being cut off inside a scrolling table.
  const workload = page.getByRole('region', { name: 'Workload per party' });
  assert.ok(await workload.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the workload table fits');
  for (const text of ['Letters each party holds', 'darker is more']) {
    const box = await page.getByText(text).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `“${text}” is on screen (${box.x}, ${box.width})`);
  }
  await narrow.close();
});
