// Shared set-up for the scorecard specs: seeding a workspace, reading the page.
import { APP_URL, followApp } from './helpers.mjs';

export const SCORECARD = `${APP_URL}#/scorecard`;

/** Opens the scorecard with a seeded workspace (written before the app starts). */
export async function openSeeded(context, workspace, hash = '#/scorecard') {
  const page = await context.newPage();
  // A same-origin page that does not run the app, so nothing writes over the seed.
  await page.goto(`${APP_URL}favicon.svg`);
  await page.evaluate((ws) => {
    localStorage.clear();
    localStorage.setItem(`splitline.ws.${ws.id}`, JSON.stringify({ format: 'splitline', kind: 'workspace', version: 1, data: ws }));
    localStorage.setItem('splitline.meta', JSON.stringify({ format: 'splitline', kind: 'meta', version: 1, data: { active: ws.id } }));
  }, workspace);
  page.errors = [];
  page.on('console', (msg) => {
    // The seeding page's own favicon.ico request may report late; it is not the app.
    if (msg.type() === 'error' && !msg.location().url.endsWith('favicon.ico')) page.errors.push(msg.text());
  });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  followApp(page);
  await page.goto(`${APP_URL}${hash}`);
  await page.getByRole('heading', { level: 1, name: 'Provider scorecard' }).waitFor();
  return page;
}

/** A workspace with the default criteria and the given providers and scorecard fields. */
export function workspace(providers, scorecard = {}) {
  return {
    id: 'ws-e2e',
    name: 'Northwind MSP review',
    created_ms: 1_763_942_400_000,
    updated_ms: 1_763_942_400_000,
    profile: { company_name: 'Northwind', employees: 140, internal_it: 2, industry: 'general' },
    providers,
    raci: {},
    scorecard,
    pricing: {},
  };
}

/** The three providers of the hand-computed example, scored on the first three criteria:
 *  weights 5, 4, 3. Harbor 5/4/3 → 83.3; Keystone 4/4/4 → 80.0; Nimbus 2/3/N/A → 48.9. */
export const PROVIDERS = [
  { id: 'h1', name: 'Harbor IT' },
  { id: 'k1', name: 'Keystone Partners' },
  { id: 'n1', name: 'Nimbus Managed' },
];

export const SCORED = {
  evaluator: 'Sam Ortiz',
  card_id: 'card-sam',
  cells: {
    h1: { 'raci-written': { score: 5 }, 'raci-gap-functions': { score: 4 }, 'raci-compliance-owner': { score: 3 } },
    k1: { 'raci-written': { score: 4 }, 'raci-gap-functions': { score: 4 }, 'raci-compliance-owner': { score: 4 } },
    n1: { 'raci-written': { score: 2 }, 'raci-gap-functions': { score: 3 }, 'raci-compliance-owner': { score: 'na' } },
  },
  knockouts: { n1: { 'ko-vague-sla': '' } },
};

/** The stored workspace, parsed. */
export async function storedWorkspace(page, id = 'ws-e2e') {
  const text = await page.evaluate((k) => localStorage.getItem(k), `splitline.ws.${id}`);
  return JSON.parse(text).data;
}

/** The rows of the ranking table as [rank, provider, total, lead]. */
export async function ranking(page) {
  const rows = page.locator('table.sc-ranking tbody tr');
  const out = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator('td, th');
    out.push([await cells.nth(0).innerText(), await cells.nth(1).innerText(), await cells.nth(2).innerText(), await cells.nth(3).innerText()]);
  }
  return out;
}

export async function openTab(page, name) {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('tab', { name, selected: true }).waitFor();
}
