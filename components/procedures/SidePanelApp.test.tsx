import { render, screen, waitFor, within } from '@testing-library/react';
import { pagesByTab } from '../../lib/store/storage';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadProgress } from '../../lib/procedures/progress';
import { db } from '../../lib/store/db';
import { sampleEstablishment } from '../../lib/profile/sample';
import { writeSetting } from '../../lib/store/profile';
import { syncReminders } from '../../lib/procedures/reminders';
import { remindersReplanned } from '../../test/reminders-watch';
import { NextStep } from './NextStep';
import { SidePanelApp } from './SidePanelApp';

vi.mock('../../lib/procedures/reminders', async (original) => (await import('../../test/reminders-watch')).watchReplans(original));

const establishment = sampleEstablishment();

beforeEach(async () => {
  await Promise.all([db.establishments.clear(), db.settings.clear(), db.progress.clear(), db.reminders.clear()]);
  await db.establishments.put(establishment);
  await writeSetting('currentEstablishmentId', establishment.id);
  // The fake browser starts without any window; a real side panel always sits in one.
  await fakeBrowser.windows.create({ focused: true });
});

describe('side panel', () => {
  it('asks the seed’s questions, saves the answers and shows the resulting checklist with who and where', async () => {
    const user = userEvent.setup();
    render(<SidePanelApp />);
    await screen.findByRole('heading', { name: /Démarches — Pitié-Salpêtrière/ });
    const plage = await screen.findByRole('group', { name: /compte Plage \(Pasrel\) de l’ATIH/ });
    await user.click(within(plage).getByLabelText('Oui'));
    await user.click(within(await screen.findByRole('group', { name: /profil Plage du responsable de commande d’EPI est-il déjà rattaché/ })).getByLabelText('Oui'));
    await user.click(within(screen.getByRole('group', { name: /plusieurs établissements/ })).getByLabelText('Non'));
    await waitFor(async () =>
      expect((await loadProgress(establishment.id, '000-distrilog'))?.answers).toEqual({
        managerHasPlageAccount: 'yes',
        managerProfileHere: 'yes',
        severalEstablishments: 'no',
      }),
    );
    const step = await waitFor(() => {
      const item = document.querySelector<HTMLElement>('[data-step="requestRight"]');
      expect(item).not.toBeNull();
      return item!;
    });
    expect(within(step).getByText('Qui : Sophie Petit')).toBeTruthy();
    expect(within(step).getByRole('link', { name: 'Pasrel (connexion ATIH) — Connexion Pasrel' }).getAttribute('href')).toMatch(/^https:\/\/connect-pasrel\.atih\.sante\.fr\/cas\/login/);

    await user.click(within(step).getByRole('checkbox'));
    await waitFor(async () => expect((await loadProgress(establishment.id, '000-distrilog'))?.done.requestRight?.by).toBe('user'));
    await remindersReplanned(syncReminders);
  });

  it('numbers no step while questions that decide the steps are unanswered, and says so (third walk, NEW-7)', async () => {
    const user = userEvent.setup();
    render(<SidePanelApp />);
    const list = await screen.findByRole('region', { name: 'Votre liste d’étapes' });
    expect(within(list).getByText('Répondez aux questions ci-dessus pour voir toutes vos étapes. Déjà connues :')).toBeTruthy();
    expect(within(list).queryByText(/^Étape \d+ sur \d+$/)).toBeNull();

    await user.click(within(screen.getByRole('group', { name: /compte Plage \(Pasrel\) de l’ATIH/ })).getByLabelText('Oui'));
    await user.click(within(await screen.findByRole('group', { name: /profil Plage du responsable de commande d’EPI est-il déjà rattaché/ })).getByLabelText('Oui'));
    await user.click(within(screen.getByRole('group', { name: /plusieurs établissements/ })).getByLabelText('Non'));
    expect(await within(list).findByText('Étape 1 sur 3')).toBeTruthy();
    expect(within(list).queryByText(/Répondez aux questions/)).toBeNull();
  });

  it('names a missing role by its short name, its duties being in the options (newcomer report)', async () => {
    await db.establishments.put({ ...establishment, contacts: [], certificates: [] });
    const user = userEvent.setup();
    render(<SidePanelApp />);
    const picker = await screen.findByRole('group', { name: 'Démarche' });
    await user.click(within(picker).getByRole('radio', { name: 'Certificats IGC-Santé pour le Dossier Pharmaceutique' }));
    const link = await screen.findByRole('link', { name: /^Personne n.a le rôle «\u202fReprésentant légal\u202f» / });
    expect(link.getAttribute('href')).toMatch(/options\.html#establishment=.*&field=contacts$/);
    for (const missing of screen.getAllByRole('link', { name: /^Personne n.a le rôle/ })) expect(missing.textContent).not.toContain('(');
  });

  it('shows each procedure’s full name, and preselects what the profile says, stored with the first answer (issue 18, P14)', async () => {
    const user = userEvent.setup();
    render(<SidePanelApp />);
    const picker = await screen.findByRole('group', { name: 'Démarche' });
    await user.click(within(picker).getByRole('radio', { name: 'Certificats IGC-Santé pour le Dossier Pharmaceutique' }));
    const organisation = await screen.findByRole('group', { name: /Comment votre structure est-elle organisée/ });
    const guessed = within(organisation).getByRole('radio', { name: /Établissement public \(GHT, EHPAD\)/ }) as HTMLInputElement;
    expect(guessed.checked).toBe(true);
    expect(guessed.closest('label')!.textContent).toContain('(d’après le profil)');
    // Nothing is stored by looking.
    expect(await loadProgress(establishment.id, '003-certificats-dp')).toBeUndefined();

    await user.click(within(screen.getByRole('group', { name: /contrat avec l’ANS/ })).getByRole('radio', { name: 'Non' }));
    await waitFor(async () => expect((await loadProgress(establishment.id, '003-certificats-dp'))?.answers).toMatchObject({ organisation: 'publicGht', hasContract: 'no' }));
  });

  it('marks the step of the page the active tab shows, as the background recorded it', async () => {
    await db.progress.put({
      establishmentId: establishment.id,
      procedureId: '002-medimail-bal-org',
      answers: { hasPersonalAccount: 'yes', regionOffersMedimail: 'yes', otherUsers: 'no' },
      done: {},
      startedAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-01T09:00:00.000Z',
    });
    const window = await fakeBrowser.windows.getCurrent();
    const tab = await fakeBrowser.tabs.create({ windowId: window.id, url: 'https://medimail.mipih.fr/creation-compte/organisationnel/formulaire', active: true });
    await pagesByTab().setValue({ [tab.id!]: { portalId: 'medimail', pageId: 'balOrgForm', at: '2025-03-01T09:00:00.000Z' } });
    render(<SidePanelApp />);
    await waitFor(() => expect(document.querySelector('[data-step="fillForm"]')?.className).toContain('checklist__item--here'));
    expect(screen.getByText('Vous êtes ici')).toBeTruthy();
  });
});

describe('NextStep (popup)', () => {
  it('shows the procedure in progress and its next step', async () => {
    await db.progress.put({
      establishmentId: establishment.id,
      procedureId: '000-distrilog',
      answers: { managerHasPlageAccount: 'yes', managerProfileHere: 'yes', severalEstablishments: 'no' },
      done: { requestRight: { at: '2025-03-01T10:00:00.000Z', by: 'user' } },
      startedAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-01T10:00:00.000Z',
    });
    render(<NextStep />);
    expect(await screen.findByText('Accès à Distrilog-santé (Plage / Pasrel)')).toBeTruthy();
    expect(screen.getByText('1 sur 3 faites')).toBeTruthy();
    screen.getByText(/Prochaine étape \(2 sur 3\) : L’administrateur de l’entité traite/);
  });

  it('gives no count nor next step while questions are unanswered: steps may still come before (third walk, NEW-7)', async () => {
    await db.progress.put({
      establishmentId: establishment.id,
      procedureId: '000-distrilog',
      answers: { managerHasPlageAccount: 'no' },
      done: {},
      startedAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-01T10:00:00.000Z',
    });
    render(<NextStep />);
    expect(await screen.findByText('Des questions restent sans réponse : ouvrez les démarches pour voir vos étapes.')).toBeTruthy();
    expect(screen.queryByText(/faites$|Prochaine étape/)).toBeNull();
  });
});
