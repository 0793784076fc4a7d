// Apache ECharts, only the parts the dashboard uses (keeps app.js small), and the world map.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, ScatterChart, GraphChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  GeoComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { feature } from 'topojson-client';
import world from 'vigil:world';
import { mapKeyName } from './labels.js';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  ScatterChart,
  GraphChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  GeoComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);

let registered = false;
/**
 * Registers the world map once: world-atlas' TopoJSON (shapes keyed by ISO numeric id, see
 * build.mjs) turned into GeoJSON. Each feature's `name` is its key; `label` its country name.
 */
export function registerWorld() {
  if (registered) return;
  const geo = feature(world, world.objects.countries);
  for (const f of geo.features) {
    f.properties = { name: String(f.id), label: mapKeyName(String(f.id)) };
    unwrapAntimeridian(f.geometry);
  }
  echarts.registerMap('world', geo);
  registered = true;
}

/**
 * world-atlas' rings may cross the antimeridian (Russia's Chukotka, Fiji): drawn on a flat
 * map, such a ring would streak across the whole world. Each ring is made continuous by
 * shifting its western points by 360° (Chukotka is then drawn just east of 180°).
 */
function unwrapAntimeridian(geometry) {
  if (!geometry) return;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      let crosses = false;
      for (let i = 1; i < ring.length; i++) {
        if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) crosses = true;
      }
      if (crosses) for (const p of ring) if (p[0] < 0) p[0] += 360;
    }
  }
}

const TEXT = '#1f2933';
const MUTED = '#616e7c';

/** Shared chart options: system font, no animation (instant first render), muted axes. */
export const base = {
  animation: false,
  textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: TEXT },
};
export const axisStyle = {
  axisLine: { lineStyle: { color: '#cbd2d9' } },
  axisLabel: { color: MUTED },
  splitLine: { lineStyle: { color: '#eef1f4' } },
};

const charts = new Set();
/** Creates a chart in `el`; charts follow the element's size. */
export function chart(el) {
  const c = echarts.init(el, null, { renderer: 'canvas' });
  charts.add(c);
  new ResizeObserver(() => c.resize()).observe(el);
  return c;
}

export { echarts };
