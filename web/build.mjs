// Builds Vigil's dashboard into crates/serve/assets/: index.html, app.js, app.css (minified).
//
//   cd web && npm ci && node build.mjs        (or scripts/web from the repository root)
//
// The Rust server (`vigil serve`, crates/serve) embeds these three files with include_bytes!,
// so `cargo build` needs no npm. Everything the page needs is in them: no CDN, no web fonts,
// no map tiles. Two virtual modules are generated here and bundled into app.js:
//
//   vigil:world   the world-atlas 110m countries TopoJSON (Natural Earth), each shape keyed
//                 by the CAMEO/ISO code the dashboard uses (see data/geo/iso-numeric.tsv);
//                 Antarctica dropped, properties trimmed to the key.
//   vigil:tables  code -> label tables: countries (data/geo/iso-numeric.tsv), CAMEO known
//                 groups and actor types (data/cameo/known-groups.tsv, actor-types.tsv).
//
// `node build.mjs --watch` rebuilds on change (for development with e2e/mock-server.mjs).
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(root, 'crates', 'serve', 'assets');
const watch = process.argv.includes('--watch');

/** Rows of a tab-separated data file, comments (#) and blank lines skipped. */
function tsv(path) {
  return readFileSync(join(root, path), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

// --- vigil:tables -------------------------------------------------------------------------
// countries: [cameo, numeric, iso2, name]
const countries = tsv('data/geo/iso-numeric.tsv').map((r) => r.slice(0, 4));
const groups = Object.fromEntries(
  tsv('data/cameo/known-groups.tsv')
    .filter((r) => r[0] !== 'code')
    .map((r) => [r[0], r[1]]),
);
const types = Object.fromEntries(
  tsv('data/cameo/actor-types.tsv')
    .filter((r) => r[0] !== 'code')
    .map((r) => [r[0], r[1]]),
);

// --- vigil:world --------------------------------------------------------------------------
// The map key of a shape: its ISO numeric id, or for shapes without one (Kosovo) the CAMEO
// code whose name matches. The dashboard maps a CAMEO country code to the same key.
const atlas = JSON.parse(
  readFileSync(join(here, 'node_modules', 'world-atlas', 'countries-110m.json'), 'utf8'),
);
const byName = new Map(countries.map((r) => [r[3], r[0]]));
const ANTARCTICA = '010';
const geometries = atlas.objects.countries.geometries
  .filter((g) => g.id !== ANTARCTICA)
  .map((g) => {
    const key = g.id ?? byName.get(g.properties?.name) ?? null;
    // Shapes nobody codes (N. Cyprus, Somaliland) keep their world-atlas name for tooltips.
    const geometry = { type: g.type, arcs: g.arcs, id: key ?? `~${g.properties?.name ?? ''}` };
    return geometry;
  });
const world = {
  type: 'Topology',
  transform: atlas.transform,
  arcs: atlas.arcs,
  objects: { countries: { type: 'GeometryCollection', geometries } },
};
const unnamed = atlas.objects.countries.geometries
  .filter((g) => !g.id && !byName.get(g.properties?.name))
  .map((g) => g.properties?.name);

/** esbuild plugin resolving the two virtual modules. */
const virtual = {
  name: 'vigil-virtual',
  setup(build) {
    build.onResolve({ filter: /^vigil:(world|tables)$/ }, (args) => ({
      path: args.path,
      namespace: 'vigil',
    }));
    build.onLoad({ filter: /.*/, namespace: 'vigil' }, (args) => {
      if (args.path === 'vigil:world') return { contents: JSON.stringify(world), loader: 'json' };
      return {
        contents: JSON.stringify({ countries, groups, types }),
        loader: 'json',
      };
    });
  },
};

mkdirSync(out, { recursive: true });

const options = {
  // main.js imports app.css, so esbuild writes app.css next to app.js.
  entryPoints: { app: join(here, 'src', 'main.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  outdir: out,
  entryNames: '[name]',
  legalComments: 'none', // licences are listed in NOTICE and at the top of app.js (banner)
  banner: {
    js:
      '/* Vigil dashboard. Bundles Apache ECharts (Apache-2.0), ZRender (BSD-3-Clause), tslib ' +
      '(0BSD), topojson-client (ISC), world-atlas (ISC; Natural Earth, public domain). See NOTICE. */',
  },
  plugins: [virtual],
  logLevel: 'warning',
  metafile: process.env.METAFILE === "1",
};

/**
 * web/THIRD-PARTY-LICENSES.txt: the licence texts of the packages bundled into app.js (the
 * minified bundle drops their comments; NOTICE points here).
 */
const BUNDLED = [
  ['echarts', ['LICENSE', 'NOTICE', 'licenses/LICENSE-d3']],
  ['zrender', ['LICENSE']],
  ['tslib', ['LICENSE.txt']],
  ['topojson-client', ['LICENSE']],
  ['world-atlas', ['LICENSE']],
];
function writeLicenses() {
  const parts = [
    'Licences of the npm packages bundled into crates/serve/assets/app.js (Vigil\'s dashboard).',
    'Generated by web/build.mjs from web/node_modules; see also NOTICE.',
    'world-atlas\' shapes are Natural Earth data (https://www.naturalearthdata.com/), public domain.',
  ];
  for (const [pkg, files] of BUNDLED) {
    const { version } = JSON.parse(readFileSync(join(here, 'node_modules', pkg, 'package.json'), 'utf8'));
    for (const f of files) {
      const text = readFileSync(join(here, 'node_modules', pkg, f), 'utf8').trim();
      parts.push(`${'='.repeat(78)}\n${pkg} ${version}: ${f}\n${'='.repeat(78)}\n\n${text}`);
    }
  }
  writeFileSync(join(here, 'THIRD-PARTY-LICENSES.txt'), parts.join('\n\n') + '\n');
}

function finish() {
  writeLicenses();
  // The boot script (first API requests) goes inline, before app.js.
  const boot = esbuild.buildSync({
    entryPoints: [join(here, 'src', 'boot.js')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: options.target,
    write: false,
  }).outputFiles[0].text.trim();
  const html = minifyHtml(readFileSync(join(here, 'src', 'index.html'), 'utf8')).replace(
    '<!-- boot -->',
    () => `<script>${boot.replace(/<\/script/gi, '<\\/script')}</script>`,
  );
  writeFileSync(join(out, 'index.html'), html);
  for (const f of ['index.html', 'app.js', 'app.css']) {
    console.log(`${f.padEnd(11)} ${(statSync(join(out, f)).size / 1024).toFixed(1)} KiB`);
  }
  if (unnamed.length) console.log(`map shapes without a code: ${unnamed.join(', ')}`);
}

/** Collapses whitespace between tags; the page's HTML is small and has no <pre>. */
function minifyHtml(s) {
  return s
    .replace(/<!--(?! boot)[\s\S]*?-->/g, '')
    .replace(/>\s+</g, '><')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

if (watch) {
  const ctx = await esbuild.context({
    ...options,
    plugins: [...options.plugins, { name: 'after', setup: (b) => b.onEnd(finish) }],
  });
  await ctx.watch();
  console.log('watching web/src ...');
} else {
  const r = await esbuild.build(options);
  if (r.metafile) writeFileSync('/tmp/vigil-meta.json', JSON.stringify(r.metafile));
  finish();
}
