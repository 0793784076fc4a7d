// The dashboard's only contact with the server: GET requests to /api/* returning JSON.
// Paths are relative ("api/..."), so the page also works behind a path prefix.

/** Error thrown for a non-2xx answer; carries the server's {"error":{status,message}}. */
export class ApiError extends Error {
  constructor(status, message, path) {
    super(`${path}: ${status} ${message}`);
    this.status = status;
    this.path = path;
  }
}

/** A query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** GET api/<path><query> as JSON. */
export async function get(path, params = {}) {
  const url = `api/${path}${query(params)}`;
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: reported below with the status.
  }
  if (!res.ok) {
    throw new ApiError(res.status, body?.error?.message || res.statusText, url);
  }
  return body;
}

/** The filter parameters the server understands for events/series/map/network. */
export const FILTER_KEYS = ['actor', 'source', 'target', 'code', 'quad', 'since', 'until'];

/** Picks the server filter parameters out of the view state. */
export function filterParams(state) {
  const p = {};
  for (const k of FILTER_KEYS) if (state[k]) p[k] = state[k];
  return p;
}

export const api = {
  summary: () => get('summary'),
  events: (state, offset = 0, limit = 50) =>
    get('events', { ...filterParams(state), limit, offset }),
  event: (id) => get(`events/${encodeURIComponent(id)}`),
  /** An article's text, its events in text order and its claims (ids may hold '/': encoded). */
  article: (id) => get(`articles/${encodeURIComponent(id)}`),
  alerts: () => get('alerts'),
  alert: (id) => get(`alerts/${encodeURIComponent(id)}`),
  series: (state) => get('series', { ...filterParams(state), interval: state.interval || 'week' }),
  map: (state) => get('map', filterParams(state)),
  network: (state) => get('network', { ...filterParams(state), limit: 60 }),
  actors: (q) => get('actors', { q, limit: 20 }),
  search: (q, offset = 0) => get('search', { q, limit: 20, offset }),
  claims: () => get('claims', { limit: 200 }),
};
