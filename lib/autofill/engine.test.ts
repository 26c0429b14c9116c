import { afterEach, describe, expect, it } from 'vitest';
import { fixtures, loadFixture } from '../../test/fixtures/load';
import { sampleEstablishment } from '../profile/sample';
import { analysePage, isAllowedUrl, planPage, watchTyping } from './engine';
import { toFill } from './plan';
import type { Layout } from '../dom/layout';

const accountForm = fixtures.find((f) => f.page === 'accountForm')!;
const windows: { close(): void }[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

function open(url: string, file = accountForm.file): Document {
  const dom = loadFixture({ file }, url);
  windows.push(dom.window);
  return dom.window.document;
}

const flat: Layout = {
  style: (element) => (element.ownerDocument.defaultView as Window).getComputedStyle(element),
  rect: () => ({ left: 10, top: 10, right: 110, bottom: 30, width: 100, height: 20 }),
  hitTest: () => null,
  viewport: () => ({ width: 1000, height: 800, scrollX: 0, scrollY: 0 }),
};
const me = { meContactId: sampleEstablishment().contacts[1]!.id };

describe('analysePage', () => {
  it.each([
    'https://plage.atih.sante.fr.evil.test/compte/creation',
    'http://plage.atih.sante.fr/compte/creation',
    'https://evil.plage.atih.sante.fr/compte/creation',
    'https://plage.atih.sante.fr:8443/compte/creation',
  ])('gives nothing on %s', (url) => {
    expect(isAllowedUrl(url)).toBe(false);
    expect(analysePage(open(url), url)).toBeNull();
  });

  it('reads the page on the exact host over HTTPS', () => {
    const analysis = analysePage(open(accountForm.url), accountForm.url)!;
    expect(analysis.match?.page.id).toBe('accountForm');
    expect(analysis.fields.filter((f) => f.rule).map((f) => f.rule!.kind)).toEqual(['lastName', 'firstName', 'email', 'emailConfirmation', 'password', 'passwordConfirmation']);
  });

  it('fills nothing on a page that only guides, whatever its fields look like (Pro Santé Connect)', () => {
    const psc = fixtures.find((f) => f.portal === 'pro-sante-connect' && f.page === 'login')!;
    const doc = open(psc.url, psc.file);
    doc.body.insertAdjacentHTML('beforeend', '<label for="id">Adresse email</label><input id="id" type="email"><label for="n">Nom</label><input id="n">');
    const analysis = analysePage(doc, psc.url)!;
    expect(analysis.match?.page.id).toBe('login');
    expect(analysis.fields.length).toBeGreaterThan(0);
    expect(analysis.fields.every((f) => f.classification === null && !f.rule?.kind)).toBe(true);
  });

  it('skips sandboxed frames and fields in a frame of another page', () => {
    const doc = open(accountForm.url);
    doc.body.insertAdjacentHTML('beforeend', '<iframe id="same" srcdoc="<input id=x>"></iframe><iframe id="boxed" sandbox="allow-same-origin" srcdoc="<input id=y>"></iframe>');
    const fill = (id: string) => {
      const frame = doc.getElementById(id) as HTMLIFrameElement;
      frame.contentDocument!.body.innerHTML = '<label for="f">Ville</label><input id="f">';
    };
    fill('same');
    fill('boxed');
    const cities = analysePage(doc, accountForm.url)!.fields.filter((f) => f.classification?.kind === 'city');
    expect(cities.map((f) => (f.field.element.ownerDocument.defaultView!.frameElement as Element).id)).toEqual(['same']);
  });

  it('leaves Balise’s own overlay out: its controls are not the page’s fields', () => {
    const doc = open(accountForm.url);
    const host = doc.createElement('balise-overlay');
    doc.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<label for="o">Nom</label><input id="o">';
    const names = (ui?: Element) => analysePage(doc, accountForm.url, undefined, ui)!.fields.filter((f) => f.classification?.kind === 'lastName').length;
    expect(names()).toBe(2);
    expect(names(host)).toBe(1);
  });

  it('planPage marks fields a person cannot see as skipped, whatever the plan said', () => {
    const doc = open(accountForm.url);
    (doc.querySelector('input[name="firstname"]') as HTMLElement).style.opacity = '0';
    const plan = planPage(analysePage(doc, accountForm.url)!, sampleEstablishment(), me, flat);
    const firstName = plan.lines.find((l) => l.kind === 'firstName')!;
    expect([firstName.skipped, firstName.selected]).toEqual(['transparent', false]);
    expect(toFill(plan).map((l) => l.kind)).toEqual(['lastName', 'email', 'emailConfirmation']);
  });

  it('a PrimeFaces select named in its own right gets one line, through the focus input a person reads as it', () => {
    const doc = open(accountForm.url);
    doc.body.innerHTML = `<form id="f"><label for="f:dep_focus">Département</label>
      <div id="f:dep" class="ui-selectonemenu" role="combobox" aria-haspopup="listbox">
        <div class="ui-helper-hidden-accessible"><input id="f:dep_focus" name="f:dep_focus" type="text" autocomplete="off"></div>
        <div class="ui-helper-hidden-accessible"><select id="f:dep_input" name="departement" tabindex="-1" aria-hidden="true"><option value="">Choisir</option><option value="75">75 - Paris</option></select></div>
        <label class="ui-selectonemenu-label">Choisir</label>
      </div></form>`;
    const plan = planPage(analysePage(doc, accountForm.url)!, sampleEstablishment(), me, flat);
    expect(plan.lines.map((l) => [l.element.id, l.kind, l.action])).toEqual([['f:dep_input', 'departement', 'choose']]);
  });

  it('planPage keeps a field disabled now after a line that may enable it (filled once enabled), not one with nothing before it', () => {
    const doc = open(accountForm.url);
    const field = (kind: string) => analysePage(doc, accountForm.url)!.fields.find((f) => (f.rule?.kind ?? f.classification?.kind) === kind)!.field.element as HTMLInputElement;
    field('emailConfirmation').disabled = true;
    field('lastName').disabled = true;
    const plan = planPage(analysePage(doc, accountForm.url)!, sampleEstablishment(), me, flat);
    const line = (kind: string) => plan.lines.find((l) => l.kind === kind)!;
    expect([line('emailConfirmation').skipped, line('emailConfirmation').selected, line('emailConfirmation').enabledLater]).toEqual([undefined, true, true]);
    expect([line('lastName').skipped, line('lastName').enabledLater]).toEqual(['disabled', undefined]);
  });
});

describe('watchTyping', () => {
  it('ignores events a script dispatched (trusted typing is checked in the real-browser tests)', () => {
    document.body.innerHTML = '<input id="b">';
    const watch = watchTyping(document);
    const b = document.getElementById('b')!;
    b.dispatchEvent(new Event('input', { bubbles: true }));
    b.dispatchEvent(new Event('change', { bubbles: true }));
    expect(watch.typed(b)).toBe(false);
    watch.stop();
  });
});
