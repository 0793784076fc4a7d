// The drawer's views: an alert with its evidence, one event (highlighted sentence, coding,
// attribution, article, claims), and full-text search results.
import { h, fmt, signed, extLink } from './dom.js';
import { actorLabel, actorName, quadInfo, ROLE_NAMES } from './labels.js';
import { eventCards, quadChip, syntheticBadge, dyadName, placeName } from './lists.js';

/** A button that filters the dashboard to a dyad (and keeps the drawer open). */
function dyadButton(source, target, filterDyad) {
  if (!filterDyad || !source || !target) return null;
  return h('button', {
    type: 'button',
    class: 'secondary small-button',
    onclick: () => filterDyad(source, target),
    text: `Show ${actorName(source) || source} → ${actorName(target) || target} on the dashboard`,
  });
}

/** An alert: what was observed, against which baseline, and the evidence events. */
export function alertView({ alert: a, events }, openEvent, filterDyad) {
  const [source, target] = String(a.dyad || '').split('>');
  return h(
    'article',
    { class: 'view alert-view', dataset: { view: 'alert' } },
    h('p', { class: 'kicker', text: 'Escalation alert' }),
    h('h2', {}, dyadName(a.dyad), ' ', quadChip(a.quad)),
    h('p', { class: 'lead', text: a.summary || '' }),
    h(
      'dl',
      { class: 'facts' },
      fact('Dyad', `${actorLabel(source)} → ${actorLabel(target)}`),
      fact('Window', a.window),
      fact('Observed', `${fmt(a.observed)} ${quadInfo(a.quad).name.toLowerCase()} events`),
      fact('Expected', a.expected === null || a.expected === undefined ? '–' : a.expected.toFixed(1)),
      fact('Ratio', a.ratio === null || a.ratio === undefined ? '–' : `×${a.ratio.toFixed(1)}`),
      fact('Severity', a.severity === null || a.severity === undefined ? '–' : a.severity.toFixed(1)),
      fact('Mean Goldstein', `${signed(a.goldstein_window)} in the window, ${signed(a.goldstein_baseline)} before`),
    ),
    dyadButton(source, target, filterDyad),
    h('h3', {
      text:
        `Evidence: ${fmt(events.length)} event${events.length === 1 ? '' : 's'}` +
        (a.observed > events.length ? ` (the server lists ${fmt(events.length)} of the ${fmt(a.observed)} observed)` : ''),
    }),
    events.length ? eventCards(events, openEvent) : h('p', { class: 'muted', text: 'No evidence events stored.' }),
  );
}

/** One event, fully explained. */
export function eventView(d, filterDyad) {
  const e = d.event;
  const a = d.article || {};
  const synthetic = e.synthetic || a.synthetic;
  return h(
    'article',
    { class: 'view event-view', dataset: { view: 'event', id: String(e.event_id) } },
    h('p', { class: 'kicker' }, `Event ${e.event_id} · ${e.event_date}`, syntheticBadge(synthetic)),
    h('h2', {}, `${actorName(e.source) || e.source} → ${actorName(e.target) || e.target}`),
    h(
      'p',
      { class: 'what' },
      h('b', { text: e.code }),
      ` ${e.code_name || ''} `,
      quadChip(e.quad),
      h('span', { class: 'muted', text: ` Goldstein ${signed(e.goldstein)}` }),
    ),
    sentence(d.segments, e.sentence_text),
    legend(d.segments),
    h(
      'dl',
      { class: 'facts' },
      fact('Source', actorLabel(e.source)),
      fact('Target', actorLabel(e.target)),
      fact('Where', e.location ? place(e.location) : null),
      fact('When', when(d, e)),
      fact('Mentions', `${fmt(e.num_mentions)}${e.sources ? ` in ${fmt(e.sources)} source${e.sources === 1 ? '' : 's'}` : ''}`),
    ),
    dyadButton(e.source, e.target, filterDyad),
    section('According to', attribution(d.attribution)),
    section('Why it was coded this way', coding(d.coding)),
    section('Article', article(a, e)),
    section(`Claims in the article (${(d.claims || []).length})`, claims(d.claims || [])),
    (d.mentions || []).length > 1 ? section(`Reported in ${d.mentions.length} articles`, mentions(d.mentions)) : null,
  );
}

/** The sentence split into highlighted segments (source, verb, target, speaker). */
function sentence(segments, text) {
  const segs = segments && segments.length ? segments : [{ text: text || '', role: null }];
  return h(
    'blockquote',
    { class: 'sentence', dataset: { role: 'sentence' } },
    segs.map((s) =>
      s.role
        ? h('mark', { class: `seg seg-${s.role}`, dataset: { role: s.role }, title: ROLE_NAMES[s.role] || s.role, text: s.text })
        : s.text,
    ),
  );
}

function legend(segments) {
  // Source, verb and target always; speaker and time when the sentence has them.
  const present = new Set((segments || []).map((s) => s.role));
  const roles = ['source', 'verb', 'target', 'speaker', 'time'].filter(
    (r) => ['source', 'verb', 'target'].includes(r) || present.has(r),
  );
  return h(
    'p',
    { class: 'legend' },
    roles.map((r) => h('span', { class: `seg seg-${r} legend-item`, text: ROLE_NAMES[r] })),
  );
}

function attribution(at) {
  if (!at) return h('p', { class: 'muted', text: 'No attribution: the sentence states it directly.' });
  const who = at.anonymous ? `${at.speaker || 'an unnamed source'} (anonymous)` : at.speaker || '—';
  return h(
    'dl',
    { class: 'facts' },
    fact('Speaker', who),
    fact('Speaker code', at.code ? actorLabel(at.code) : null),
    fact('Quote', at.direct_quote ? 'direct quote' : 'reported speech'),
    fact('Cue', at.cue ? `“${at.cue}”` : null),
    fact('Rule', at.rule ? h('code', { text: at.rule }) : null),
  );
}

/** The dictionary entries, pattern and rules that produced the event. */
function coding(c) {
  if (!c) return h('p', { class: 'muted', text: 'No coding trace stored for this event.' });
  const actor = (label, x) =>
    x
      ? h(
          'div',
          { class: 'coding-actor' },
          h('h4', {}, label, ': ', h('code', { text: x.code || '—' }), x.text ? ` from “${x.text}”` : ''),
          list('Dictionary entries', x.entries),
          x.rule ? h('p', {}, 'Rule: ', h('code', { text: String(x.rule) })) : null,
        )
      : null;
  return h(
    'div',
    { class: 'coding' },
    h(
      'dl',
      { class: 'facts' },
      fact('Verb', c.verb_text ? `“${c.verb_text}”` : null),
      fact('Verb entry', c.verb_entry ? h('code', { text: c.verb_entry }) : null),
      fact('Pattern', c.pattern ? h('code', { text: c.pattern }) : null),
    ),
    actor('Source', c.source),
    actor('Target', c.target),
    actor('Reported by', c.reported_by),
    list('Rules applied', c.rules),
  );
}

function article(a, e) {
  return h(
    'div',
    { class: 'article' },
    h('p', { class: 'article-title' }, extLink(a.url, a.title || a.id || e.record_id), ' ', syntheticBadge(a.synthetic)),
    h('p', { class: 'muted', text: [a.outlet, a.date].filter(Boolean).join(' · ') || e.record_id }),
    h('p', { class: 'muted small', text: `record ${a.id || e.record_id}, sentence ${e.sentence}` }),
  );
}

/**
 * Claims rendered generically (fields as `vigil claims --format jsonl` prints them): the
 * words, the value or range with its qualifier and unit, who claims it, what it is about.
 */
function claims(list) {
  if (!list.length) return h('p', { class: 'muted', text: 'No numeric claims found in this article.' });
  return h(
    'table',
    { class: 'claims' },
    h('thead', {}, h('tr', {}, ['Claim', 'Value', 'Claimant', 'About', 'Sent.'].map((t) => h('th', { text: t })))),
    h(
      'tbody',
      {},
      list.map((c) =>
        h(
          'tr',
          { title: c.sentence_text || '' },
          h('td', { text: c.text || '' }),
          h('td', { class: 'nowrap', text: claimValue(c) }),
          h('td', { text: claimant(c) }),
          h('td', { text: about(c) }),
          h('td', { class: 'num', text: c.sentence ?? '' }),
        ),
      ),
    ),
  );
}

const QUALIFIERS = { exact: '', approx: '≈', approximately: '≈', about: '≈', at_least: '≥', 'at least': '≥', min: '≥', at_most: '≤', 'at most': '≤', max: '≤' };
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });
const num = (v) => (typeof v !== 'number' ? v : Math.abs(v) >= 1e6 ? compact.format(v) : fmt(v));

function claimValue(c) {
  const q = c.qualifier in QUALIFIERS ? QUALIFIERS[c.qualifier] : c.qualifier || '';
  const v =
    c.low !== null && c.low !== undefined && c.high !== null && c.high !== undefined
      ? `${num(c.low)}–${num(c.high)}`
      : c.value === null || c.value === undefined
        ? ''
        : typeof c.value === 'object'
          ? JSON.stringify(c.value)
          : num(c.value);
  return [q, v, c.unit].filter(Boolean).join(' ');
}

function claimant(c) {
  const who = c.claimant;
  if (!who) return '';
  if (typeof who === 'object') return [who.text, who.code ? `(${who.code})` : ''].filter(Boolean).join(' ');
  const code = c.claimant_code ? ` (${c.claimant_code})` : '';
  return `${who}${code}${c.anonymous ? ', anonymous' : ''}`;
}

function about(c) {
  const name = c.subject_code ? actorName(c.subject_code) || c.subject_code : '';
  return [c.subject, name && name !== c.subject ? `(${name})` : ''].filter(Boolean).join(' ');
}

function mentions(ms) {
  return h(
    'ul',
    { class: 'mentions' },
    ms.map((m) =>
      h('li', {}, h('span', { class: 'muted', text: `${m.date || ''} ${m.outlet || ''} ` }), extLink(m.url, m.title || m.record_id)),
    ),
  );
}

/** Full-text search results; `more()` loads the next page when there is one. */
export function searchView(q, data, more) {
  const results = data.results || [];
  return h(
    'article',
    { class: 'view search-view', dataset: { view: 'search' } },
    h('p', { class: 'kicker', text: 'Search' }),
    h('h2', {}, `Articles matching “${q}”`),
    results.length
      ? h('ol', { class: 'results' }, results.map(searchResult))
      : h('p', { class: 'muted', text: 'No article matches.' }),
    data.next_offset !== null && data.next_offset !== undefined
      ? h('button', { type: 'button', class: 'secondary more', onclick: more, text: 'More results' })
      : null,
  );
}

export function searchResult(r) {
  return h(
    'li',
    { class: 'result' },
    h('p', { class: 'article-title' }, extLink(r.url, r.title || r.id), ' ', syntheticBadge(r.synthetic)),
    h('p', { class: 'muted small', text: [r.date, r.outlet, `${fmt(r.events)} event${r.events === 1 ? '' : 's'}`].filter(Boolean).join(' · ') }),
    h(
      'p',
      { class: 'snippet' },
      (r.snippet || []).map((s) => (s.hit ? h('mark', { text: s.text }) : s.text)),
    ),
  );
}

// --- helpers ---------------------------------------------------------------------------------

function fact(label, value) {
  if (value === null || value === undefined || value === '') return null;
  return [h('dt', { text: label }), h('dd', {}, value)];
}

function section(title, body) {
  return h('section', { class: 'sub' }, h('h3', { text: title }), body);
}

function list(title, items) {
  if (!items || !items.length) return null;
  return h(
    'div',
    { class: 'list' },
    h('p', { class: 'muted small', text: title }),
    h('ul', {}, items.map((x) => h('li', {}, h('code', { text: typeof x === 'string' ? x : JSON.stringify(x) })))),
  );
}

/** The event's date, the words it was read from, and how precise it is. */
function when(d, e) {
  const t = d.time;
  const words = t && t.text ? ` (from “${t.text}”)` : '';
  const PRECISION = { month: ', known to the month', year: ', known to the year', range: ', a date range' };
  const precision = PRECISION[d.date_precision] || '';
  return `${(t && t.resolved) || e.event_date}${words}${precision}`;
}

function place(loc) {
  return `${placeName(loc)} (${loc.lat?.toFixed(2)}, ${loc.lon?.toFixed(2)})`;
}
