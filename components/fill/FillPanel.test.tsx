// @vitest-environment-options {"url": "https://medimail.mipih.fr/creation-compte/organisationnel/formulaire"}
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FillContext, FillTrigger } from '../../lib/autofill/messages';
import type { Layout } from '../../lib/autofill/visibility';
import { sampleEstablishment } from '../../lib/profile/sample';
import { fixturePath } from '../../test/fixtures/load';
import { FillPanel } from './FillPanel';
import { highlightClass } from './highlight';

const messages = vi.hoisted(() => ({
  send: vi.fn<(request: { establishmentId?: string }) => Promise<FillContext>>(),
  startListeners: [] as ((trigger: FillTrigger) => void)[],
}));
vi.mock('../../lib/autofill/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/autofill/messages')>()),
  getFillContext: { send: messages.send },
  onStartFill: (listener: (trigger: FillTrigger) => void) => {
    messages.startListeners.push(listener);
    return () => messages.startListeners.splice(messages.startListeners.indexOf(listener), 1);
  },
}));

const sample = sampleEstablishment();
const luc = sample.contacts[1]!;
const context: FillContext = { establishments: [{ id: sample.id, label: sample.label, legalName: sample.legalName }], establishment: sample, meContactId: luc.id };

/** The page's fields sit at the top left; the fill button at x ≥ 500, where `onButton` answers the hit test. */
function layoutWith(onButton: () => Element | null): Layout {
  return {
    style: (element) => getComputedStyle(element),
    rect: (element) =>
      element.classList.contains('balise-fill-go')
        ? { left: 500, top: 10, right: 600, bottom: 30, width: 100, height: 20 }
        : { left: 10, top: 10, right: 110, bottom: 30, width: 100, height: 20 },
    hitTest: (_root, x) => (x >= 500 ? onButton() : null),
    viewport: () => ({ width: 1000, height: 800, scrollX: 0, scrollY: 0 }),
  };
}
/** The first render loads the whole engine: more than findBy's default second on a busy machine. */
const preview = () => screen.findByRole('list', {}, { timeout: 10_000 });
const goButton = () => screen.getByRole('button', { name: 'Remplir cette page' });
const clear = layoutWith(() => document.querySelector('.balise-fill-go'));
const trusted = () => true;
const value = (selector: string) => (document.querySelector(selector) as HTMLInputElement).value;

function renderPanel(props: Partial<Parameters<typeof FillPanel>[0]> = {}) {
  const container = document.getElementById('overlay')!;
  return render(<FillPanel pageContext={{ portalId: 'medimail', pageId: 'balOrgForm' }} container={container} layout={clear} isTrusted={trusted} {...props} />, { container });
}

beforeEach(() => {
  const html = readFileSync(fixturePath({ file: 'medimail/balOrgForm.html' }), 'utf8');
  document.body.innerHTML = `${html.slice(html.indexOf('<main>'), html.indexOf('</main>') + 7)}<div id="overlay"></div>`;
  messages.send.mockReset().mockResolvedValue(context);
  messages.startListeners.length = 0;
});
afterEach(cleanup);

describe('FillPanel', { timeout: 30_000 }, () => {
  it('previews field → value, fills on click, highlights, reports skips, and undoes everything', async () => {
    renderPanel();
    const list = await preview();
    expect(within(list).getByText('Description du compte').parentElement?.textContent).toContain(sample.orgMailbox!.description);
    expect(within(list).getByText('Identifiant établissement').parentElement?.textContent).toContain('750100125');

    fireEvent.click(goButton());
    await screen.findByText(/Champs remplis : \d+\./, {}, { timeout: 10_000 });
    expect(value('#org-mail')).toBe('pharmacie@hopital-demo.fr');
    expect(value('input[name="identifiant"]')).toBe('750100125');
    expect(value('select[name="typeIdentifiant"]')).toBe('FINESS');
    expect(value('select[name="responsableProfession"]')).toBe('21');
    expect(value('input[name="responsableNom"]')).toBe('Petit');
    expect(document.querySelector('#org-mail')!.classList.contains(highlightClass)).toBe(true);
    // The région and département of Paris are not among this page's options: said, not guessed.
    const status = screen.getByRole('status');
    expect(within(status).getByText('Région').nextSibling?.textContent).toBe('aucun choix de la liste ne correspond');
    expect(value('select[name="region"]')).toBe('OCC');
    // The highlight puts no profile value in the page's DOM.
    expect(document.head.innerHTML).not.toContain('hopital-demo');

    fireEvent.click(screen.getByRole('button', { name: 'Annuler le remplissage' }));
    for (const selector of ['#org-mail', '#org-desc', 'input[name="identifiant"]', 'input[name="responsableNom"]']) expect(value(selector)).toBe('');
    expect(value('select[name="typeIdentifiant"]')).toBe('');
    expect(document.querySelectorAll(`.${highlightClass}`)).toHaveLength(0);
    expect(await screen.findByText(/Remplissage annulé/)).toBeTruthy();
  });

  it('an unticked line is not filled', async () => {
    renderPanel();
    const list = await preview();
    fireEvent.click(within(list).getByText('Adresse mail').closest('label')!.querySelector('input')!);
    fireEvent.click(goButton());
    await screen.findByText(/Champs remplis/);
    expect(value('#org-mail')).toBe('');
    expect(value('#ville')).toBe('Paris');
  });

  it('refuses a click the page scripted (not trusted)', async () => {
    renderPanel({ isTrusted: undefined });
    await preview();
    fireEvent.click(goButton());
    expect((await screen.findByRole('alert')).textContent).toMatch(/recouvert ou rendu transparent/);
    expect(value('#org-mail')).toBe('');
  });

  it('refuses while the page covers the button', async () => {
    const decoy = document.createElement('div');
    document.body.append(decoy);
    renderPanel({ layout: layoutWith(() => decoy) });
    await preview();
    fireEvent.click(goButton());
    expect((await screen.findByRole('alert')).textContent).toMatch(/recouvert/);
    expect(value('#org-mail')).toBe('');
  });

  it('refuses while the page makes the panel transparent', async () => {
    renderPanel();
    await preview();
    document.getElementById('overlay')!.style.opacity = '0.3';
    fireEvent.click(goButton());
    expect((await screen.findByRole('alert')).textContent).toMatch(/transparent/);
    expect(value('#org-mail')).toBe('');
  });

  it('asks which establishment when several exist and none is chosen', async () => {
    const other = { id: crypto.randomUUID(), label: 'Autre site', legalName: 'Autre' };
    messages.send.mockResolvedValueOnce({ establishments: [context.establishments[0]!, other], establishment: null });
    renderPanel();
    const picker = await screen.findByLabelText('Plusieurs établissements : lequel remplir ?');
    expect(screen.queryByRole('button', { name: 'Remplir cette page' })).toBeNull();
    fireEvent.change(picker, { target: { value: sample.id } });
    await waitFor(() => expect(messages.send).toHaveBeenLastCalledWith({ establishmentId: sample.id }));
    expect(await screen.findByRole('button', { name: 'Remplir cette page' })).toBeTruthy();
  });

  it('the shortcut shows the preview first, and fills on the second press', async () => {
    renderPanel();
    await preview();
    act(() => messages.startListeners.forEach((listener) => listener('command')));
    expect(value('#org-mail')).toBe('');
    act(() => messages.startListeners.forEach((listener) => listener('command')));
    await screen.findByText(/Champs remplis/);
    expect(value('#org-mail')).toBe('pharmacie@hopital-demo.fr');
  });
});
