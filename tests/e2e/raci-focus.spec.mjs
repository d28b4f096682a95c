// RACI builder: where the keyboard focus goes when the element that had it goes away
// (a deleted party or category, a start screen, a row moved back by undo, a finding
// undone), and the shade that says the matrix scrolls sideways on a phone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch } from './helpers.mjs';
import { cell, grid, openRaci, row, rowNames, startFromTemplate, tabIntoGrid, waitFocus } from './raci-helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

/** Waits until the focused element's text is `text` (a button's words with the hidden name). */
function waitFocusText(page, text) {
  return page.waitForFunction((t) => document.activeElement?.textContent === t, text);
}

/** Waits until the focus is in `name`'s row, in grid column `column` (0: the row header). */
function waitFocusInRow(page, name, column) {
  return page.waitForFunction(
    ([n, c]) => {
      const el = document.activeElement;
      return el?.closest('tr')?.querySelector('.fn-text')?.textContent === n && el.cellIndex === c;
    },
    [name, column],
  );
}

const parties = (page) => grid(page).locator('thead th .party-name').allTextContents();

test('deleting an empty party or category focuses the Delete button now in its place; one with content asks first', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  assert.deepEqual(await parties(page), ['Internal IT', 'MSP', 'Business leadership']);
  const add = async (kind, name) => {
    await page.getByRole('textbox', { name: `New ${kind}` }).fill(name);
    await page.getByRole('button', { name: `Add ${kind}` }).click();
    await page.getByRole('button', { name: `Delete ${name}`, exact: true }).waitFor();
  };

  // A party with letters: Enter opens the question, whose Cancel is focused, so a second
  // Enter (or one held down) deletes nothing.
  await page.getByRole('button', { name: 'Delete MSP', exact: true }).focus();
  await page.keyboard.press('Enter');
  const askParty = page.getByRole('dialog', { name: /^Delete MSP and its letters in \d+ functions\?$/ });
  await askParty.waitFor();
  await page.keyboard.press('Enter');
  await askParty.waitFor({ state: 'hidden' });
  await waitFocusText(page, 'Delete MSP');
  assert.deepEqual(await parties(page), ['Internal IT', 'MSP', 'Business leadership']);
  await page.keyboard.press('Enter');
  await askParty.getByRole('button', { name: 'Delete party' }).click();
  await waitFocus(page, { id: 'raci-parties-title' });
  assert.deepEqual(await parties(page), ['Internal IT', 'Business leadership']);
  await page.keyboard.press('Control+Z');
  await page.waitForFunction(() => document.querySelectorAll('thead th .party-name').length === 3);
  assert.deepEqual(await parties(page), ['Internal IT', 'MSP', 'Business leadership']);

  // Empty parties go at once: the next one's Delete button, not the "New party" field;
  // for the last, the one before it.
  await add('party', 'Auditor');
  await add('party', 'ERP vendor');
  await page.getByRole('button', { name: 'Delete Auditor', exact: true }).focus();
  await page.keyboard.press('Enter');
  await waitFocusText(page, 'Delete ERP vendor');
  await page.keyboard.press('Enter');
  await waitFocusText(page, 'Delete Business leadership');
  assert.deepEqual(await parties(page), ['Internal IT', 'MSP', 'Business leadership']);

  // A category with functions asks; confirmed, the focus goes to the Categories heading.
  await page.getByRole('button', { name: 'Delete Service desk', exact: true }).focus();
  await page.keyboard.press('Enter');
  const askCategory = page.getByRole('dialog', { name: /^Delete Service desk and its \d+ functions\?$/ });
  await askCategory.getByRole('button', { name: 'Delete category' }).click();
  await waitFocus(page, { id: 'raci-categories-title' });
  await page.keyboard.press('Control+Z');
  await row(page, 'Tier 1 help desk in business hours').waitFor();
  // Empty categories, as empty parties.
  await add('category', 'Alpha');
  await add('category', 'Beta');
  await page.getByRole('button', { name: 'Delete Alpha', exact: true }).focus();
  await page.keyboard.press('Enter');
  await waitFocusText(page, 'Delete Beta');
  await page.keyboard.press('Enter');
  await waitFocusText(page, 'Delete Governance & exit');
  assert.notEqual(await page.evaluate(() => document.activeElement.tagName), 'INPUT');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('deleting the only category focuses the Categories heading, and Ctrl+Z there brings it back', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await page.getByRole('button', { name: 'Start blank' }).click();
  await page.getByRole('textbox', { name: 'New category' }).fill('Operations');
  await page.getByRole('button', { name: 'Add category' }).click();
  const remove = page.getByRole('button', { name: 'Delete Operations', exact: true });
  await remove.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'raci-categories-title');
  await page.keyboard.press('Control+Z');
  await remove.waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('starting from the template or blank focuses the Matrix heading', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await page.getByRole('button', { name: 'Start from the co-managed template' }).focus();
  await page.keyboard.press('Enter');
  await waitFocus(page, { id: 'raci-grid-title' });
  // One Tab from the heading enters the grid.
  await page.keyboard.press('Tab');
  await waitFocus(page, { fn: 'Tier 1 help desk in business hours' });

  await page.getByRole('button', { name: 'Clear…' }).click();
  await page.getByRole('dialog', { name: 'Clear the whole matrix?' }).getByRole('button', { name: 'Clear the matrix' }).click();
  await page.getByRole('button', { name: 'Start blank' }).focus();
  await page.keyboard.press('Enter');
  await waitFocus(page, { id: 'raci-grid-title' });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('undo and redo of a row move keep the focus on the moved row, in the same column', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  const first = 'Tier 1 help desk in business hours';
  const second = 'After-hours calls and overnight help desk';
  await tabIntoGrid(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Alt+ArrowDown');
  await page.getByText('Moved down.').waitFor({ state: 'attached' });
  await waitFocusInRow(page, first, 1);
  assert.deepEqual((await rowNames(page)).slice(0, 2), [second, first]);

  await page.keyboard.press('Control+Z');
  await page.waitForFunction((n) => document.querySelector('.raci-grid .fn-text')?.textContent === n, first);
  await waitFocusInRow(page, first, 1);
  await page.keyboard.press('Control+Y');
  await page.waitForFunction((n) => document.querySelector('.raci-grid .fn-text')?.textContent === n, second);
  await waitFocusInRow(page, first, 1);
  // Still on the grid's one tab stop: the arrows go on from there.
  await page.keyboard.press('ArrowUp');
  await waitFocusInRow(page, second, 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('undo that settles the focused finding moves the focus to its neighbour, not the page', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  const internal = cell(page, '24/7 monitoring and alert triage', 0);
  await internal.click(); // Internal IT: I → none
  await internal.click(); // none → R
  await internal.click(); // R → A: now two accountable parties
  const what = '“24/7 monitoring and alert triage” has 2 accountable parties: Internal IT and MSP.';
  const finding = page.getByRole('button', { name: what });
  await finding.focus();
  await page.keyboard.press('Control+Z');
  await finding.waitFor({ state: 'detached' });
  await page.waitForFunction(
    (w) => {
      const el = document.activeElement;
      return (el?.matches('.finding-what') && el.textContent !== w) || el?.id === 'raci-checks-title';
    },
    what,
  );
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('undo on the start screen focuses the toolbar\'s Undo button once the matrix is back', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  await page.getByRole('button', { name: 'Clear…' }).click();
  await page.getByRole('dialog', { name: 'Clear the whole matrix?' }).getByRole('button', { name: 'Clear the matrix' }).click();
  await page.getByRole('heading', { name: 'Start the matrix' }).waitFor();
  await page.getByRole('button', { name: 'Undo', exact: true }).focus();
  await page.keyboard.press('Enter');
  await grid(page).waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('.raci-toolbar button[aria-keyshortcuts="Control+Z"]'));
  await context.close();
});

test('on a phone, tapping a function name brings its details into view, and "Back to the matrix" returns to its row; a mouse click leaves the matrix in view', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await openRaci(context);
  await startFromTemplate(page);
  await page.getByRole('heading', { name: 'Function details' }).waitFor({ state: 'attached' });
  const name = 'After-hours calls and overnight help desk';
  const header = page.getByRole('rowheader', { name: new RegExp(`^${name}`) });
  const onScreen = (selector) => page.waitForFunction((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return r && r.top >= -1 && r.bottom <= innerHeight + 1;
  }, selector);
  await header.tap();
  await page.locator('.details-title').filter({ hasText: name }).waitFor();
  await onScreen('#raci-details-title');
  await page.getByRole('button', { name: 'Back to the matrix' }).tap();
  await waitFocus(page, { fn: name });
  await onScreen(':focus');
  assert.deepEqual(page.errors, []);
  await context.close();

  // A mouse's click selects the function and leaves the matrix where it is.
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const wide = await openRaci(desktop);
  await startFromTemplate(wide);
  await wide.getByRole('heading', { name: 'Function details' }).waitFor({ state: 'attached' });
  const named = wide.getByRole('rowheader', { name: new RegExp(`^${name}`) });
  await named.scrollIntoViewIfNeeded();
  const before = await wide.evaluate(() => scrollY);
  await named.click();
  await wide.locator('.details-title').filter({ hasText: name }).waitFor({ state: 'attached' });
  await wide.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await wide.evaluate(() => scrollY), before);
  assert.deepEqual(wide.errors, []);
  await desktop.close();
});

test('on a phone the matrix is part of the page, not a box that catches a swipe: three parties fit 390 px, as does the heatmap; on a narrower phone a shade on the right edge says it scrolls sideways, until its end', async () => {
  const shade = (page) => page.evaluate(() => getComputedStyle(document.querySelector('.grid-frame'), '::after').opacity);
  const swipeScrollsThePage = async (page, width) => {
    const scroller = page.locator('.grid-scroll');
    assert.ok(await scroller.evaluate((el) => el.scrollHeight <= el.clientHeight), 'it never scrolls up and down');
    const top = await scroller.evaluate((el) => el.getBoundingClientRect().top + scrollY);
    await page.evaluate((y) => scrollTo(0, y + 1200), top);
    await page.mouse.move(width / 2, 400);
    const was = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((w) => scrollY >= w + 250, was);
  };
  const narrow = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const phone = await openRaci(narrow);
  await startFromTemplate(phone);
  const scroller = phone.locator('.grid-scroll');
  assert.ok(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth), 'the matrix overflows');
  assert.equal(await shade(phone), '1');
  await scroller.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await phone.waitForFunction(() => getComputedStyle(document.querySelector('.grid-frame'), '::after').opacity === '0');
  // The function names stay in their sticky column while the cells scroll under them.
  const name = await phone.getByRole('rowheader', { name: /^Tier 1 help desk/ }).boundingBox();
  const box = await scroller.boundingBox();
  assert.ok(Math.abs(name.x - box.x) <= 2, `the name column sticks (${name.x} vs ${box.x})`);
  await swipeScrollsThePage(phone, 360);
  await narrow.close();

  // A 390 px phone shows the template's three parties without scrolling sideways.
  const wide = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const bigger = await openRaci(wide);
  await startFromTemplate(bigger);
  const fits = await bigger.locator('.grid-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth);
  assert.ok(fits, 'the matrix fits a 390 px phone');
  assert.equal(await shade(bigger), '0', 'no shade where the matrix fits');
  await swipeScrollsThePage(bigger, 390);
  // So does the heatmap's, where its last column was cut.
  const heat = await bigger.locator('.heatmap').evaluate((t) => [t.scrollWidth, t.parentElement.clientWidth]);
  assert.ok(heat[0] <= heat[1], `the heatmap fits 390 px (${heat})`);
  assert.deepEqual(bigger.errors, []);
  await wide.close();
});

test('Ctrl+Z works from a checkbox and a party\'s Move button, keeping the focus there; a category typed into the empty field is the one added', async () => {
  const context = await browser.newContext();
  const page = await openRaci(context);
  await startFromTemplate(page);
  // A ticked box has no undo of its own: Ctrl+Z on it undoes the matrix.
  await grid(page).getByRole('rowheader').first().click();
  const box = page.getByRole('checkbox', { name: 'Compliance or regulatory' });
  const was = await box.isChecked();
  await box.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction((w) => document.activeElement.checked !== w, was);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((w) => document.activeElement?.type === 'checkbox' && document.activeElement.checked === w, was);

  // Undo of a party moved from its Move button leaves the focus on that button, where
  // the buyer was, not on the toolbar at the top of the page.
  await page.getByRole('button', { name: 'Move right Internal IT' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('thead th .party-name')?.textContent === 'MSP');
  await page.getByRole('status').filter({ hasText: 'Moved Internal IT to column 2 of 3.' }).waitFor({ state: 'attached' });
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('thead th .party-name')?.textContent === 'Internal IT');
  await waitFocusText(page, 'Move right Internal IT');

  // The category field starts empty, showing the first category: a name tapped in is
  // the category, not added to the first one's name.
  const category = page.locator('#raci-add-category');
  assert.equal(await category.inputValue(), '');
  assert.equal(await category.getAttribute('placeholder'), 'Service desk');
  await page.getByRole('textbox', { name: 'Function name' }).fill('Printer fleet');
  await category.click();
  await page.keyboard.type('Facilities');
  await page.getByRole('button', { name: 'Add function' }).click();
  await page.locator('.add-function').getByText('Added “Printer fleet” to a new category, “Facilities”.', { exact: false }).waitFor();
  // Left empty, it is the first category.
  await category.fill('');
  await page.getByRole('textbox', { name: 'Function name' }).fill('Loaner laptops');
  await page.getByRole('button', { name: 'Add function' }).click();
  await page.locator('.add-function').getByText('Added “Loaner laptops” to Service desk.', { exact: false }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
