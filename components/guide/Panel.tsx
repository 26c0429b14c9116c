/**
 * The guidance panel, drawn in the guide frame: procedure, the steps of this page (numbered as
 * in the user's checklist: lib/procedures/page-steps.ts pageSteps, the tab's source too), the user's
 * own progress, the seed's instructions for this page, the element to click next, the field
 * hints in a list, the pages that follow, the fill section, and « Décrire cette page » (on an
 * unknown page, right under the « Page non reconnue » line). Headings and lists so that a
 * screen reader can move through it. The guide's text scrolls between the header and the fill
 * section, which stays in view with the footer (the shortcuts); floating, while a fill preview or
 * outcome is shown, the text folds behind one line that opens it. Where the guide sits (docked
 * left, floating, docked right) is chosen in the header, seen on opening. × first says how to
 * bring the guide back, then hides it. What it knows of the page (elements to click, fields
 * with a hint) comes from the content script as labels; « Montrer » and the hints' links ask
 * the content script to act on the page.
 */
import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { contentLanguage, t } from '../../lib/i18n/t';
import type { Guidance } from '../../lib/overlay/guidance';
import { pageSteps } from '../../lib/procedures/page-steps';
import type { GuideView } from '../../lib/overlay/guide-channel';
import type { Page, Portal, ProcedureId } from '../../lib/portals/schema';
import type { GuideDock } from '../../lib/store/storage';
import { procedureTitle } from '../../lib/procedures/catalog';
import type { ProgressSummary } from '../../lib/procedures/summary';
import { SeedLine } from '../ui/SeedLine';
import { DockChoice, GuidePlace } from './DockChoice';
import { GoToFieldButton } from './GoToFieldButton';
import { MyProgress } from './MyProgress';
import { PageReport } from './PageReport';
import { Sources } from './Sources';

interface PanelProps {
  portal: Portal;
  page: Page | null;
  guidance: Guidance | null;
  /** The user's progress in the current procedure (the popup's), when there is one. */
  summary: ProgressSummary | null;
  clicks: GuideView['clicks'];
  hints: GuideView['hints'];
  /** The index in `hints` of the tip to show above the fill section (its bubble found no room on the page). */
  tipInPanel?: number | undefined;
  /** The fill section. */
  fill: ReactNode;
  /** On an annuaire FINESS record: create or compare from it (FinessRecordSection). */
  record?: ReactNode;
  /** The page's description, once asked for (« Décrire cette page »). */
  report: GuideView['report'];
  onDescribePage(): void;
  headingRef: Ref<HTMLHeadingElement>;
  onProcedure(procedure: ProcedureId): void;
  onShowClick(index: number): void;
  onGoToField(index: number): void;
  onCollapse(): void;
  onDismiss(): void;
  /** Where the guide sits. */
  dock: GuideDock;
  onDock(dock: GuideDock): void;
}

export function Panel({
  portal,
  page,
  guidance,
  summary,
  clicks,
  hints,
  tipInPanel,
  fill,
  record,
  report,
  headingRef,
  onProcedure,
  onShowClick,
  onGoToField,
  onCollapse,
  onDismiss,
  onDescribePage,
  dock,
  onDock,
}: PanelProps) {
  const language = contentLanguage();
  const [confirmingDismiss, setConfirmingDismiss] = useState(false);
  const [textOpen, setTextOpen] = useState(false);
  const procedureGroup = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmingDismiss) confirmRef.current?.focus();
  }, [confirmingDismiss]);
  const tip = tipInPanel === undefined ? undefined : hints[tipInPanel];
  const steps = guidance ? pageSteps(guidance, summary) : [];
  const procedureName = (procedure: ProcedureId) => procedureTitle(procedure)[language];
  return (
    <div className="panel-body" data-dock={dock}>
      <header className="panel-header">
        <span className="brand" aria-hidden="true">
          {t('overlayBrand')}
        </span>
        <DockChoice dock={dock} onDock={onDock} />
        <button type="button" className="icon-button" onClick={onCollapse} aria-label={t('overlayCollapse')} title={t('overlayCollapse')} aria-keyshortcuts="Alt+Shift+B Escape">
          <span aria-hidden="true">–</span>
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => setConfirmingDismiss(true)}
          aria-label={t('overlayDismiss')}
          title={t('overlayDismiss')}
          aria-expanded={confirmingDismiss}
        >
          <span aria-hidden="true">×</span>
        </button>
        {/* Its own line, under the controls: the panel's full width, a title and not a field. */}
        <h2 className="page-name" ref={headingRef} tabIndex={-1}>
          {portal.name[language]}
          {page ? ` · ${page.name[language]}` : ''}
        </h2>
      </header>

      {confirmingDismiss && (
        <div className="dismiss-confirm">
          <p id="balise-dismiss-how">{t('overlayDismissHow', portal.name[language])}</p>
          <div className="dismiss-actions">
            <button type="button" className="dismiss-go" ref={confirmRef} onClick={onDismiss} aria-describedby="balise-dismiss-how">
              {t('overlayDismissConfirm')}
            </button>
            <button type="button" className="link-button" onClick={() => setConfirmingDismiss(false)}>
              {t('overlayDismissCancel')}
            </button>
          </div>
        </div>
      )}

      {/* Shown only where the fold applies (guide.css): floating, with « Remplir cette page » to keep in view. */}
      <button type="button" className="panel-fold" aria-expanded={textOpen} aria-controls="balise-guide-text" onClick={() => setTextOpen(!textOpen)}>
        <span aria-hidden="true">{textOpen ? '▾ ' : '▸ '}</span>
        {t('overlayGuideText')}
      </button>
      {/* The guide's text scrolls; what follows it stays in view. */}
      <div className={`panel-scroll${textOpen ? '' : ' folded'}`} id="balise-guide-text">
      <div className="panel-scroll-content">
      {guidance ? (
        <>
          {guidance.procedure && guidance.procedures.length > 1 ? (
            // Radios, not a select: a closed select cut « Certificats IGC-Santé pour le Dossier Pharmaceutique » at the panel's width, a label wraps.
            <fieldset className="procedure-choice">
              <legend>{t('overlayProcedure')}</legend>
              {guidance.procedures.map((procedure) => (
                <label key={procedure}>
                  <input type="radio" name={procedureGroup} value={procedure} checked={procedure === guidance.procedure} onChange={() => onProcedure(procedure)} /> {procedureName(procedure)}
                </label>
              ))}
            </fieldset>
          ) : (
            guidance.procedure && (
              <p className="procedure" data-balise-procedure={guidance.procedure}>
                {procedureName(guidance.procedure)}
              </p>
            )
          )}
          {/* Two step titles one after the other read as a mistake unless the panel says why. */}
          {steps.length > 1 && (
            <p className="steps-here" id="balise-steps-here">
              {t('overlayStepsHere')}
            </p>
          )}
          <ul className="steps" aria-labelledby={steps.length > 1 ? 'balise-steps-here' : undefined}>
            {steps.map((step) => (
              <li key={step.key} data-balise-step={step.key}>
                {step.number && <span className="step-count">{t('overlayStep', step.number.index, step.number.total)}</span>}
                <h3 className="step-title">
                  {step.doneAt && <span className="sr-only">{t('overlayStepDone')} </span>}
                  {step.doneAt && <span aria-hidden="true">✓ </span>}
                  <SeedLine text={step.title}>{step.person ? t('overlayStepFor', step.title[language], step.person) : step.title[language]}</SeedLine>
                </h3>
              </li>
            ))}
          </ul>
          {summary && <MyProgress summary={summary} shownAbove={summary.procedureId === guidance.procedure} />}
          <ul className="instructions">
            {guidance.instructions.map((text, i) => (
              <li key={i}>
                <SeedLine text={text} />
              </li>
            ))}
          </ul>
          <Sources texts={guidance.instructions} />
          {clicks.length > 0 && (
            <section className="click-next" aria-labelledby="balise-click-next">
              <h3 id="balise-click-next">{t('overlayClickNext')}</h3>
              <ul>
                {clicks.map((click, i) => (
                  <li key={i}>
                    <span>{click.where ? t('overlayClickWhere', click.label, click.where) : t('overlayClickLabel', click.label)}</span>
                    <button type="button" className="link-button" onClick={() => onShowClick(i)} aria-label={t('overlayShowTarget', click.label)}>
                      {t('overlayShow')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {hints.length > 0 && (
            <details className="field-hints">
              <summary>{t('overlayFieldHints', hints.length)}</summary>
              <ul>
                {hints.map((hint, i) => (
                  <li key={i} data-balise-field-hint={hint.label}>
                    <GoToFieldButton label={hint.label} className="link-button" onGo={() => onGoToField(i)}>
                      {hint.label}
                    </GoToFieldButton>
                    {hint.tips.map((tip, j) => (
                      <span key={j}>
                        <SeedLine text={tip} />
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {guidance.next.length > 0 && (
            <nav className="next-pages" aria-labelledby="balise-next-pages">
              <h3 id="balise-next-pages">{t('overlayNextPages')}</h3>
              <ul>
                {guidance.next.map((next, i) => (
                  <li key={i}>{next.href ? <a href={next.href} target="_top">{next.label[language]}</a> : <span>{next.label[language]}</span>}</li>
                ))}
              </ul>
            </nav>
          )}
        </>
      ) : (
        <div className="unknown-page">
          <p>{t('overlayUnknownPage')}</p>
          <PageReport report={report} onDescribe={onDescribePage} />
        </div>
      )}

      {record}

      {/* On a known page too: its description helps when Balise reads it wrong. */}
      {guidance && <PageReport report={report} onDescribe={onDescribePage} />}
      </div>
      </div>

      <div className="panel-pinned">
        {tip && (
          // A Tab stop: short of room the tip scrolls, and it holds no control to reach it by.
          <section className="tip-in-panel" aria-labelledby="balise-tip-in-panel" tabIndex={0}>
            <h3 id="balise-tip-in-panel">{t('overlayTipFor', tip.label)}</h3>
            <p className="tip-why">{t('overlayTipNoRoom')}</p>
            {tip.tips.map((text, i) => (
              <p key={i}>
                <SeedLine text={text} />
              </p>
            ))}
          </section>
        )}
        <section className="fill" aria-label={t('overlayFill')}>
          {/* The preview offers to dock the guide when it covers fields (DockChoice.tsx DockRight). */}
          <GuidePlace.Provider value={{ dock, onDock }}>{fill}</GuidePlace.Provider>
        </section>
      </div>

      <footer className="shortcuts">
        <h3 className="sr-only">{t('overlayShortcuts')}</h3>
        <ul>
          <li>{t('overlayShortcutToggle')}</li>
          <li>{t('overlayShortcutEscape')}</li>
        </ul>
      </footer>
    </div>
  );
}
