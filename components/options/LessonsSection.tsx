/**
 * « Champs appris »: what the user taught Balise with « Ce champ est : … » in the guide
 * (lib/profile/lessons.ts), by establishment and by site, each with « Supprimer ». Follows the
 * database: a lesson taught in a portal tab shows here at once. The lessons travel with the
 * establishment's export; the editor's form does not show them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import { t } from '../../lib/i18n/t';
import { lessonKindLabel } from '../../lib/profile/lessons';
import type { Lesson } from '../../lib/profile/schema';
import { forgetLesson, readEstablishments } from '../../lib/store/profile';

interface Taught {
  id: string;
  label: string;
  /** By origin, in the order they were taught. */
  sites: [origin: string, lessons: Lesson[]][];
}

async function readTaught(): Promise<Taught[]> {
  return (await readEstablishments())
    .filter((establishment) => (establishment.lessons?.length ?? 0) > 0)
    .map((establishment) => {
      const sites = new Map<string, Lesson[]>();
      for (const lesson of establishment.lessons ?? []) sites.set(lesson.origin, [...(sites.get(lesson.origin) ?? []), lesson]);
      return { id: establishment.id, label: establishment.label, sites: [...sites] };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

const hostOf = (origin: string) => new URL(origin).host;

/** `announce`: the page's one live region (OptionsApp), for what a removal did. */
export function LessonsSection({ announce }: { announce: (text: string) => void }) {
  const taught = useLiveQuery(readTaught, []);
  const heading = useRef<HTMLHeadingElement>(null);

  const remove = async (establishmentId: string, lesson: Lesson) => {
    try {
      await forgetLesson(establishmentId, lesson);
      announce(t('lessonsRemoved', lesson.label));
      // The row is gone: the focus goes back to the section, never lost on the page.
      heading.current?.focus();
    } catch (error) {
      announce(t('lessonsRemoveFailed', error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <section aria-labelledby="lessons-title" className="sites">
      <h2 id="lessons-title" ref={heading} tabIndex={-1} className="sites__title">
        {t('lessonsTitle')}
      </h2>
      <p className="list-head__intro">{t('lessonsIntro')}</p>
      {taught === undefined ? null : taught.length === 0 ? (
        <p className="sites__empty">{t('lessonsEmpty')}</p>
      ) : (
        taught.map((establishment) => (
          <section key={establishment.id} aria-label={establishment.label}>
            <h3>{establishment.label}</h3>
            {establishment.sites.map(([origin, lessons]) => (
              <div key={origin}>
                <h4>{hostOf(origin)}</h4>
                <ul className="sites__list">
                  {lessons.map((lesson) => (
                    <li key={lesson.signature} className="sites__item">
                      <span className="sites__host">{lesson.label}</span>
                      <span className="sites__portal">{t(lessonKindLabel(lesson.kind))}</span>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('lessonsRemoveLabel', lesson.label, hostOf(origin))}
                        onClick={() => void remove(establishment.id, lesson)}
                      >
                        {t('lessonsRemove')}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))
      )}
    </section>
  );
}
