// Small DOM helpers: element creation without innerHTML (all API text is inserted as text).

/**
 * Creates an element. `attrs` keys: `class`, `text`, `dataset` (object), `on<event>`
 * (listener), anything else becomes an attribute (skipped when null/undefined/false).
 * Children may be nodes, strings or arrays of them; null/false children are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);

/** 12345 -> "12,345". */
export const fmt = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en'));

/** A number with one decimal, signed (Goldstein). */
export const signed = (x) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : (x > 0 ? '+' : '') + x.toFixed(1);

/** Debounces a function by `ms` milliseconds. */
export function debounce(fn, ms) {
  let t;
  return (...a) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...a), ms);
  };
}

/** A link that opens outside the dashboard (article URLs); null when there is no URL. */
export function extLink(url, text) {
  if (!url || !/^https?:\/\//i.test(url)) return text ? h('span', { text }) : null;
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: text || url });
}

/** Escapes text for the HTML that chart tooltips are written in. */
export const esc = (s) =>
  String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);
