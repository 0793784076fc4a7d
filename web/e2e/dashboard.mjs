// End-to-end test of the dashboard in headless Chromium (playwright-core + the system browser).
//
//   VIGIL_URL=http://127.0.0.1:PORT SCREENSHOTS=/tmp/shots node e2e/dashboard.mjs
//
// VIGIL_URL   a running `vigil serve` (without it, e2e/mock-server.mjs is started: fixture data)
// SCREENSHOTS where dashboard.png, alert.png, event.png and article.png go (default: a new
//             temporary folder)
// CHROMIUM    the browser binary (default /usr/bin/chromium; Debian: apt-get install chromium)
// VIGIL_E2E_ALLOW_NO_ALERTS=1   pass when the database has no alerts (the alert step is skipped
//             and the event is opened from the events table)
//
// It loads the dashboard, waits for every panel, opens the first alert and its first evidence
// event, checks the highlighted sentence, sets a filter and checks that the URL carries it and
// restores the same view, and that back/forward works. Then it searches for a word taken from
// an event's sentence, opens a result's article (text, events, claims), opens an event from
// it, returns to the article from the event's header, and walks back/forward through those
// views. Any console error, page error, failed
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

  // 6. Search for a word of an event's sentence (so the database has it), open an article.
  const shownSentence = await page.locator('#events tbody tr.event-row .sentence-cell > span:last-child').first().innerText();
  const events0 = (await (await page.request.get(`${base}/api/events?limit=5`)).json()).events || [];
  const candidates = [...new Set([shownSentence, ...events0.map((e) => e.sentence_text || '')].join(' ').match(/\p{L}{4,}/gu) || [])];
  let word = null;
  for (const w of candidates.slice(0, 12)) {
    const r = await (await page.request.get(`${base}/api/search?q=${encodeURIComponent(w)}&limit=20`)).json();
    if ((r.results || []).some((x) => x.events > 0)) {
      word = w;
      break;
    }
  }
  ok(!!word, `a word from an event's sentence finds articles with events (${JSON.stringify(word)} of ${candidates.slice(0, 12).join(', ')})`);
  await page.fill('#search-input', word);
  await page.press('#search-input', 'Enter');
  await waitView(page, 'search', (p, w) => p.q === w, word);
  ok(params(page).q === word, `search query kept in the URL (q=${word})`);
  const results = page.locator('#drawer li.result');
  ok((await results.count()) > 0, `search lists ${await results.count()} articles`);
  // The first result that reports events (usually the first).
  const nth = await page.$$eval('#drawer li.result', (lis) => lis.findIndex((li) => Number(li.dataset.events) > 0));
  ok(nth >= 0, `a result reports events (result ${nth + 1})`);
  const articleId = await results.nth(nth).getAttribute('data-id');
  await results.nth(nth).locator('.result-open').click();
  await waitView(page, 'article', (p, id) => p.article === id, articleId);
  ok(params(page).article === articleId && params(page).q === word, `URL names the opened article and keeps the search (article=${articleId})`);
  const art = await (await page.request.get(`${base}/api/articles/${encodeURIComponent(articleId)}`)).json();
  ok(
    norm(await page.locator('#drawer .article-view h2').innerText()) === norm(art.article.title || art.article.id),
    `article title shown: ${JSON.stringify(art.article.title || art.article.id)}`,
  );
  ok(
    (await page.locator('#drawer .article-view .kicker .badge.synthetic').count()) === (art.article.synthetic ? 1 : 0),
    `synthetic badge ${art.article.synthetic ? 'shown' : 'absent'} (synthetic = ${art.article.synthetic})`,
  );
  const shownText = await page.$eval('#drawer [data-role="article-text"]', (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.refs').forEach((r) => r.remove());
    return [...copy.querySelectorAll('p')].map((p) => p.textContent).join('\n\n');
  });
  ok(norm(shownText) === norm(art.article.text) && shownText.length > 0, `article text shown in full (${art.article.text.length} characters)`);
  const cards = await page.locator('#drawer .event-card').count();
  ok(cards === art.events.length && cards > 0, `article lists its ${cards} events`);
  const refs = await page.locator('#drawer .article-text a.ref').count();
  const marked = await page.locator('#drawer .article-text mark.ev-sentence').count();
  ok(refs === art.events.length, `every event is marked in the text (${marked} sentences, ${refs} event links)`);
  const claimRows = await page.locator('#drawer .article-view table.claims tbody tr').count();
  ok(claimRows === art.claims.length, `article lists its ${art.claims.length} claims`);
  ok(await page.locator('#drawer-back').isVisible(), 'Back button shown (the search is underneath)');
  noProblems('article');
  await page.screenshot({ path: join(shots, 'article.png') });

  // 7. An event from the article; its header leads back to the article.
  const firstEvent = String(art.events[0].event_id);
  await page.locator('#drawer .event-card .event-open').first().click();
  await waitView(page, 'event', (p, id) => p.event === id, firstEvent);
  ok(params(page).event === firstEvent && params(page).article === articleId, `event opened from the article (event=${firstEvent})`);
  const evFromArticle = await (await page.request.get(`${base}/api/events/${encodeURIComponent(firstEvent)}`)).json();
  ok(evFromArticle.event.record_id === articleId, 'the event is one of the article\'s');
  await page.locator('#drawer .event-view .article .article-open').first().click();
  await waitView(page, 'article', (p, id) => p.article === id && !p.event, articleId);
  ok(params(page).article === articleId && !params(page).event, 'the event\'s article header opens the article view');
  // An event link inside the text opens that event.
  const lastRef = page.locator('#drawer .article-text a.ref').last();
  const refId = await lastRef.getAttribute('data-id');
  await lastRef.click();
  await waitView(page, 'event', (p, id) => p.event === id, refId);
  ok(params(page).event === refId, `a numbered link in the text opens its event (event=${refId})`);
  noProblems('article → event');

  // 8. Back and forward through search → article → event → article → event.
  await page.goBack();
  await waitView(page, 'article', (p) => !p.event && !!p.article);
  ok(true, 'back: the article again');
  await page.goBack();
  await waitView(page, 'event', (p, id) => p.event === id, firstEvent);
  ok(true, 'back: the first event again');
  await page.goBack();
  await waitView(page, 'article', (p) => !p.event && !!p.article);
  ok(true, 'back: the article as opened from the search');
  await page.locator('#drawer-back').click();
  await waitView(page, 'search', (p, w) => p.q === w && !p.article, word);
  ok(params(page).q === word && !params(page).article, 'the drawer\'s Back button returns to the search results');
  await page.goForward();
  await waitView(page, 'article', (p, id) => p.article === id, articleId);
  ok(true, 'forward: the article again');
  // The article's URL in a new tab shows the same article.
  const page3 = await newPage(context);
  await page3.goto(page.url(), { waitUntil: 'domcontentloaded' });
  await page3.waitForSelector('#drawer[data-state="ready"][data-view="article"]');
  ok(
    (await page3.locator('#drawer .article-view').getAttribute('data-id')) === articleId &&
      (await page3.locator('#drawer .event-card').count()) === art.events.length,
    'the article\'s URL in a new tab shows the article',
  );
  await page3.close();
  noProblems('article history');
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
console.log(`screenshots: ${shots}/dashboard.png, alert.png, event.png, article.png`);
console.log(`${passed} passed, ${failed + (exitCode && !failed ? 1 : 0)} failed`);
process.exit(exitCode || (failed ? 1 : 0));

// --- helpers ---------------------------------------------------------------------------------------
function norm(s) {
  return String(s).replace(/\s+/g, ' ').trim();
}

/**
 * Waits until the URL's parameters satisfy `check(params, arg)` (back/forward have run),
 * then until the drawer shows `view`, loaded.
 */
async function waitView(page, view, check, arg) {
  const until = Date.now() + TIMEOUT;
  while (!check(params(page), arg)) {
    if (Date.now() > until) throw new Error(`timed out waiting for the URL of the ${view} view (at ${page.url()})`);
    await page.waitForTimeout(20);
  }
  await page.waitForSelector(`#drawer[data-state="ready"][data-view="${view}"]`);
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
