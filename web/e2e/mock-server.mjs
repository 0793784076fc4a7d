// A stand-in for `vigil serve` for developing the dashboard without a database: serves the
// built assets (crates/serve/assets/) and answers /api/* from a small generated data set of
// the same shapes (deterministic: a seeded random generator). Not part of the bundle.
//
//   node e2e/mock-server.mjs [PORT]      -> http://127.0.0.1:PORT/ (default 8765)
//
// With VIGIL_API=http://127.0.0.1:8080 (a running `vigil serve`) it forwards /api/* there
// instead: the freshly built assets over real data, without rebuilding the Rust binary.
//
// Also imported by e2e/dashboard.mjs when VIGIL_URL is not set.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'crates', 'serve', 'assets');

// --- data ---------------------------------------------------------------------------------------
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const rand = rng(42);
const pick = (a) => a[Math.floor(rand() * a.length)];

const CODES = [
  ['042', 'Make a visit', 1, 1.9],
  ['036', 'Express intent to meet or negotiate', 1, 4.0],
  ['051', 'Praise or endorse', 1, 3.4],
  ['070', 'Provide aid, not specified below', 2, 7.0],
  ['061', 'Cooperate economically', 2, 6.4],
  ['112', 'Accuse, not specified below', 3, -2.0],
  ['130', 'Threaten, not specified below', 3, -4.4],
  ['173', 'Arrest, detain', 4, -5.0],
  ['190', 'Use conventional military force, not specified below', 4, -10.0],
  ['195', 'Employ aerial weapons', 4, -10.0],
];
const ACTORS = ['RUSMIL', 'RUSGOV', 'UKR', 'UKRMIL', 'USAGOV', 'CHN', 'FRA', 'DEU', 'TUR', 'IRN', 'ISR', 'PSE', 'EGY', 'IGOUNO', 'NGOAMN', 'SYR'];
const PLACES = [
  ['Kharkiv', 'UA', 49.98, 36.25],
  ['Kyiv', 'UA', 50.45, 30.52],
  ['Moscow', 'RU', 55.75, 37.62],
  ['Gaza', 'PS', 31.5, 34.47],
  ['Cairo', 'EG', 30.04, 31.24],
  ['Beijing', 'CN', 39.9, 116.4],
  ['Washington', 'US', 38.9, -77.04],
];
const day0 = Date.UTC(2024, 2, 1);
const dateOf = (d) => new Date(day0 + d * 864e5).toISOString().slice(0, 10);

const articles = [];
const events = [];
for (let a = 0; a < 400; a++) {
  const d = Math.floor(rand() * 120);
  articles.push({
    id: `mock/${a}`, // record ids may hold '/': the dashboard must encode them
    title: `Mock report ${a}: ${pick(['talks', 'strikes', 'aid', 'protests', 'visit'])}`,
    url: `https://example.org/news/${a}`,
    outlet: pick(['Example Wire', 'Daily Example', 'Example Times']),
    date: dateOf(d),
    synthetic: a % 5 === 0,
    day: d,
  });
}
let id = 9007199254740993n; // above 2^53: ids are strings
for (let i = 0; i < 1500; i++) {
  const art = pick(articles);
  let source = pick(ACTORS);
  let target = pick(ACTORS.filter((x) => x.slice(0, 3) !== source.slice(0, 3)));
  let code = pick(CODES);
  // An escalation: Russian forces against Ukraine in the last two weeks.
  if (art.day > 105 && rand() < 0.5) {
    source = 'RUSMIL';
    target = 'UKR';
    code = pick(CODES.slice(8));
  }
  const place = rand() < 0.6 ? pick(PLACES) : null;
  const srcText = source.startsWith('RUS') ? 'Russian troops' : `${source} officials`;
  const tgtText = target.startsWith('UKR') ? 'Ukrainian positions' : `${target}`;
  const verb = code[1].split(',')[0].toLowerCase();
  const text = `${srcText} ${verb} ${tgtText} near the border, officials said.`;
  events.push({
    event_id: String(id++),
    event_date: art.date,
    source,
    target,
    code: code[0],
    root: code[0].slice(0, 2),
    code_name: code[1],
    quad: code[2],
    goldstein: code[3],
    record_id: art.id,
    sentence: 1 + Math.floor(rand() * 5),
    sentence_text: text,
    num_mentions: 1 + Math.floor(rand() * 3),
    location: place ? { name: place[0], country: place[1], lat: place[2], lon: place[3] } : null,
    synthetic: art.synthetic,
    _segments: [
      { text: srcText, role: 'source' },
      { text: ' ', role: null },
      { text: verb, role: 'verb' },
      { text: ' ', role: null },
      { text: tgtText, role: 'target' },
      { text: ' near the border, ', role: null },
      { text: 'officials', role: 'speaker' },
      { text: ' said.', role: null },
    ],
  });
}
events.sort((a, b) => (a.event_date < b.event_date ? 1 : -1));
const item = ({ _segments, ...e }) => e;

// Article texts: each event's sentence (one per sentence, numbered from 0) between filler
// sentences, paragraphs of three; the first sentence holds a numeric claim.
const FILLER = [
  'Officials gave no further details.',
  'The situation remained tense, residents said.',
  'Analysts said the move could shape relations in the months ahead.',
  'Diplomats were expected to meet again next week.',
];
for (const a of articles) {
  const own = events.filter((e) => e.record_id === a.id);
  const sentences = [`About ${fmtN(1000 + a.day * 37)} people gathered in the capital, local officials said.`];
  own.forEach((e, i) => {
    e.sentence = sentences.length;
    sentences.push(e.sentence_text, FILLER[(a.day + i) % FILLER.length]);
  });
  if (sentences.length < 3) sentences.push(FILLER[a.day % FILLER.length]);
  a.text = sentences.map((t, i) => (i && i % 3 === 0 ? `\n\n${t}` : i ? ` ${t}` : t)).join('');
  a.claims = [
    {
      id: a.id,
      article: a.id,
      sentence: 0,
      value: 1000 + a.day * 37,
      low: null,
      high: null,
      unit: 'person',
      qualifier: 'approx',
      subject: 'people in the capital',
      claimant: 'local officials',
      claimant_code: '',
      anonymous: false,
      text: `About ${fmtN(1000 + a.day * 37)} people`,
      sentence_text: sentences[0],
      date: a.date,
    },
  ];
}
function fmtN(n) {
  return n.toLocaleString('en');
}
const articleHead = (a) => ({ id: a.id, title: a.title, url: a.url, outlet: a.outlet, date: a.date, synthetic: a.synthetic });

function filtered(q) {
  const f = (k) => q.get(k) || '';
  return events.filter(
    (e) =>
      (!f('actor') || e.source.startsWith(f('actor')) || e.target.startsWith(f('actor'))) &&
      (!f('source') || e.source.startsWith(f('source'))) &&
      (!f('target') || e.target.startsWith(f('target'))) &&
      (!f('code') || e.code.startsWith(f('code'))) &&
      (!f('quad') || String(e.quad) === f('quad')) &&
      (!f('since') || e.event_date >= f('since')) &&
      (!f('until') || e.event_date <= f('until')),
  );
}

function weekStart(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

const evidence = events.filter((e) => e.source === 'RUSMIL' && e.target === 'UKR' && e.quad === 4).slice(0, 6);
const alerts = [
  {
    id: 'RUS>UKR/4/2024-06-28',
    dyad: 'RUS>UKR',
    quad: 4,
    window: '2024-06-22/2024-06-28',
    observed: 31,
    expected: 2.1,
    ratio: 14.8,
    severity: 12.3,
    goldstein_window: -8.1,
    goldstein_baseline: -2.0,
    evidence: evidence.map((e) => e.event_id),
    summary: 'Material conflict from Russia against Ukraine rose to 31 events in a week, against about 2 expected.',
  },
  {
    id: 'ISR>PSE/3/2024-05-10',
    dyad: 'ISR>PSE',
    quad: 3,
    window: '2024-05-04/2024-05-10',
    observed: 9,
    expected: 1.5,
    ratio: 6.0,
    severity: 5.2,
    goldstein_window: -3.1,
    goldstein_baseline: -1.0,
    evidence: [],
    summary: 'Verbal conflict from Israel toward Palestine rose.',
  },
];

// --- API ------------------------------------------------------------------------------------------
function api(path, q) {
  if (path === 'summary') {
    const dyads = new Map();
    for (const e of events) {
      const k = `${e.source.slice(0, 3)}>${e.target.slice(0, 3)}`;
      const d = dyads.get(k) || { source: e.source.slice(0, 3), target: e.target.slice(0, 3), events: 0, conflict: 0 };
      d.events++;
      if (e.quad >= 3) d.conflict++;
      dyads.set(k, d);
    }
    return {
      counts: { articles: articles.length, sentences: 2000, events: events.length, mentions: 2100, claims: 3, alerts: alerts.length },
      first_date: events.at(-1).event_date,
      last_date: events[0].event_date,
      synthetic_articles: articles.filter((a) => a.synthetic).length,
      top_dyads: [...dyads.values()].sort((a, b) => b.events - a.events).slice(0, 10),
    };
  }
  if (path === 'events') {
    const all = filtered(q);
    const limit = +(q.get('limit') || 50);
    const offset = +(q.get('offset') || 0);
    const page = all.slice(offset, offset + limit).map(item);
    return { events: page, next_offset: offset + limit < all.length ? offset + limit : null };
  }
  if (path.startsWith('events/')) {
    const e = events.find((x) => x.event_id === decodeURIComponent(path.slice(7)));
    if (!e) return [404, 'no such event'];
    const a = articles.find((x) => x.id === e.record_id);
    return {
      event: item(e),
      article: articleHead(a),
      segments: e._segments,
      coding: {
        pattern: `* ${e._segments[2].text.toUpperCase()} +`,
        verb_entry: `${e._segments[2].text.toUpperCase()} [${e.code}]`,
        verb_text: e._segments[2].text,
        source: { code: e.source, text: e._segments[0].text, entries: [`${e._segments[0].text.toUpperCase()} [${e.source}]`], rule: 'noun phrase before the verb' },
        target: { code: e.target, text: e._segments[4].text, entries: [`${e._segments[4].text.toUpperCase()} [${e.target}]`], rule: 'object of the verb' },
        rules: ['attribution: "officials said"'],
      },
      attribution: { speaker: 'officials', code: null, anonymous: true, direct_quote: false, cue: 'said' },
      time: { text: 'on Tuesday', resolved: e.event_date },
      claims: [
        { value: 70000, unit: 'troop', qualifier: 'approx', text: 'about 70,000 troops', claimant: { text: 'US intelligence', code: 'USAINT' }, subject_code: 'RUS', sentence: 2, record_id: a.id, date: a.date },
      ],
      mentions: [{ record_id: a.id, sentence: e.sentence, date: a.date, title: a.title, outlet: a.outlet, url: a.url }],
    };
  }
  if (path.startsWith('articles/')) {
    const a = articles.find((x) => x.id === decodeURIComponent(path.slice(9)));
    if (!a) return [404, `no article "${decodeURIComponent(path.slice(9))}"`];
    const own = events.filter((e) => e.record_id === a.id).sort((x, y) => x.sentence - y.sentence);
    return { article: { ...articleHead(a), text: a.text }, events: own.map(item), claims: a.claims };
  }
  if (path === 'alerts') return { alerts };
  if (path.startsWith('alerts/')) {
    const a = alerts.find((x) => x.id === decodeURIComponent(path.slice(7)));
    if (!a) return [404, 'no such alert'];
    return { alert: a, events: a.evidence.map((id) => item(events.find((e) => e.event_id === id))) };
  }
  if (path === 'series') {
    const interval = q.get('interval') === 'day' ? 'day' : 'week';
    const pts = new Map();
    const codes = new Map();
    for (const e of filtered(q)) {
      const k = interval === 'day' ? e.event_date : weekStart(e.event_date);
      const p = pts.get(k) || { date: k, events: 0, mentions: 0, quad: [0, 0, 0, 0], goldstein_sum: 0, goldstein_mean: null };
      p.events++;
      p.mentions += e.num_mentions;
      p.quad[e.quad - 1]++;
      p.goldstein_sum += e.goldstein;
      p.goldstein_mean = p.goldstein_sum / p.events;
      pts.set(k, p);
      const c = codes.get(e.code) || { code: e.code, name: e.code_name, events: 0 };
      c.events++;
      codes.set(e.code, c);
    }
    return {
      interval,
      points: [...pts.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
      top_codes: [...codes.values()].sort((a, b) => b.events - a.events).slice(0, 10),
    };
  }
  if (path === 'map') {
    const cs = new Map();
    const ps = new Map();
    for (const e of filtered(q)) {
      for (const c of new Set([e.source.slice(0, 3), e.target.slice(0, 3)])) {
        const r = cs.get(c) || { country: c, events: 0, conflict: 0, gsum: 0 };
        r.events++;
        if (e.quad >= 3) r.conflict++;
        r.gsum += e.goldstein;
        cs.set(c, r);
      }
      if (e.location) {
        const l = e.location;
        const p = ps.get(l.name) || { name: l.name, country: l.country, lat: l.lat, lon: l.lon, events: 0, conflict: 0 };
        p.events++;
        if (e.quad >= 3) p.conflict++;
        ps.set(l.name, p);
      }
    }
    return {
      countries: [...cs.values()].map(({ gsum, ...r }) => ({ ...r, goldstein_mean: gsum / r.events })),
      places: [...ps.values()],
    };
  }
  if (path === 'network') {
    const nodes = new Map();
    const links = new Map();
    for (const e of filtered(q)) {
      for (const n of [e.source, e.target]) nodes.set(n, (nodes.get(n) || 0) + 1);
      const k = `${e.source}>${e.target}`;
      const l = links.get(k) || { source: e.source, target: e.target, events: 0, conflict: 0, gsum: 0 };
      l.events++;
      if (e.quad >= 3) l.conflict++;
      l.gsum += e.goldstein;
      links.set(k, l);
    }
    return {
      nodes: [...nodes].map(([id, n]) => ({ id, events: n })),
      links: [...links.values()].map(({ gsum, ...l }) => ({ ...l, goldstein_mean: gsum / l.events })),
    };
  }
  if (path === 'actors') {
    const p = (q.get('q') || '').toUpperCase();
    const n = new Map();
    for (const e of events) for (const a of [e.source, e.target]) if (a.startsWith(p)) n.set(a, (n.get(a) || 0) + 1);
    return { actors: [...n].map(([code, events]) => ({ code, events })).sort((a, b) => b.events - a.events) };
  }
  if (path === 'search') {
    // Every word must be in the title or the text (no stemming here).
    const words = (q.get('q') || '').toLowerCase().split(/\s+/).filter(Boolean);
    const all = articles.filter((a) => words.every((w) => `${a.title} ${a.text}`.toLowerCase().includes(w)));
    const limit = +(q.get('limit') || 20);
    const offset = +(q.get('offset') || 0);
    return {
      results: all.slice(offset, offset + limit).map((a) => {
        const at = Math.max(0, a.text.toLowerCase().indexOf(words[0] || ''));
        const from = Math.max(0, at - 40);
        const len = (words[0] || '').length;
        return {
          ...articleHead(a),
          events: events.filter((e) => e.record_id === a.id).length,
          snippet: [
            { text: a.text.slice(from, at), hit: false },
            { text: a.text.slice(at, at + len), hit: true },
            { text: a.text.slice(at + len, at + len + 60), hit: false },
          ],
        };
      }),
      next_offset: offset + limit < all.length ? offset + limit : null,
    };
  }
  if (path === 'claims') return { claims: [], conflicts: [] };
  return [404, `no such endpoint: ${path}`];
}

const TYPES = { 'index.html': 'text/html; charset=utf-8', 'app.js': 'text/javascript; charset=utf-8', 'app.css': 'text/css; charset=utf-8' };

/** Starts the mock server; resolves to {url, close()}. Port 0 picks a free port. */
export function start(port = 0) {
  const server = createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    if (u.pathname.startsWith('/api/') && process.env.VIGIL_API) {
      fetch(process.env.VIGIL_API.replace(/\/+$/, '') + u.pathname + u.search)
        .then(async (r) => {
          res.writeHead(r.status, { 'content-type': r.headers.get('content-type') || 'application/json' });
          res.end(Buffer.from(await r.arrayBuffer()));
        })
        .catch((e) => {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { status: 502, message: String(e) } }));
        });
      return;
    }
    if (u.pathname.startsWith('/api/')) {
      const out = api(u.pathname.slice(5), u.searchParams);
      const [status, body] = Array.isArray(out) ? [out[0], { error: { status: out[0], message: out[1] } }] : [200, out];
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
      return;
    }
    const file = u.pathname === '/' ? 'index.html' : u.pathname.slice(1);
    if (!TYPES[file]) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { status: 404, message: 'not found' } }));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[file] });
    res.end(readFileSync(join(assets, file)));
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      resolve({ url: `http://127.0.0.1:${p}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await start(+(process.argv[2] || 8765));
  console.log(`mock Vigil API and dashboard on ${s.url}`);
}
