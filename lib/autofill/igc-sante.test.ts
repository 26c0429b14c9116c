/**
 * The IGC-Santé « Demander » wizard as its JSF replica behaves: one URL, steps swapped by AJAX
 * (partial responses applied in place), lists that are PrimeFaces-like widgets over hidden
 * selects. Balise must follow each step by what it shows.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureOf, loadFixture } from '../../test/fixtures/load';
import { fixtureEstablishment, fixtureMe } from '../../test/fixtures/profile';
import type { Layout } from '../dom/layout';
import { analysePage, planLines, planPage } from './engine';
import { executeFill } from './fill';
import { forFill } from './resolve';
import { findPage, matchPage } from '../portals/index';
import { locateAll } from '../portals/match';
import { patience } from '../../test/patience';

const windows: { close(): void }[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

/** The fixture once its widgets are set up (on DOMContentLoaded, which jsdom fires after parsing). */
async function open(page: string) {
  const fixture = fixtureOf('igc-sante', page);
  const dom = loadFixture(fixture, fixture.url);
  windows.push(dom.window);
  const doc = dom.window.document;
  await vi.waitFor(() => expect(Array.from(doc.querySelectorAll<HTMLElement>('.ui-selectonemenu')).every((w) => w.dataset.ready === '1')).toBe(true), patience);
  return { window: dom.window, doc, url: fixture.url };
}

const byId = (doc: Document, id: string) => doc.getElementById(id) as HTMLElement;
const viewState = (doc: Document) => (doc.querySelector('input[name="javax.faces.ViewState"]') as HTMLInputElement).value;
const pageOf = (doc: Document) => matchPage(doc.defaultView!.location.href, doc)?.page.id;

describe('IGC-Santé « Demander » wizard', () => {
  it('chooses in a list widget by click and by keyboard: the hidden select takes the option, the visible label shows it', async () => {
    const { window, doc } = await open('requestStart');
    const widget = byId(doc, 'j_idt42:offre');
    const select = byId(doc, 'j_idt42:offre_input') as HTMLSelectElement;
    const panel = byId(doc, 'j_idt42:offre_panel');
    const changes: string[] = [];
    select.addEventListener('change', () => changes.push(select.value));
    expect(panel.style.display).toBe('none');
    byId(doc, 'j_idt42:offre_label').click();
    expect(panel.style.display).toBe('block');
    expect(widget.getAttribute('aria-expanded')).toBe('true');
    byId(doc, 'j_idt42:offre_3').click();
    expect([select.value, byId(doc, 'j_idt42:offre_label').textContent, panel.style.display]).toEqual(['PRO', 'PRO', 'none']);
    // Closed, the arrows change the choice at once, as PrimeFaces does.
    const focus = byId(doc, 'j_idt42:offre_focus');
    focus.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect([select.value, byId(doc, 'j_idt42:offre_label').textContent]).toEqual(['PS', 'PS']);
    expect(changes).toEqual(['PRO', 'PS']);
  });

  it('searches the structures by raison sociale or identifiant national, then picks with Enter', async () => {
    const { window, doc } = await open('requestStart');
    byId(doc, 'j_idt42:structure_label').click();
    const filter = byId(doc, 'j_idt42:structure_filter') as HTMLInputElement;
    expect(doc.activeElement).toBe(filter);
    const shown = () => Array.from(doc.querySelectorAll<HTMLElement>('[id="j_idt42:structure_items"] li')).filter((li) => li.style.display !== 'none').map((li) => li.textContent);
    filter.value = '1310004569';
    filter.dispatchEvent(new window.Event('input', { bubbles: true }));
    expect(shown()).toEqual(['EHPAD LES GLYCINES - 1310004569']);
    filter.value = 'tilleuls';
    filter.dispatchEvent(new window.Event('input', { bubbles: true }));
    expect(shown()).toEqual(['CLINIQUE DES TILLEULS - 1310001235']);
    filter.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    filter.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect((byId(doc, 'j_idt42:structure_input') as HTMLSelectElement).value).toBe('8765');
  });

  it('goes forward in place: same URL, the form’s content and view state replaced, each step recognised by what it shows', async () => {
    const { doc, url } = await open('requestStart');
    expect(pageOf(doc)).toBe('requestStart');
    const form = byId(doc, 'j_idt42');
    const state = viewState(doc);
    byId(doc, 'j_idt42:offre_label').click();
    byId(doc, 'j_idt42:offre_3').click();
    byId(doc, 'j_idt42:structure_label').click();
    byId(doc, 'j_idt42:structure_1').click();

    (locateAll(doc, { label: 'Suivant' })[0] as HTMLElement).click();
    await vi.waitFor(() => expect(pageOf(doc)).toBe('newProduct'), patience);
    expect(doc.defaultView!.location.href).toBe(url);
    expect(byId(doc, 'j_idt42')).toBe(form);
    expect(viewState(doc)).not.toBe(state);
    expect(byId(doc, 'j_idt42:j_idt67').textContent).toBe('Offre : PRO — Structure : CLINIQUE DES TILLEULS - 1310001235');

    (locateAll(doc, { label: 'Demander un nouveau produit' })[0] as HTMLElement).click();
    await vi.waitFor(() => expect(pageOf(doc)).toBe('productOrder'), patience);
    expect(locateAll(doc, { label: 'Nom principal d’utilisateur (UPN)' })).toHaveLength(1);
    expect(doc.querySelector('legend')?.textContent).toBe('Informations de produit');

    // The usage chosen changes the product fields in place (seed 003: UPN for AUTH, e-mail for SIGN).
    (doc.querySelector('input[value="SIGN"]') as HTMLInputElement).click();
    await vi.waitFor(() => expect(pageOf(doc)).toBe('productOrderSign'), patience);
    expect(locateAll(doc, { label: 'Adresse email' })).toHaveLength(1);
    expect(locateAll(doc, { label: 'Nom principal d’utilisateur (UPN)' })).toHaveLength(0);
    expect(doc.defaultView!.location.href).toBe(url);
  });
});

describe('IGC-Santé « Offre », a PrimeFaces selectOneMenu', () => {
  const flat: Layout = {
    style: (element) => (element.ownerDocument.defaultView as Window).getComputedStyle(element),
    rect: () => ({ left: 10, top: 10, right: 110, bottom: 30, width: 100, height: 20 }),
    hitTest: () => null,
    viewport: () => ({ width: 1000, height: 800, scrollX: 0, scrollY: 0 }),
  };

  it('the procedure’s PRO is chosen in the hidden select through the label a person sees: select and widget agree', async () => {
    const { doc, url } = await open('requestStart');
    const plan = planPage(analysePage(doc, url, '003-certificats-dp')!, forFill(fixtureEstablishment), { meContactId: fixtureMe.id }, flat);
    const offre = plan.lines.find((l) => l.value === 'PRO')!;
    expect([offre.element.id, offre.action, offre.skipped, offre.selected]).toEqual(['j_idt42:offre_input', 'choose', undefined, true]);
    const { results } = await executeFill([offre], { layout: flat, comboboxTimeout: 500 });
    expect(results[0]?.status).toBe('filled');
    expect([(byId(doc, 'j_idt42:offre_input') as HTMLSelectElement).value, byId(doc, 'j_idt42:offre_label').textContent]).toEqual(['PRO', 'PRO']);
  });
});

describe('IGC-Santé product fields', () => {
  // Issue 13: the UPN got the user's surname on a legend-titled product step. The classifier reads « Nom » in its label.
  it.each([
    ['productOrder', 'Nom principal d’utilisateur (UPN)'],
    ['productOrderSign', 'Adresse email'],
  ])('%s: « %s » is never filled, whichever of the page’s procedures the user follows', async (page, label) => {
    const { doc, url } = await open(page);
    const field = locateAll(doc, { label })[0];
    const unruled = analysePage(doc, url)!;
    // What the classifier alone would make of it: the UPN, nothing (domain audit W1); the e-mail, an e-mail.
    expect(unruled.fields.find((f) => f.field.element === field)?.classification?.kind ?? null).toBe(page === 'productOrder' ? null : 'email');
    // The procedures the page's rules speak of (the guide follows one of the page's own).
    const served = new Set(findPage('igc-sante', page)!.page.fields.flatMap((rule) => rule.procedures ?? []));
    for (const procedure of [undefined, ...served]) {
      const analysis = analysePage(doc, url, procedure)!;
      expect(analysis.match?.page.id).toBe(page);
      const plan = planLines(analysis, forFill(fixtureEstablishment), { meContactId: fixtureMe.id });
      const line = plan.lines.find((l) => l.element === field);
      expect(line === undefined || line.skipped === 'leaveEmpty', `${procedure}`).toBe(true);
    }
  });
});
