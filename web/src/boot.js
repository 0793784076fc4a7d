// Inlined into index.html by build.mjs: sends the first view's API requests while app.js is
// still loading and compiling (ECharts takes a while on a slow machine), so the server works
// in parallel. main.js takes the answers over when the URL has not changed meanwhile.
import { api } from './api.js';
import * as url from './state.js';

const state = url.read();
const quiet = (p) => {
  // The answer (or error) is consumed by main.js; this only silences "unhandled rejection".
  p.catch(() => {});
  return p;
};
window.__vigilBoot = {
  href: location.href,
  requests: {
    series: quiet(api.series(state)),
    map: quiet(api.map(state)),
    network: quiet(api.network(state)),
    events: quiet(api.events(state, 0, 50)),
    summary: quiet(api.summary()),
    alerts: quiet(api.alerts()),
  },
};
