// Dyad network: who acts on whom. Nodes are actor codes (size ~ events), arrows go from
// source to target (width ~ events, colour ~ mean Goldstein: red conflictual, blue
// cooperative). Clicking a node filters to that actor, clicking an arrow to that dyad.
//
// The force-directed layout is computed here, before drawing (springs along links, repulsion
// between nodes, gravity to the centre; the model ECharts' own force layout uses), and handed
// to ECharts as fixed positions. ECharts' built-in force layout redraws the graph after each
// of its ~500 iterations, which alone took 300 ms to 1 s of the first render; this takes a
// few milliseconds, and is deterministic (the same data gives the same picture).
import { chart, base } from './charts.js';
import { actorName, actorLabel, countryName, goldsteinColor } from './labels.js';
import { esc, fmt, signed } from './dom.js';

let c = null;

/** Sets up the chart; `pickActor(code)` / `pickDyad(source, target)` on clicks. */
export function init(el, pickActor, pickDyad) {
  c = chart(el);
  c.on('click', (p) => {
    if (p.dataType === 'node') pickActor(p.data.id);
    else if (p.dataType === 'edge') pickDyad(p.data.source, p.data.target);
  });
}

/** Draws a /api/network answer; `focus` is an actor code to highlight (the actor filter). */
export function render(data, focus) {
  const nodes = data.nodes || [];
  const links = data.links || [];
  const maxNode = Math.max(1, ...nodes.map((n) => n.events));
  const maxLink = Math.max(1, ...links.map((l) => l.events));
  const size = (n) => 8 + 26 * Math.sqrt(n.events / maxNode);
  // Label the biggest actors only, so the graph stays readable.
  const labelled = new Set(
    [...nodes].sort((a, b) => b.events - a.events).slice(0, 30).map((n) => n.id),
  );
  const labelOf = (n) => (labelled.has(n.id) || (focus && n.id.startsWith(focus)) ? shortName(n.id) : null);
  const pos = forceLayout(nodes, links, size, labelOf, c.getWidth(), c.getHeight());
  c.setOption(
    {
      ...base,
      tooltip: { trigger: 'item', formatter: tooltip },
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: true,
          draggable: true,
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: [0, 7],
          label: { show: true, position: 'right', fontSize: 11, color: '#1f2933' },
          labelLayout: { hideOverlap: false },
          emphasis: { focus: 'adjacency', lineStyle: { opacity: 1 } },
          data: nodes.map((n) => {
            const focused = focus && n.id.startsWith(focus);
            return {
              id: n.id,
              name: n.id,
              x: pos.get(n.id)[0],
              y: pos.get(n.id)[1],
              value: n.events,
              events: n.events,
              symbolSize: size(n),
              itemStyle: {
                color: focused ? '#1f2933' : '#52606d',
                borderColor: '#fff',
                borderWidth: 1,
              },
              // Countries by name, other actors by code (names of compound codes are long).
              label: { show: !!labelOf(n), formatter: shortName(n.id) },
            };
          }),
          links: links.map((l) => ({
            source: l.source,
            target: l.target,
            value: l.events,
            events: l.events,
            conflict: l.conflict,
            goldstein_mean: l.goldstein_mean,
            lineStyle: {
              width: 0.8 + 7 * Math.sqrt(l.events / maxLink),
              color: goldsteinColor(l.goldstein_mean),
              opacity: 0.75,
              curveness: 0.15,
            },
          })),
        },
      ],
    },
    { notMerge: true },
  );
}

const shortName = (code) => (code.length === 3 && countryName(code)) || code;

function tooltip(p) {
  if (p.dataType === 'node') {
    return `<b>${esc(actorLabel(p.data.id))}</b><br>${fmt(p.data.events)} events<br><span class="muted">click to filter</span>`;
  }
  const d = p.data;
  return (
    `<b>${esc(actorName(d.source))} → ${esc(actorName(d.target))}</b> (${esc(d.source)}→${esc(d.target)})<br>` +
    `${fmt(d.events)} events, ${fmt(d.conflict)} conflict<br>Mean Goldstein ${signed(d.goldstein_mean)}` +
    `<br><span class="muted">click to filter to this dyad</span>`
  );
}

/**
 * Force-directed layout (Fruchterman–Reingold with cooling) in the panel's own pixel space:
 * nodes start on a circle (biggest first), linked nodes attract (more for more events), all
 * nodes repel, a weak gravity keeps loose nodes in view, and nodes are pushed apart until
 * their discs and labels no longer overlap. `labelOf(node)` is its label or null. Returns
 * id -> [x, y].
 */
export function forceLayout(nodes, links, size, labelOf, width = 600, height = 380, iterations = 300) {
  const n = nodes.length;
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const order = [...nodes.keys()].sort((a, b) => nodes[b].events - nodes[a].events);
  const cx = width / 2;
  const cy = height / 2;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  order.forEach((i, k) => {
    const a = (2 * Math.PI * k) / Math.max(1, n);
    x[i] = cx + 0.4 * width * Math.cos(a);
    y[i] = cy + 0.4 * height * Math.sin(a);
  });
  // Each node's extent: its disc, and its label to the right (about 6.5 px a character).
  const box = nodes.map((d) => {
    const r = size(d) / 2;
    const label = labelOf(d);
    return { left: r + 4, right: r + 8 + (label ? 6.5 * label.length : 0), half: Math.max(r, 8) + 3 };
  });
  const maxLink = Math.max(1, ...links.map((l) => l.events));
  const springs = links
    .map((l) => [index.get(l.source), index.get(l.target), 0.3 + 0.7 * Math.sqrt(l.events / maxLink)])
    .filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const k = 0.7 * Math.sqrt((width * height) / Math.max(1, n)); // ideal distance
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let temperature = width / 8;
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ux = x[i] - x[j];
        let uy = y[i] - y[j];
        let d2 = ux * ux + uy * uy;
        if (d2 < 1e-6) {
          ux = 0.01 * (i - j);
          uy = 0.01;
          d2 = ux * ux + uy * uy;
        }
        const f = (k * k) / d2; // repulsion k²/d along the unit vector
        dx[i] += ux * f;
        dy[i] += uy * f;
        dx[j] -= ux * f;
        dy[j] -= uy * f;
      }
    }
    for (const [a, b, w] of springs) {
      const ux = x[a] - x[b];
      const uy = y[a] - y[b];
      const d = Math.sqrt(ux * ux + uy * uy) || 1e-6;
      const f = (w * d) / k; // attraction d²/k along the unit vector
      dx[a] -= ux * f;
      dy[a] -= uy * f;
      dx[b] += ux * f;
      dy[b] += uy * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i] += (cx - x[i]) * 0.12; // gravity
      dy[i] += (cy - y[i]) * 0.2;
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const step = Math.min(len, temperature);
      // Kept inside the panel (with room for labels), so ECharts draws it at about 1:1 and
      // the collision distances below hold on screen.
      x[i] = clamp(x[i] + (dx[i] / len) * step, box[i].left + 2, width - box[i].right - 2);
      y[i] = clamp(y[i] + (dy[i] / len) * step, box[i].half + 2, height - box[i].half - 2);
    }
    temperature = Math.max(0.5, temperature * 0.98);
    // Collisions: separate overlapping boxes (disc plus label), along the axis where they
    // overlap least.
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const ox = Math.min(x[i] + box[i].right, x[j] + box[j].right) - Math.max(x[i] - box[i].left, x[j] - box[j].left);
        const oy = Math.min(y[i] + box[i].half, y[j] + box[j].half) - Math.max(y[i] - box[i].half, y[j] - box[j].half);
        if (ox <= 0 || oy <= 0) continue;
        if (ox < oy) {
          const s = x[i] < x[j] || (x[i] === x[j] && i < j) ? -1 : 1;
          x[i] += (s * ox) / 2;
          x[j] -= (s * ox) / 2;
        } else {
          const s = y[i] < y[j] || (y[i] === y[j] && i < j) ? -1 : 1;
          y[i] += (s * oy) / 2;
          y[j] -= (s * oy) / 2;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      x[i] = clamp(x[i], box[i].left + 2, width - box[i].right - 2);
      y[i] = clamp(y[i], box[i].half + 2, height - box[i].half - 2);
    }
  }
  const out = new Map();
  nodes.forEach((d, i) => out.set(d.id, [Math.round(x[i]), Math.round(y[i])]));
  return out;
}

const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
