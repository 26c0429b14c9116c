/**
 * The seed's questions for one procedure, asked as the answers open their branches. Every
 * answer is saved at once (through `onAnswer`); the profile's guess is preselected and marked
 * « (d'après le profil) », for the user to confirm or change.
 */
import { useId } from 'react';
import { local, t } from '../../lib/i18n/t';
import { questionsToAsk } from '../../lib/procedures/checklist';
import type { Answers, Procedure } from '../../lib/procedures/schema';
import type { Establishment } from '../../lib/profile/schema';
import { fullName } from '../../lib/profile/names';
import { SeedLine } from '../ui/SeedLine';

/**
 * The answers, with the profile's guess for each question asked and not answered yet: what the
 * wizard preselects and the checklist follows until the user says otherwise. A guess may open a
 * question with a guess of its own, hence the turns (each adds an answer, so they end).
 */
export function withProfileGuesses(procedure: Procedure, answers: Answers, establishment: Establishment): Answers {
  let all = answers;
  for (;;) {
    const guesses = questionsToAsk(procedure, all, establishment).flatMap(({ key, suggested }) => (all[key] === undefined && suggested ? [[key, suggested]] : []));
    if (guesses.length === 0) return all;
    all = { ...all, ...Object.fromEntries(guesses) };
  }
}

interface Props {
  procedure: Procedure;
  establishment: Establishment;
  /** With the profile's guesses (withProfileGuesses). */
  answers: Answers;
  onAnswer: (key: string, value: string) => void;
}

export function Wizard({ procedure, establishment, answers, onAnswer }: Props) {
  const id = useId();
  const asked = questionsToAsk(procedure, answers, establishment);
  return (
    <section className="wizard" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="procedures__heading">
        {t('procQuestions')}
      </h2>
      <p className="wizard__summary">
        <SeedLine text={procedure.summary} />
      </p>
      {asked.map(({ key, question, contact, suggested }) => (
        <fieldset key={key} className="wizard__question">
          <legend>
            {contact && <span className="wizard__person">{t('procAbout', fullName(contact))} — </span>}
            <SeedLine text={question.prompt} />
          </legend>
          {question.help && (
            <p className="wizard__help">
              <SeedLine text={question.help} />
            </p>
          )}
          {question.choices.map((choice) => (
            <label key={choice.value} className="wizard__choice">
              <input
                type="radio"
                name={`${id}-${key}`}
                value={choice.value}
                checked={answers[key] === choice.value}
                onChange={() => onAnswer(key, choice.value)}
              />{' '}
              {local(choice.label)}
              {suggested === choice.value && <span className="wizard__suggested"> {t('procSuggested')}</span>}
            </label>
          ))}
        </fieldset>
      ))}
    </section>
  );
}
