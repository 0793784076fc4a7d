// Human names for codes: countries (data/geo/iso-numeric.tsv), CAMEO known groups and actor
// types (data/cameo/), QuadClasses; and the dashboard's colours.
import tables from 'vigil:tables';

// cameo code -> {numeric, iso2, name}; iso2 -> name (event locations use alpha-2).
const byCode = new Map();
const byIso2 = new Map();
for (const [code, numeric, iso2, name] of tables.countries) {
  byCode.set(code, { numeric, iso2, name });
  if (iso2 && !byIso2.has(iso2)) byIso2.set(iso2, name);
}

/** The name of a CAMEO country/region code ("RUS" -> "Russia"), or null. */
export const countryName = (code) => byCode.get(code)?.name ?? null;

/** The name of an ISO alpha-2 code ("UA" -> "Ukraine"), or the code itself. */
export const iso2Name = (iso2) => (iso2 && byIso2.get(iso2)) || iso2 || '';

/**
 * The map key of a CAMEO country code: its ISO numeric id as world-atlas has it, or (for
 * Kosovo) the code itself; null for regions and historical states.
 */
export function mapKey(code) {
  const c = byCode.get(code);
  if (!c) return null;
  return c.numeric || code;
}

/** The display name (and first code) of each map key; parts of a country are skipped. */
const keyName = new Map();
const PARTS = new Set(['WSB', 'GZS', 'BAG']); // West Bank, Gaza Strip, Baghdad
for (const [code, numeric, , name] of tables.countries) {
  const key = numeric || code;
  if (!PARTS.has(code) && !keyName.has(key)) keyName.set(key, { code, name });
}
export const mapKeyName = (key) => keyName.get(key)?.name ?? (key.startsWith('~') ? key.slice(1) : key);
export const mapKeyCode = (key) => keyName.get(key)?.code ?? null;

/**
 * Describes an actor code by its three-letter groups, CAMEO style:
 * "RUSMIL" -> "Russia · Military", "IGOUNO" -> "Inter-governmental organisation · United Nations".
 * Unknown groups are shown as they are.
 */
export function actorName(code) {
  if (!code) return '';
  const parts = [];
  for (let i = 0; i < code.length; i += 3) {
    const g = code.slice(i, i + 3);
    // A country or region first (RUS, WST), else a type (GOV) or a known group (NAT).
    parts.push((i === 0 && countryName(g)) || tables.types[g] || tables.groups[g] || countryName(g) || g);
  }
  return parts.join(' · ');
}

/** "RUS" -> "Russia (RUS)"; a code without a known name is shown alone. */
export function actorLabel(code) {
  if (!code) return '—';
  const n = actorName(code);
  return n && n !== code ? `${n} (${code})` : code;
}

export const QUADS = [
  { quad: 1, name: 'Verbal cooperation', short: 'verbal coop.', color: '#8cc4e8' },
  { quad: 2, name: 'Material cooperation', short: 'material coop.', color: '#2b7bba' },
  { quad: 3, name: 'Verbal conflict', short: 'verbal conflict', color: '#f4a259' },
  { quad: 4, name: 'Material conflict', short: 'material conflict', color: '#d1342f' },
];
export const quadInfo = (q) => QUADS[(Number(q) || 1) - 1] ?? QUADS[0];

/** A colour for a Goldstein score −10..+10: red (conflict) through grey to blue. */
export function goldsteinColor(g) {
  if (g === null || g === undefined || Number.isNaN(g)) return '#9aa3ad';
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [154, 163, 173];
  const end = t < 0 ? [209, 52, 47] : [43, 123, 186];
  const a = Math.min(1, Math.abs(t) * 2.5);
  const c = grey.map((v, i) => Math.round(v + (end[i] - v) * a));
  return `rgb(${c.join(',')})`;
}

/** Colour of a conflict share 0..1 (blue = cooperative, red = conflictual). */
export const conflictColor = (share) => goldsteinColor(10 - 20 * share);

export const ROLE_NAMES = {
  source: 'Source (who)',
  verb: 'Verb (did what)',
  target: 'Target (to whom)',
  speaker: 'Speaker (says who)',
  time: 'Time (when)',
};
