import { describe, expect, it } from 'vitest';
import { portals } from './index';
import { portalOutlines } from './outline';
import { phrasingWords } from 'virtual:portal-outline';
import { wordsOf } from './words';

describe('the portal outline', () => {
  it('is every module’s hosts and page signs, without names, instructions, hints nor selectors', () => {
    expect(portalOutlines.map((portal) => portal.id)).toEqual(portals.map((portal) => portal.id));
    for (const portal of portals) {
      const outline = portalOutlines.find((candidate) => candidate.id === portal.id)!;
      expect(outline.hosts).toEqual(portal.hosts);
      expect(outline.pages.map((page) => page.id)).toEqual(portal.pages.map((page) => page.id));
      for (const page of portal.pages) {
        const slim = outline.pages.find((candidate) => candidate.id === page.id)!;
        expect(slim.shows).toEqual(page.shows);
        expect(slim.fields.map((rule) => rule.match.label)).toEqual(page.fields.flatMap((rule) => (rule.match.label ? [rule.match.label] : [])));
        expect(JSON.stringify(slim)).not.toMatch(/"(name|instructions|hint|next|selector)"/);
      }
    }
  });

  // A phrasing missing from the table is read on the page instead: only a wrong entry would change what is recognised.
  it('carries phrasings’ words read as the page reads them', () => {
    const table = Object.entries(phrasingWords);
    expect(table.length).toBeGreaterThan(100);
    for (const [phrasing, list] of table) expect(list, phrasing).toEqual(wordsOf(phrasing));
  });
});
