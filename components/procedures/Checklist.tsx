/**
 * The user's own checklist: for each step, what to do, who does it among the contacts, on
 * which portal page (with a link), the cards and forms needed, the profile values to have at
 * hand (missing ones flagged with a link to fix them), and when it was done.
 */
import { useId } from 'react';
import { local, t } from '../../lib/i18n/t';
import { answerKey, happensOn, pageLink, type ChecklistItem } from '../../lib/procedures/checklist';
import type { Progress } from '../../lib/store/rows';
import type { Answers, FormId, Procedure } from '../../lib/procedures/schema';
import { establishmentFields, establishmentPath, readEstablishment } from '../../lib/profile/fields';
import type { Establishment } from '../../lib/profile/schema';
import { fullName } from '../../lib/profile/names';
import { shownValue } from '../../lib/profile/identifiers';
import type { EstablishmentKind } from '../../lib/profile/kinds';
import { SeedLine } from '../ui/SeedLine';
import { showDate } from '../../lib/i18n/date';
import { optionsLink, roleName, sheet413Link } from './links';

const formNames: Record<FormId, string> = {
  contratStructure: 'Contrat de structure',
  f101: '101',
  f301: '301',
  f502: '502',
  f413: '413',
};

/** As the editor and the 413 sheet show it: a SIRET keeps its spacing from one screen to the next (newcomer report, low items). */
function shownFact(kind: EstablishmentKind, establishment: Establishment): string | undefined {
  const value = readEstablishment(kind, establishment);
  return value && shownValue(kind, value);
}

interface Props {
  procedure: Procedure;
  establishment: Establishment;
  checklist: readonly ChecklistItem[];
  progress: Progress | undefined;
  /**
   * Every question asked is answered: the list is final. Before that, more steps may come and
   * « Étape 1 sur 1 » would read as the whole procedure (third walk, NEW-7), so nothing is numbered.
   */
  settled: boolean;
  /** The portal page the active tab shows, if any. */
  here?: { portalId: string; pageId: string };
  onToggle: (key: string, done: boolean) => void;
}

function who(item: ChecklistItem): string {
  if (item.assignees.length > 0) return t('procWho', item.assignees.map(fullName).join(', '));
  if (item.doer === 'eachProfessional') return t('procWho', t('procWhoEach'));
  if (item.doer === 'me') return t('procWho', t('procWhoMe'));
  if (item.doer === 'person') return t('procWho', item.contact ? fullName(item.contact) : '');
  return t('procWhoNobody', roleName(item.doer));
}

function answersShown(procedure: Procedure, item: ChecklistItem, answers: Answers): string[] {
  return procedure.questions
    .filter((q) => q.informs.includes(item.step.id))
    .flatMap((q) => {
      const value = answers[answerKey(q.id, item.contact?.id)];
      const choice = q.choices.find((c) => c.value === value);
      return choice ? [local(choice.label)] : [];
    });
}

export function Checklist({ procedure, establishment, checklist, progress, settled, here, onToggle }: Props) {
  const id = useId();
  return (
    <section className="checklist" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="procedures__heading">
        {t('procChecklist')}
      </h2>
      {!settled && <p className="checklist__pending">{t(checklist.length === 0 ? 'procChecklistEmpty' : 'procChecklistPending')}</p>}
      <ol className="checklist__items">
        {checklist.map((item, i) => {
          const done = progress?.done[item.key];
          const isHere = here !== undefined && happensOn(item, here.portalId, here.pageId);
          const shown = answersShown(procedure, item, progress?.answers ?? {});
          return (
            <li key={item.key} className={`checklist__item${done ? ' checklist__item--done' : ''}${isHere ? ' checklist__item--here' : ''}`} data-step={item.key}>
              {settled && <span className="checklist__number">{t('overlayStep', i + 1, checklist.length)}</span>}
              <label className="checklist__title">
                <input type="checkbox" checked={done !== undefined} onChange={(event) => onToggle(item.key, event.target.checked)} />{' '}
                <SeedLine text={item.step.title}>{item.contact ? t('overlayStepFor', local(item.step.title), fullName(item.contact)) : local(item.step.title)}</SeedLine>
              </label>
              {isHere && <p className="checklist__here">{t('procYouAreHere')}</p>}
              {done && <p className="checklist__done">{t(done.by === 'page' ? 'procDoneByPage' : 'procDoneOn', showDate(done.at))}</p>}
              <p className="checklist__who">{who(item)}</p>
              {shown.map((text) => (
                <p key={text} className="checklist__answer">
                  {t('procAnswerShown', text)}
                </p>
              ))}
              <div className="checklist__where">
                {t('procWhere')}{' '}
                {item.pages.length === 0 ? (
                  t('procOffPortal')
                ) : (
                  <ul>
                    {item.pages.map((m) => {
                      const link = pageLink(m, establishment);
                      const name = `${local(m.portal.name)} — ${local(m.page.name)}`;
                      return (
                        <li key={`${m.portal.id}/${m.page.id}`}>
                          {link ? (
                            <a href={link} target="_blank" rel="noreferrer">
                              {name}
                            </a>
                          ) : (
                            `${name} (${t('procNoAddress')})`
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </div>
              {item.proof && <p className="checklist__proof">{t('procProofNote', local(item.proof.page.name))}</p>}
              {item.step.cards.length > 0 && <p>{t('procCards', item.step.cards.join(', '))}</p>}
              {item.step.forms.length > 0 && <p>{t('procForms', item.step.forms.map((f) => formNames[f]).join(', '))}</p>}
              {item.step.sheet413 && (
                <p>
                  <a href={sheet413Link(establishment.id)} target="_blank" rel="noreferrer">
                    {t('procOpenSheet413')}
                  </a>
                </p>
              )}
              {(item.step.prepare.length > 0 || item.step.uses.length > 0) && (
                <div className="checklist__prepare">
                  <p>{t('procPrepare')}</p>
                  <ul>
                    {item.step.prepare.map((text) => (
                      <li key={text.fr}>
                        <SeedLine text={text} />
                      </li>
                    ))}
                    {item.step.uses.map((kind) => {
                      const value = shownFact(kind, establishment);
                      return (
                        <li key={kind} data-kind={kind}>
                          {t('procLabelColon', t(establishmentFields[kind].label))}{' '}
                          {value ?? (
                            <a className="checklist__missing" href={optionsLink(establishment.id, establishmentPath(kind, establishment))} target="_blank" rel="noreferrer">
                              {t('procValueMissingFix', t('procValueMissing'))}
                            </a>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              )}
              {item.step.details.length > 0 && (
                <details className="checklist__details">
                  <summary>{t('procDetails')}</summary>
                  <ul>
                    {item.step.details.map((text) => (
                      <li key={text.fr}>
                        <SeedLine text={text} />
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
