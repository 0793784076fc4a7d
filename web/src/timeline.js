// Timeline: events per QuadClass per day/week (stacked bars, cooperation in blues, conflict in
// reds) and the mean Goldstein score (line, right axis −10..+10). Clicking a bar narrows the
// date filter to that day or week.
import { chart, base, axisStyle } from './charts.js';
import { QUADS, actorLabel } from './labels.js';
import { fmt, fill, h, signed } from './dom.js';

let c = null;
let onPick = null;

/** Adds days to a YYYY-MM-DD date (UTC). */
export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Sets up the chart; `pick(since, until)` is called when a bar is clicked. */
export function init(el, pick) {
  c = chart(el);
  onPick = pick;
  c.on('click', (p) => {
    if (p.componentType !== 'series' || !p.name) return;
    const interval = c.__interval;
    onPick(p.name, interval === 'day' ? p.name : addDays(p.name, 6));
  });
}

/** The scope line above the chart ("Russia (RUS) → Ukraine (UKR), material conflict"). */
export function scope(state) {
  const parts = [];
  if (state.source || state.target) {
    parts.push(`${state.source ? actorLabel(state.source) : 'anyone'} → ${state.target ? actorLabel(state.target) : 'anyone'}`);
  }
  if (state.actor) parts.push(`involving ${actorLabel(state.actor)}`);
  if (state.code) parts.push(`event code ${state.code}*`);
  if (state.quad) parts.push(QUADS[state.quad - 1].name.toLowerCase());
  if (state.since || state.until) parts.push(`${state.since || '…'} to ${state.until || '…'}`);
  return parts.length ? parts.join(', ') : 'all events';
}

/** Draws a /api/series answer. */
export function render(series, codesEl) {
  const pts = series.points || [];
  c.__interval = series.interval;
  const dates = pts.map((p) => p.date);
  c.setOption(
    {
      ...base,
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      legend: {
        top: 0,
        itemWidth: 14,
        itemHeight: 10,
        data: [...QUADS.map((q) => q.name), 'Mean Goldstein'],
      },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items) => tooltip(series.interval, pts[items[0]?.dataIndex]),
      },
      xAxis: { type: 'category', data: dates, ...axisStyle, splitLine: { show: false } },
      yAxis: [
        { type: 'value', name: 'events', nameTextStyle: { color: '#616e7c' }, minInterval: 1, ...axisStyle },
        {
          type: 'value',
          name: 'Goldstein',
          nameTextStyle: { color: '#616e7c' },
          min: -10,
          max: 10,
          interval: 5,
          position: 'right',
          ...axisStyle,
          splitLine: { show: false },
        },
      ],
      series: [
        ...QUADS.map((q, i) => ({
          name: q.name,
          type: 'bar',
          stack: 'events',
          barMaxWidth: 28,
          itemStyle: { color: q.color },
          emphasis: { focus: 'series' },
          data: pts.map((p) => p.quad?.[i] ?? 0),
        })),
        {
          name: 'Mean Goldstein',
          type: 'line',
          yAxisIndex: 1,
          symbol: 'circle',
          symbolSize: pts.length > 60 ? 0 : 5,
          connectNulls: false,
          lineStyle: { color: '#1f2933', width: 1.6 },
          itemStyle: { color: '#1f2933' },
          data: pts.map((p) => (p.goldstein_mean === null || p.goldstein_mean === undefined ? null : +p.goldstein_mean.toFixed(2))),
        },
      ],
    },
    { notMerge: true },
  );
  // The most frequent event types in this view.
  const codes = series.top_codes || [];
  fill(
    codesEl,
    codes.length ? h('span', { class: 'muted', text: 'Most frequent: ' }) : null,
    codes.slice(0, 6).map((t) =>
      h('span', { class: 'chip', title: `CAMEO ${t.code}` }, h('b', { text: t.code }), ` ${t.name} · ${fmt(t.events)}`),
    ),
  );
}

function tooltip(interval, p) {
  if (!p) return '';
  const rows = QUADS.map(
    (q, i) => `<span class="dot" style="background:${q.color}"></span>${q.name}: <b>${fmt(p.quad?.[i] ?? 0)}</b>`,
  );
  const head = interval === 'week' ? `Week of ${p.date}` : p.date;
  return [
    `<b>${head}</b>`,
    `${fmt(p.events)} events, ${fmt(p.mentions)} mentions`,
    ...rows,
    `Mean Goldstein: <b>${signed(p.goldstein_mean)}</b>`,
  ].join('<br>');
}
