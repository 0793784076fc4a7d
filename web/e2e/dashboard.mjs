// End-to-end test of the dashboard in headless Chromium (playwright-core + the system browser).
//
//   VIGIL_URL=http://127.0.0.1:PORT SCREENSHOTS=/tmp/shots node e2e/dashboard.mjs
//
// VIGIL_URL   a running `vigil serve` (without it, e2e/mock-server.mjs is started: fixture data)
// SCREENSHOTS where dashboard.png, alert.png and event.png go (default: a new temporary folder)
// CHROMIUM    the browser binary (default /usr/bin/chromium; Debian: apt-get install chromium)
// VIGIL_E2E_ALLOW_NO_ALERTS=1   pass when the database has no alerts (the alert step is skipped
//             and the event is opened from the events table)
//
// It loads the dashboard, waits for every panel, opens the first alert and its first evidence
// event, checks the highlighted sentence, sets a filter and checks that the URL carries it and
// restores the same view, and that back/forward works. Any console error, page error, failed
// request or HTTP error answer fails the test. Prints the time from navigation start to the
// first full render, then "N passed, N failed"; exits 1 on failure.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIMEOUT = 20_000;
const shots = process.env.SCREENSHOTS || mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
mkdirSync(shots, { recursive: true });
const allowNoAlerts = process.env.VIGIL_E2E_ALLOW_NO_ALERTS === '1';

let passed = 0;
let failed = 0;
const problems = []; // console errors, failed requests: checked after every step

function ok(cond, what) {
  if (cond) {
    passed++;
    console.log(`  ok   ${what}`);
  } else {
    failed++;
    console.log(`  FAIL ${what}`);
    throw new Error(what);
  }
}

function noProblems(step) {
  ok(problems.length === 0, `${step}: no console errors or failed requests${problems.length ? `\n         ${problems.join('\n         ')}` : ''}`);
}

let mock = null;
let base = process.env.VIGIL_URL;
if (!base) {
  const { start } = await import('./mock-server.mjs');
  mock = await start(0);
  base = mock.url;
  console.log(`VIGIL_URL not set: using the mock API (fixture data) at ${base}`);
}
base = base.replace(/\/+$/, '');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
  timeout: 60_000,
});

/** A fresh page that records every problem into `problems`. */
async function newPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return page;
}

/** Waits for the first full render; returns its time from navigation start (ms). */
async function waitReady(page) {
  await page.waitForSelector('html[data-ready="1"]', { timeout: TIMEOUT });
  return page.evaluate(() => performance.getEntriesByName('vigil-first-render')[0]?.startTime ?? NaN);
}

const panels = ['timeline-panel', 'map-panel', 'network-panel', 'alerts-panel', 'events-panel'];
async function panelsReady(page) {
  return page.evaluate(
    (ids) => ids.every((id) => document.getElementById(id)?.dataset.state === 'ready'),
    panels,
  );
}
async function waitPanels(page) {
  await page.waitForFunction(
    (ids) => ids.every((id) => document.getElementById(id)?.dataset.state === 'ready'),
    panels,
    { timeout: TIMEOUT },
  );
}

const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);

let exitCode = 0;
const renderTimes = [];
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
  const page = await newPage(context);

  // 1. The dashboard renders.
  console.log(`dashboard at ${base}/`);
  await page.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
  const t = await waitReady(page);
  renderTimes.push(t);
  ok(await panelsReady(page), 'all panels rendered (timeline, map, network, alerts, events)');
  for (const id of ['timeline', 'map', 'network']) {
    ok((await page.locator(`#${id} canvas`).count()) > 0, `#${id} has a chart canvas`);
  }
  const summary = await (await page.request.get(`${base}/api/summary`)).json();
  const rows = await page.locator('#events tbody tr.event-row').count();
  ok(summary.counts.events === 0 || rows > 0, `events table lists events (${rows} rows)`);
  const bannerVisible = await page.locator('#synthetic-banner').isVisible();
  ok(
    bannerVisible === summary.synthetic_articles > 0,
    `"synthetic data" label ${bannerVisible ? 'shown' : 'hidden'} (synthetic_articles = ${summary.synthetic_articles})`,
  );
  noProblems('dashboard');
  // Once more, as a returning visitor (browser running, assets revalidated).
  await page.reload({ waitUntil: 'domcontentloaded' });
  renderTimes.push(await waitReady(page));
  ok(await panelsReady(page), 'all panels rendered again after a reload');
  await page.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });

  // 2. The first alert opens its evidence.
  const alertCount = await page.locator('#alerts li.alert').count();
  let fromAlert = false;
  if (alertCount === 0) {
    ok(allowNoAlerts, 'the database has alerts (run `vigil watch`, or set VIGIL_E2E_ALLOW_NO_ALERTS=1)');
    console.log('  skip alert step: no alerts');
  } else {
    const alertId = await page.locator('#alerts li.alert').first().getAttribute('data-id');
    await page.locator('#alerts li.alert .alert-open').first().click();
    await page.waitForSelector('#drawer[data-state="ready"][data-view="alert"]');
    ok(params(page).alert === alertId, `URL names the opened alert (alert=${alertId})`);
    const cards = await page.locator('#drawer .event-card').count();
    const detail = await (await page.request.get(`${base}/api/alerts/${encodeURIComponent(alertId)}`)).json();
    ok(cards === detail.events.length && cards > 0, `alert shows its ${cards} evidence events with sentences`);
    ok((await page.locator('#drawer .card-sentence').first().innerText()).length > 0, 'evidence sentence is shown');
    noProblems('alert');
    await page.screenshot({ path: join(shots, 'alert.png') });
    fromAlert = true;
  }

  // 3. An event: the sentence with source, verb and target highlighted.
  if (fromAlert) await page.locator('#drawer .event-open').first().click();
  else await page.locator('#events tbody tr.event-row').first().click();
  await page.waitForSelector('#drawer[data-state="ready"][data-view="event"]');
  const eventId = params(page).event;
  ok(!!eventId, `URL names the opened event (event=${eventId})`);
  const sentence = await page.locator('#drawer [data-role="sentence"]').innerText();
  const ev = await (await page.request.get(`${base}/api/events/${encodeURIComponent(eventId)}`)).json();
  ok(String(ev.event.event_id) === eventId, 'event id survives as a string (no 2^53 rounding)');
  for (const role of ['source', 'verb', 'target']) {
    const spans = page.locator(`#drawer mark.seg.seg-${role}[data-role="${role}"]`);
    const n = await spans.count();
    const texts = await spans.allInnerTexts();
    ok(
      n > 0 && texts.every((x) => x.trim() && sentence.includes(x.trim())),
      `${role} highlighted: ${texts.map((x) => JSON.stringify(x)).join(', ')} in the sentence`,
    );
  }
  ok(
    ev.event.sentence_text ? norm(sentence).includes(norm(ev.event.sentence_text)) || norm(ev.event.sentence_text).includes(norm(sentence)) : true,
    'highlighted sentence is the event\'s sentence',
  );
  ok((await page.locator('#drawer .legend .seg-source').count()) === 1, 'highlight legend shown');
  ok((await page.locator('#drawer .article-title').count()) > 0, 'article title shown');
  noProblems('event');
  await page.screenshot({ path: join(shots, 'event.png') });

  // 4. Back returns to the alert, close empties the drawer.
  if (fromAlert) {
    await page.goBack();
    await page.waitForSelector('#drawer[data-state="ready"][data-view="alert"]');
    ok(!params(page).event && !!params(page).alert, 'back returns from the event to its alert');
  }
  await page.locator('#drawer-close').click();
  await page.waitForSelector('#drawer[data-state="closed"]', { state: 'attached' });
  ok(!params(page).alert && !params(page).event, 'closing the drawer drops it from the URL');

  // 5. A filter goes into the URL; loading that URL restores the view; back undoes it.
  const quad = ev.event.quad ? String(ev.event.quad) : '4';
  const actor = (ev.event.source || '').slice(0, 3);
  await page.selectOption('#filters select[name="quad"]', quad);
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('quad') === q, quad);
  await waitPanels(page);
  if (actor) {
    await page.fill('#filters input[name="actor"]', actor);
    await page.press('#filters input[name="actor"]', 'Enter');
    await page.waitForFunction((a) => new URL(location.href).searchParams.get('actor') === a, actor);
    await waitPanels(page);
  }
  ok(params(page).quad === quad && (!actor || params(page).actor === actor), `URL carries the filters (${new URL(page.url()).search})`);
  const view = await viewOf(page);
  ok(view.rows.length > 0, `filtered view lists events (${view.rows.length} rows)`);
  ok(view.quads.every((q) => q === `q${quad}`), `every listed event is QuadClass ${quad}`);

  const shared = page.url();
  const page2 = await newPage(context);
  await page2.goto(shared, { waitUntil: 'domcontentloaded' });
  renderTimes.push(await waitReady(page2));
  const view2 = await viewOf(page2);
  ok(JSON.stringify(view2) === JSON.stringify(view), 'loading the URL restores the same view (filters, scope, events)');
  await page2.close();

  await page.goBack();
  if (actor) await page.waitForFunction(() => !new URL(location.href).searchParams.get('actor'));
  else await page.waitForFunction(() => !new URL(location.href).searchParams.get('quad'));
  await waitPanels(page);
  const backActor = await page.inputValue('#filters input[name="actor"]');
  ok(backActor === '', 'back undoes the last filter (form follows the URL)');
  noProblems('filters');

  // 6. Search (when the API has it) fills the drawer.
  await page.fill('#search-input', 'the');
  await page.press('#search-input', 'Enter');
  await page.waitForSelector('#drawer[data-state="ready"][data-view="search"]');
  ok(params(page).q === 'the', 'search query kept in the URL');
  noProblems('search');
} catch (err) {
  exitCode = 1;
  if (!/^[^\n]*$/.test(err.message) || !err.message) console.error(err);
  console.error(`\nFAILED: ${err.message}`);
  if (err.stack && !err.message.includes('\n')) console.error(err.stack.split('\n').slice(1, 4).join('\n'));
} finally {
  await browser.close();
  if (mock) await mock.close();
}

const fmtMs = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
const labels = ['first page of a new browser', 'reload', 'the shared filtered URL in a new tab'];
console.log(
  `\nfirst full render (navigation start -> all panels drawn): ` +
    renderTimes.map((t, i) => `${fmtMs(t)} (${labels[i]})`).join(', '),
);
console.log(`screenshots: ${shots}/dashboard.png, alert.png, event.png`);
console.log(`${passed} passed, ${failed + (exitCode && !failed ? 1 : 0)} failed`);
process.exit(exitCode || (failed ? 1 : 0));

// --- helpers ---------------------------------------------------------------------------------------
function norm(s) {
  return String(s).replace(/\s+/g, ' ').trim();
}

/** What a person sees of the filtered view: form values, scope line, listed events. */
async function viewOf(page) {
  return page.evaluate(() => {
    const form = document.getElementById('filters');
    const fields = {};
    for (const el of form.elements) if (el.name) fields[el.name] = el.value;
    return {
      fields,
      scope: document.getElementById('timeline-scope').textContent,
      rows: [...document.querySelectorAll('#events tbody tr.event-row')].map((r) => r.dataset.id),
      quads: [...document.querySelectorAll('#events tbody tr.event-row .quad')].map((q) => q.classList[1]),
    };
  });
}
