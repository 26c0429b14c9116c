import path from 'node:path';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { localeFiles } from './lib/i18n/catalog';
import { optionalHostPatterns } from './lib/portals/sites';
import { portalOutline } from './lib/portals/outline-plugin';

/** Fixed so that Firefox policies (3rdparty → id) and tests can address the add-on. */
export const GECKO_ID = 'balise@balise-sante.extension';

/**
 * The extension pages' first paint (options, popup, side panel, form 413) needs React, Dexie and
 * the i18n: one chunk for all of it rather than the several the automatic split makes. The
 * profile's schema (zod) and the modules built on it come in a chunk of their own, which the
 * options list and the popup draw without (lib/store/queries.ts). The pages' first read
 * (lib/store/firstScreen.ts) and the little it imports load first, alone, with Vite's helper for
 * the entry's dynamic import. Every file on the way to a first paint costs a request, and a
 * loaded machine served them one by one (trace of 30/11: 18 files, the entry run at 104 ms, its
 * small imports last): the small modules the pages share at start join the startup chunk.
 * Only for the ES builds (pages): content scripts and the background are single files (IIFE),
 * where code splitting does not apply.
 */
const startupChunk: Plugin = {
  name: 'balise-startup-chunk',
  outputOptions(options) {
    if (options.format !== 'es') return null;
    const firstRead = /\/lib\/(store\/(firstScreen|rows|schema)|profile\/names)\.|vite\/preload-helper|virtual:wxt-(html-)?plugins/;
    // No `$initial` tag: the options page and the popup reach all of it through boot.ts's dynamic import.
    const startup =
      /node_modules\/(?!zod\/)|\/lib\/(i18n\/|profile\/pushed\.|store\/(queries|db|changes|local|storage)\.|messaging\.|autofill\/messages\.|portals\/finess-links\.)|\/components\/(ui\/(afterPaint|deferred|Loading|ErrorBoundary|Modal|theme)|establishment\/(status|labels))\./;
    const profile = /node_modules\/zod\/|\/lib\/profile\//;
    return {
      ...options,
      codeSplitting: {
        groups: [
          { name: 'first-read', priority: 3, test: firstRead },
          { name: 'startup', priority: 2, minShareCount: 2, test: startup },
          { name: 'profile', priority: 1, tags: ['$initial'], minShareCount: 2, test: profile },
        ],
      },
    };
  },
};

/**
 * V8's explicit compile hint on the always-loaded portal script: its functions nearly all run on
 * every portal page load, and a content script gets no code cache, so compiling them at once
 * spares the pre-parse and the second parse of each function when it first runs (a trace,
 * Balise minus an empty content script, 11 pages × 2 loads: compile 7.7 → 5.3 ms per load). Chromium reads the comment on the script's first line;
 * Firefox ignores it. The overlay, injected only when the guide opens, is left lazy.
 */
const compileHint: Plugin = {
  name: 'balise-compile-hint',
  generateBundle: {
    // After WXT's own rewrite of the IIFE's first line.
    order: 'post',
    handler(_options, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.fileName === 'content-scripts/portal.js') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
    },
  },
};

/**
 * A page whose entry only starts work and then imports the page's code (entrypoints/options and
 * popup/boot.ts) would fetch that code only once the entry has arrived and run: a second round
 * of requests, which a loaded machine made ~80 ms long (trace of 30/11). Its chunks, with their
 * static imports and styles, are preloaded from the HTML instead, fetched beside the entry; they
 * are still evaluated only when the entry imports them.
 */
const preloadDynamicImports: Plugin = {
  name: 'balise-preload-dynamic-imports',
  transformIndexHtml: {
    order: 'post',
    handler(_html, { chunk, bundle }) {
      if (!chunk || !bundle) return;
      const already = new Set([chunk.fileName, ...chunk.imports]);
      const scripts = new Set<string>();
      const styles = new Set<string>();
      const visit = (fileName: string) => {
        const found = bundle[fileName];
        if (already.has(fileName) || scripts.has(fileName) || found?.type !== 'chunk') return;
        scripts.add(fileName);
        for (const css of found.viteMetadata?.importedCss ?? []) styles.add(css);
        found.imports.forEach(visit);
      };
      chunk.dynamicImports.forEach(visit);
      return [
        ...[...scripts].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
        // Preloaded, not linked: a stylesheet in the head would hold back the entry's run.
        ...[...styles].map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
      ];
    },
  },
};

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // scripting: the background injects the overlay UI into portal pages (host permissions come from its matches)
    // and registers the portal content script on the sites the user switched Balise on for.
    // activeTab: the popup reads the URL of the tab it was opened on, to offer « Activer Balise sur ce site ».
    permissions: ['storage', 'scripting', 'contextMenus', 'alarms', 'notifications', 'activeTab'],
    // « Activer Balise sur ce site » (lib/portals/sites.ts): nothing granted at install; the browser's
    // own prompt grants one exact HTTPS origin at a time, on the national e-health domains only.
    optional_host_permissions: [...optionalHostPatterns],
    // The guide frame (lib/overlay/guide-channel.ts), framed only by the portals' pages (their
    // matches are copied from the content script's once WXT has read them: see hooks). Chrome
    // serves it under a per-session id, so that a page cannot probe for Balise by its URL;
    // Firefox's per-install UUID already does that.
    web_accessible_resources: [{ resources: ['guide.html'], matches: [], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) }],
    // The fill shortcut (lib/autofill/background.ts): a first press shows the preview, a second one fills.
    commands: {
      'fill-page': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_fillCommandDescription__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // data_collection_permissions exists from Firefox 140 (the current ESR line).
              strict_min_version: '140.0',
              // Balise sends nothing anywhere: declared as such to Firefox.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // Chrome only: without a schema, storage.managed answers {} (Firefox reads policies.json).
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
  vite: () => ({
    // Both browsers preload modules themselves (Firefox from 115): Vite's polyfill was one more file before each page's entry could run.
    build: { modulePreload: { polyfill: false } },
    plugins: [startupChunk, preloadDynamicImports, portalOutline(), compileHint],
  }),
  hooks: {
    // The always-loaded portal script runs on every portal page: it talks to the extension API
    // directly (WXT's own `browser`, i.e. `browser` in Firefox, `chrome` in Chromium, both with
    // promises), without the polyfill the module above gives every other entry point — its
    // evaluation was paid on each page load. Put first, this alias wins over the module's.
    // Its context is a few lines of its own rather than WXT's class (entrypoints/portal.content/context.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.name === 'portal')) return;
      const alias = config.resolve?.alias ?? [];
      const rest = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      const own = [
        { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
        { find: /^wxt\/utils\/content-script-context$/, replacement: path.resolve(import.meta.dirname, 'entrypoints/portal.content/context.ts') },
      ];
      config.resolve = { ...config.resolve, alias: [...own, ...rest] };
    },
    // This file is loaded by jiti, which cannot collect the portal modules (import.meta.glob):
    // the portals' origins come from the always-loaded content script, which WXT bundles.
    //
    // The guide frame (and the overlay's stylesheet, below) must also load on the sites the user switches Balise on for, which are not
    // known at build time, and a manifest's web_accessible_resources cannot change at run time:
    // its matches add the four optional patterns. A page of those domains that is not switched
    // on may then frame guide.html, and gets nothing from it: the frame receives its port only
    // from Balise's content script (lib/overlay/guide-channel.ts), which runs only on built-in and
    // granted origins, and the background answers the frame only in a tab showing a built-in
    // host or a granted site (lib/senders.ts, extensionPageInTab). Chrome's per-session dynamic
    // URL and Firefox's per-install UUID keep a page from probing for Balise by the URL.
    'build:manifestGenerated': (_wxt, manifest) => {
      const portalOrigins = manifest.content_scripts?.find((script) => script.js?.some((file) => file.includes('portal')))?.matches ?? [];
      for (const entry of manifest.web_accessible_resources ?? [])
        if (typeof entry === 'object' && entry.resources.includes('guide.html')) entry.matches = [...portalOrigins, ...optionalHostPatterns];
        // The overlay's stylesheet, which WXT exposes to the content script's matches only: its shadow
        // root loads it on the sites switched on too (else the page's console shows a security error
        // and the guide is drawn without its styles).
        else if (typeof entry === 'object' && entry.resources.some((file) => file.startsWith('content-scripts/')))
          entry.matches = [...new Set([...(entry.matches ?? []), ...optionalHostPatterns])];
    },
    // _locales is generated from lib/i18n/messages/*.json, where French and English sit side by side.
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeFiles());
    },
  },
});
