/**
 * The list of problems shown at the top of the form after a refused save: each one links
 * to its field and focuses it, so a keyboard or screen-reader user gets there in one step.
 * The same links list the warnings of a save that went through (EstablishmentEditor's savedWarnings).
 */
import { useId, type Ref } from 'react';
import { t, tm, tp } from '../../lib/i18n/t';
import type { FieldProblem } from '../../lib/profile/schema';
import { pathKey } from './draft';
import { labelOf } from './fields';

interface ProblemLinksProps {
  problems: readonly FieldProblem[];
  idFor(key: string): string;
  /** Prefix naming which contact or certificate a key belongs to, if any. */
  contextOf(key: string): string | undefined;
}

interface ErrorSummaryProps extends ProblemLinksProps {
  ref?: Ref<HTMLDivElement>;
}

export function ErrorSummary({ ref, ...links }: ErrorSummaryProps) {
  const titleId = useId();
  const count = links.problems.length;
  const title = tp('optSummaryTitle', count);
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        {title}
      </h2>
      <ProblemLinks {...links} />
    </div>
  );
}

/** One line per problem, « where : what », linked to its field when the form has one. */
export function ProblemLinks({ problems, idFor, contextOf }: ProblemLinksProps) {
  return (
    <ul>
      {problems.map((problem, index) => {
        const key = pathKey(problem.path);
        const label = labelOf(key);
        const where = [contextOf(key), label].filter(Boolean).join(' — ') || t('optSummaryGeneral');
        const text = t('optSummaryItem', where, tm(problem.message));
        const id = idFor(key);
        return (
          <li key={`${key}-${index}`}>
            {label ? (
              <a
                href={`#${id}`}
                onClick={(event) => {
                  event.preventDefault();
                  const field = document.getElementById(id);
                  field?.scrollIntoView?.({ block: 'center' });
                  field?.focus();
                }}
              >
                {text}
              </a>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ul>
  );
}
