// Shared by run.mjs and screenshots.mjs: the tool checks, the static server, the
// browser and the list of pages. Nothing here downloads anything: a missing tool is
// an error that says what to install.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..');

export const INSTALL_HINT = [
  'The browser tests need Debian chromium and the Noto fonts, and the npm packages of tests/browser:',
  '  apt-get install chromium fonts-noto-core fonts-noto-cjk',
  '  npm ci --prefix tests/browser',
  '(set CHROMIUM=/path/to/chromium to use another Chromium; never `npx playwright install`).',
].join('\n');

export class MissingTool extends Error {}

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Imports playwright-core from tests/browser/node_modules, or explains how to install it. */
async function playwright() {
  try {
    return await import('playwright-core');
  } catch (e) {
    throw new MissingTool(`cannot load playwright-core (${e.code || e.message})\n${INSTALL_HINT}`);
  }
}

/** The fonts the sample's scripts need, so that what is measured is what readers see. */
function checkFonts() {
  const wanted = [
    ['ar', 'Arabic (fonts-noto-core)'],
    ['hi', 'Devanagari (fonts-noto-core)'],
    ['zh-cn', 'Simplified Chinese (fonts-noto-cjk)'],
    ['ko', 'Korean (fonts-noto-cjk)'],
  ];
  const missing = [];
  for (const [lang, what] of wanted) {
    const r = spawnSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' });
    if (r.error) throw new MissingTool(`cannot run fc-list (${r.error.code})\n${INSTALL_HINT}`);
    if (!r.stdout.trim()) missing.push(what);
  }
  if (missing.length) throw new MissingTool(`no font for ${missing.join(', ')}\n${INSTALL_HINT}`);
}

/** Launches headless Chromium from the system; never a downloaded one. */
export async function launch() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new MissingTool(`no Chromium at ${CHROMIUM}\n${INSTALL_HINT}`);
  }
  checkFonts();
  const { chromium } = await playwright();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` on 127.0.0.1 at a random port. Resolves to { origin, close }. */
export function serve(root) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, '.' + rel);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

/**
 * Every HTML page of every published locale in SITE_DIR/index.json:
 * [{ locale, name, dir, pseudo, path, file, doc }], in manifest order.
 */
export function sitePages(siteDir) {
  const manifestPath = path.join(siteDir, 'index.json');
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${manifestPath}: ${e.message} (build the site first: tolk build --pseudo --out DIR)`);
  }
  const pages = [];
  for (const l of manifest.locales.filter((l) => l.published !== false)) {
    for (const f of l.files.filter((f) => f.path.endsWith('.html'))) {
      pages.push({
        locale: l.locale,
        name: l.name,
        dir: l.dir,
        pseudo: !!l.pseudo,
        path: f.path,
        file: path.join(siteDir, f.path),
        doc: path.basename(f.path, '.html'),
      });
    }
  }
  if (!pages.length) throw new Error(`${manifestPath} lists no published HTML page`);
  return { manifest, pages };
}

/** A predicate for page.route / context.route: URLs not on `origin`. */
export const foreign = (origin) => (url) => url.origin !== origin;
