#!/usr/bin/env node
// End-to-end checks of tolk's HTML pages in a real browser (headless Debian Chromium
// through playwright-core). Usage: node tests/browser/run.mjs SITE_DIR
//
// SITE_DIR is the output of `tolk build --pseudo --out SITE_DIR`. Every HTML page of
// every published locale in SITE_DIR/index.json is served from 127.0.0.1 and checked;
// nothing leaves the machine (every other origin is aborted, the quick exit's target
// is answered by a stub). One line per page and check; exit 1 with a summary when a
// check fails, 2 when a tool is missing or the site cannot be read.

import fs from 'node:fs';
import path from 'node:path';

import { INSTALL_HINT, MissingTool, REPO, foreign, launch, serve, sitePages } from './lib.mjs';

// What the page must link to, whatever the locale.
const TEL = 'tel:+18883737888';
const SMS = 'sms:233733?&body=BeFree';
const PHONE = '1-888-373-7888';
const SHORT_CODE = '233733';
const KEYWORD = 'BeFree';
const RTL = new Set(['ar', 'ar-XB']);
const MAX_BYTES = 60 * 1024;
const WIDTHS = [360, 1280];
const HEIGHT = { 360: 800, 1280: 900 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// axe's structure rules (tagged best-practice, so not in the WCAG run): headings in
// order, landmarks, skip link.
const AXE_STRUCTURE = [
  'heading-order',
  'page-has-heading-one',
  'empty-heading',
  'landmark-one-main',
  'landmark-unique',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-contentinfo',
  'landmark-no-duplicate-main',
  'landmark-banner-is-top-level',
  'landmark-contentinfo-is-top-level',
  'landmark-main-is-top-level',
  'landmark-complementary-is-top-level',
  'region',
  'skip-link',
];
// A focus indicator needs 3:1 against what surrounds it (WCAG 2.1, 1.4.11).
const FOCUS_CONTRAST = 3;
const CONCURRENCY = 3;
const CHECKS = [
  [1, 'load'],
  [2, 'lang-dir'],
  [3, 'overflow'],
  [4, 'languages'],
  [5, 'contact'],
  [6, 'quick-exit'],
  [7, 'mirroring'],
  [8, 'bidi'],
  [9, 'axe'],
  [10, 'size'],
];

// ---------------------------------------------------------------------------------
// The content document: the chat and exit URLs come from its facts.

/** The facts and blocks of content/<doc>.toml that the checks need (a tiny reader for
 * the shapes the sample uses: `name = { type = "value" }` facts and flat blocks). */
function contentExpectations(doc) {
  const file = path.join(REPO, 'content', `${doc}.toml`);
  const text = fs.readFileSync(file, 'utf8');
  const facts = {};
  const factsPart = (text.split(/^\[facts\][ \t]*$/m)[1] || '').split(/^\[/m)[0];
  const factRe = /^([A-Za-z0-9_-]+)\s*=\s*\{\s*([a-z-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[0-9.]+)\s*\}/gm;
  for (const m of factsPart.matchAll(factRe)) facts[m[1]] = JSON.parse(m[3]);
  const blocks = text
    .split(/^\[\[sections\.blocks\]\][ \t]*$/m)
    .slice(1)
    .map((b) => b.split(/^\[/m)[0]);
  const field = (b, k) => b && (b.match(new RegExp(`^${k}\\s*=\\s*"([^"]*)"`, 'm')) || [])[1];
  const contact = blocks.find((b) => field(b, 'type') === 'contact');
  const exit = blocks.find((b) => field(b, 'type') === 'quick-exit');
  const chatUrl = facts[field(contact, 'chat-url')];
  const exitUrl = facts[field(exit, 'url')];
  if (!chatUrl || !exitUrl) throw new Error(`${file}: no contact block with chat-url, or no quick-exit url`);
  return { chatUrl, exitUrl, file: path.relative(REPO, file) };
}

// ---------------------------------------------------------------------------------
// Functions evaluated in the page. They are serialized: everything they use is inside.

async function settle() {
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

function measureOverflow() {
  const describe = (el) =>
    el.tagName.toLowerCase() +
    (el.id ? `#${el.id}` : '') +
    (el.classList.length ? `.${[...el.classList].join('.')}` : '');
  const de = document.documentElement;
  const limit = de.clientWidth;
  const eps = 0.5;
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < -eps || r.right > limit + eps) {
      offenders.push(`${describe(el)} spans x ${r.left.toFixed(1)}..${r.right.toFixed(1)}`);
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.data.trim()) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && (r.left < -eps || r.right > limit + eps)) {
        offenders.push(
          `text "${n.data.trim().slice(0, 40)}" in ${describe(n.parentElement)} spans x ${r.left.toFixed(1)}..${r.right.toFixed(1)}`,
        );
        break;
      }
    }
  }
  return { innerWidth, clientWidth: limit, scrollWidth: de.scrollWidth, offenders };
}

function measureMirroring(rtl) {
  const problems = [];
  const side = (isRtl) => (isRtl ? 'right' : 'left');
  const px = (v) => parseFloat(v) || 0;
  const f = (n) => n.toFixed(1);
  const dir = getComputedStyle(document.body).direction;
  if (dir !== (rtl ? 'rtl' : 'ltr')) problems.push(`body direction is ${dir}`);

  // The contact block: the thick border is the inline-start one.
  const channels = [...document.querySelectorAll('.contact .channel')];
  if (!channels.length) problems.push('no .contact .channel');
  for (const ch of channels) {
    const cs = getComputedStyle(ch);
    const l = px(cs.borderLeftWidth);
    const r = px(cs.borderRightWidth);
    if (!((rtl ? r : l) > (rtl ? l : r))) {
      problems.push(`${ch.className}: border left ${l}px, right ${r}px; the thick one must be on the ${side(rtl)}`);
    }
  }

  // A bulleted or numbered list: padding, and the marker, on the inline-start side.
  const list = [...document.querySelectorAll('main ul, main ol')].find(
    (l) => !l.closest('.contact, nav') && getComputedStyle(l).listStyleType !== 'none',
  );
  if (!list) {
    problems.push('no list with markers in main');
  } else {
    const cs = getComputedStyle(list);
    const start = px(rtl ? cs.paddingRight : cs.paddingLeft);
    const end = px(rtl ? cs.paddingLeft : cs.paddingRight);
    if (!(start > 0 && end === 0)) {
      problems.push(`list padding left ${cs.paddingLeft}, right ${cs.paddingRight}: expected on the ${side(rtl)} only`);
    }
    const li = list.querySelector('li');
    const ur = list.getBoundingClientRect();
    const lr = li.getBoundingClientRect();
    const gapStart = rtl ? ur.right - lr.right : lr.left - ur.left;
    const gapEnd = rtl ? lr.left - ur.left : ur.right - lr.right;
    if (!(gapStart > 4 && Math.abs(gapEnd) < 1)) {
      problems.push(`list item inset ${f(gapStart)}px on the ${side(rtl)}, ${f(gapEnd)}px on the ${side(!rtl)}`);
    }
    // Where is the marker? Pull it inside the item: the text moves away from it.
    const firstLine = () => {
      const r = document.createRange();
      r.selectNodeContents(li);
      return r.getClientRects()[0];
    };
    const outside = firstLine();
    li.style.listStylePosition = 'inside';
    const inside = firstLine();
    li.style.listStylePosition = '';
    const shift = rtl ? outside.right - inside.right : inside.left - outside.left;
    if (!(shift > 2)) {
      problems.push(`list marker not on the ${side(rtl)}: text moved ${f(shift)}px away from the ${side(rtl)} when the marker was put inside`);
    }
  }

  // The header: quick exit at the inline end, languages at the inline start.
  const top = document.querySelector('header');
  const qe = document.getElementById('quick-exit');
  const firstLang = document.querySelector('header nav a');
  if (!top || !qe || !firstLang) {
    problems.push('no header with #quick-exit and a language switcher');
  } else {
    const tr = top.getBoundingClientRect();
    const tcs = getComputedStyle(top);
    const left = tr.left + px(tcs.borderLeftWidth) + px(tcs.paddingLeft);
    const right = tr.right - px(tcs.borderRightWidth) - px(tcs.paddingRight);
    const mid = (left + right) / 2;
    const q = qe.getBoundingClientRect();
    const n = firstLang.getBoundingClientRect();
    const qMid = (q.left + q.right) / 2;
    const nMid = (n.left + n.right) / 2;
    const qFlush = rtl ? Math.abs(q.left - left) <= 1 : Math.abs(q.right - right) <= 1;
    const nFlush = rtl ? Math.abs(n.right - right) <= 1 : Math.abs(n.left - left) <= 1;
    if (!qFlush || (rtl ? qMid >= mid : qMid <= mid)) {
      problems.push(`quick exit at x ${f(q.left)}..${f(q.right)} in a header of ${f(left)}..${f(right)}: expected on the ${side(!rtl)} edge`);
    }
    if (!nFlush || (rtl ? nMid <= mid : nMid >= mid)) {
      problems.push(`language switcher starts at x ${f(n.left)}..${f(n.right)} in a header of ${f(left)}..${f(right)}: expected on the ${side(rtl)} edge`);
    }
  }
  return problems;
}

function measureBidi() {
  // Every occurrence of the numbers in the rendered text, the contact links' first.
  const where = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.classList.length ? `.${[...e.classList].join('.')}` : ''));
      if (e.id || e.tagName === 'FOOTER' || e.tagName === 'HEADER') break;
    }
    return parts.join(' > ');
  };
  const out = [];
  for (const [sel, needle] of [
    ['.channel-call a', '1-888-373-7888'],
    ['.channel-sms a', '233733'],
  ]) {
    const link = document.querySelector(sel);
    if (!link) {
      out.push({ needle, error: `no ${sel}` });
      continue;
    }
    let inLink = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let at = node.data.indexOf(needle); at >= 0; at = node.data.indexOf(needle, at + 1)) {
        const range = (from, to) => {
          const r = document.createRange();
          r.setStart(node, from);
          r.setEnd(node, to);
          return r;
        };
        const centre = (i) => {
          const b = range(i, i + 1).getBoundingClientRect();
          return (b.left + b.right) / 2;
        };
        const rects = [...range(at, at + needle.length).getClientRects()].filter((r) => r.width > 0);
        if (!rects.length) continue; // not rendered (display: none)
        if (link.contains(node)) inLink++;
        out.push({
          needle,
          where: where(node.parentElement),
          first: centre(at),
          last: centre(at + needle.length - 1),
          lines: new Set(rects.map((r) => Math.round(r.top))).size,
        });
      }
    }
    if (!inLink) out.push({ needle, error: `${sel} shows no ${needle}` });
  }
  return out;
}

function measureFocus() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const what =
    el.tagName.toLowerCase() +
    (el.id ? `#${el.id}` : '') +
    (el.classList.length ? `.${[...el.classList].join('.')}` : '') +
    (el.getAttribute('hreflang') ? `[hreflang=${el.getAttribute('hreflang')}]` : '');
  const parse = (c) => {
    const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
    return m ? { rgb: [+m[1], +m[2], +m[3]], a: m[4] === undefined ? 1 : +m[4] } : null;
  };
  const luminance = ([r, g, b]) => {
    const lin = (v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  // The outline is drawn around the element, on its parent's background.
  let bg = [255, 255, 255];
  for (let e = el.parentElement; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c.a === 1) {
      bg = c.rgb;
      break;
    }
  }
  const cs = getComputedStyle(el);
  const color = parse(cs.outlineColor);
  let ratio = 0;
  if (color) {
    const [l1, l2] = [luminance(color.rgb), luminance(bg)].sort((a, b) => b - a);
    ratio = (l1 + 0.05) / (l2 + 0.05);
  }
  const r = el.getBoundingClientRect();
  return {
    what,
    style: cs.outlineStyle,
    width: parseFloat(cs.outlineWidth) || 0,
    color: cs.outlineColor,
    bg: `rgb(${bg.join(', ')})`,
    ratio,
    inView: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
  };
}

function staticResources() {
  const found = [];
  const sel = 'script[src], link[rel~="stylesheet"], link[rel~="preload"], link[rel~="icon"], link[rel~="manifest"], img, picture, iframe, object, embed, video, audio, source, base';
  for (const el of document.querySelectorAll(sel)) found.push(el.outerHTML.slice(0, 80));
  for (const s of document.querySelectorAll('style')) {
    for (const bad of ['@import', '@font-face', 'url(']) if (s.textContent.includes(bad)) found.push(`<style> uses ${bad}`);
  }
  const scripts = [...document.querySelectorAll('script')].map((s) => s.textContent);
  for (const s of scripts) {
    for (const bad of ['fetch(', 'XMLHttpRequest', 'import(', 'WebSocket']) if (s.includes(bad)) found.push(`<script> uses ${bad}`);
  }
  const fetched = performance.getEntriesByType('resource').map((e) => `${e.initiatorType} ${e.name}`);
  return { found, fetched };
}

// ---------------------------------------------------------------------------------
// The checks of one page.

class Results {
  constructor(page) {
    this.page = page;
    this.items = new Map(CHECKS.map(([n, name]) => [n, { n, name, problems: [], info: [] }]));
  }
  fail(n, msg) {
    this.items.get(n).problems.push(msg);
  }
  info(n, msg) {
    this.items.get(n).info.push(msg);
  }
  async run(n, fn) {
    try {
      await fn();
    } catch (e) {
      this.fail(n, `exception: ${(e && e.message ? e.message : String(e)).split('\n')[0]}`);
    }
  }
}

const pad = (s, n) => String(s).padEnd(n);

async function newContext(browser, extra = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: HEIGHT[1280] }, ...extra });
  ctx.setDefaultTimeout(15000);
  ctx.setDefaultNavigationTimeout(15000);
  return ctx;
}

/** Loads `url` in a throwaway page of the shared probe context: status and <html lang>. */
function makeProbe(ctx) {
  const cache = new Map();
  return (url) => {
    if (!cache.has(url)) {
      cache.set(
        url,
        (async () => {
          const page = await ctx.newPage();
          try {
            const res = await page.goto(url, { waitUntil: 'load' });
            const lang = await page.evaluate(() => document.documentElement.getAttribute('lang'));
            return { status: res ? res.status() : 0, lang };
          } catch (e) {
            return { status: 0, lang: null, error: e.message.split('\n')[0] };
          } finally {
            await page.close();
          }
        })(),
      );
    }
    return cache.get(url);
  };
}

async function checkPage(browser, origin, probe, site, entry, expect) {
  const R = new Results(entry);
  const url = `${origin}/${entry.path}`;
  const rtl = RTL.has(entry.locale);
  const isForeign = foreign(origin);

  // -- Context A: the page as published, CSP enforced, every other origin aborted.
  const ctx = await newContext(browser);
  const requests = [];
  const foreignRequests = [];
  const consoleProblems = [];
  const pageErrors = [];
  await ctx.route(isForeign, (route) => {
    foreignRequests.push(`${route.request().resourceType()} ${route.request().url()}`);
    return route.abort('blockedbyclient');
  });
  await ctx.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} ${e.sample || ''}`.trim());
    });
  });
  const page = await ctx.newPage();
  page.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      const loc = m.location();
      consoleProblems.push(`console ${m.type()}: ${m.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (e) => pageErrors.push(`page error: ${e.message}`));

  let response = null;
  try {
    try {
      response = await page.goto(url, { waitUntil: 'networkidle' });
      await page.evaluate(settle);
    } catch (e) {
      R.fail(1, `cannot load ${url}: ${e.message.split('\n')[0]}`);
    }

    // 1. Load, part one: HTTP 200, and the inline style applied (its CSP hash matched;
    // a blocked <style> has no sheet). Part two, after every interaction, is below.
    await R.run(1, async () => {
      if (!response) return;
      if (response.status() !== 200) R.fail(1, `HTTP ${response.status()} for ${url}`);
      const sheets = await page.evaluate(() =>
        [...document.querySelectorAll('style')].map((s) => (s.sheet ? s.sheet.cssRules.length : -1)),
      );
      if (!sheets.length) R.fail(1, 'the page has no <style>');
      if (sheets.some((n) => n <= 0)) R.fail(1, `an inline <style> was not applied (rules per sheet: ${sheets.join(', ')})`);
    });

    // 2. lang and dir.
    await R.run(2, async () => {
      if (!response) throw new Error('page did not load');
      const { lang, dir } = await page.evaluate(() => ({
        lang: document.documentElement.getAttribute('lang'),
        dir: document.documentElement.getAttribute('dir'),
      }));
      const wantDir = rtl ? 'rtl' : 'ltr';
      if (lang !== entry.locale) R.fail(2, `<html lang="${lang}">, expected "${entry.locale}"`);
      if (dir !== wantDir) R.fail(2, `<html dir="${dir}">, expected "${wantDir}"`);
      if (entry.dir !== wantDir) R.fail(2, `index.json says dir ${entry.dir} for ${entry.locale}, expected ${wantDir}`);
      R.info(2, `lang="${lang}" dir="${dir}"`);
    });

    // 4. Language switcher and hreflang alternates.
    await R.run(4, async () => {
      if (!response) throw new Error('page did not load');
      const { switcher, alternates } = await page.evaluate(() => ({
        switcher: [...document.querySelectorAll('header nav a')].map((a) => ({
          href: a.href,
          hreflang: a.getAttribute('hreflang'),
          lang: a.getAttribute('lang'),
          text: a.textContent.trim(),
          current: a.getAttribute('aria-current'),
        })),
        alternates: [...document.querySelectorAll('link[rel~="alternate"][hreflang]')].map((l) => ({
          href: l.href,
          hreflang: l.getAttribute('hreflang'),
        })),
      }));
      const published = site.pages.filter((p) => p.doc === entry.doc);
      const want = published.map((p) => p.locale).sort();
      const same = (xs) => JSON.stringify([...xs].sort()) === JSON.stringify(want);
      if (!same(switcher.map((s) => s.hreflang))) R.fail(4, `switcher has ${switcher.map((s) => s.hreflang).join(', ')}; published: ${want.join(', ')}`);
      if (!same(alternates.map((s) => s.hreflang))) R.fail(4, `hreflang alternates are ${alternates.map((s) => s.hreflang).join(', ')}; published: ${want.join(', ')}`);
      for (const s of switcher) {
        const p = published.find((p) => p.locale === s.hreflang);
        if (s.lang !== s.hreflang) R.fail(4, `switcher link "${s.text}" has lang="${s.lang}", hreflang="${s.hreflang}"`);
        if (p && s.text !== p.name) R.fail(4, `switcher names ${s.hreflang} "${s.text}", its own name is "${p.name}"`);
        if ((s.current === 'page') !== (s.hreflang === entry.locale)) R.fail(4, `switcher link ${s.hreflang}: aria-current=${s.current}`);
        if (s.current === 'page' && s.href !== url) R.fail(4, `the current-page link goes to ${s.href}, not ${url}`);
      }
      for (const [what, list] of [['switcher link', switcher], ['hreflang alternate', alternates]]) {
        for (const s of list) {
          if (new URL(s.href).origin !== origin) {
            R.fail(4, `${what} ${s.hreflang} leaves the site: ${s.href}`);
            continue;
          }
          const got = await probe(s.href);
          if (got.status !== 200) R.fail(4, `${what} ${s.hreflang} -> ${s.href}: HTTP ${got.status}${got.error ? ` (${got.error})` : ''}`);
          else if (got.lang !== s.hreflang) R.fail(4, `${what} ${s.hreflang} -> ${s.href}: <html lang="${got.lang}">`);
        }
      }
      R.info(4, `${switcher.length} switcher links and ${alternates.length} alternates: HTTP 200, lang = hreflang, each language named in itself`);
    });

    // 5. Contact links.
    await R.run(5, async () => {
      if (!response) throw new Error('page did not load');
      const links = await page.evaluate(() =>
        Object.fromEntries(
          ['call', 'sms', 'chat'].map((k) => {
            const a = document.querySelector(`.channel-${k} a`);
            return [k, a ? { href: a.getAttribute('href'), text: a.innerText, visible: a.getClientRects().length > 0 } : null];
          }),
        ),
      );
      const want = {
        call: { href: TEL, texts: [PHONE] },
        sms: { href: SMS, texts: [SHORT_CODE, KEYWORD] },
        chat: { href: expect.chatUrl, texts: [] },
      };
      for (const [k, w] of Object.entries(want)) {
        const got = links[k];
        if (!got) {
          R.fail(5, `no ${k} link (.channel-${k} a)`);
          continue;
        }
        if (got.href !== w.href) R.fail(5, `${k} link is ${JSON.stringify(got.href)}, expected ${JSON.stringify(w.href)}`);
        if (!got.visible) R.fail(5, `${k} link is not rendered`);
        for (const t of w.texts) if (!got.text.includes(t)) R.fail(5, `${k} link text ${JSON.stringify(got.text)} lacks ${t}`);
      }
      R.info(5, `${TEL} / ${SMS} / ${expect.chatUrl} (from ${expect.file}); texts show ${PHONE}, ${SHORT_CODE}, ${KEYWORD}`);
    });

    // 3, 7, 8 at each width.
    const counted = new Set();
    for (const width of WIDTHS) {
      if (!response) break;
      await page.setViewportSize({ width, height: HEIGHT[width] });
      await page.evaluate(settle);

      await R.run(3, async () => {
        const m = await page.evaluate(measureOverflow);
        if (m.scrollWidth > m.clientWidth) R.fail(3, `${width}px: document scrollWidth ${m.scrollWidth} > ${m.clientWidth}`);
        if (m.scrollWidth > m.innerWidth) R.fail(3, `${width}px: document scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth}`);
        for (const o of m.offenders.slice(0, 8)) R.fail(3, `${width}px: ${o}`);
        if (m.offenders.length > 8) R.fail(3, `${width}px: ... and ${m.offenders.length - 8} more`);
      });

      await R.run(7, async () => {
        for (const p of await page.evaluate(measureMirroring, rtl)) R.fail(7, `${width}px: ${p}`);
      });

      await R.run(6, async () => {
        const q = await page.evaluate(() => {
          window.scrollTo(0, 0);
          const r = document.getElementById('quick-exit')?.getBoundingClientRect();
          return r && { top: r.top, bottom: r.bottom, left: r.left, right: r.right, h: innerHeight, w: innerWidth };
        });
        if (!q) R.fail(6, 'no #quick-exit');
        else if (q.top < 0 || q.bottom > q.h || q.left < 0 || q.right > q.w) {
          R.fail(6, `${width}px: the quick exit (y ${q.top.toFixed(0)}..${q.bottom.toFixed(0)}) is not on the first screen (${q.w}x${q.h})`);
        }
      });

      await R.run(8, async () => {
        for (const b of await page.evaluate(measureBidi)) {
          if (b.error) {
            R.fail(8, b.error);
            continue;
          }
          if (b.lines !== 1) {
            R.fail(8, `${width}px: ${b.needle} in ${b.where} is broken over ${b.lines} lines`);
          } else if (!(b.first < b.last)) {
            R.fail(8, `${width}px: ${b.needle} in ${b.where} displays right to left: first digit at x ${b.first.toFixed(1)}, last at x ${b.last.toFixed(1)}`);
          }
          counted.add(`${b.needle} ${b.where}`);
        }
      });
    }
    R.info(3, `${WIDTHS.join(' and ')}px: scrollWidth <= innerWidth, every box and text line inside the viewport`);
    R.info(7, rtl
      ? 'right to left: thick contact border and list markers on the right, quick exit left, languages right'
      : 'left to right: thick contact border and list markers on the left, quick exit right, languages left');
    R.info(8, `${PHONE} and ${SHORT_CODE} display left to right on one line, ${counted.size} places, at ${WIDTHS.join(' and ')}px`);

    // 9, part one: every control reached with Tab shows a focus indicator on screen.
    await R.run(9, async () => {
      if (!response) throw new Error('page did not load');
      await page.setViewportSize({ width: 1280, height: HEIGHT[1280] });
      const count = await page.evaluate(() => {
        document.activeElement?.blur();
        window.scrollTo(0, 0);
        const sel = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
        return [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length).length;
      });
      let focused = 0;
      for (let i = 0; i < count; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(measureFocus);
        if (!f) {
          R.fail(9, `Tab ${i + 1}: nothing has focus`);
          continue;
        }
        focused++;
        if (f.style === 'none' || f.width < 2) R.fail(9, `focus on ${f.what}: no visible outline (${f.style} ${f.width}px)`);
        else if (f.ratio < FOCUS_CONTRAST) {
          R.fail(9, `focus on ${f.what}: outline ${f.color} on ${f.bg} has contrast ${f.ratio.toFixed(2)}:1, needs ${FOCUS_CONTRAST}:1`);
        }
        if (!f.inView) R.fail(9, `focus on ${f.what}: the focused element is not on screen`);
      }
      if (page.url() !== url) R.fail(9, `tabbing through the page navigated to ${page.url()}`);
      R.info(9, `Tab reaches ${focused} controls, each with an outline of ${FOCUS_CONTRAST}:1 or more, on screen`);
    });

    // 10. Size and resources.
    await R.run(10, async () => {
      const size = fs.statSync(entry.file).size;
      if (size >= MAX_BYTES) R.fail(10, `${size} bytes, not under ${MAX_BYTES}`);
      if (response) {
        const body = await response.body();
        if (body.length !== size) R.fail(10, `served ${body.length} bytes, the file has ${size}`);
        const others = requests.filter((r) => r.url !== url);
        for (const r of others) R.fail(10, `the page loads a ${r.type}: ${r.url}`);
        const { found, fetched } = await page.evaluate(staticResources);
        for (const f of found) R.fail(10, `external resource in the markup: ${f}`);
        for (const f of fetched) R.fail(10, `fetched: ${f}`);
      }
      R.info(10, `${size} bytes (${(size / 1024).toFixed(1)} KiB < 60 KiB); no font, script, style or image fetched`);
    });

    // 1. Load, part two: nothing went wrong while the page was loaded, resized and
    // tabbed through: no console error or warning, no page error, no CSP violation
    // (Chromium also logs those as console errors), no request to another origin.
    await R.run(1, async () => {
      if (!response) return;
      const csp = await page.evaluate(() => window.__cspViolations);
      for (const v of csp) R.fail(1, `CSP violation: ${v}`);
      for (const p of consoleProblems) R.fail(1, p);
      for (const p of pageErrors) R.fail(1, p);
      const elsewhere = new Set([
        ...requests.filter((r) => new URL(r.url).origin !== origin).map((r) => `${r.type} ${r.url}`),
        ...foreignRequests,
      ]);
      for (const r of elsewhere) R.fail(1, `request to another origin: ${r}`);
      R.info(1, `HTTP 200, ${requests.length} request(s), all to ${origin}; inline style applied; no console error or warning, page error or CSP violation`);
    });
  } finally {
    await ctx.close();
  }

  // 6. Quick exit: one click, and the Escape key, replace the page with the exit URL.
  await R.run(6, async () => {
    for (const how of ['click', 'Escape']) {
      const c = await newContext(browser);
      try {
        const stray = [];
        const errors = [];
        await c.route(isForeign, (route) => {
          const u = route.request().url();
          if (u === expect.exitUrl) {
            return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>exit stub</title><p>stub' });
          }
          stray.push(u);
          return route.abort('blockedbyclient');
        });
        const p = await c.newPage();
        p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        p.on('pageerror', (e) => errors.push(e.message));
        await p.goto(`${origin}/index.html`);
        await p.goto(url, { waitUntil: 'load' });
        const href = await p.getAttribute('#quick-exit', 'href');
        if (href !== expect.exitUrl) R.fail(6, `quick exit goes to ${href}, expected ${expect.exitUrl}`);
        const before = await p.evaluate(() => history.length);
        const nav = p.waitForURL(expect.exitUrl, { timeout: 5000 });
        if (how === 'click') await p.click('#quick-exit');
        else await p.keyboard.press('Escape');
        await nav.catch(() => {});
        if (p.url() !== expect.exitUrl) {
          R.fail(6, `${how}: still at ${p.url()}, expected ${expect.exitUrl}`);
          continue;
        }
        await p.waitForLoadState('load');
        const after = await p.evaluate(() => history.length);
        if (after !== before) R.fail(6, `${how}: history.length went from ${before} to ${after}; the exit must replace the entry`);
        for (const s of stray) R.fail(6, `${how}: request to ${s}`);
        for (const e of errors) R.fail(6, `${how}: ${e}`);
      } finally {
        await c.close();
      }
    }
    R.info(6, `one click and the Escape key each go to ${expect.exitUrl} (stubbed) with history.length unchanged`);
  });

  // 9. axe-core, WCAG 2.1 A and AA, at both widths. CSP is bypassed in this context
  // only, so the axe script can be added to the page.
  await R.run(9, async () => {
    const c = await newContext(browser, { bypassCSP: true });
    try {
      await c.route(isForeign, (route) => route.abort('blockedbyclient'));
      const p = await c.newPage();
      await p.goto(url, { waitUntil: 'load' });
      await p.addScriptTag({ content: AXE_SOURCE });
      const seen = new Set();
      let incomplete = 0;
      for (const width of WIDTHS) {
        await p.setViewportSize({ width, height: HEIGHT[width] });
        await p.evaluate(settle);
        const res = await p.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          AXE_TAGS,
        );
        incomplete = Math.max(incomplete, res.incomplete.length);
        const structure = await p.evaluate(
          (rules) => window.axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] }),
          AXE_STRUCTURE,
        );
        for (const v of [...res.violations, ...structure.violations]) {
          for (const node of v.nodes) {
            const key = `${v.id} ${node.target.join(' ')}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const why = (node.failureSummary || '').split('\n').slice(1).join(' ').trim();
            R.fail(9, `${width}px: ${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')}${why ? ` - ${why}` : ''}`);
          }
        }
      }
      R.info(9, `axe-core ${AXE_VERSION} (${AXE_TAGS.join(', ')}, and headings, landmarks, skip link) at ${WIDTHS.join(' and ')}px: no violations${incomplete ? ` (${incomplete} rule(s) need review)` : ''}`);
    } finally {
      await c.close();
    }
  });

  return R;
}

// ---------------------------------------------------------------------------------

let AXE_SOURCE;
let AXE_VERSION;

function report(R) {
  const lines = [];
  for (const item of R.items.values()) {
    const ok = item.problems.length === 0;
    const head = `${ok ? 'ok  ' : 'FAIL'}  ${pad(R.page.locale, 6)} ${pad(`${item.n} ${item.name}`, 13)}`;
    if (ok) lines.push(`${head} ${item.info.join('; ')}`);
    else lines.push(`${head} ${item.problems.length} problem(s): ${item.problems[0]}`);
  }
  return lines.join('\n');
}

async function main() {
  const siteDir = process.argv[2];
  if (!siteDir || process.argv.length > 3) {
    console.error('usage: node tests/browser/run.mjs SITE_DIR   (SITE_DIR from `tolk build --pseudo --out SITE_DIR`)');
    return 2;
  }
  const axePath = path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules', 'axe-core', 'axe.min.js');
  try {
    AXE_SOURCE = fs.readFileSync(axePath, 'utf8');
    AXE_VERSION = JSON.parse(fs.readFileSync(path.join(path.dirname(axePath), 'package.json'), 'utf8')).version;
  } catch {
    console.error(`cannot read ${axePath}\n${INSTALL_HINT}`);
    return 2;
  }
  let site;
  try {
    site = sitePages(siteDir);
  } catch (e) {
    console.error(e.message);
    return 2;
  }
  const expectations = new Map();
  for (const doc of new Set(site.pages.map((p) => p.doc))) expectations.set(doc, contentExpectations(doc));

  const browser = await launch();
  const server = await serve(siteDir);
  const started = Date.now();
  const results = new Array(site.pages.length);
  try {
    console.log(`${browser.version()} headless, ${site.pages.length} pages from ${server.origin}`);
    const probeCtx = await newContext(browser);
    await probeCtx.route(foreign(server.origin), (route) => route.abort('blockedbyclient'));
    const probe = makeProbe(probeCtx);
    // A small pool; output in manifest order, a page as soon as its predecessors are done.
    let next = 0;
    let printed = 0;
    const worker = async () => {
      while (next < site.pages.length) {
        const i = next++;
        const entry = site.pages[i];
        results[i] = await checkPage(browser, server.origin, probe, site, entry, expectations.get(entry.doc));
        while (printed < results.length && results[printed]) console.log(report(results[printed++]));
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, site.pages.length) }, worker));
    await probeCtx.close();
  } finally {
    await browser.close();
    await server.close();
  }

  const failures = results.flatMap((R) =>
    [...R.items.values()].filter((i) => i.problems.length).map((i) => ({ R, i })),
  );
  const total = results.length * CHECKS.length;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (!failures.length) {
    console.log(`\nbrowser checks passed: ${total} checks on ${results.length} pages in ${secs}s`);
    return 0;
  }
  console.log(`\nbrowser checks FAILED: ${failures.length} of ${total} checks on ${results.length} pages (${secs}s)`);
  for (const { R, i } of failures) {
    console.log(`\n${R.page.locale} (${R.page.path}) - check ${i.n} ${i.name}:`);
    for (const p of i.problems) console.log(`  - ${p}`);
  }
  return 1;
}

const watchdog = setTimeout(() => {
  console.error('browser checks timed out after 10 minutes');
  process.exit(1);
}, 10 * 60 * 1000);
watchdog.unref();

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof MissingTool) {
      console.error(`browser checks cannot run: ${e.message}`);
    } else {
      console.error(`browser checks crashed: ${e && e.stack ? e.stack : e}`);
    }
    process.exitCode = 2;
  },
);
