import { describe, expect, it } from 'vitest';
import { portals } from './index';
import { portalOutlines, type PortalOutline } from './outline';

/** What ./outline.json must hold: each module's names, hosts and the signs of its pages, nothing else. */
const derived: PortalOutline[] = portals.map((portal) => ({
  id: portal.id,
  name: portal.name,
  hosts: portal.hosts,
  pages: portal.pages.map((page) => ({
    id: page.id,
    name: page.name,
    ...(page.path === undefined ? {} : { path: page.path }),
    ...(page.query === undefined ? {} : { query: page.query }),
    shows: page.shows,
    // Only a label is something a person sees: selectors stay in the modules.
    fields: page.fields.flatMap(({ match }) => (match.label ? [{ match: { label: match.label } }] : [])),
    clickNext: page.clickNext.flatMap(({ match }) => (match.label ? [{ match: { label: match.label } }] : [])),
  })),
}));

describe('the portal outline', () => {
  it('is the portal modules’ names, hosts and page signs (run `npx vitest run lib/portals/outline.test.ts --update` after editing a module)', async () => {
    await expect(`${JSON.stringify(derived, null, 1)}\n`).toMatchFileSnapshot('./outline.json');
  });

  it('is what the content script reads', () => {
    expect(portalOutlines).toEqual(derived);
  });
});
