// Splits the app's module (issue #18, "a lighter first load"), called by
// scripts/postbuild.mjs before anything reads the built files.
//
// Trunk builds the app with the `split` feature (index.html), so each view of
// src/app/later.rs is a split point, but Trunk's own wasm-bindgen run cannot
// split. This takes cargo's output (built with --emit-relocs, scripts/env.sh),
// splits it with wasm-split-cli (crate wasm_split_cli_support, pinned in
// scripts/setup.sh to the wasm_split_helpers of Cargo.lock), runs
// wasm-bindgen (with LLD's exports kept: the chunks import the main module's
// function table) and wasm-opt on the main module and each chunk, and puts
// the results in place of Trunk's files: the main module and its script under
// new content-hashed names, the chunks and the script that loads them beside
// them. The page's preload links and their integrity hashes follow.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const hash = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => 'sha384-' + crypto.createHash('sha384').update(bytes).digest('base64');

/**
 * The files each split module's load fetches (its own and the chunks it
 * shares with others), read from the loader wasm-split-cli wrote:
 * `{ stories: ['./split_stories-….wasm', './chunk_10-….wasm', …], … }`.
 */
function needs(loader) {
  const chunks = {};
  for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("(\.\/[^"]+\.wasm)"/g)) chunks[m[1]] = m[2];
  const out = {};
  for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("(\.\/[^"]+\.wasm)"[\s\S]*?\n, \[([^\]]*)\]\)\)/g)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean);
    if (deps.some((d) => !chunks[d])) throw new Error(`split: the loader of ${m[1]} names a chunk it does not define`);
    out[m[1]] = [m[2], ...deps.map((d) => chunks[d])];
  }
  if (Object.keys(out).length === 0) throw new Error('split: no split module found in the loader');
  return out;
}

/**
 * The loader with the main module's shared exports in one order. wasm-split-cli
 * lists them (`const { memory, __indirect_function_table, … } = initSync(…)`
 * and the `Object.assign` after it) in a hash set's order, which changes from
 * run to run: the same code then gave the loader, the script and the boot
 * script new names on each build. Order does not matter to either statement.
 */
function sortShared(loader) {
  let lists = 0;
  const out = loader.replace(/(const |Object\.assign\(sharedImports\.__wasm_split, )\{([\w\s,]*)\}/g, (_, head, names) => {
    lists++;
    const sorted = names.split(',').map((n) => n.trim()).filter(Boolean).sort();
    return `${head}{ ${sorted.join(', ')} }`;
  });
  if (lists !== 2) throw new Error(`split: expected the loader's two lists of shared exports, found ${lists}`);
  return out;
}

/**
 * wasm-opt's params for the app's main module: those index.html gives Trunk
 * for the bench page (its `data-wasm-opt-params`), so both modules are
 * optimised alike from one place. Measured in docs/bench/startup.md and
 * docs/bench/README.md: `--converge` runs -Oz until it stops shrinking
 * (−0.9 KB brotli); `--low-memory-unused` (−3.7 KB; Rust's stack lies below
 * the data); `-ocimfs 200`, a function of over 200 expressions stays a
 * function even with one caller, so a loop's `#[inline(never)]` body
 * (render::push_to) stays out of the function around it, whose size V8 pays
 * whole when the loop makes it hot (−1.9 KB besides).
 */
export function mainOptParams(root) {
  const page = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const links = page.match(/<link data-trunk rel="rust" data-bin="bench-page"[^>]*>/g) ?? [];
  const params = links.length === 1 ? links[0].match(/ data-wasm-opt-params="([^"]*)"/) : null;
  if (!params) throw new Error('split: index.html needs one bench-page link with data-wasm-opt-params (the wasm-opt params of both modules)');
  return params[1].split(/\s+/).filter(Boolean);
}

/**
 * Splits the app in the staging folder `dir`, whose index.html loads the
 * script `js` and the module `wasm` (Trunk's names, "./name"). Returns the
 * page with the new names, the new names, and what each split module needs.
 */
export function split({ root, dir, html, js, wasm }) {
  const profile = process.env.TRUNK_PROFILE === 'debug' ? 'debug' : 'release';
  const target = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
  const input = path.join(target, 'wasm32-unknown-unknown', profile, 'space-alliances.wasm');
  if (!fs.existsSync(input)) throw new Error(`split: no ${path.relative(root, input)} (cargo's output)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'split-'));
  try {
    const parts = path.join(tmp, 'parts');
    run('wasm-split-cli', [input, parts, '--out-name', 'main']);
    const bound = path.join(tmp, 'bound');
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', bound, path.join(parts, 'main.wasm')]);
    const opt = (from, to, extra) => {
      if (profile === 'release') run('wasm-opt', ['-Oz', ...extra, from, '-o', to]);
      else fs.copyFileSync(from, to);
      return fs.readFileSync(to);
    };
    // The chunks, by content: "chunk_5.wasm" -> "chunk_5-<hash>.wasm".
    const renamed = {};
    for (const f of fs.readdirSync(parts).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm').sort()) {
      const bytes = opt(path.join(parts, f), path.join(tmp, f), []);
      const name = `${f.replace(/\.wasm$/, '').replace(/_\d{6,}$/, '')}-${hash(bytes)}.wasm`;
      fs.writeFileSync(path.join(dir, name), bytes);
      renamed[f] = name;
    }
    // The main module: -Oz with the bench page's params (see mainOptParams).
    const main = opt(path.join(bound, 'main_bg.wasm'), path.join(tmp, 'main.wasm'), mainOptParams(root));
    const wasmName = `space-alliances-${hash(main)}_bg.wasm`;
    fs.writeFileSync(path.join(dir, wasmName), main);
    // The loader of the chunks imports the main script by name, which
    // imports it back: name the loader by content first, then the script.
    let loader = sortShared(fs.readFileSync(path.join(parts, '__wasm_split.js'), 'utf8'));
    for (const [from, to] of Object.entries(renamed)) loader = loader.replaceAll(`"./${from}"`, `"./${to}"`);
    let script = fs.readFileSync(path.join(bound, 'main.js'), 'utf8').replaceAll('main_bg.wasm', wasmName);
    const loaderName = `split-${hash(loader + script)}.js`;
    // Only the script's imports: the module's own import names stay.
    script = script.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
    const jsName = `space-alliances-${hash(script)}.js`;
    loader = loader.replace('from "./main.js"', `from "./${jsName}"`);
    if (!loader.includes(jsName) || !script.includes(loaderName) || !script.includes('"./__wasm_split.js": ')) throw new Error('split: the loader and the script no longer name each other as expected');
    fs.writeFileSync(path.join(dir, loaderName), loader);
    fs.writeFileSync(path.join(dir, jsName), script);
    // Trunk's unsplit files go; the page names the new ones, with their hashes.
    for (const f of [js, wasm]) fs.rmSync(path.join(dir, f));
    const swap = (page, from, to, bytes) => page.replace(
      new RegExp(`(<link[^>]*href="\\${from}"[^>]*integrity=")[^"]*(")`), `$1${sri(bytes)}$2`,
    ).replaceAll(from, `./${to}`);
    html = swap(html, js, jsName, Buffer.from(script));
    // The script imports the loader at once: fetch it with the script, not
    // a round trip after it.
    const preload = html.match(new RegExp(`<link rel="modulepreload" href="\\./${jsName}"[^>]*>`));
    if (!preload) throw new Error('split: no modulepreload link for the app\'s script');
    html = html.replace(preload[0], `${preload[0]}\n    <link rel="modulepreload" href="./${loaderName}" crossorigin="anonymous" integrity="${sri(Buffer.from(loader))}">`);
    html = swap(html, wasm, wasmName, main);
    return { html, js: `./${jsName}`, wasm: `./${wasmName}`, needs: needs(loader) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
