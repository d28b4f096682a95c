// Requests for proposal without a portal: a buyer and two providers, each in their own
// browser context. The buyer sends two requests; each provider fills in a quote, answers
// a question, proposes one RACI change and sends a response (one as a link, one as a
// file); the buyer brings both in: the pricing comparison ranks the quotes, the scorecard
// shows each provider's answer beside the question, and the RACI shows the redline, where
// accepting and rejecting work with undo.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_URL, appReady, axeViolations, launch, openPage, waitForValue } from './helpers.mjs';
import { cell } from './raci-helpers.mjs';
import { openTab } from './scorecard-helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

async function addQuote(page, name) {
  const select = page.getByRole('combobox', { name: 'Provider' });
  if (await select.count()) await select.selectOption({ label: 'A new provider…' });
  await page.getByRole('textbox', { name: 'New provider name' }).fill(name);
  await page.getByRole('button', { name: 'Add quote' }).click();
  await page.getByRole('article', { name }).waitFor();
}

/** The buyer's workspace: the co-managed RACI, two providers, a company name. */
async function buyerSetUp(page) {
  await page.goto(`${APP_URL}#/raci`);
  await page.getByRole('button', { name: /Start from the co-managed template/ }).first().click();
  await page.getByRole('grid').first().waitFor();
  await page.goto(`${APP_URL}#/pricing`);
  await addQuote(page, 'Harbor IT');
  await addQuote(page, 'Crest MSP');
  await page.goto(`${APP_URL}#/workspaces`);
  await page.getByRole('textbox', { name: 'Company name' }).fill('Acme Legal');
  await page.getByRole('textbox', { name: 'Your name and how to reach you' }).fill('Dana, dana@acme.example');
  await page.getByRole('textbox', { name: 'Note to the providers (deadline, call dates)' }).fill('Answers by Friday, please.');
}

async function requestLink(page, provider, previous = '') {
  await page.getByRole('button', { name: `Copy request link for ${provider}` }).click();
  const field = page.getByRole('textbox', { name: 'Request link' });
  await page.waitForFunction((p) => {
    const value = document.querySelector('.share-link')?.value ?? '';
    return value.includes('#/s/1q') && value !== p;
  }, previous);
  const link = await field.inputValue();
  await page.locator('.request-list li').filter({ hasText: provider }).getByText(/Sent \d/).waitFor();
  return link;
}

/** The rate card's items, as its rows name them. */
const RATE_CARD = ['Project work', 'vCIO / advisory', 'After-hours incident response', 'Compliance documentation', 'Software licensing', 'On-site visits'];

/** A provider fills in its response; returns its page. */
async function answer(context, link, { rate, text, rating, changeRow, contact }) {
  const page = await openPage(context, link);
  await page.getByRole('heading', { level: 1, name: /Request for proposal to / }).waitFor();
  // Until a price is in, the quote's flags ask for one and nothing else: the buyer's RACI
  // gaps and the default exclusions wait for the provider's own figures.
  const flags = page.getByRole('list', { name: 'Flags' });
  await flags.getByText('No price entered yet: choose how you charge and fill in your rates above.').waitFor();
  assert.equal(await flags.getByRole('listitem').count(), 1);
  // The rate card looks as on the buyer's pricing page: each item's name at the left.
  const item = page.getByRole('rowheader', { name: 'Project work' });
  assert.equal(await item.evaluate((el) => getComputedStyle(el).textAlign), 'left');
  await page.getByRole('textbox', { name: 'Rate per user a month' }).fill(rate);
  // Each rate card item waits for the provider's word; none is said for it.
  for (const item of RATE_CARD) {
    const cover = page.getByRole('combobox', { name: `${item} in this quote` });
    assert.equal(await cover.evaluate((s) => s.selectedOptions[0].textContent), 'Choose…');
    await cover.selectOption({ label: 'Excluded, no rate' });
  }
  await page.getByRole('textbox', { name: 'Your answer' }).first().fill(text);
  await page.getByRole('combobox', { name: 'Your own rating (optional)' }).first().selectOption(rating);
  await page.getByRole('textbox', { name: 'Evidence link (optional)' }).first().fill('https://example.com/raci-sample.pdf');
  const row = page.locator('fieldset.proposal-row').nth(changeRow);
  await row.getByRole('radio', { name: 'Propose a change' }).check();
  await row.getByRole('combobox', { name: 'MSP' }).selectOption('C');
  // The MSP was the row's only A and R: the page says what the buyer's checks will find.
  const gaps = row.locator('.notice.warning');
  await gaps.getByText("The buyer's checks would flag this change:").waitFor();
  assert.match(await gaps.textContent(), /No one is accountable for “[^”]+”\. Give exactly one party an A/);
  assert.match(await gaps.textContent(), /No one does the work for “[^”]+”\./);
  const reason = row.getByRole('textbox', { name: 'Why this change' });
  await reason.fill('We advise; your team decides.');
  // An arrow key moves between the two choices: the change is set aside, not lost.
  await row.getByRole('radio', { name: 'Propose a change' }).focus();
  await page.keyboard.press('ArrowUp');
  await row.getByRole('radio', { name: 'Accept as proposed', checked: true }).waitFor();
  await page.keyboard.press('ArrowDown');
  await waitForValue(reason, 'We advise; your team decides.');
  assert.equal(await row.getByRole('combobox', { name: 'MSP' }).inputValue(), 'C');
  // A row "changed" to what the buyer proposed is still open: accepting the rest takes it.
  const same = page.locator('fieldset.proposal-row').nth(changeRow + 1);
  await same.getByRole('radio', { name: 'Propose a change' }).check();
  await page.getByRole('button', { name: 'Accept every row not yet decided' }).click();
  await same.getByRole('radio', { name: 'Accept as proposed', checked: true }).waitFor();
  await page.getByRole('textbox', { name: 'Your name and how to reach you' }).fill(contact);
  // The counts every figure uses, the estimated ones marked, never "not given".
  const environment = await page.locator('details', { hasText: 'Their environment' }).textContent();
  assert.match(environment, /Users: \d+ \(estimated\)\. Workstations: \d+ \(estimated\)/);
  assert.ok(!environment.includes('not given'), environment);
  await page.getByText(/parts done: quote filled in, 1 of 34 questions answered, (\d+) of \1 RACI functions decided/).waitFor();
  return page;
}

test('a buyer and two providers complete a request round: quotes ranked, answers beside the questions, RACI redline with undo', async () => {
  const buyerContext = await browser.newContext();
  const buyer = await openPage(buyerContext);
  await buyerSetUp(buyer);
  const linkA = await requestLink(buyer, 'Harbor IT');
  const linkB = await requestLink(buyer, 'Crest MSP', linkA);
  assert.ok(linkA.length < 2000, `a typical request link fits an email (${linkA.length})`);
  // The link on screen names its provider, so it is not pasted to the other one.
  await buyer.getByRole('textbox', { name: 'Request link for Crest MSP' }).waitFor();
  // Sent again unchanged, it is the same request: the same link, the same "Sent" date.
  assert.equal(await requestLink(buyer, 'Harbor IT', linkB), linkA);
  // What the requests tell providers is kept in the workspace: next week's request says it too.
  await buyer.reload();
  await appReady(buyer);
  assert.equal(await buyer.getByRole('textbox', { name: 'Your name and how to reach you' }).inputValue(), 'Dana, dana@acme.example');
  assert.equal(await buyer.getByRole('textbox', { name: 'Note to the providers (deadline, call dates)' }).inputValue(), 'Answers by Friday, please.');
  // The buyer checking a link it sent is told the page is the provider's.
  const check = await buyerContext.newPage();
  await check.goto(linkA);
  await check.getByRole('status').filter({ hasText: 'This is the request you sent to Harbor IT from “My first engagement”.' }).waitFor();
  await check.getByRole('link', { name: 'Back to your requests' }).click();
  await check.getByRole('heading', { level: 1, name: 'Workspaces' }).waitFor();
  await check.close();

  // Provider A, in its own browser: answers, then sends a link.
  const contextA = await browser.newContext();
  const a = await answer(contextA, linkA, { rate: '95', text: 'Yes: a RACI schedule is part of our contract.', rating: '4', changeRow: 1, contact: 'Sam at Harbor' });
  const body = await a.locator('main').textContent();
  assert.ok(body.includes('Acme Legal') && body.includes('Answers by Friday'), 'the provider sees who asks and the note');
  assert.ok(!body.includes('Crest'), 'a request never names the other provider');
  // The RACI cross-check of its quote speaks to the provider, not in the buyer's words.
  await a.getByRole('list', { name: 'Flags' }).getByText("The buyer's RACI gives you", { exact: false }).first().waitFor();
  assert.ok(!(await a.locator('main').textContent()).includes('in your RACI'), 'no finding in the buyer\'s words');
  // So do the market benchmarks: what the buyer will make of the quote, not advice to the buyer.
  const flags = await a.getByRole('list', { name: 'Flags' }).textContent();
  assert.match(flags, /are excluded with no rate: unknown costs the all-in figure cannot include\. Give each a rate above, so the buyer's all-in figure can include them\./);
  // $95 is within the common band, so its 63% share of the fully managed estimate is a note.
  assert.match(flags, /though the rate per user is within the common band: the buyer may compare it with a fully managed quote\./);
  for (const advice of ['Ask for a rate card line', 'at this price, get', 'You expect']) assert.ok(!flags.includes(advice), advice);
  // The provider sees the request alone: the header has none of the buyer's tools,
  // workspaces or save state; the buyer's header keeps them.
  assert.equal(await a.getByRole('navigation', { name: 'Tools' }).isVisible(), false);
  assert.equal(await a.getByRole('combobox', { name: 'Workspace' }).isVisible(), false);
  assert.equal(await a.getByTestId('save-status').isVisible(), false);
  assert.equal(await buyer.getByRole('navigation', { name: 'Tools' }).isVisible(), true);
  assert.equal(await a.title(), 'Request for proposal · Splitline');
  // The footer speaks to the provider: where its answers are, not the buyer's workspaces.
  await a.getByText('Your answers are saved on this device as you type').waitFor();
  assert.equal(await a.getByTestId('storage-health').isVisible(), false);
  assert.equal(await a.getByText('Your workspaces stay on this device').isVisible(), false);
  assert.equal(await buyer.getByText('Your answers are saved on this device').isVisible(), false);
  assert.deepEqual(await axeViolations(a), []);
  // The draft survives a reload.
  await a.reload();
  assert.equal(await a.getByRole('textbox', { name: 'Your answer' }).first().inputValue(), 'Yes: a RACI schedule is part of our contract.');
  await a.getByRole('button', { name: 'Copy the response link' }).click();
  await a.waitForFunction(() => document.querySelector('.share-link')?.value.includes('#/s/1a'));
  const responseA = await a.getByRole('textbox', { name: 'Response link' }).inputValue();
  // An edit after the link was made says the link is out of date (undone, it is not).
  // A full answer says so: the field takes no more, and a longer paste was cut.
  const stale = a.getByText('You changed your response after making the link: make it again', { exact: false });
  const firstAnswer = a.getByRole('textbox', { name: 'Your answer' }).first();
  const written = await firstAnswer.inputValue();
  await firstAnswer.fill('x'.repeat(2500));
  await stale.waitFor();
  assert.equal((await firstAnswer.inputValue()).length, 2000);
  await a.getByText('2,000 of 2,000 characters: the answer is full', { exact: false }).waitFor();
  await firstAnswer.fill(written);
  await stale.waitFor({ state: 'detached' });
  assert.deepEqual(a.errors, []);
  // Checking the link before sending it: the provider's browser says what it is for.
  const own = await openPage(contextA, responseA);
  await own.getByRole('heading', { level: 1, name: 'Your response, as Harbor IT' }).waitFor();
  assert.equal(await own.getByText('not sent from this workspace', { exact: false }).count(), 0);
  // And leads back to the draft, answers and all.
  await own.getByRole('link', { name: 'go back to your answers' }).click();
  await own.getByRole('heading', { level: 1, name: /Request for proposal to / }).waitFor();
  assert.equal(await own.getByRole('textbox', { name: 'Your answer' }).first().inputValue(), written);
  // A page opened afresh still knows a link was made, and whether the answers changed since.
  await own.getByText('You last made a link or a file of this response on', { exact: false }).waitFor();
  await own.getByRole('textbox', { name: 'Your answer' }).first().fill(`${written} Changed.`);
  const staleAfter = own.getByText('You changed your response after you last made a link or a file of it', { exact: false });
  await staleAfter.waitFor();
  await own.getByRole('textbox', { name: 'Your answer' }).first().fill(written);
  await staleAfter.waitFor({ state: 'detached' });
  assert.deepEqual(own.errors, []);
  await own.close();

  // Provider B: answers, makes its link too, and sends the file (the buyer imports that).
  const contextB = await browser.newContext({ acceptDownloads: true });
  const b = await answer(contextB, linkB, { rate: '120', text: 'Patch failures are ours, day and night.', rating: '5', changeRow: 2, contact: 'Lee at Crest' });
  await b.getByRole('button', { name: 'Copy the response link' }).click();
  await b.waitForFunction(() => document.querySelector('.share-link')?.value.includes('#/s/1a'));
  await b.getByText('Short enough for email, Teams and Slack.', { exact: false }).waitFor();
  const [download] = await Promise.all([
    b.waitForEvent('download'),
    b.getByRole('button', { name: 'Download the response file' }).click(),
  ]);
  const fileB = await download.path();
  // A link, then a file of the same answers: neither is out of date.
  assert.equal(await b.getByText('You changed your response after making', { exact: false }).count(), 0);
  await b.getByText(`Your browser is saving “${download.suggestedFilename()}”`, { exact: false }).waitFor();
  assert.deepEqual(b.errors, []);

  // A response opened in a browser that never sent the request is refused, clearly.
  const stranger = await openPage(await browser.newContext(), responseA);
  await stranger.getByText('not sent from this workspace', { exact: false }).waitFor();

  // The buyer brings in A's link, after its preview.
  await buyer.goto(responseA);
  await buyer.getByRole('heading', { name: "Harbor IT's response to your request" }).waitFor();
  await buyer.getByText('1 proposed RACI change for you to accept or reject', { exact: false }).waitFor();
  // What the quote comes to, so a slip in a rate shows before it comes in.
  await buyer.getByText(/It comes to \$[\d,.]+ a month, \$[\d,.]+ all-in in year 1 and \$[\d,.]+ over \d+ months for your counts\./).waitFor();
  await buyer.getByRole('button', { name: /Bring it into/ }).click();
  // The buyer lands on the quote that came in.
  await buyer.waitForFunction(() => document.activeElement?.id.startsWith('at-quote') && document.activeElement.textContent.includes('Harbor IT'));
  await buyer.waitForURL(/#\/pricing$/);
  await appReady(buyer);

  // And B's file, through the workspace's file import.
  await buyer.goto(`${APP_URL}#/workspaces`);
  await buyer.getByLabel('Import a Splitline file', { exact: false }).setInputFiles(fileB);
  await buyer.getByRole('heading', { name: "Crest MSP's response to your request" }).waitFor();
  await buyer.getByRole('button', { name: /Bring it into/ }).click();
  await buyer.waitForURL(/#\/pricing$/);
  await appReady(buyer);

  // Its confirmation can take it back: Crest's quote, answers and RACI change are as they
  // were before it, and nothing of Harbor's goes. The file then brings it in again.
  const crest = async () => {
    const key = await buyer.evaluate(() => `splitline.ws.${JSON.parse(localStorage.getItem('splitline.meta')).data.active}`);
    const ws = JSON.parse(await buyer.evaluate((k) => localStorage.getItem(k), key)).data;
    const ids = Object.fromEntries(ws.providers.map((p) => [p.name, p.id]));
    const quote = (name) => ws.pricing.quotes.find((q) => q.provider === ids[name]);
    const counters = (name) => (ws.raci.redline ?? []).filter((c) => c.provider === ids[name]).length;
    return { rate: quote('Crest MSP').rates?.per_user ?? null, claims: ws.scorecard.claims?.[ids['Crest MSP']] ? 1 : 0, counters: counters('Crest MSP'), harbor: [quote('Harbor IT').rates.per_user, counters('Harbor IT')] };
  };
  // An edit on the page before taking it back: its undo steps hold the response, so
  // they go with it, and the edit stays.
  const servers = buyer.getByRole('textbox', { name: 'Servers', exact: true });
  await servers.fill('7');
  await servers.press('Tab');
  await buyer.getByTestId('save-status').filter({ hasText: /^Saved$/ }).waitFor();
  const brought = await crest();
  assert.deepEqual({ ...brought, rate: brought.rate > 0 }, { rate: true, claims: 1, counters: 1, harbor: brought.harbor });
  await buyer.getByRole('button', { name: 'Take the response back' }).click();
  await buyer.getByText("Crest MSP's response is taken back", { exact: false }).waitFor();
  await buyer.getByTestId('save-status').filter({ hasText: /^Saved$/ }).waitFor();
  const back = await crest();
  assert.deepEqual({ claims: back.claims, counters: back.counters, harbor: back.harbor }, { claims: 0, counters: 0, harbor: brought.harbor });
  assert.notEqual(back.rate, brought.rate);
  await buyer.getByRole('button', { name: 'Undo', exact: true }).click({ force: true });
  await buyer.getByRole('status').filter({ hasText: 'Nothing to undo or redo here: this workspace was changed outside this page' }).waitFor({ state: 'attached' });
  assert.equal(await servers.inputValue(), '7');
  assert.deepEqual(await crest(), back);
  await buyer.goto(`${APP_URL}#/workspaces`);
  await buyer.locator('.request-list li').filter({ hasText: 'Crest MSP' }).getByText(/Sent \d/).waitFor();
  await buyer.getByLabel('Import a Splitline file', { exact: false }).setInputFiles(fileB);
  const bringBack = async () => {
    await buyer.getByRole('button', { name: /Bring it into “[^”]*”$/ }).click();
    await buyer.waitForURL(/#\/pricing$/);
    await appReady(buyer);
  };
  await bringBack();
  // Landed on Crest's quote, far down the page, the confirmation is still in view, and
  // with no edit since, Ctrl+Z takes the response back as its button does.
  await buyer.waitForFunction(() => document.activeElement?.id.startsWith('at-quote') && document.activeElement.textContent.includes('Crest MSP'));
  const confirmation = buyer.getByRole('alert').filter({ hasText: "Crest MSP's response is in" });
  assert.ok(await confirmation.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
  }));
  assert.ok(await buyer.evaluate(() => scrollY > innerHeight / 2));
  await buyer.keyboard.press('Control+z');
  await buyer.getByText("Crest MSP's response is taken back", { exact: false }).waitFor();
  await buyer.getByTestId('save-status').filter({ hasText: /^Saved$/ }).waitFor();
  assert.deepEqual(await crest(), back);
  await buyer.goto(`${APP_URL}#/workspaces`);
  await buyer.getByRole('button', { name: 'New workspace' }).click();
  await buyer.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'My first engagement' });
  await buyer.getByLabel('Import a Splitline file', { exact: false }).setInputFiles(fileB);
  await bringBack();
  // Undo in another workspace leaves the response where it came in, though the notice
  // that can take it back still shows there.
  await buyer.getByTestId('save-status').filter({ hasText: /^Saved$/ }).waitFor();
  const kept = await crest();
  assert.equal(kept.counters, 1, 'the response is in');
  const workspace = buyer.getByRole('combobox', { name: 'Workspace' });
  await workspace.selectOption({ label: 'New engagement' });
  await buyer.getByRole('alert').filter({ hasText: "Crest MSP's response is in" }).waitFor();
  await buyer.keyboard.press('Control+z');
  await buyer.getByRole('status').filter({ hasText: 'Nothing to undo.' }).waitFor({ state: 'attached' });
  await workspace.selectOption({ label: 'My first engagement' });
  await buyer.getByTestId('save-status').filter({ hasText: /^Saved$/ }).waitFor();
  assert.deepEqual(await crest(), kept);

  // The requests list says both are answered, and by whom to reply to.
  await buyer.goto(`${APP_URL}#/workspaces`);
  for (const [name, contact] of [['Harbor IT', 'Sam at Harbor'], ['Crest MSP', 'Lee at Crest']]) {
    await buyer.locator('.request-list li').filter({ hasText: name }).getByText(new RegExp(`Answered \\d.* by ${contact}\\.`)).waitFor();
  }
  // Opening A's link again says that bringing it in again undoes what was done since.
  await buyer.goto(responseA);
  await buyer.getByText('You have brought this response in before.', { exact: false }).waitFor();
  await buyer.getByRole('button', { name: /Bring it into “.*” again/ }).waitFor();
  await buyer.goto(`${APP_URL}#/pricing`);

  // Pricing: both quotes ranked, Harbor (95) cheaper than Crest (120).
  const rank = (name) => buyer.getByRole('article', { name }).locator('.figures > div').filter({ hasText: 'Rank by total' }).locator('dd');
  await buyer.waitForFunction(() => document.querySelectorAll('.quote-card').length === 2);
  assert.equal((await rank('Harbor IT').textContent()).trim(), '1 of 2');
  assert.equal((await rank('Crest MSP').textContent()).trim(), '2 of 2');

  // Scorecard: each provider's answer beside the question, in the detail and in call mode.
  await buyer.goto(`${APP_URL}#/scorecard`);
  await openTab(buyer, 'Scores');
  // The cells the providers answered are marked, so the buyer need not open each one.
  const marks = (criterion, name) => buyer.getByRole('textbox', { name: `${criterion} ${name}` }).locator('xpath=..').locator('.sc-marks');
  assert.equal(await marks('Written RACI with named owners', 'Harbor IT').textContent(), '“');
  assert.equal(await marks('Gap functions named explicitly', 'Harbor IT').textContent(), '');
  await buyer.getByRole('textbox', { name: 'Written RACI with named owners Harbor IT' }).click();
  const claimA = buyer.getByRole('complementary', { name: "Harbor IT's answer" });
  await claimA.getByText('Yes: a RACI schedule is part of our contract.').waitFor();
  await claimA.getByText('Their own rating: 4 of 5 (their claim, not your score).').waitFor();
  assert.equal(await claimA.getByRole('link').getAttribute('href'), 'https://example.com/raci-sample.pdf');
  await buyer.getByRole('textbox', { name: 'Written RACI with named owners Crest MSP' }).click();
  await buyer.getByRole('complementary', { name: "Crest MSP's answer" }).getByText('Patch failures are ours, day and night.').waitFor();
  // A self-rating never becomes a score.
  assert.equal(await buyer.getByRole('textbox', { name: 'Written RACI with named owners Harbor IT' }).inputValue(), '');
  await openTab(buyer, 'Call mode');
  await buyer.getByRole('complementary', { name: /'s answer$/ }).waitFor();

  // RACI: the redline, one change from each provider.
  await buyer.goto(`${APP_URL}#/raci`);
  const redline = buyer.getByRole('region', { name: /Changes proposed by providers/ });
  await redline.getByRole('heading', { name: 'Changes proposed by providers (2)' }).waitFor();
  const harborChange = redline.getByRole('article', { name: /Harbor IT's change/ });
  const before = await harborChange.locator('dd.yours').textContent();
  const theirs = await harborChange.locator('dd.theirs').textContent();
  assert.notEqual(before, theirs);
  // What differs is spelled out: the provider set the MSP to C on that row.
  assert.match(await harborChange.locator('dd.changes').textContent(), /MSP: (none|[ACIR/]+) → C/);
  assert.equal(await harborChange.getByText('We advise; your team decides.').count(), 1);
  // And what accepting it would leave, before the buyer accepts.
  assert.match(await harborChange.locator('dd.breaks').textContent(), /No one is accountable for “After-hours calls/);
  // From the keyboard: a settled change hands the focus to the next one, the last to its
  // function's row in the matrix, never to the page.
  await harborChange.getByRole('button', { name: "Accept Harbor IT's" }).focus();
  await buyer.keyboard.press('Enter');
  await redline.getByRole('heading', { name: 'Changes proposed by providers (1)' }).waitFor();
  const crestChange = redline.getByRole('article', { name: /Crest MSP's change/ });
  const crestFunction = (await crestChange.getByRole('heading').textContent()).trim();
  await buyer.waitForFunction(() => document.activeElement?.textContent === "Accept Crest MSP's");
  await buyer.keyboard.press('Tab');
  await buyer.keyboard.press('Enter');
  await redline.waitFor({ state: 'detached' });
  await buyer.waitForFunction(() => /^rc-\d+-0$/.test(document.activeElement?.id ?? ''));
  assert.equal(await buyer.evaluate(() => document.activeElement.querySelector('.fn-text').textContent), crestFunction);
  // Undo brings back the rejected change, then the accepted one with the old row.
  await buyer.getByRole('button', { name: 'Undo' }).click();
  await buyer.getByRole('heading', { name: 'Changes proposed by providers (1)' }).waitFor();
  await buyer.getByRole('button', { name: 'Undo' }).click();
  await buyer.getByRole('heading', { name: 'Changes proposed by providers (2)' }).waitFor();
  const restored = buyer.getByRole('article', { name: /Harbor IT's change/ });
  assert.equal(await restored.locator('dd.yours').textContent(), before);
  assert.deepEqual(await axeViolations(buyer), []);
  assert.deepEqual(buyer.errors, []);
});

/** The names of the request's first `n` questions, as the provider's page shows them. */
function questionNames(page, n) {
  return page.locator('.proposal-question h3').evaluateAll(
    (hs, n) => hs.slice(0, n).map((h) => h.firstChild.textContent.trim()),
    n,
  );
}

test('the provider sees what is still open and which entries are refused, and a request sent again marks the answers to check', async () => {
  const buyerContext = await browser.newContext();
  const buyer = await openPage(buyerContext);
  await buyerSetUp(buyer);
  const link = await requestLink(buyer, 'Harbor IT');
  const context = await browser.newContext();
  const page = await openPage(context, link);
  await page.getByRole('heading', { level: 1, name: 'Request for proposal to Harbor IT' }).waitFor();
  const focused = () => page.evaluate(() => document.activeElement?.id);
  // Above Send, each open part is one press away: the quote, then questions and roles by
  // name, eight to a line and the rest counted.
  const open = page.locator('div.open-parts:not(.notice)');
  await open.getByText('71 of 71 parts are still open.', { exact: false }).waitFor();
  await open.getByRole('button', { name: 'Your quote has no price yet' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'proposal-quote');
  const covers = open.getByRole('listitem').filter({ hasText: 'In your quote, say whether it includes:' });
  assert.deepEqual(await covers.getByRole('button').allTextContents(), RATE_CARD);
  await covers.getByRole('button', { name: 'On-site visits' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'cover-on_site');
  const [q1, q2, q3] = await questionNames(page, 3);
  const questions = open.getByRole('listitem').filter({ hasText: 'Questions not answered:' });
  assert.equal(await questions.getByRole('button').count(), 9);
  await questions.getByRole('button', { name: '26 more' }).waitFor();
  await questions.getByRole('button', { name: q2, exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H3');
  assert.equal((await page.evaluate(() => document.activeElement.firstChild.textContent)).trim(), q2);
  await open.getByRole('button', { name: '“Accept every row”, in part 3' }).click();
  assert.equal(await focused(), 'proposal-accept-rows');

  // A refused entry, typed key by key, leaves nothing of itself: "25" passes through a
  // valid "2" on the way, and the figures, the draft and a reload keep the 3% from before.
  const escalator = page.getByRole('textbox', { name: 'Annual price escalator' });
  await escalator.selectText();
  await escalator.pressSequentially('25');
  await page.getByText('Enter a percentage from 0% to 20%.').waitFor();
  const refused = page.locator('div.notice.open-parts');
  await refused.getByText('This field shows an entry that is not accepted, so your response carries its earlier value until you correct it:').waitFor();
  await refused.getByRole('button', { name: 'Annual price escalator' }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
  const term = page.getByRole('textbox', { name: 'Contract term (months)' });
  await term.selectText();
  await term.pressSequentially('1200');
  await page.getByText('Enter a number from 1 to 120.').waitFor();
  await refused.getByText('These fields show an entry that is not accepted', { exact: false }).waitFor();
  assert.equal(await refused.getByRole('button').count(), 2);
  await page.getByText('Total over 36 months', { exact: false }).first().waitFor();
  await page.getByRole('textbox', { name: 'Rate per user a month' }).fill('95');
  const answers = page.getByRole('textbox', { name: 'Your answer' });
  await answers.nth(0).fill('A RACI schedule is part of our contract.');
  await answers.nth(1).fill('Named in the schedule.');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Request for proposal to Harbor IT' }).waitFor();
  assert.equal(await escalator.inputValue(), '3');
  assert.equal(await term.inputValue(), '36');
  assert.equal(await refused.count(), 0, 'nothing refused after the reload');
  // Priced, the quote is done once each rate card item has the provider's word.
  await open.getByText('69 of 71 parts are still open.', { exact: false }).waitFor();
  await page.getByText('2 of 71 parts done: quote priced, 6 rate card items to answer,', { exact: false }).waitFor();
  for (const item of RATE_CARD) {
    await page.getByRole('combobox', { name: `${item} in this quote` }).selectOption({ label: 'Included' });
  }
  await open.getByText('68 of 71 parts are still open.', { exact: false }).waitFor();
  assert.equal(await covers.count(), 0);
  // Excluded "with a rate" and no rate typed stays open: the buyer would read it as free.
  await page.getByRole('combobox', { name: 'On-site visits in this quote' }).selectOption({ label: 'Excluded, rate given' });
  const rates = open.getByRole('listitem').filter({ hasText: 'Excluded with a rate, but no rate given yet:' });
  await rates.getByRole('button', { name: 'On-site visits' }).waitFor();
  await open.getByText('69 of 71 parts are still open.', { exact: false }).waitFor();
  // Its jump lands on the rate to type, not on the choice already made.
  await rates.getByRole('button', { name: 'On-site visits' }).click();
  const rate = page.getByRole('textbox', { name: 'On-site visits rate per visit' });
  await page.waitForFunction(() => document.activeElement?.id === 'rate-on_site');
  // Empty, not a "0" the list above calls missing.
  assert.equal(await rate.inputValue(), '');
  await rate.fill('150');
  await rates.waitFor({ state: 'detached' });
  // A row accepted now, which the buyer then changes, is to decide again.
  await page.locator('fieldset.proposal-row').nth(0).getByRole('radio', { name: 'Accept as proposed' }).check();
  await open.getByText('67 of 71 parts are still open.', { exact: false }).waitFor();

  // The buyer rewords the first question, deletes the second and sends the request again.
  await buyer.goto(`${APP_URL}#/scorecard`);
  await openTab(buyer, 'Criteria');
  const names = buyer.getByRole('textbox', { name: 'Criterion name' });
  const at = (await names.evaluateAll((els) => els.map((e) => e.value))).indexOf(q1);
  await names.nth(at).fill(`${q1}, in writing`);
  await buyer.getByRole('button', { name: `Delete ${q2}` }).click();
  await buyer.getByRole('dialog', { name: `Delete “${q2}”?` }).getByRole('button', { name: 'Delete criterion' }).click();
  await buyer.goto(`${APP_URL}#/raci`);
  await cell(buyer, 'Tier 1 help desk in business hours', 1).click(); // the MSP's I → no role
  await buyer.goto(`${APP_URL}#/workspaces`);
  // The list says the request changed since it was sent, until it is sent again.
  const changedSince = buyer.locator('.request-list li').filter({ hasText: 'Harbor IT' })
    .getByText('You changed what the request asks since: send it again so they answer the latest version.');
  await changedSince.waitFor();
  const again = await requestLink(buyer, 'Harbor IT', link);
  await changedSince.waitFor({ state: 'detached' });

  // The provider opens the new link: its draft carries over, and the page says what to check.
  const next = await openPage(context, again);
  await next.getByText(
    `The buyer sent this request again with changes after you started your response. Your answer to “${q1}, in writing” was written for an earlier wording of the question: it is marked below, so check it and change it or confirm it. Your answer to a question the buyer removed is no longer in your response. The buyer changed “Tier 1 help desk in business hours” since you accepted it: decide it again in part 3.`,
  ).waitFor();
  // The first tab, still on the earlier version, says so and keeps nothing from here on.
  await page.getByText('This is an earlier version of the request. The buyer sent a newer one on', { exact: false }).waitFor();
  const mark = next.getByText('The buyer changed this question after you answered it.', { exact: false });
  assert.equal(await mark.count(), 1);
  const check = next.locator('div.open-parts:not(.notice)').getByRole('listitem').filter({ hasText: 'Answers to check, as the question changed:' });
  await check.getByRole('button', { name: `${q1}, in writing` }).waitFor();
  assert.equal((await questionNames(next, 2))[1], q3, 'the deleted question is gone');
  // Sent as it is, the buyer is told the answer was to the earlier wording.
  await next.getByRole('button', { name: 'Copy the response link' }).click();
  await next.waitForFunction(() => document.querySelector('.share-link')?.value.includes('#/s/1a'));
  const response = await next.getByRole('textbox', { name: 'Response link' }).inputValue();
  const preview = await openPage(buyerContext, response);
  await preview.getByText(
    `They answered this question before you changed it: ${q1}, in writing. That answer has not changed since, so check it against the question as it stands. The scorecard marks it.`,
  ).waitFor();
  // "My answer stands" confirms it: the mark goes and the answer field has the focus.
  await next.getByRole('button', { name: 'My answer stands' }).click();
  await mark.waitFor({ state: 'detached' });
  await check.waitFor({ state: 'detached' });
  assert.equal(await next.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.labels?.[0]?.textContent), 'Your answer');
  // The earlier link, opened again, says a newer version was opened here.
  const old = await openPage(context, link);
  await old.getByText('This is an earlier version of the request. The buyer sent a newer one on', { exact: false }).waitFor();
  assert.deepEqual([...page.errors, ...next.errors, ...old.errors, ...buyer.errors, ...preview.errors], []);
  await context.close();
  await buyerContext.close();
});

test('the same request open in two tabs: each shows the other\'s edits, and neither writes over them', async () => {
  const buyer = await openPage(await browser.newContext());
  await buyerSetUp(buyer);
  const link = await requestLink(buyer, 'Harbor IT');
  const context = await browser.newContext();
  const one = await openPage(context, link);
  const two = await openPage(context, link);
  const heading = (p) => p.getByRole('heading', { level: 1, name: /Request for proposal to / });
  await Promise.all([heading(one).waitFor(), heading(two).waitFor()]);
  const answerIn = (p) => p.getByRole('textbox', { name: 'Your answer' }).first();
  const rate = (p) => p.getByRole('textbox', { name: 'Rate per user a month' });
  await answerIn(one).fill('Typed in the first tab.');
  await waitForValue(answerIn(two), 'Typed in the first tab.');
  // The second tab's next edit keeps the first tab's answer.
  await rate(two).fill('88');
  await waitForValue(rate(one), '88');
  await one.reload();
  await heading(one).waitFor();
  assert.equal(await answerIn(one).inputValue(), 'Typed in the first tab.');
  assert.equal(await rate(one).inputValue(), '88');
  // "Accept every row" clicked by mistake can be taken back while no row changed since.
  const decided = (p) => p.getByText(/parts done: .*, 0 of (\d+) RACI functions decided/);
  await decided(one).waitFor();
  await one.getByRole('button', { name: 'Accept every row not yet decided' }).click();
  const status = one.getByRole('status').filter({ hasText: /^\d+ rows accepted as the buyer proposed them\./ });
  await status.waitFor();
  await one.getByRole('button', { name: 'Undo accepting them' }).click();
  await status.waitFor({ state: 'detached' });
  await decided(one).waitFor();
  await decided(two).waitFor();
  assert.deepEqual([...one.errors, ...two.errors], []);
  await context.close();
});

test('a request link cut off on the way tells the provider to ask again, and claims no answers are kept', async () => {
  const buyer = await openPage(await browser.newContext());
  await buyerSetUp(buyer);
  const link = await requestLink(buyer, 'Harbor IT');
  const context = await browser.newContext();
  const page = await openPage(context, link.slice(0, Math.floor(link.length * 0.7)));
  await page.getByRole('heading', { level: 1, name: 'This link could not be opened' }).waitFor();
  await page.getByRole('alert').filter({ hasText: /The link is incomplete/ }).waitFor();
  await page.getByText(/ask the buyer who sent it to send the request again/).waitFor();
  // The provider's footer line says its answers come back with this link: not from this one.
  assert.equal(await page.locator('.site-footer .provider-only').isVisible(), false);
  assert.equal(await page.locator('.site-footer .buyer-only').first().isVisible(), false);
  assert.equal(await page.locator('.site-header nav').isVisible(), false);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('on a phone the provider reaches each part of the response from the progress bar, which stays on screen', async () => {
  const buyerContext = await browser.newContext();
  const buyer = await openPage(buyerContext);
  await buyerSetUp(buyer);
  const link = await requestLink(buyer, 'Harbor IT');
  await buyerContext.close();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await openPage(context, link);
  await page.getByRole('heading', { level: 1, name: 'Request for proposal to Harbor IT' }).waitFor();
  // Evidence that is not a web address is kept, and the provider is told it will not be a link.
  const evidence = page.getByRole('textbox', { name: 'Evidence link (optional)' }).nth(1);
  const notLink = page.getByText('This is not a web address starting with https://', { exact: false });
  await evidence.fill('see our SOC 2 report');
  assert.equal(await notLink.count(), 0, 'not judged while typing');
  await evidence.press('Tab');
  await notLink.waitFor();
  await evidence.fill('https://example.com/soc2.pdf');
  await notLink.waitFor({ state: 'detached' });
  const bar = page.locator('.proposal-progress');
  const jumps = bar.getByRole('navigation', { name: 'Sections of this page' });
  // The bar, "Go to" included, takes a fifth of the phone's height at most, before and
  // after its progress line changes.
  const fifth = async () => {
    const barHeight = (await bar.boundingBox()).height;
    assert.ok(barHeight <= 148, `the progress bar is ${barHeight} px tall`);
  };
  await fifth();
  // Accepting every row leaves the provider at the top of 36 functions; Send is one press.
  await page.getByRole('button', { name: 'Accept every row not yet decided' }).click();
  await page.getByText('36 of 36 RACI functions decided', { exact: false }).waitFor();
  await fifth();
  await jumps.getByRole('button', { name: 'Send' }).click();
  const send = page.getByRole('heading', { level: 2, name: '4. Send your response' });
  const below = async (heading) => {
    const [b, h] = await Promise.all([bar.boundingBox(), heading.boundingBox()]);
    return h.y >= b.y + b.height && h.y + h.height <= 740;
  };
  await page.waitForFunction(() => document.activeElement?.id === 'proposal-send');
  assert.ok(await below(send), 'the Send heading shows below the sticky bar');
  // "Top" would only cover the ends of fields here: the bar's "Go to" does its work.
  assert.equal(await page.getByRole('button', { name: 'Top of the page' }).isVisible(), false);
  // And back up, from the keyboard: the bar is still on screen down here.
  await jumps.getByRole('button', { name: 'Quote' }).focus();
  await page.keyboard.press('Enter');
  const quote = page.getByRole('heading', { level: 2, name: '1. Your quote' });
  await page.waitForFunction(() => document.activeElement?.id === 'proposal-quote');
  assert.ok(await below(quote), 'the quote heading shows below the sticky bar');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  // Paper has no use for it.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await jumps.isVisible(), false);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a link still being made never lands after a later click: the last thing asked for wins', async () => {
  // No service worker, so the test can hold back the link maker's chunk on its way.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const buyer = await openPage(context);
  await buyerSetUp(buyer);
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await buyer.route(/split_shared-[0-9a-f]+\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  // Every link that ever shows, by its field's name and its value.
  await buyer.evaluate(() => {
    window.linksShown = [];
    const note = () => {
      const field = document.querySelector('.share-link');
      const name = field && document.querySelector(`label[for="${field.id}"]`)?.textContent;
      const seen = name && field.value && `${name} ${field.value}`;
      if (seen && window.linksShown.at(-1) !== seen) window.linksShown.push(seen);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    // A field's value is a property, not an attribute: look each frame too.
    const poll = () => {
      note();
      requestAnimationFrame(poll);
    };
    poll();
  });
  await buyer.getByRole('button', { name: 'Copy request link for Harbor IT' }).click();
  const download = buyer.waitForEvent('download');
  await buyer.getByRole('button', { name: 'Download request file for Crest MSP' }).click();
  assert.equal((await download).suggestedFilename(), 'splitline-request-crest-msp.json');
  const loaded = buyer.waitForResponse(/split_shared-[0-9a-f]+\.wasm$/);
  release();
  await loaded;
  // Harbor's link is made now, after the file for Crest: it must not show under the
  // download as if it were the last thing asked for. The next link does, named for its
  // provider.
  const crest = await requestLink(buyer, 'Crest MSP');
  await buyer.getByRole('textbox', { name: 'Request link for Crest MSP' }).waitFor();
  await buyer.waitForTimeout(300);
  assert.deepEqual(await buyer.evaluate(() => window.linksShown), [`Request link for Crest MSP ${crest}`]);
  assert.deepEqual(buyer.errors, []);
  await context.close();
});
