#!/usr/bin/env node
// Full-page screenshots of every locale page, for a human to look at.
// Usage: node tests/browser/screenshots.mjs SITE_DIR OUT_DIR
// Writes OUT_DIR/<locale>-mobile.png (360 px wide) and OUT_DIR/<locale>-desktop.png
// (1280 px wide). Pages are served from 127.0.0.1; every other origin is aborted.

import fs from 'node:fs';
import path from 'node:path';

import { MissingTool, foreign, launch, serve, sitePages } from './lib.mjs';

const SIZES = [
  ['mobile', { width: 360, height: 800 }],
  ['desktop', { width: 1280, height: 900 }],
];

async function main() {
  const [siteDir, outDir] = process.argv.slice(2);
  if (!siteDir || !outDir || process.argv.length > 4) {
    console.error('usage: node tests/browser/screenshots.mjs SITE_DIR OUT_DIR');
    return 2;
  }
  let pages;
  try {
    ({ pages } = sitePages(siteDir));
  } catch (e) {
    console.error(e.message);
    return 2;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launch();
  const server = await serve(siteDir);
  try {
    for (const [label, viewport] of SIZES) {
      const ctx = await browser.newContext({ viewport });
      await ctx.route(foreign(server.origin), (route) => route.abort('blockedbyclient'));
      const page = await ctx.newPage();
      for (const entry of pages) {
        await page.goto(`${server.origin}/${entry.path}`, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        // One page per locale in the sample; with several documents, name them too.
        const many = pages.filter((p) => p.locale === entry.locale).length > 1;
        const name = `${entry.locale}${many ? `-${entry.doc}` : ''}-${label}.png`;
        const file = path.join(outDir, name);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await ctx.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e instanceof MissingTool ? `screenshots cannot be taken: ${e.message}` : e && e.stack ? e.stack : e);
    process.exitCode = 2;
  },
);
