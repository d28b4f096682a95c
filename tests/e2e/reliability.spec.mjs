// Nothing lost, nothing trusted blindly: a full quota at start-up, data from a newer
// version, changes that wait on a choice, and stored data that breaks the app's rules.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { APP_URL, CHROMIUM, CHROMIUM_ARGS, appReady, launch, openPage, saved, stored, storedKeys, workspaceRow } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

const NEWER_META = '{"format":"splitline","kind":"meta","version":999,"data":{"active":"elsewhere"}}';
const newerWorkspace = (id) => `{"format":"splitline","kind":"workspace","version":999,"data":{"id":"${id}"}}`;

/** Two workspaces, "Alpha" and "Beta", saved; returns Beta's storage key. */
async function twoWorkspaces(page) {
  const rename = async (from, to) => {
    await page.getByRole('button', { name: `Rename ${from}` }).click();
    const field = page.getByRole('textbox', { name: 'Workspace name' });
    await field.fill(to);
    await field.press('Enter');
    await workspaceRow(page, to).waitFor();
  };
  await rename('My first engagement', 'Alpha');
  await page.getByRole('button', { name: 'New workspace' }).click();
  await rename('New engagement', 'Beta');
  await saved(page);
  const keys = (await storedKeys(page)).filter((k) => k.startsWith('splitline.ws.'));
  for (const key of keys) if ((await stored(page, key)).includes('"Beta"')) return key;
  throw new Error(`no key holds Beta: ${keys}`);
}

test('a storage quota full to the last byte still shows every saved workspace', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await twoWorkspaces(page);
  // Another app on the same origin fills what is left, down to the last character.
  const left = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`filler.${n}`, 'x'.repeat(size));
          n += 1;
        } catch {
          break;
        }
      }
    }
    // Then one-character keys with no value, for the last few characters.
    for (let i = 0; i < 4096; i += 1) {
      try {
        localStorage.setItem(String.fromCharCode(0x4e00 + i), '');
      } catch {
        return 'full';
      }
    }
    return 'room left';
  });
  assert.equal(left, 'full');
  await page.reload();
  await workspaceRow(page, 'Alpha').waitFor();
  await workspaceRow(page, 'Beta').waitFor();
  const alert = page.getByRole('alert').filter({ hasText: 'storage for Splitline is full' });
  await alert.filter({ hasText: 'saved workspaces are all here' }).waitFor();
  await page.getByTestId('save-status').filter({ hasText: 'Not saved' }).waitFor();
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download a copy of all workspaces' }).click();
  assert.equal((await download).suggestedFilename(), 'splitline-all-workspaces.json');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('settings written by a newer version are never rewritten', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await saved(page);
  await page.evaluate((text) => localStorage.setItem('splitline.meta', text), NEWER_META);
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'could not open the app settings' }).waitFor();
  await page.getByRole('textbox', { name: 'Company name' }).fill('Contoso Dental');
  await saved(page);
  await page.waitForTimeout(800);
  assert.equal(await stored(page, 'splitline.meta'), NEWER_META);
  await context.close();
});

test('deleting a workspace another tab saved in a newer format leaves that data in place', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  const beta = await twoWorkspaces(page);
  const other = await context.newPage();
  await other.goto('about:blank');
  await other.goto(`${APP_URL}#/workspaces`);
  const newer = newerWorkspace(beta.replace('splitline.ws.', ''));
  await other.evaluate(([key, text]) => localStorage.setItem(key, text), [beta, newer]);
  await page.getByRole('alert').filter({ hasText: 'runs a newer version of Splitline' }).waitFor();
  await page.getByRole('button', { name: 'Delete Beta' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete workspace' }).click();
  await workspaceRow(page, 'Beta').waitFor({ state: 'detached' });
  await page.waitForTimeout(800);
  assert.equal(await stored(page, beta), newer);
  await context.close();
});

test('while two tabs wait for a choice the status says so, and closing the tab asks first', async () => {
  // A browser of its own: a leave prompt must not disturb the other tests' browser.
  const own = await launch();
  const context = await own.newContext();
  const a = await openPage(context, `${APP_URL}#/workspaces`);
  await saved(a);
  const b = await openPage(context, `${APP_URL}#/workspaces`);
  const name = (p) => p.getByRole('textbox', { name: 'Company name' });
  // Clicks give the pages the user activation a leave prompt needs.
  await name(a).click();
  await name(b).click();
  await name(a).fill('Edited in tab A');
  await name(b).fill('Edited in tab B');
  const choice = (p) => p.getByRole('alert').filter({ hasText: 'was changed in another tab' });
  await Promise.race([choice(a).waitFor(), choice(b).waitFor()]);
  const waiting = (await choice(a).count()) > 0 ? a : b;
  await waiting.getByTestId('save-status').filter({ hasText: /^Not saved$/ }).waitFor();
  await waiting.getByRole('alert').filter({ hasText: 'Not saved: waiting for your choice between two tabs' }).waitFor();
  const asked = new Promise((resolve) =>
    waiting.once('dialog', async (dialog) => {
      resolve(dialog.type());
      await dialog.accept();
    }),
  );
  await waiting.close({ runBeforeUnload: true });
  assert.equal(await asked, 'beforeunload');
  await own.close();
});

test('a stored workspace that breaks the integrity rules is kept aside, not opened', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  const beta = await twoWorkspaces(page);
  const broken = await page.evaluate((key) => {
    const envelope = JSON.parse(localStorage.getItem(key));
    const provider = { id: 'p1', name: 'Northwind' };
    envelope.data.providers = [provider, { ...provider, name: 'Southwind' }];
    return JSON.stringify(envelope);
  }, beta);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [beta, broken]);
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'could not read a saved workspace' });
  await alert.filter({ hasText: 'repeated id' }).waitFor();
  await workspaceRow(page, 'Alpha').waitFor();
  assert.equal(await workspaceRow(page, 'Beta').count(), 0);
  const keys = await storedKeys(page);
  const backup = keys.find((k) => k.startsWith(`splitline.backup.${beta.replace('splitline.', '')}.`));
  assert.ok(backup, `a backup key in ${keys}`);
  assert.equal(await stored(page, backup), broken);
  await context.close();
});

test('a stored RACI that breaks its rules is kept aside when the RACI opens, not before', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  const beta = await twoWorkspaces(page);
  const broken = await page.evaluate((key) => {
    const envelope = JSON.parse(localStorage.getItem(key));
    envelope.data.raci = { next_id: 4000000000 };
    return JSON.stringify(envelope);
  }, beta);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [beta, broken]);
  // Start-up reads no tool's document: the landing page opens Beta untouched.
  await page.goto(`${APP_URL}#/`);
  await page.reload();
  await appReady(page);
  assert.equal(await stored(page, beta), broken, 'nothing rewrote the stored text');
  // The RACI reads it, refuses it, and sets the whole workspace aside with its text.
  await page.goto(`${APP_URL}#/raci`);
  const alert = page.getByRole('alert').filter({ hasText: 'could not read a saved workspace' });
  await alert.filter({ hasText: 'id counter is past its limit' }).waitFor();
  await page.getByRole('heading', { name: 'RACI builder', level: 1 }).waitFor();
  await page.goto(`${APP_URL}#/workspaces`);
  await workspaceRow(page, 'Alpha').waitFor();
  assert.equal(await workspaceRow(page, 'Beta').count(), 0);
  const keys = await storedKeys(page);
  assert.ok(!keys.includes(beta), 'the broken key is no longer a workspace');
  const backup = keys.find((k) => k.startsWith(`splitline.backup.${beta.replace('splitline.', '')}.`));
  assert.ok(backup, `a backup key in ${keys}`);
  assert.equal(await stored(page, backup), broken);
  await context.close();
});

test('the deploy headers forbid framing, send no referrer, and cache only named files', async () => {
  const page = await fetch(APP_URL);
  const csp = page.headers.get('content-security-policy') ?? '';
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /script-src 'self' 'sha256-/, 'the same policy as the page, inline hash included');
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  const wasm = (await page.text()).match(/data-wasm="[^"]*?([^/"]+)"/)[1];
  const named = await fetch(new URL(wasm, APP_URL));
  assert.equal(named.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal((await fetch(new URL('_headers', APP_URL))).status, 404, 'the rules file is not served');

  const context = await browser.newContext();
  const framer = await context.newPage();
  await framer.setContent(`<iframe src="${APP_URL}" title="framed"></iframe>`);
  await framer.waitForTimeout(1500);
  const frame = framer.frames().find((f) => f !== framer.mainFrame());
  assert.equal(await frame.getByRole('heading', { level: 1 }).count(), 0, 'the app does not render inside a frame');
  await context.close();
});

test('a fault in the app shows what happened and a download of the saved work, which imports back', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/workspaces`);
  await page.getByRole('textbox', { name: 'Company name' }).fill('Fabrikam Health');
  await saved(page);
  // What src/browser/crash.rs calls from the panic hook (a panic cannot be caused on
  // purpose in the release build): after it, no wasm code runs.
  await page.evaluate(() => window.splitlineCrashed('panicked at src/example.rs:1:1: example'));
  const alert = page.getByRole('alert').filter({ hasText: 'Splitline stopped because of a fault in the app.' });
  await alert.waitFor();
  assert.ok(await alert.getByText('For a bug report: panicked at src/example.rs:1:1: example').isVisible());
  assert.equal(await page.evaluate(() => document.getElementById('app').inert), true);
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download my workspaces' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'splitline-workspaces-recovered-v1.json');
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  const json = JSON.parse(text);
  assert.equal(json.kind, 'library');
  assert.equal(json.data.workspaces[0].profile.company_name, 'Fabrikam Health');

  // Reloaded, the app reads that file back as a backup.
  await alert.getByRole('button', { name: 'Reload' }).click();
  // The button reloads the page itself, so wait here for the live app as page.reload does:
  // a file set while the static screen is being replaced could land on the old input.
  await appReady(page);
  await page.getByLabel("Import a Splitline file (a workspace, a backup, or one tool's document)").setInputFiles({ name: 'recovered.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByText('Imported “My first engagement 2” as a new workspace.', { exact: false }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Company name' }).inputValue(), 'Fabrikam Health');
  assert.equal(await page.getByRole('alert').filter({ hasText: 'Splitline stopped' }).count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a run of changes with no pause is saved while it lasts, not only once it stops', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${APP_URL}#/raci`);
  await page.getByRole('button', { name: 'Start from the co-managed template' }).click();
  await saved(page);
  const key = (await storedKeys(page)).find((k) => k.startsWith('splitline.ws.'));
  const before = await stored(page, key);
  // A buyer marking rows during a call: a letter, then the next row, every 100 ms for
  // 3 s, sent from inside the page so no gap between changes reaches the 300 ms pause a
  // save waits for. Storage is read while the run still goes on.
  await page.locator('.raci-grid td[data-f]').first().focus();
  const { during, gap } = await page.evaluate((k) => new Promise((done) => {
    const key = (name) => document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
    let last = performance.now();
    let gap = 0;
    const start = last;
    const run = setInterval(() => {
      const now = performance.now();
      gap = Math.max(gap, now - last);
      last = now;
      key('c');
      key('ArrowDown');
      if (now - start > 3000) {
        clearInterval(run);
        done({ during: localStorage.getItem(k), gap });
      }
    }, 100);
  }), key);
  assert.ok(gap < 300, `the run never paused for 300 ms (longest gap ${Math.round(gap)} ms)`);
  assert.notEqual(during, before, 'saved before the run of changes ended');
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** A Chromium of its own on a profile folder, so the test can kill it outright (a phone
 *  that ends the browser, a crash) and start it again on the same profile. */
async function killableBrowser(profile) {
  const args = ['--headless=new', ...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'];
  const proc = spawn(CHROMIUM, args, { stdio: 'ignore', detached: true });
  const portFile = path.join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 100; i++) {
    try {
      const port = readFileSync(portFile, 'utf8').split('\n')[0];
      const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      return { context: cdp.contexts()[0], kill: () => process.kill(-proc.pid, 'SIGKILL') };
    } catch {
      await sleep(100);
    }
  }
  throw new Error('Chromium did not start');
}

test('a browser killed outright keeps every change that showed as saved', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'splitline-kill-'));
  let chrome;
  try {
    chrome = await killableBrowser(profile);
    let page = await openPage(chrome.context, `${APP_URL}#/raci`);
    await page.getByRole('button', { name: 'Start from the co-managed template' }).click();
    await saved(page);
    const key = (await storedKeys(page)).find((k) => k.startsWith('splitline.ws.'));
    // A buyer marking rows during a call. Chromium holds back localStorage's trip to disk
    // after many writes: without the IndexedDB copy, these changes were lost to the kill.
    await page.locator('.raci-grid td[data-f]').first().focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(i % 2 ? 'c' : 'i');
      await page.keyboard.press('ArrowDown');
      await sleep(150);
    }
    await saved(page);
    const before = await stored(page, key);
    // The copy's transaction completes a moment after the save.
    await page.waitForFunction(async ([k, text]) => {
      const db = await new Promise((done) => Object.assign(indexedDB.open('splitline'), { onsuccess: (e) => done(e.target.result) }));
      const copy = await new Promise((done) => Object.assign(db.transaction('copies').objectStore('copies').get(k), { onsuccess: (e) => done(e.target.result) }));
      db.close();
      return copy?.text === text;
    }, [key, before], { polling: 200 });
    const errors = page.errors;
    chrome.kill();

    chrome = await killableBrowser(profile);
    page = await openPage(chrome.context, `${APP_URL}#/raci`);
    assert.equal(await stored(page, key), before, 'the last saved state came back');
    await page.locator('.raci-grid td[data-f]').first().waitFor();
    assert.deepEqual([...errors, ...page.errors], []);
  } finally {
    chrome?.kill();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a write localStorage lost is put back at the next start, but not while another tab runs, nor after localStorage is emptied', async () => {
  const context = await browser.newContext();
  const first = await openPage(context);
  await saved(first);
  // What a kill leaves behind: a key removed in localStorage's memory, never on disk,
  // while its copy (a removal, stamped after the last stamp on disk) reached IndexedDB.
  const key = 'splitline.backup.ws.gone.1';
  await first.evaluate(async (k) => {
    localStorage.setItem(k, 'kept aside');
    const db = await new Promise((done) => Object.assign(indexedDB.open('splitline'), { onsuccess: (e) => done(e.target.result) }));
    const put = db.transaction('copies', 'readwrite').objectStore('copies').put({ key: k, text: null, at: Date.now() + 60_000 }, k);
    await new Promise((done) => (put.onsuccess = done));
    db.close();
  }, key);
  // A tab that starts while another runs restores nothing: the running tab restored at
  // its own start, and has written since.
  const second = await openPage(context);
  assert.equal(await stored(second, key), 'kept aside');
  await second.close();
  await first.close();
  const third = await openPage(context);
  assert.equal(await stored(third, key), null, 'the removal was put back');
  // localStorage emptied on purpose takes its copies with it: nothing comes back.
  const workspace = (await storedKeys(third)).find((k) => k.startsWith('splitline.ws.'));
  await third.evaluate(() => localStorage.clear());
  await third.reload();
  assert.ok(!(await storedKeys(third)).includes(workspace), 'the emptied workspace stays gone');
  assert.deepEqual([...first.errors, ...second.errors, ...third.errors], []);
  await context.close();
});
