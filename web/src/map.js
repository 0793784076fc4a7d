// World map: countries shaded by the number of conflict events (QuadClass 3 and 4) their
// actors took part in, places named in the events as dots (size ~ events, colour ~ conflict
// share). Clicking a country filters to its actors.
import { chart, base, registerWorld } from './charts.js';
import { mapKey, mapKeyName, mapKeyCode, iso2Name, countryName, conflictColor } from './labels.js';
import { esc, fmt, signed } from './dom.js';

let c = null;
// key -> the CAMEO code the data used for it (so a click filters on a code that has events).
let keyCode = new Map();

/** Sets up the chart; `pickCountry(code)` is called when a country is clicked. */
export function init(el, pickCountry) {
  registerWorld();
  c = chart(el);
  c.on('click', (p) => {
    if (p.seriesType !== 'map' || !p.name) return;
    const code = keyCode.get(p.name) || mapKeyCode(p.name);
    if (code) pickCountry(code);
  });
}

/** Draws a /api/map answer. */
export function render(data) {
  // Several CAMEO codes can share a shape (ROM/ROU, WSB/GZS/PSE): add them up.
  const byKey = new Map();
  keyCode = new Map();
  for (const r of data.countries || []) {
    const key = mapKey(r.country);
    if (!key) continue;
    const a = byKey.get(key) || { events: 0, conflict: 0, gsum: 0, gn: 0, codes: [] };
    a.events += r.events;
    a.conflict += r.conflict;
    if (r.goldstein_mean !== null && r.goldstein_mean !== undefined) {
      a.gsum += r.goldstein_mean * r.events;
      a.gn += r.events;
    }
    a.codes.push(r.country);
    byKey.set(key, a);
    if (!keyCode.has(key)) keyCode.set(key, r.country);
  }
  const regions = [...byKey].map(([key, a]) => ({
    name: key,
    value: a.conflict,
    events: a.events,
    goldstein: a.gn ? a.gsum / a.gn : null,
    codes: a.codes,
  }));
  const maxConflict = Math.max(1, ...regions.map((r) => r.value));
  const places = (data.places || []).filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  const maxPlace = Math.max(1, ...places.map((p) => p.events));

  c.setOption(
    {
      ...base,
      tooltip: { trigger: 'item', formatter: tooltip },
      visualMap: {
        type: 'continuous',
        seriesIndex: 0,
        min: 0,
        max: maxConflict,
        left: 8,
        bottom: 8,
        itemHeight: 90,
        itemWidth: 10,
        text: [`${fmt(maxConflict)} conflict events`, '0'],
        textStyle: { color: '#616e7c', fontSize: 11 },
        inRange: { color: ['#fbe3d6', '#f4a259', '#d1342f', '#7a1410'] },
        outOfRange: { color: '#eef1f4' },
        calculable: false,
      },
      geo: {
        map: 'world',
        roam: true,
        // Fit the world (without Antarctica) into the panel, leaving room for the legend.
        left: 20,
        right: 10,
        top: 10,
        bottom: 10,
        itemStyle: { areaColor: '#eef1f4', borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#c9d6e3' } },
        select: { disabled: true },
        tooltip: { show: true, formatter: (p) => mapKeyName(p.name) },
      },
      series: [
        {
          type: 'map',
          geoIndex: 0,
          data: regions,
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          name: 'places',
          data: places.map((p) => ({
            name: p.name,
            value: [p.lon, p.lat, p.events],
            country: p.country,
            conflict: p.conflict,
            itemStyle: { color: conflictColor(p.events ? p.conflict / p.events : 0) },
          })),
          symbolSize: (v) => 4 + 14 * Math.sqrt(v[2] / maxPlace),
          itemStyle: { borderColor: '#fff', borderWidth: 0.8, opacity: 0.9 },
          emphasis: { scale: 1.4 },
          zlevel: 1,
        },
      ],
    },
    { notMerge: true },
  );
}

function tooltip(p) {
  if (p.seriesType === 'scatter') {
    const d = p.data;
    return `<b>${esc(d.name)}</b>, ${esc(iso2Name(d.country))}<br>${fmt(d.value[2])} events, ${fmt(d.conflict)} conflict`;
  }
  const name = mapKeyName(p.name);
  const d = p.data;
  if (!d) return `<b>${esc(name)}</b><br><span class="muted">no events</span>`;
  const codes = d.codes.map((k) => `${k}${countryName(k) && countryName(k) !== name ? ` (${countryName(k)})` : ''}`);
  return `<b>${esc(name)}</b> · ${esc(codes.join(', '))}<br>${fmt(d.events)} events, <b>${fmt(d.value)}</b> conflict<br>Mean Goldstein ${signed(d.goldstein)}<br><span class="muted">click to filter</span>`;
}

