// The view state lives in the URL's query string, so any view can be shared and the
// browser's back/forward buttons move between views.
//
//   ?actor=RUS&quad=4&since=2024-01-01&interval=day     filters
//   &q=troops                                           full-text search (drawer)
//   &article=synth-2024-06-28-0052                      one article: text, events, claims (drawer)
//   &alert=RUS%3EUKR%2F4%2F2024-06-30                    an alert's evidence (drawer)
//   &event=123456                                       one event (drawer)

/** Keys kept in the URL, in the order they are written. */
export const KEYS = [
  'actor',
  'source',
  'target',
  'code',
  'quad',
  'since',
  'until',
  'interval',
  'q',
  'article',
  'alert',
  'event',
];

/** Keys that choose what the drawer shows (the one shown is the first set of event, article, alert, q). */
export const DRAWER_KEYS = ['event', 'article', 'alert', 'q'];

/** Keys that change what the panels show (the drawer keys do not). */
export const PANEL_KEYS = ['actor', 'source', 'target', 'code', 'quad', 'since', 'until', 'interval'];

const DEFAULT_INTERVAL = 'week';

/** Reads and cleans the state from location.search. */
export function read() {
  const p = new URLSearchParams(location.search);
  const s = {};
  for (const k of KEYS) {
    const v = (p.get(k) || '').trim();
    if (v) s[k] = v;
  }
  // Codes are upper case; dates must look like dates; quad is 1-4.
  for (const k of ['actor', 'source', 'target']) if (s[k]) s[k] = s[k].toUpperCase();
  // Codes are letters and digits (what the API accepts); anything else is dropped.
  for (const k of ['actor', 'source', 'target', 'code']) if (s[k] && !/^[A-Za-z0-9]{1,32}$/.test(s[k])) delete s[k];
  if (s.quad && !/^[1-4]$/.test(s.quad)) delete s.quad;
  for (const k of ['since', 'until']) if (s[k] && !/^\d{4}-\d{2}-\d{2}$/.test(s[k])) delete s[k];
  if (s.interval !== 'day') s.interval = DEFAULT_INTERVAL;
  return s;
}

/** The URL (path + query) of a state; the default interval is left out. */
export function href(state) {
  const p = new URLSearchParams();
  for (const k of KEYS) {
    const v = state[k];
    if (v === undefined || v === null || v === '') continue;
    if (k === 'interval' && v === DEFAULT_INTERVAL) continue;
    p.set(k, v);
  }
  const q = p.toString();
  return location.pathname + (q ? `?${q}` : '');
}

/** True when two states show the same panels. */
export function samePanels(a, b) {
  return PANEL_KEYS.every((k) => (a[k] || '') === (b[k] || ''));
}

/** A state with `patch` applied: values of '' or null remove the key. */
export function merge(current, patch) {
  const next = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === '' || v === null || v === undefined) delete next[k];
    else next[k] = String(v);
  }
  if (!next.interval) next.interval = DEFAULT_INTERVAL;
  return next;
}

/** True when the state opens the drawer. */
export const drawerOpen = (state) => DRAWER_KEYS.some((k) => state[k]);

/**
 * Moves to a new state: pushes a history entry (unless `replace`) and returns the new state.
 * `patch` values of '' or null remove the key. `data` is kept as the entry's history.state.
 */
export function go(current, patch, { replace = false, data = null } = {}) {
  const next = merge(current, patch);
  const url = href(next);
  if (url !== location.pathname + location.search) {
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(data, '', url);
  }
  return next;
}
