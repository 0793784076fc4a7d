// Vigil dashboard: wires the panels to the API and keeps the view in the URL.
//
// Panels (timeline, map, network, events) follow the filters; the alert list and summary are
// loaded once. The drawer on the right shows an alert's evidence, one event, one article, or
// search results; which one is open is part of the URL too, so back/forward and shared links
// work.
//
// When every panel has been drawn and painted for the first time the page sets
// <html data-ready="1"> and the performance mark "vigil-first-render" (read by the e2e test).
import './app.css';
import { api } from './api.js';
import * as url from './state.js';
import { $, h, fill, fmt, debounce } from './dom.js';
import { actorLabel, actorName } from './labels.js';
import * as timeline from './timeline.js';
import * as worldMap from './map.js';
import * as network from './network.js';
import { renderAlerts, eventRows, syntheticBadge } from './lists.js';
import { alertView, eventView, articleView, searchView, searchResult } from './detail.js';

let state = url.read();
let alerts = [];
const PAGE = 50;

// --- panels ----------------------------------------------------------------------------------

/** Marks a panel loading / ready / error (data-state, read by CSS and the e2e test). */
function panelState(id, s) {
  const el = document.getElementById(id);
  if (el) el.dataset.state = s;
}

// Each panel has a generation counter, so an answer to an older filter is dropped.
const gen = { series: 0, map: 0, network: 0, events: 0 };

/**
 * Loads one panel's data and draws it; resolves when drawn (or failed). The request is sent
 * at once (synchronously), the drawing waits for the answer.
 */
function load(name, panelId, fetcher, draw) {
  const g = ++gen[name];
  panelState(panelId, 'loading');
  let request;
  try {
    request = fetcher();
  } catch (err) {
    request = Promise.reject(err);
  }
  return settle(g, name, panelId, request, draw);
}

async function settle(g, name, panelId, request, draw) {
  try {
    const data = await request;
    if (g !== gen[name]) return;
    const t0 = performance.now();
    draw(data);
    // Drawing time of each panel, visible in the browser's performance tools.
    performance.measure(`vigil-draw-${name}`, { start: t0, end: performance.now() });
    panelState(panelId, 'ready');
  } catch (err) {
    if (g !== gen[name]) return;
    panelState(panelId, 'error');
    showError(err);
  }
}

let eventsOffset = 0;
let seriesTotal = null;

/**
 * The first view's requests, already sent by the boot script in index.html (see boot.js);
 * each is used once, and only while the page is still at the URL they were made for.
 */
const early = window.__vigilBoot && window.__vigilBoot.href === location.href ? window.__vigilBoot.requests : {};
function first(name, fetcher) {
  const p = early[name];
  delete early[name];
  return p || fetcher();
}

/** Reloads every filter-dependent panel. */
function refreshPanels() {
  const s = state;
  $('#timeline-scope').textContent = timeline.scope(s);
  document.title = `Vigil — ${timeline.scope(s)}`;
  return Promise.all([
    load('series', 'timeline-panel', () => first('series', () => api.series(s)), (d) => {
      timeline.render(d, $('#top-codes'));
      seriesTotal = (d.points || []).reduce((n, p) => n + (p.events || 0), 0);
      updateEventsCount();
    }),
    load('map', 'map-panel', () => first('map', () => api.map(s)), worldMap.render),
    load('network', 'network-panel', () => first('network', () => api.network(s)), (d) => network.render(d, s.actor)),
    load('events', 'events-panel', () => first('events', () => api.events(s, 0, PAGE)), (d) => {
      eventsOffset = d.next_offset ?? null;
      fill($('#events tbody'), eventRows(d.events || [], openEvent));
      if (!(d.events || []).length) {
        fill($('#events tbody'), h('tr', {}, h('td', { colspan: 7, class: 'empty', text: 'No events match these filters.' })));
      }
      $('#events-more').hidden = eventsOffset === null;
      updateEventsCount();
    }),
  ]);
}

function updateEventsCount() {
  const shown = document.querySelectorAll('#events tbody tr.event-row').length;
  $('#events-count').textContent =
    seriesTotal === null ? `${fmt(shown)} shown` : `${fmt(seriesTotal)} match · ${fmt(shown)} shown · click one to see why it was coded`;
}

async function moreEvents() {
  if (eventsOffset === null) return;
  const g = gen.events;
  const btn = $('#events-more');
  btn.disabled = true;
  try {
    const d = await api.events(state, eventsOffset, PAGE);
    if (g !== gen.events) return;
    $('#events tbody').append(...eventRows(d.events || [], openEvent));
    eventsOffset = d.next_offset ?? null;
    btn.hidden = eventsOffset === null;
    updateEventsCount();
  } catch (err) {
    showError(err);
  } finally {
    btn.disabled = false;
  }
}

// --- summary and alerts (loaded once) ----------------------------------------------------

function renderSummary(s) {
  const c = s.counts || {};
  const range = s.first_date ? `${s.first_date} – ${s.last_date}` : 'no dates yet';
  fill(
    $('#summary'),
    [
      ['events', c.events],
      ['articles', c.articles],
      ['sentences', c.sentences],
      ['mentions', c.mentions],
      ['claims', c.claims],
      ['alerts', c.alerts],
    ].map(([k, v]) => h('span', { class: 'stat' }, h('b', { text: fmt(v) }), ` ${k}`)),
    h('span', { class: 'stat range', text: range }),
  );
  const banner = $('#synthetic-banner');
  if (s.synthetic_articles > 0) {
    banner.hidden = false;
    fill(
      banner,
      h('b', { text: 'Synthetic data' }),
      ` — ${fmt(s.synthetic_articles)} of ${fmt(c.articles)} articles were generated by vigil synth, not reported news.`,
    );
    document.body.classList.add('has-synthetic');
  }
  // Quick links to the most active dyads.
  const dyads = s.top_dyads || [];
  fill(
    $('#top-dyads'),
    dyads.length ? h('span', { class: 'muted', text: 'Most active: ' }) : null,
    dyads.slice(0, 8).map((d) =>
      h(
        'button',
        {
          type: 'button',
          class: 'chip dyad-chip',
          title: `${actorLabel(d.source)} → ${actorLabel(d.target)}: ${fmt(d.events)} events, ${fmt(d.conflict)} conflict`,
          onclick: () => setFilters({ source: d.source, target: d.target, actor: '' }),
        },
        `${actorName(d.source)} → ${actorName(d.target)} `,
        h('span', { class: 'muted', text: fmt(d.events) }),
      ),
    ),
  );
}

function drawAlerts() {
  renderAlerts($('#alerts'), alerts, openAlert, state.alert);
}

// --- drawer -----------------------------------------------------------------------------------

let drawerGen = 0;
let searchData = null;

/** What the drawer's views link to (see detail.js). */
const nav = {
  openEvent: (id) => openEvent(id),
  openArticle: (id) => openArticle(id),
  filterDyad: (source, target) => filterDyad(source, target),
  eventHref: (id) => url.href(url.merge(state, { event: id })),
  articleHref: (id) => url.href(url.merge(state, { article: id, event: '' })),
};

/**
 * Shows what the URL asks for in the drawer: an event, else an article, else an alert, else
 * search results. `scroll`: where to scroll it to (coming back to a view), else the top.
 */
async function renderDrawer({ scroll = 0 } = {}) {
  const g = ++drawerGen;
  const drawer = $('#drawer');
  const body = $('#drawer-body');
  const want = state.event ? 'event' : state.article ? 'article' : state.alert ? 'alert' : state.q ? 'search' : null;
  document.querySelectorAll('#alerts li.alert').forEach((li) => li.classList.toggle('selected', li.dataset.id === state.alert));
  if (!want) {
    drawer.hidden = true;
    drawer.dataset.state = 'closed';
    document.body.classList.remove('drawer-open');
    return;
  }
  drawer.hidden = false;
  drawer.dataset.state = 'loading';
  document.body.classList.add('drawer-open');
  // "Back" returns to the view this one was opened from (the alert, the search, the article).
  $('#drawer-back').hidden = !(history.state?.depth > 0);
  fill(body, h('p', { class: 'muted', text: 'Loading…' }));
  try {
    let view;
    if (want === 'event') view = eventView(await api.event(state.event), nav);
    else if (want === 'article') view = articleView(await api.article(state.article), nav);
    else if (want === 'alert') view = alertView(await api.alert(state.alert), nav);
    else {
      searchData = await api.search(state.q);
      view = searchView(state.q, searchData, moreResults, nav);
    }
    if (g !== drawerGen) return;
    fill(body, view);
    body.scrollTop = scroll;
    drawer.dataset.state = 'ready';
    drawer.dataset.view = want;
  } catch (err) {
    if (g !== drawerGen) return;
    drawer.dataset.state = 'error';
    fill(body, h('p', { class: 'error-text', text: `Could not load: ${err.message}` }));
    showError(err);
  }
}

async function moreResults() {
  if (!searchData || searchData.next_offset === null) return;
  const q = state.q;
  const d = await api.search(q, searchData.next_offset).catch(showError);
  if (!d || q !== state.q) return;
  searchData = { ...d, results: [...searchData.results, ...(d.results || [])] };
  $('#drawer-body .results').append(...(d.results || []).map((r) => searchResult(r, nav)));
  if (d.next_offset === null || d.next_offset === undefined) $('#drawer-body .search-view .more')?.remove();
}

function openEvent(id) {
  navigate({ event: id });
}
/** An article; what it was opened from (search, alert, event) stays underneath for "back". */
function openArticle(id) {
  navigate({ article: id, event: '' });
}
function openAlert(id) {
  navigate({ alert: id, event: '', article: '', q: '' });
}
/** Filters the panels to a dyad, keeping what the drawer shows. */
function filterDyad(source, target) {
  navigate({ source, target, actor: '' });
}
function closeDrawer() {
  navigate({ alert: '', event: '', article: '', q: '' });
}

// --- navigation -------------------------------------------------------------------------------

const drawerKey = (s) => url.DRAWER_KEYS.map((k) => s[k] || '').join('\n');

/**
 * Applies a change of state: pushes it to the URL, then redraws what changed. Each history
 * entry records how many drawer views lie under it (`depth`, for the drawer's Back button);
 * the entry left behind records where the drawer was scrolled, to return there.
 */
function navigate(patch) {
  const before = state;
  const next = url.merge(state, patch);
  const depth = history.state?.depth || 0;
  let data = { depth: 0 };
  if (url.drawerOpen(before) && url.drawerOpen(next)) {
    data = { depth: drawerKey(before) === drawerKey(next) ? depth : depth + 1 };
    history.replaceState({ ...history.state, scroll: $('#drawer-body').scrollTop }, '');
  }
  state = url.go(state, patch, { data });
  apply(before);
}

/** Sets filters (and closes the drawer's event, which may not match them any more). */
function setFilters(patch) {
  navigate({ ...patch, event: '' });
}

/** Redraws what differs between `before` and the current state. */
function apply(before, drawerOptions) {
  syncForm();
  const panels = !url.samePanels(before, state) ? refreshPanels() : Promise.resolve();
  if (drawerKey(before) !== drawerKey(state)) renderDrawer(drawerOptions);
  return panels;
}

// Back/forward: read the state from the URL again (and the drawer's scroll position).
window.addEventListener('popstate', () => {
  const before = state;
  state = url.read();
  apply(before, { scroll: history.state?.scroll || 0 });
});

// --- filter form ------------------------------------------------------------------------------

const form = $('#filters');

/** Puts the state into the form's fields. */
function syncForm() {
  for (const el of form.elements) {
    if (!el.name) continue;
    el.value = state[el.name] || (el.name === 'interval' ? 'week' : '');
  }
  $('#search-input').value = state.q || '';
}

function formPatch() {
  const patch = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    let v = el.value.trim();
    if (['actor', 'source', 'target'].includes(el.name)) v = v.toUpperCase();
    // Codes are letters and digits only (what the API accepts).
    if (['actor', 'source', 'target', 'code'].includes(el.name)) v = v.replace(/[^A-Za-z0-9]/g, '').slice(0, 32);
    patch[el.name] = v;
  }
  return patch;
}

form.addEventListener('change', () => setFilters(formPatch()));
form.addEventListener('submit', (e) => {
  e.preventDefault();
  setFilters(formPatch());
});
$('#clear-filters').addEventListener('click', () =>
  setFilters({ actor: '', source: '', target: '', code: '', quad: '', since: '', until: '' }),
);

// Actor autocompletion from /api/actors.
const datalist = $('#actor-list');
const suggest = debounce(async (q) => {
  try {
    const d = await api.actors(q);
    fill(datalist, (d.actors || []).map((a) => h('option', { value: a.code, label: `${actorName(a.code)} · ${fmt(a.events)} events` })));
  } catch (err) {
    showError(err);
  }
}, 150);
for (const name of ['actor', 'source', 'target']) {
  form.elements[name].addEventListener('input', (e) => {
    const q = e.target.value.trim().toUpperCase();
    if (q) suggest(q);
  });
}

$('#search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = $('#search-input').value.trim();
  navigate({ q, alert: '', event: '', article: '' });
});

$('#events-more').addEventListener('click', moreEvents);
$('#drawer-close').addEventListener('click', closeDrawer);
$('#drawer-back').addEventListener('click', () => history.back());
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !$('#drawer').hidden) closeDrawer();
});

// --- errors -----------------------------------------------------------------------------------

function showError(err) {
  const box = $('#error');
  box.hidden = false;
  fill(box, h('b', { text: 'Error: ' }), err?.message || String(err), ' ', h('button', { type: 'button', class: 'secondary', onclick: () => (box.hidden = true), text: 'Dismiss' }));
}

// --- start ------------------------------------------------------------------------------------

async function boot() {
  syncForm();
  // Send every request first (or take over the boot script's), then set up the charts while
  // the server answers.
  const panels = refreshPanels();
  // Normalise the URL (e.g. drop a bad quad) without a new history entry.
  state = url.go(state, {}, { replace: true });
  const summary = first('summary', api.summary)
    .then(renderSummary)
    .catch(showError);
  const alertList = first('alerts', api.alerts)
    .then((d) => {
      alerts = d.alerts || [];
      drawAlerts();
      panelState('alerts-panel', 'ready');
    })
    .catch((err) => {
      panelState('alerts-panel', 'error');
      showError(err);
    });
  timeline.init($('#timeline'), (since, until) => setFilters({ since, until }));
  worldMap.init($('#map'), (code) => setFilters({ actor: code, source: '', target: '' }));
  network.init(
    $('#network'),
    (code) => setFilters({ actor: code, source: '', target: '' }),
    (source, target) => setFilters({ source, target, actor: '' }),
  );
  renderDrawer();
  await Promise.all([summary, alertList, panels]);
  // ECharts paints its canvases in the next animation frame: count that frame in.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  performance.mark('vigil-first-render');
  document.documentElement.dataset.ready = '1';
}

boot();
