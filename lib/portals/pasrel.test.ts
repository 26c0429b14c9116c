/**
 * Pasrel's login page in the two layouts Apereo CAS has rendered it in: the 6.x fixture
 * (test/fixtures/pasrel/login.html, covered by the tests over every fixture) and the old 3.x
 * one that ATIH's CAS showed around 2012 (variants/login-cas3.html). They are the same page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { elsewhere, fixtureOf, loadFixture } from '../../test/fixtures/load';
import { findPage, matchPage } from './index';
import { locateAll } from './match';

const windows: { close(): void }[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

const login = fixtureOf('pasrel', 'login');
const layouts = [
  ['CAS 6', login.file],
  ['CAS 3.x', 'pasrel/variants/login-cas3.html'],
] as const;

describe('Pasrel login', () => {
  it.each(layouts)('%s layout: recognised as the login page wherever the host serves it, every field and the button found once', (_layout, file) => {
    const { page } = findPage('pasrel', 'login')!;
    for (const url of [login.url, ...elsewhere(login)]) {
      const dom = loadFixture({ file }, url);
      windows.push(dom.window);
      const doc = dom.window.document;
      expect(matchPage(url, doc)?.page.id, url).toBe('login');
      for (const rule of [...page.fields, ...page.clickNext]) expect(locateAll(doc, rule.match), JSON.stringify(rule.match)).toHaveLength(1);
      // The CAS form Balise must not break: the fields CAS posts.
      const form = doc.querySelector('form#fm1')!;
      expect(form.querySelector('input[name="_eventId"]')?.getAttribute('value')).toBe('submit');
      expect(form.querySelector('input[type="hidden"][name="execution"]')).not.toBeNull();
    }
  });
});
