// @vitest-environment-options {"url": "https://medimail.mipih.fr/creation-compte/organisationnel/formulaire"}
/**
 * The fill as the user drives it: the content script's side (useFill) wired to the frame's view
 * (FillView) directly, without the channel between them (lib/overlay/guide-channel.ts).
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClickVerdict } from '../../lib/autofill/click-guard';
import type { FillContext, FillTrigger } from '../../lib/autofill/messages';
import type { Layout } from '../../lib/dom/layout';
import type { GuideAction } from '../../lib/overlay/guide-channel';
import { sampleEstablishment } from '../../lib/profile/sample';
import { announceDataChanged } from '../../lib/store/changes';
import { fixturePath } from '../../test/fixtures/load';
import { markClasses } from './highlight';
import { FillView } from './FillView';
import { useFill } from './useFill';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

const messages = vi.hoisted(() => ({
  send: vi.fn<() => Promise<FillContext>>(),
  teach: vi.fn<(request: { signature: string; label: string; kind: string }) => Promise<void>>(),
  startListeners: [] as ((trigger: FillTrigger) => void)[],
}));
vi.mock('../../lib/autofill/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/autofill/messages')>()),
  getFillContext: { send: messages.send },
  teachField: { send: messages.teach },
  onStartFill: (listener: (trigger: FillTrigger) => void) => {
    messages.startListeners.push(listener);
    return () => messages.startListeners.splice(messages.startListeners.indexOf(listener), 1);
  },
}));

const sample = sampleEstablishment();
const luc = sample.contacts[1]!;
const context: FillContext = { establishment: sample, meContactId: luc.id, count: 1, lessons: [] };

/** jsdom has no layout: every field at the top left, in view, and what is under a point is the field itself. */
const layout: Layout = {
  style: (element) => getComputedStyle(element),
  rect: () => ({ left: 10, top: 10, right: 110, bottom: 30, width: 100, height: 20 }),
  hitTest: () => null,
  viewport: () => ({ width: 1000, height: 800, scrollX: 0, scrollY: 0 }),
};
let verdict: ClickVerdict = 'ok';
const judge = () => verdict;

/** `fieldsRevision`: what the overlay's page reading (usePageReading) passes when the page's fields may have changed in place. */
function Harness({ fieldsRevision = 0 }: { fieldsRevision?: number }) {
  const frame = useRef<HTMLIFrameElement>(null);
  // The guide draws here, in the page's own document: its controls are Balise's, not the page's fields (in the browser it is another frame).
  const fill = useFill({ pageId: 'balOrgForm', fieldsRevision, ownUi: document.getElementById('overlay'), frame, layout, judge });
  // « Aller au champ » is the overlay's to carry out (it keeps the field clear of the guide): here it only says which field.
  const send = (action: GuideAction) => (action.type === 'showPortalDefault' ? (wentTo = fill.portalDefault(action.index)) : fill.act(action));
  return <FillView view={fill.view} notice={fill.notice ?? undefined} send={send} visibleFor={() => Infinity} isTrusted={(event) => trusted.has(event)} />;
}
let wentTo: HTMLElement | undefined;

/** The preview's lines: the first list (the fields left out come after). */
const preview = async () => (await screen.findAllByRole('list'))[0] as HTMLElement;
const goButton = () => screen.getByRole('button', { name: 'Remplir cette page' }) as HTMLButtonElement;
/** As a person does: waits until the button can be clicked (a preview that replaced another is held a moment), then clicks it. */
/** Whether « Remplir cette page » offers itself: not disabled, nor held while a changed preview is read (aria-disabled). */
const goOffered = () => !goButton().disabled && goButton().getAttribute('aria-disabled') !== 'true';
async function clickGo() {
  await waitFor(() => expect(goOffered()).toBe(true));
  await userClick(goButton());
}
const value = (selector: string) => (document.querySelector(selector) as HTMLInputElement).value;
/** jsdom makes no trusted event: the ones a person would make are marked so here. */
const trusted = new WeakSet<Event>();
/**
 * A person's click: trusted, with a pointer (detail 1). Async so that what the click sets off in
 * microtasks (the page's mutation observer seeing the highlights) lands inside act, not after it.
 */
async function userClick(element: Element) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 });
  trusted.add(event);
  await act(async () => {
    element.dispatchEvent(event);
  });
}

const formHtml = () => {
  const html = readFileSync(fixturePath({ file: 'medimail/balOrgForm.html' }), 'utf8');
  return html.slice(html.indexOf('<form'), html.indexOf('</form>') + 7);
};

beforeEach(() => {
  document.body.innerHTML = `<main>${formHtml()}</main><div id="overlay"></div>`;
  messages.send.mockReset().mockResolvedValue(context);
  messages.startListeners.length = 0;
  verdict = 'ok';
});
afterEach(cleanup);

describe('fill: preview in the frame, work in the page', () => {
  it('previews field → value, fills on the user’s click, highlights, reports skips, and undoes everything', async () => {
    render(<Harness />, { container: document.getElementById('overlay')! });
    const list = await preview();
    expect(within(list).getByText('Description du compte').parentElement?.textContent).toContain(sample.orgMailbox!.description);
    expect(within(list).getByText('Identifiant établissement').parentElement?.textContent).toContain('750100125');

    await clickGo();
    await screen.findByText(/Champs remplis : \d+\./);
    expect(value('#org-mail')).toBe('pharmacie@hopital-demo.fr');
    expect(value('input[name="identifiant"]')).toBe('750100125');
    expect(value('select[name="typeIdentifiant"]')).toBe('FINESS');
    expect(value('input[name="responsableNom"]')).toBe('Petit');
    expect(document.querySelector('#org-mail')!.classList.contains(markClasses.filled)).toBe(true);
    expect(document.head.innerHTML).not.toContain('hopital-demo');

    await userClick(screen.getByRole('button', { name: 'Annuler le remplissage' }));
    for (const selector of ['#org-mail', '#org-desc', 'input[name="identifiant"]', 'input[name="responsableNom"]']) expect(value(selector)).toBe('');
    expect(document.querySelectorAll(`.${markClasses.filled}`)).toHaveLength(0);
    expect(await screen.findByText(/Remplissage annulé/)).toBeTruthy();
  });

  it('an unticked line stays empty, even when the page changes afterwards', async () => {
    render(<Harness />, { container: document.getElementById('overlay')! });
    const list = await preview();
    fireEvent.click(within(list).getByText('Adresse mail').closest('label')!.querySelector('input')!);
    // The page adds a node (a replan may follow): the untick holds for the same field and label.
    document.querySelector('main')!.append(document.createElement('p'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    await clickGo();
    await screen.findByText(/Champs remplis/);
    expect(value('#org-mail')).toBe('');
    expect(value('#ville')).toBe('Paris');
    // Named in the outcome all the same, with why it was left.
    expect(screen.getByText('Adresse mail').nextElementSibling?.textContent).toBe(bindFrenchSpaces('décoché par vous : laissé tel quel'));
  });

  it('fills nothing on a click the page scripted', async () => {
    render(<Harness />, { container: document.getElementById('overlay')! });
    await preview();
    fireEvent.click(goButton());
    expect(value('#org-mail')).toBe('');
    expect(screen.queryByText(/Champs remplis/)).toBeNull();
  });

  it('refuses a click judged covered, and asks for the shortcut when in doubt', async () => {
    render(<Harness />, { container: document.getElementById('overlay')! });
    await preview();
    verdict = 'covered';
    await clickGo();
    expect((await screen.findByRole('alert')).textContent).toMatch(/recouvert, déplacé ou caché/);
    expect(value('#org-mail')).toBe('');

    verdict = 'doubt';
    await clickGo();
    expect((await screen.findByRole('alert')).textContent).toMatch(/Alt\+Maj\+R/);
    expect(value('#org-mail')).toBe('');
    // The shortcut comes from the browser's own UI: it confirms what the preview shows.
    act(() => messages.startListeners.forEach((listener) => listener('command')));
    await screen.findByText(/Champs remplis/);
    expect(value('#org-mail')).toBe('pharmacie@hopital-demo.fr');
  });

  // What the user types after the preview is kept: a real browser's typing, test/e2e/security.e2e.ts.
  it('fills only what was shown: a field relabelled after the preview is skipped, one added is left alone', async () => {
    render(<Harness />, { container: document.getElementById('overlay')! });
    await preview();
    // Relabelled: « Ville » now says SIRET.
    const cityLabel = document.querySelector('label[for="ville"]')!;
    cityLabel.textContent = 'SIRET';
    // Added after the preview.
    const added = Object.assign(document.createElement('input'), { id: 'rpps-added' });
    const addedLabel = Object.assign(document.createElement('label'), { htmlFor: 'rpps-added', textContent: 'Numéro RPPS' });
    document.querySelector('form')!.append(addedLabel, added);

    await clickGo();
    const outcome = (await screen.findByText(/Champs remplis/)).closest('[role="status"]') as HTMLElement;
    expect(value('#ville')).toBe('');
    expect(value('#rpps-added')).toBe('');
    expect(within(outcome).getByText('Ville').nextSibling?.textContent).toBe('champ modifié par la page depuis l’aperçu');
    expect(value('#org-mail')).toBe('pharmacie@hopital-demo.fr');
  });

  it('the shortcut shows the preview first, and fills on the second press', async () => {
    render(<Harness />, { container: document.getElementById('overlay')! });
    await preview();
    act(() => messages.startListeners.forEach((listener) => listener('command')));
    expect(value('#org-mail')).toBe('');
    act(() => messages.startListeners.forEach((listener) => listener('command')));
    await screen.findByText(/Champs remplis/);
    expect(value('#org-mail')).toBe('pharmacie@hopital-demo.fr');
  });

  it('« Pas le bon champ ? » then « Ce champ est : … » teaches a line from the keyboard; the preview is planned again with the lesson', async () => {
    render(<Harness />, { container: document.getElementById('overlay')! });
    const list = await preview();
    expect(within(list).getByText('Ville')).toBeTruthy();
    // What the background does (lib/autofill/background.ts): the next fill context carries the lesson.
    messages.teach.mockImplementation(async (taught) => void messages.send.mockResolvedValue({ ...context, lessons: [{ origin: location.origin, ...taught, kind: 'never' }] }));
    screen.getByRole('button', { name: bindFrenchSpaces('Pas le bon champ ? (Ville)') }).focus();
    await userEvent.keyboard('{Enter}');
    const picker = screen.getByRole('combobox', { name: bindFrenchSpaces('Ce champ est : … (Ville)') }) as HTMLSelectElement;
    expect(document.activeElement).toBe(picker);
    expect(Array.from(picker.options, (option) => option.text)).toEqual(expect.arrayContaining([bindFrenchSpaces('Ce champ est : …'), 'Commune', 'SIRET', 'Numéro RPPS', 'Ne jamais remplir']));
    expect(Array.from(picker.querySelectorAll('optgroup'), (group) => group.label)).toEqual(['L’établissement', 'La personne (contact)']);
    expect(Array.from(picker.options, (option) => option.value)).not.toContain('password');
    await userEvent.selectOptions(picker, 'never');
    expect(messages.teach.mock.calls[0]![0]).toMatchObject({ label: 'Ville', kind: 'never' });
    expect(await screen.findByText('Appris : « Ville » est « Ne jamais remplir » sur ce site. L’aperçu est à jour.')).toBeTruthy();
    // Planned again: « Ville » is no line to fill any more, but a field left out, which can still be taught.
    await waitFor(() => expect(within(screen.getAllByRole('list')[0]!).queryByText('Ville')).toBeNull());
    expect(within(screen.getAllByRole('list')[1]!).getByText('Ville')).toBeTruthy();
    expect(screen.getByText('Champs que Balise ne remplit pas :')).toBeTruthy();
    // Filling with a lesson, in real browsers: test/e2e/teach.e2e.ts.
  }, 60_000);

  it('marks on the page a required list the fill left on the portal’s default, takes the user to it, and unmarks it on undo', async () => {
    // Medimail's « Région » preselected on Occitanie; the establishment is in Île-de-France, which the list lacks.
    const region = document.querySelector('select[name="region"]') as HTMLSelectElement;
    region.value = '5';
    expect(region.selectedOptions[0]?.text).toBe('Occitanie');
    render(<Harness />, { container: document.getElementById('overlay')! });
    await preview();
    await clickGo();
    expect(await screen.findByText('Région : le portail a laissé « Occitanie », vérifiez : le champ est encadré en orange sur la page.')).toBeTruthy();
    expect(region.classList.contains(markClasses.portalDefault)).toBe(true);
    expect(region.classList.contains(markClasses.filled)).toBe(false);

    await userClick(screen.getByRole('button', { name: bindFrenchSpaces('Aller au champ « Région »') }));
    expect(wentTo).toBe(region);

    await userClick(screen.getByRole('button', { name: 'Annuler le remplissage' }));
    expect(region.classList.contains(markClasses.portalDefault)).toBe(false);
  });

  it('leaves nothing listening in the page once unmounted', async () => {
    // React listens to the document once for all its roots, and for good: let it, before counting.
    render(<p />).unmount();
    const added = vi.spyOn(document, 'addEventListener');
    const removed = vi.spyOn(document, 'removeEventListener');
    const { unmount } = render(<Harness />, { container: document.getElementById('overlay')! });
    await preview();
    unmount();
    const capture = (options: unknown) => (typeof options === 'boolean' ? options : !!(options as AddEventListenerOptions | undefined)?.capture);
    const left = added.mock.calls.filter(([type, listener, options]) => !removed.mock.calls.some(([t, l, o]) => t === type && l === listener && capture(o) === capture(options)));
    expect(added).toHaveBeenCalled();
    expect(left.map(([type]) => type)).toEqual([]);
    expect(messages.startListeners).toEqual([]);
  });
});

describe('several establishments, none chosen for this tab', () => {
  beforeEach(() => messages.send.mockResolvedValue({ ...context, establishment: null, count: 2 }));

  it('a page with nothing to fill says so, and asks no establishment', async () => {
    document.querySelector('main')!.innerHTML = '<h1>Demande enregistrée</h1><p>Votre demande a bien été enregistrée.</p>';
    render(<Harness />, { container: document.getElementById('overlay')! });
    expect(await screen.findByText('Aucun champ à remplir sur cette page.')).toBeTruthy();
    expect(screen.queryByText('Plusieurs établissements : lequel remplir ?')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remplir cette page' })).toBeNull();
  });

  it('a form waits for the choice: no preview, and the shortcut fills nothing', async () => {
    render(<Harness />, { container: document.getElementById('overlay')! });
    await waitFor(() => expect(goButton().disabled).toBe(true));
    expect(screen.queryByText('Aucun champ à remplir sur cette page.')).toBeNull();
    expect(screen.queryByText('Balise remplira les champs cochés :')).toBeNull();
    act(() => messages.startListeners.forEach((listener) => listener('command')));
    act(() => messages.startListeners.forEach((listener) => listener('command')));
    await act(async () => {});
    expect(value('#org-mail')).toBe('');
    expect(screen.queryByText(/Champs remplis/)).toBeNull();
  });
});

describe('the preview follows the page', () => {
  const lineLabels = () => within(screen.getAllByRole('list')[0] as HTMLElement).getAllByRole('checkbox').map((box) => box.closest('label')!.querySelector('.balise-fill-field')!.textContent);
  const mount = () => {
    const { rerender } = render(<Harness />, { container: document.getElementById('overlay')! });
    let revision = 0;
    // What usePageReading does after a change that may touch the fields.
    return () => rerender(<Harness fieldsRevision={++revision} />);
  };

  it('previews the fields of a dialog opened after the guide, and lets them be filled, without « Actualiser l’aperçu »', async () => {
    document.querySelector('main')!.innerHTML = '<h1>Mes comptes</h1><button type="button">+ Créer un compte</button>';
    const fieldsChanged = mount();
    await screen.findByText('Aucun champ à remplir sur cette page.');
    expect(screen.queryByRole('button', { name: 'Remplir cette page' })).toBeNull();

    const dialog = Object.assign(document.createElement('div'), { innerHTML: formHtml() });
    dialog.setAttribute('role', 'dialog');
    document.querySelector('main')!.append(dialog);
    fieldsChanged();
    const list = await preview();
    expect(within(list).getByText('Adresse mail').parentElement?.textContent).toContain('pharmacie@hopital-demo.fr');
    await clickGo();
    await screen.findByText(/Champs remplis/);
    expect(value('#org-mail')).toBe('pharmacie@hopital-demo.fr');
  });

  it('a change that leaves the preview as it was keeps its revision: the button is not held again', async () => {
    const fieldsChanged = mount();
    await preview();
    await waitFor(() => expect(goOffered()).toBe(true));
    document.querySelector('form')!.append(Object.assign(document.createElement('p'), { textContent: 'Tous les champs sont obligatoires.' }));
    fieldsChanged();
    expect(goOffered()).toBe(true);
    await userClick(goButton());
    await screen.findByText(/Champs remplis/);
    expect(value('#org-mail')).toBe('pharmacie@hopital-demo.fr');
  });

  it('a field renamed in place shows in the preview, which the user reads again before a click counts', async () => {
    const fieldsChanged = mount();
    await preview();
    await waitFor(() => expect(goOffered()).toBe(true));
    document.querySelector('label[for="ville"]')!.textContent = 'Commune';
    fieldsChanged();
    expect(lineLabels()).toContain('Commune');
    expect(lineLabels()).not.toContain('Ville');
    // A new revision: the settle delay starts again (FillView, minShownMs). A click then is answered, and fills nothing.
    expect(goButton().getAttribute('aria-disabled')).toBe('true');
    await userClick(goButton());
    expect(await screen.findByText(/^L’aperçu vient de changer/)).toBeTruthy();
    expect(value('#ville')).toBe('');
    await clickGo();
    await screen.findByText(/Champs remplis/);
    expect(value('#ville')).toBe('Paris');
  });

  it('a line the user unticked stays unticked when the page adds fields and the preview follows', async () => {
    const fieldsChanged = mount();
    const list = await preview();
    fireEvent.click(within(list).getByText('Adresse mail').closest('label')!.querySelector('input')!);
    const label = Object.assign(document.createElement('label'), { htmlFor: 'rpps-added', textContent: 'Identifiant RPPS du demandeur' });
    document.querySelector('form')!.append(label, Object.assign(document.createElement('input'), { id: 'rpps-added' }));
    fieldsChanged();
    expect(lineLabels()).toContain('Identifiant RPPS du demandeur');
    const mail = within(screen.getAllByRole('list')[0] as HTMLElement).getByText('Adresse mail').closest('label')!.querySelector('input')!;
    expect(mail.checked).toBe(false);
    await clickGo();
    await screen.findByText(/Champs remplis/);
    expect(value('#org-mail')).toBe('');
    expect(value('#ville')).toBe('Paris');
  });

  it('follows a change of the profile made elsewhere (the popup’s « Sur ce poste, je suis… », the options) without a reload', async () => {
    mount();
    const list = await preview();
    expect(within(list).getByText('Ville').parentElement?.textContent).toContain('Paris');
    // What the background answers once the options saved the establishment; the database announces the write.
    messages.send.mockResolvedValue({ ...context, establishment: { ...sample, address: { ...sample.address, city: 'Lyon' } } });
    await act(async () => announceDataChanged());
    await waitFor(() => expect(within(screen.getAllByRole('list')[0] as HTMLElement).getByText('Ville').parentElement?.textContent).toContain('Lyon'));
    await clickGo();
    await screen.findByText(/Champs remplis/);
    expect(value('#ville')).toBe('Lyon');
  });
});
