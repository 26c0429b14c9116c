/**
 * The contract every portal module keeps, checked over all of them at once, plus the
 * fixtures that replicate their pages (test/fixtures/<portal>/<page>.html, each with its answer key beside it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureOf, fixtures, loadFixture, type Fixture } from '../../test/fixtures/load';
import { isSecretKind } from '../profile/kinds';
import { roles } from '../profile/schema';
import { findPage, findPortal, matchPage, portals } from './index';
import { urlFitsPage } from './lookup';
import { contentScriptMatches } from './outline';
import { locateAll, pathMatches, phrasingsOf, queryMatches } from './match';
import { wordsOf } from './words';
import { hostnamePattern, portalSchema, procedureIds, type Portal } from './schema';

const modules = import.meta.glob<{ default: Portal }>('./*.portal.ts', { eager: true });

/** Words that add nothing to a field's label: whose it is (« son », « votre »), or the asking every field does (« sélectionnez »). Articles are not words (./words.ts). */
const addsNothing = new Set(
  ['son', 'sa', 'ses', 'votre', 'vos', 'leur', 'ce', 'cet', 'cette', 'ou', 'saisissez', 'ressaisissez', 'sélectionnez', 'choisissez', 'indiquez', 'renseignez', 'entrez'].flatMap(wordsOf),
);

const located = portals.flatMap((portal) => portal.pages.filter((page) => page.samples.length > 0).map((page) => ({ portal, page })));

const windows: { close(): void }[] = [];
const blank = new DOMParser().parseFromString('<title>Portail</title><h1>Portail</h1>', 'text/html');
function open(fixture: Fixture, url = fixture.url): Document {
  const dom = loadFixture(fixture, url);
  windows.push(dom.window);
  return dom.window.document;
}
afterEach(() => {
  windows.splice(0).forEach((w) => w.close());
});

describe('portal modules', () => {
  it('are each named after its file', () => {
    for (const [file, module] of Object.entries(modules)) expect(file).toBe(`./${module.default.id}.portal.ts`);
    expect(portals).toHaveLength(Object.keys(modules).length);
  });

  // definePortal keeps modules as plain data (no zod in the content script): the schema is enforced here.
  it.each(portals.map((p) => [p.id, p] as const))('%s parses with the schema, to the very data definePortal gives', (_id, portal) => {
    expect(portalSchema.parse(portal)).toEqual(portal);
  });

  it('give person fields only roles of the profile, or me', () => {
    for (const portal of portals)
      for (const page of portal.pages)
        for (const rule of page.fields) if (rule.role) expect([...roles, 'me'], `${portal.id}/${page.id}`).toContain(rule.role);
  });

  it('have unique ids and hosts, exact lower-case hostnames', () => {
    const ids = portals.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const hosts = portals.flatMap((p) => p.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const host of hosts) {
      expect(host).toMatch(hostnamePattern);
      expect(new URL(`https://${host}/`).hostname).toBe(host);
    }
  });

  it('link only to pages that exist', () => {
    for (const portal of portals)
      for (const page of portal.pages)
        for (const next of page.next) expect(findPage(next.portal ?? portal.id, next.page), `${portal.id}/${page.id} → ${next.page}`).not.toBeNull();
  });

  it('quote the seeds in French and English for every instruction and hint', () => {
    for (const portal of portals)
      for (const page of portal.pages)
        for (const text of [...page.instructions, ...page.fields.flatMap((f) => (f.hint ? [f.hint] : []))]) {
          expect(text.fr.trim(), `${portal.id}/${page.id}`).not.toBe('');
          expect(text.en.trim(), `${portal.id}/${page.id}`).not.toBe('');
          expect(text.fr).not.toBe(text.en);
        }
  });

  // « Le département de la structure. » beside « Département », under « … la structure d’exercice »: the
  // user reads it twice and learns nothing. A tip says something the page does not already say.
  it('give no tip that only repeats its field’s label and the page’s titles', () => {
    const empty: string[] = [];
    for (const portal of portals)
      for (const page of portal.pages) {
        const titles = page.shows.flatMap((sign) => ('title' in sign ? phrasingsOf(sign.title) : []));
        for (const rule of page.fields) {
          if (!rule.hint) continue;
          const said = new Set([...(rule.match.label ? phrasingsOf(rule.match.label) : []), ...titles].flatMap(wordsOf));
          if (wordsOf(rule.hint.fr).every((word) => said.has(word) || addsNothing.has(word))) empty.push(`${portal.id}/${page.id}: ${rule.hint.fr}`);
        }
      }
    expect(empty).toEqual([]);
  });

  it('never fill secrets and never carry a role on them', () => {
    for (const portal of portals)
      for (const page of portal.pages)
        for (const rule of page.fields) if (rule.kind && isSecretKind(rule.kind)) expect(rule.role).toBeUndefined();
  });
});

describe('URL matching', () => {
  it.each(located.flatMap(({ portal, page }) => page.samples.map((url) => [`${portal.id}/${page.id}`, url, portal, page] as const)))(
    '%s: sample %s is on its portal and fits its page’s URL hint',
    (_name, url, portal, page) => {
      expect(findPortal(url)).toBe(portal);
      expect(urlFitsPage(new URL(url), page)).toBe(true);
    },
  );

  it.each(portals.flatMap((p) => p.hosts))('%s: lookalikes, subdomains, other ports and http:// give nothing', (host) => {
    const sample = portals.find((p) => p.hosts.includes(host))!.pages[0]!.samples[0];
    const path = sample ? new URL(sample).pathname : '/';
    expect(findPortal(`https://${host}${path}`)).not.toBeNull();
    for (const url of [
      `http://${host}${path}`,
      `https://${host}.evil.test${path}`,
      `https://evil.${host}${path}`,
      `https://${host.replace(/\./g, '-')}.test${path}`,
      `https://${host}:8443${path}`,
      `https://${host}@evil.test${path}`,
      `wss://${host}${path}`,
    ]) {
      expect(findPortal(url), url).toBeNull();
      expect(matchPage(url, blank), url).toBeNull();
    }
    expect(findPortal('not a url')).toBeNull();
  });

  it('content script matches cover every host, over HTTPS only', () => {
    const matches = contentScriptMatches();
    expect(matches).toEqual(portals.flatMap((p) => p.hosts).map((host) => `https://${host}/*`));
    expect(matches.every((m) => m.startsWith('https://'))).toBe(true);
  });

  it('path patterns: literal, one-segment *, trailing **, trailing slash, root', () => {
    expect(pathMatches('/', '/')).toBe(true);
    expect(pathMatches('/', '/x')).toBe(false);
    expect(pathMatches('/a/b', '/a/b/')).toBe(true);
    expect(pathMatches('/a/b', '/a/bc')).toBe(false);
    expect(pathMatches('/a/*', '/a/b')).toBe(true);
    expect(pathMatches('/a/*', '/a')).toBe(false);
    expect(pathMatches('/a/*', '/a/b/c')).toBe(false);
    expect(pathMatches('/a/**', '/a')).toBe(true);
    expect(pathMatches('/a/**', '/a/b/c')).toBe(true);
    expect(pathMatches('/**', '/')).toBe(true);
    expect(queryMatches({ service: '*' }, new URLSearchParams('service=x&y=1'))).toBe(true);
    expect(queryMatches({ service: '*' }, new URLSearchParams('y=1'))).toBe(false);
    expect(queryMatches({ mode: 'a' }, new URLSearchParams('mode=b'))).toBe(false);
  });

  it('pages only guide where no host is known', () => {
    for (const portal of portals.filter((p) => p.hosts.length === 0))
      for (const page of portal.pages) expect([page.path, page.samples.length, page.fields.length]).toEqual([undefined, 0, 0]);
  });
});

describe('fixtures', () => {
  it('exist once for every located page, and only for them, served at one of its samples', () => {
    const ids = (list: { portal: string; page: string }[]) => list.map(({ portal, page }) => `${portal}/${page}`).sort();
    expect(ids([...fixtures])).toEqual(ids(located.map(({ portal, page }) => ({ portal: portal.id, page: page.id }))));
    for (const { portal, page } of located) expect(page.samples, `${portal.id}/${page.id}`).toContain(fixtureOf(portal.id, page.id).url);
  });

  it.each(located.map(({ portal, page }) => [`${portal.id}/${page.id}`, portal, page] as const))(
    '%s: matchPage on the fixture gives the page at every sample, and each rule finds exactly one element',
    (_name, portal, page) => {
      const fixture = fixtureOf(portal.id, page.id);
      for (const url of page.samples) {
        const doc = open(fixture, url);
        expect(matchPage(url, doc)?.page.id, url).toBe(page.id);
        expect(doc.documentElement.lang).toBe('fr');
        expect(doc.title).not.toBe('');
      }
      const doc = open(fixture);
      for (const rule of page.fields) expect(locateAll(doc, rule.match), JSON.stringify(rule.match)).toHaveLength(1);
      for (const target of page.clickNext) expect(locateAll(doc, target.match), JSON.stringify(target.match)).toHaveLength(1);
      expect(doc.querySelectorAll('script[src], link[rel="stylesheet"], img[src^="http"], iframe')).toHaveLength(0);
    },
  );

  it.each(located.map(({ portal, page }) => [`${portal.id}/${page.id}`, portal, page] as const))(
    '%s: the answer key and the field rules agree',
    (_name, portal, page) => {
      const fixture = fixtureOf(portal.id, page.id);
      const doc = open(fixture);
      const keyed = fixture.fields.map((field) => {
        const found = doc.querySelectorAll(field.selector);
        expect(found, field.selector).toHaveLength(1);
        return { ...field, element: found[0]! };
      });
      for (const rule of page.fields) {
        const element = locateAll(doc, rule.match)[0];
        const entry = keyed.find((k) => k.element === element);
        expect(entry, JSON.stringify(rule.match)).toBeDefined();
        expect(entry!.kind ?? undefined, JSON.stringify(rule.match)).toBe(rule.kind);
        const neverFilled = !rule.kind || rule.leaveEmpty || rule.readOnly || isSecretKind(rule.kind);
        expect(entry!.fill, JSON.stringify(rule.match)).toBe(!neverFilled);
      }
      for (const entry of keyed.filter((k) => k.fill))
        expect(page.fields.some((rule) => locateAll(doc, rule.match)[0] === entry.element), entry.selector).toBe(true);
    },
  );

  it.each(['firstProfile', 'requestProfile'])('Plage %s: the entity autocomplete answers after 3 characters, with a delay', async (pageId) => {
    const fixture = fixtureOf('plage', pageId);
    const dom = loadFixture(fixture, fixture.url);
    windows.push(dom.window);
    const doc = dom.window.document;
    const [input] = locateAll(doc, { label: 'Entité de rattachement' }) as HTMLInputElement[];
    const type = (value: string) => {
      input!.value = value;
      input!.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    };
    const options = () => doc.querySelectorAll('[role="option"]');
    type('ti');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(options()).toHaveLength(0);
    type('tilleuls');
    expect(options()).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(options()).toHaveLength(2);
    (options()[0] as HTMLElement).click();
    expect(input!.value).toMatch(/^310001235 - /);
    expect((doc.getElementById('entite-finess') as HTMLInputElement).value).toBe('310001235');
  });
});
