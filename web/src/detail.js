// The drawer's views: an alert with its evidence, one event (highlighted sentence, coding,
// attribution, article, claims), one article (its text with the coded sentences marked, its
// events and claims), and full-text search results.
//
// Views get `nav`, the links back into the dashboard: openEvent(id), openArticle(id),
// filterDyad(source, target), and eventHref(id) / articleHref(id) for the links' href (so a
// link can also be opened in a new tab).
import { h, fmt, signed } from './dom.js';
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

/**
 * A link inside the dashboard: a real href (new tab, copy link), but a plain click calls
 * `open()` instead of loading the page.
 */
function appLink(href, text, open, attrs = {}) {
  return h(
    'a',
    {
      ...attrs,
      href,
      onclick: (ev) => {
        if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
        ev.preventDefault();
        open();
      },
    },
    text,
  );
}

/** A link to an article's view in the drawer. */
function articleLink(nav, id, text, attrs = {}) {
  if (!nav || !id) return h('span', { text });
  return appLink(nav.articleHref(id), text, () => nav.openArticle(id), attrs);
}

/** An alert: what was observed, against which baseline, and the evidence events. */
export function alertView({ alert: a, events }, { openEvent, filterDyad }) {
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
export function eventView(d, nav) {
  const filterDyad = nav.filterDyad;
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
    section('Article', article(a, e, nav)),
    section(`Claims in the article (${(d.claims || []).length})`, claims(d.claims || [])),
    (d.mentions || []).length > 1 ? section(`Reported in ${d.mentions.length} articles`, mentions(d.mentions, nav)) : null,
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

/** The event's article: its title opens the article view; the original is linked too. */
function article(a, e, nav) {
  const id = a.id || e.record_id;
  return h(
    'div',
    { class: 'article' },
    h('p', { class: 'article-title' }, articleLink(nav, id, a.title || id, { class: 'article-open' }), ' ', syntheticBadge(a.synthetic)),
    h('p', { class: 'muted' }, [a.outlet, a.date].filter(Boolean).join(' · '), a.url ? [a.outlet || a.date ? ' · ' : '', original(a.url)] : null),
    h('p', { class: 'muted small' }, `record ${id}, sentence ${e.sentence} · `, articleLink(nav, id, 'read the whole article, its events and claims →', { class: 'article-open' })),
  );
}

/** "original ↗": the article where it was published (null without a URL). */
function original(url, text = 'original ↗') {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'external', title: url, text });
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

function mentions(ms, nav) {
  return h(
    'ul',
    { class: 'mentions' },
    ms.map((m) =>
      h(
        'li',
        {},
        h('span', { class: 'muted', text: `${m.date || ''} ${m.outlet || ''} ` }),
        articleLink(nav, m.record_id, m.title || m.record_id),
        m.url ? [' ', original(m.url, '↗')] : null,
      ),
    ),
  );
}

/** Full-text search results; `more()` loads the next page when there is one. */
export function searchView(q, data, more, nav) {
  const results = data.results || [];
  return h(
    'article',
    { class: 'view search-view', dataset: { view: 'search' } },
    h('p', { class: 'kicker', text: 'Search' }),
    h('h2', {}, `Articles matching “${q}”`),
    results.length
      ? h('ol', { class: 'results' }, results.map((r) => searchResult(r, nav)))
      : h('p', { class: 'muted', text: 'No article matches.' }),
    data.next_offset !== null && data.next_offset !== undefined
      ? h('button', { type: 'button', class: 'secondary more', onclick: more, text: 'More results' })
      : null,
  );
}

/** One search result: the title opens the article view. */
export function searchResult(r, nav) {
  return h(
    'li',
    { class: 'result', dataset: { id: r.id, events: String(r.events ?? 0) } },
    h('p', { class: 'article-title' }, articleLink(nav, r.id, r.title || r.id, { class: 'result-open' }), ' ', syntheticBadge(r.synthetic)),
    h(
      'p',
      { class: 'muted small' },
      [r.date, r.outlet, `${fmt(r.events)} event${r.events === 1 ? '' : 's'}`].filter(Boolean).join(' · '),
      r.url ? [' · ', original(r.url)] : null,
    ),
    h(
      'p',
      { class: 'snippet' },
      (r.snippet || []).map((s) => (s.hit ? h('mark', { text: s.text }) : s.text)),
    ),
  );
}

// --- the article view ------------------------------------------------------------------------

/**
 * One article: its text with the sentences that were coded into events marked (each followed
 * by numbered links to its events), its numeric claims underlined, then the events in text
 * order (numbered the same) and the claims.
 */
export function articleView(d, nav) {
  const a = d.article || {};
  const events = d.events || [];
  const cl = d.claims || [];
  const text = a.text || '';
  const counts = [
    `${fmt(events.length)} event${events.length === 1 ? '' : 's'}`,
    `${fmt(cl.length)} claim${cl.length === 1 ? '' : 's'}`,
  ].join(' · ');
  return h(
    'article',
    { class: 'view article-view', dataset: { view: 'article', id: a.id } },
    h('p', { class: 'kicker' }, 'Article', syntheticBadge(a.synthetic)),
    h('h2', { text: a.title || a.id }),
    h(
      'p',
      { class: 'byline' },
      h('span', { text: [a.outlet, a.date].filter(Boolean).join(' · ') }),
      a.url ? [a.outlet || a.date ? ' · ' : '', original(a.url, 'read the original ↗')] : null,
    ),
    h('p', { class: 'muted small' }, `record `, h('code', { text: a.id }), ` · ${counts}`),
    events.length || cl.length
      ? h(
          'p',
          { class: 'legend' },
          events.length ? h('span', { class: 'legend-item ev-sentence', text: 'coded into events (the numbers open them)' }) : null,
          cl.length ? h('span', { class: 'legend-item claim-hl', text: 'numeric claim' }) : null,
        )
      : null,
    text
      ? h('div', { class: 'article-text', dataset: { role: 'article-text' } }, articleText(text, events, cl, nav))
      : h('p', { class: 'muted', text: 'No text stored for this article.' }),
    section(
      `Events it reports (${fmt(events.length)})`,
      events.length
        ? eventCards(events, nav.openEvent, { numbered: true })
        : h('p', { class: 'muted', text: 'No events were coded from this article.' }),
    ),
    section(`Claims (${fmt(cl.length)})`, claims(cl)),
  );
}

/** The text as paragraphs, with event sentences and claims marked. */
function articleText(text, events, cl, nav) {
  // Sentences: found in text order (events come in text order); several events of one
  // sentence share its mark. A sentence not found is simply not marked.
  const sentences = [];
  const bySentence = new Map();
  let cursor = 0;
  events.forEach((e, i) => {
    const ref = { e, n: i + 1 };
    const known = bySentence.get(e.sentence);
    if (known) {
      known.refs.push(ref);
      return;
    }
    const at = find(text, e.sentence_text, cursor);
    if (!at || sentences.some((s) => at[0] < s.end && s.start < at[1])) return;
    const s = { start: at[0], end: at[1], sentence: e.sentence, refs: [ref] };
    sentences.push(s);
    bySentence.set(e.sentence, s);
    cursor = at[1];
  });
  sentences.sort((x, y) => x.start - y.start);

  // Claims: at their span when it checks out, else their words inside their sentence.
  const marks = [];
  for (const c of cl) {
    const at = claimRange(text, c, bySentence);
    if (at && !marks.some((m) => at[0] < m.end && m.start < at[1])) marks.push({ start: at[0], end: at[1], c });
  }
  marks.sort((x, y) => x.start - y.start);

  /** Text between two offsets with its claims underlined; `PARA` where a paragraph ends. */
  const plain = (from, to, paragraphs) => {
    const out = [];
    const push = (t) => {
      if (!paragraphs) return out.push(t);
      t.split(/\n[ \t]*\n\s*/).forEach((part, i) => {
        if (i) out.push(PARA);
        if (part) out.push(part);
      });
    };
    let pos = from;
    for (const m of marks) {
      if (m.start < from || m.end > to) continue;
      if (m.start > pos) push(text.slice(pos, m.start));
      out.push(h('span', { class: 'claim-hl', title: claimTitle(m.c), text: text.slice(m.start, m.end) }));
      pos = m.end;
    }
    if (pos < to) push(text.slice(pos, to));
    return out;
  };

  const inline = [];
  let pos = 0;
  for (const s of sentences) {
    inline.push(...plain(pos, s.start, true));
    inline.push(
      h(
        'mark',
        { class: 'ev-sentence', dataset: { sentence: String(s.sentence) } },
        plain(s.start, s.end, false),
      ),
      h(
        'span',
        { class: 'refs' },
        s.refs.map(({ e, n }) =>
          appLink(nav.eventHref(e.event_id), String(n), () => nav.openEvent(String(e.event_id)), {
            class: `ref q${quadInfo(e.quad).quad}`,
            title: `${n}: ${actorName(e.source) || e.source} → ${actorName(e.target) || e.target} · ${e.code} ${e.code_name || ''}`,
            'aria-label': `event ${n}`,
            dataset: { id: String(e.event_id) },
          }),
        ),
      ),
    );
    pos = s.end;
  }
  inline.push(...plain(pos, text.length, true));

  // Group into paragraphs.
  const paras = [[]];
  for (const x of inline) {
    if (x === PARA) paras.push([]);
    else paras[paras.length - 1].push(x);
  }
  return paras.filter((p) => p.length).map((p) => h('p', {}, p));
}

const PARA = Symbol('paragraph');

/** [start, end) of `needle` in `text` at or after `from` (else anywhere); whitespace may differ. */
function find(text, needle, from = 0) {
  if (!needle) return null;
  let i = text.indexOf(needle, from);
  if (i < 0) i = text.indexOf(needle);
  if (i >= 0) return [i, i + needle.length];
  const words = needle.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words[0]) return null;
  const re = new RegExp(words.join('\\s+'), 'g');
  re.lastIndex = from;
  const m = re.exec(text) || ((re.lastIndex = 0), re.exec(text));
  return m ? [m.index, m.index + m[0].length] : null;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** Where a claim's words are in the text. */
function claimRange(text, c, bySentence) {
  if (!c.text) return null;
  // `span`, when the server sends it, is in UTF-8 bytes of the text: checked before use.
  const sp = c.span;
  if (sp && Number.isInteger(sp.start) && Number.isInteger(sp.end)) {
    const bytes = utf8.encode(text);
    if (sp.end <= bytes.length) {
      const start = fromUtf8.decode(bytes.subarray(0, sp.start)).length;
      const end = start + fromUtf8.decode(bytes.subarray(sp.start, sp.end)).length;
      if (text.slice(start, end) === c.text) return [start, end];
    }
  }
  const s = bySentence.get(c.sentence);
  const within = s ? [s.start, s.end] : find(text, c.sentence_text);
  if (!within) return null;
  const i = text.slice(within[0], within[1]).indexOf(c.text);
  return i < 0 ? null : [within[0] + i, within[0] + i + c.text.length];
}

function claimTitle(c) {
  return [`${claimValue(c)}`, claimant(c) ? `claimed by ${claimant(c)}` : '', about(c) ? `about ${about(c)}` : '']
    .filter(Boolean)
    .join(' · ');
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
