/**
 * The side panel (Chrome) / sidebar (Firefox): the current establishment's procedures, the
 * wizard and the checklist, following the portal page the active tab shows (as the content
 * script reported it to the background).
 */
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { local, t } from '../../lib/i18n/t';
import { answersComplete, buildChecklist, missingRoles } from '../../lib/procedures/checklist';
import { findProcedure, procedures } from '../../lib/procedures/index';
import { activeStates, currentState, updateProgress, withAnswer, withStep } from '../../lib/procedures/progress';
import { stateForPage } from '../../lib/procedures/summary';
import { syncReminders } from '../../lib/procedures/reminders';
import { tabPage, watchTabPages } from '../../lib/procedures/tab-pages';
import type { ProcedureId } from '../../lib/portals/schema';
import { Checklist } from './Checklist';
import { optionsLink, roleName } from './links';
import { openDatabase } from '../../lib/store/profile';
import type { Progress } from '../../lib/store/rows';
import type { TabPage } from '../../lib/store/storage';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { RemindersList } from './RemindersList';
import { useCurrentEstablishment } from './useCurrentEstablishment';
import { withProfileGuesses, Wizard } from './Wizard';
import '../ui/theme.css';
import './procedures.css';

/** The portal page of the active tab, kept up to date as tabs change and pages are reported. */
function useActivePage(): TabPage | undefined {
  const [page, setPage] = useState<TabPage>();
  useEffect(() => {
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      setPage(tab?.id === undefined ? undefined : await tabPage(tab.id));
    };
    const onActivated = () => void refresh();
    void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    const unwatch = watchTabPages(onActivated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      unwatch();
    };
  }, []);
  return page;
}

export function SidePanelApp() {
  return (
    <ErrorBoundary open={openDatabase}>
      <SidePanel />
    </ErrorBoundary>
  );
}

function SidePanel() {
  const id = useId();
  const data = useCurrentEstablishment();
  const here = useActivePage();
  const [chosen, setChosen] = useState<ProcedureId>();
  if (!data) return <div className="procedures" aria-busy="true" />;
  const { establishment, progresses, meId } = data;
  if (!establishment)
    return (
      <main className="procedures">
        <h1 className="procedures__title">{t('procPanelTitle')}</h1>
        <p>{t('procNoEstablishment')}</p>
      </main>
    );

  // Follow the page as its guide does (a procedure under way with a step there, else the current one), else the last worked on.
  const followed = here ? stateForPage(activeStates(progresses, establishment, meId), here) : currentState(progresses, establishment, meId);
  const lastWorked = [...progresses].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]?.procedureId;
  const procedure = findProcedure(chosen ?? followed?.procedure.id ?? lastWorked ?? procedures[0]!.id)!;
  const progress = progresses.find((p) => p.procedureId === procedure.id);
  const answers = withProfileGuesses(procedure, progress?.answers ?? {}, establishment);
  const checklist = buildChecklist(procedure, answers, establishment, meId);
  const missing = missingRoles(procedure, answers, establishment, checklist);

  // Nothing to show on a failure (a database closing as the panel goes): the panel stays as stored; never an unhandled rejection.
  const notSaved = (error: unknown) => console.warn('Balise: progress not saved', error);
  // The user's first answer or tick takes the preselected guesses with it: the stored answers (which the guide
  // and the popup read) are then the ones the panel showed, and a later answer never hangs on an unstored guess.
  const withGuesses = (p: Progress): Progress => ({ ...p, answers: withProfileGuesses(procedure, p.answers, establishment) });
  const answer = (key: string, value: string) =>
    void updateProgress(establishment.id, procedure.id, (p) => withAnswer(withGuesses(p), procedure, establishment, key, value)).catch(notSaved);
  const toggle = (key: string, done: boolean) =>
    void updateProgress(establishment.id, procedure.id, (p) => withStep(withGuesses(p), key, done))
      .then(() => syncReminders(browser.alarms))
      .catch(notSaved);

  return (
    <main className="procedures">
      <h1 className="procedures__title">
        {t('procPanelTitle')} — {establishment.label}
      </h1>
      {/* Radios, not a select: a closed select cuts a long name (« Certificats IGC-Santé pour le Dossier Pharmaceutique ») at the panel's width, a label wraps. */}
      <fieldset className="procedures__picker">
        <legend className="procedures__label">{t('procChooseProcedure')}</legend>
        {procedures.map((p) => (
          <label key={p.id} className="procedures__choice">
            <input type="radio" name={`${id}-procedure`} value={p.id} checked={p.id === procedure.id} onChange={() => setChosen(p.id)} /> {local(p.title)}
          </label>
        ))}
      </fieldset>
      {missing.map((role) => (
        <p key={role} className="procedures__warning">
          <a href={optionsLink(establishment.id, 'contacts')} target="_blank" rel="noreferrer">
            {t('procMissingRole', roleName(role))}
          </a>
        </p>
      ))}
      <Wizard procedure={procedure} establishment={establishment} answers={answers} onAnswer={answer} />
      <Checklist
        procedure={procedure}
        establishment={establishment}
        checklist={checklist}
        progress={progress}
        settled={answersComplete(procedure, answers, establishment)}
        here={here}
        onToggle={toggle}
      />
      <RemindersList />
    </main>
  );
}
