import { describe, expect, it } from 'vitest';
import { fixtureHtml, fixtureOf } from '../../test/fixtures/load';
import { builtInPortal, findPortal, matchPage } from './index';
import { activeSites, grantableOrigin, isSiteOrigin, onSiteDomains, optionalHostPatterns, originPattern, siteOf } from './sites';

const documentOf = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('grantableOrigin', () => {
  it.each([
    ['https://contrat.esante.gouv.fr/demande?x=1#y', 'https://contrat.esante.gouv.fr'],
    ['https://esante.gouv.fr/', 'https://esante.gouv.fr'],
    ['https://a.b.sante.gouv.fr/x', 'https://a.b.sante.gouv.fr'],
    ['https://nouveau.atih.sante.fr/plage/#/compte', 'https://nouveau.atih.sante.fr'],
    ['https://autre.mipih.fr', 'https://autre.mipih.fr'],
    ['HTTPS://Contrat.ESANTE.gouv.fr/', 'https://contrat.esante.gouv.fr'],
  ])('%s → %s', (url, origin) => {
    expect(grantableOrigin(url)).toBe(origin);
  });

  it.each([
    'http://contrat.esante.gouv.fr/',
    'https://contrat.esante.gouv.fr:8443/',
    'https://user:pw@contrat.esante.gouv.fr/',
    'https://esante.gouv.fr.evil.test/',
    'https://contrat.esante.gouv.fr.evil.test/',
    'https://evilesante.gouv.fr/',
    'https://esante-gouv.fr/',
    'https://example.org/',
    'https://gouv.fr/',
    'https://sante.fr/',
    'https://contrat.esante.gouv.fr./',
    'ftp://contrat.esante.gouv.fr/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(grantableOrigin(url)).toBeNull();
  });

  it('are the four domains of the optional host permissions, HTTPS only', () => {
    expect(optionalHostPatterns).toEqual(['https://*.atih.sante.fr/*', 'https://*.esante.gouv.fr/*', 'https://*.sante.gouv.fr/*', 'https://*.mipih.fr/*']);
    expect(onSiteDomains('x.mipih.fr')).toBe(true);
    expect(onSiteDomains('xmipih.fr')).toBe(false);
  });
});

describe('isSiteOrigin: a stored key is exactly an origin', () => {
  it('accepts https://host only', () => {
    expect(isSiteOrigin('https://contrat.esante.gouv.fr')).toBe(true);
    for (const key of [
      'https://contrat.esante.gouv.fr/',
      'https://contrat.esante.gouv.fr/demande',
      'https://contrat.esante.gouv.fr:443',
      'https://contrat.esante.gouv.fr:8443',
      'http://contrat.esante.gouv.fr',
      'https://Contrat.esante.gouv.fr',
      'https://esante.gouv.fr.evil.test',
      'contrat.esante.gouv.fr',
      'https://contrat.esante.gouv.fr?x',
    ])
      expect(isSiteOrigin(key), key).toBe(false);
    expect(originPattern('https://contrat.esante.gouv.fr')).toBe('https://contrat.esante.gouv.fr/*');
  });
});

describe('activeSites: the browser’s grants are the truth', () => {
  const stored = {
    'https://contrat.esante.gouv.fr': 'ans-contrat',
    'https://habilitations.esante.gouv.fr': 'ans-meshabilitations',
    'https://esante.gouv.fr.evil.test': 'ans-contrat',
    'https://rpps.sante.gouv.fr/': 'erpps',
    'https://autre.mipih.fr': 42,
  };

  it('keeps only the stored origins still granted, exactly', () => {
    const granted = [
      'https://contrat.esante.gouv.fr/*',
      'https://plage.atih.sante.fr/*',
      'https://esante.gouv.fr.evil.test/*',
      'https://rpps.sante.gouv.fr/*',
      'https://autre.mipih.fr/*',
    ];
    expect(activeSites(stored, granted)).toEqual({ 'https://contrat.esante.gouv.fr': 'ans-contrat' });
  });

  it('gives nothing once the permission is revoked, whatever the storage says', () => {
    expect(activeSites(stored, [])).toEqual({});
    expect(activeSites(stored, ['https://*.esante.gouv.fr/*'])).toEqual({});
  });
});

describe('findPortal with the sites table', () => {
  const sites = { 'https://contrat.esante.gouv.fr': 'ans-contrat', 'https://tom.esante.gouv.fr': 'ans-tom', 'https://plage.atih.sante.fr': 'medimail' };

  it('treats a granted origin as a host of the chosen portal, at any path', () => {
    expect(findPortal('https://contrat.esante.gouv.fr/', sites)?.id).toBe('ans-contrat');
    expect(findPortal('https://contrat.esante.gouv.fr/demande/etape2?x=1#/a', sites)?.id).toBe('ans-contrat');
    expect(findPortal('https://tom.esante.gouv.fr/accueil', sites)?.id).toBe('ans-tom');
  });

  it('gives nothing for the same origin without the table, nor for another port, scheme, subdomain or lookalike', () => {
    expect(findPortal('https://contrat.esante.gouv.fr/')).toBeNull();
    for (const url of [
      'http://contrat.esante.gouv.fr/',
      'https://contrat.esante.gouv.fr:8443/',
      'https://x.contrat.esante.gouv.fr/',
      'https://contrat.esante.gouv.fr.evil.test/',
      'https://esante.gouv.fr/',
    ])
      expect(findPortal(url, sites), url).toBeNull();
  });

  it('keeps a built-in host’s own portal whatever the table says; an unknown portal id gives nothing', () => {
    expect(findPortal('https://plage.atih.sante.fr/', sites)?.id).toBe('plage');
    expect(builtInPortal('https://contrat.esante.gouv.fr/')).toBeNull();
    expect(findPortal('https://contrat.esante.gouv.fr/', { 'https://contrat.esante.gouv.fr': 'no-such-portal' })).toBeNull();
  });

  it('siteOf reads the exact origin only', () => {
    expect(siteOf(new URL('https://contrat.esante.gouv.fr/x'), sites)).toBe('ans-contrat');
    expect(siteOf(new URL('https://contrat.esante.gouv.fr/x'), { constructor: 'x' })).toBeUndefined();
    expect(siteOf(new URL('https://example.org/'), { 'https://example.org': 'plage' })).toBeUndefined();
  });

  it('recognises a page of the chosen portal by what it shows, on the granted origin only', () => {
    const tom = fixtureOf('ans-tom', 'home');
    const doc = documentOf(fixtureHtml(tom));
    const at = 'https://nouveau-tom.esante.gouv.fr/accueil';
    expect(matchPage(at, doc)).toBeNull();
    expect(matchPage(at, doc, undefined, { 'https://nouveau-tom.esante.gouv.fr': 'ans-tom' })?.page.id).toBe('home');
    // The same page, the site said to be another portal: that portal's pages only.
    expect(matchPage(at, doc, undefined, { 'https://nouveau-tom.esante.gouv.fr': 'medimail' })?.page.id).toBeUndefined();
  });
});
