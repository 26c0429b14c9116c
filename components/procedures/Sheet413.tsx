/**
 * The printable form 413 sheet: parts 1 and 4 filled from the profile, each value with a
 * copy button (a box to tick says « Cochez : »), missing values flagged with a link to fix them
 * in the options page (not printed), part 3 described, and the address to send the signed form
 * to. The paper form is French: in English each label also shows the form's own French label.
 * Printed through the browser.
 */
import { useState } from 'react';
import { contentLanguage, local, t, tp } from '../../lib/i18n/t';
import { form413Download, part3Note, sheet413, technicalAdminNote, type Sheet413Field } from '../../lib/procedures/sheet413';
import { shownValue } from '../../lib/profile/identifiers';
import type { Establishment } from '../../lib/profile/schema';
import { fullName } from '../../lib/profile/names';
import { Glossed } from '../ui/Glossed';
import { optionsLink } from './links';
import './procedures.css';

function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button button--secondary button--small sheet__copy"
      aria-label={t('sheetCopyLabel', label)}
      onClick={() =>
        void navigator.clipboard.writeText(value).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        })
      }
    >
      {copied ? t('sheetCopied') : t('sheetCopy')}
    </button>
  );
}

function FieldRow({ field, establishmentId }: { field: Sheet413Field; establishmentId: string }) {
  const label = local(field.label);
  const missing = field.value === undefined;
  return (
    <div className={`sheet__field${missing && field.required ? ' sheet__field--missing' : ''}`} data-field={field.id}>
      <dt>
        {label}
        {field.required && ' *'}
        {contentLanguage() !== 'fr' && (
          <span className="sheet__paper-label" lang="fr">
            « {field.label.fr} »
          </span>
        )}
      </dt>
      <dd>
        {missing ? (
          // The side panel's word for a value the profile lacks; only one the form marks * is flagged and counted.
          <>
            <strong className={field.required ? 'sheet__missing' : undefined}>{t('procValueMissing')}</strong>{' '}
            {field.profilePath && (
              <a className="sheet__fix" href={optionsLink(establishmentId, field.profilePath)} target="_blank" rel="noreferrer">
                {t('sheetFix')}
              </a>
            )}
          </>
        ) : field.tick ? (
          <>
            {t('sheetTick')} <span className="sheet__value">{field.value}</span>
          </>
        ) : (
          <>
            <span className="sheet__value">{field.shown ?? field.value}</span> <CopyButton value={field.value!} label={label} />
          </>
        )}
        {field.note && (
          <p className="sheet__note">
            <Glossed text={local(field.note)} />
          </p>
        )}
      </dd>
    </div>
  );
}

const missingLabels = { email: 'sheetEmail', phone: 'sheetPhone', card: 'sheetCard' } as const;

export function Sheet413({ establishment }: { establishment: Establishment }) {
  const sheet = sheet413(establishment);
  const part = (n: 1 | 4) => (
    <dl className="sheet__fields">
      {sheet.fields
        .filter((f) => f.part === n)
        .map((f) => (
          <FieldRow key={f.id} field={f} establishmentId={establishment.id} />
        ))}
    </dl>
  );
  return (
    <main className="sheet">
      <h1>{t('sheetTitle')}</h1>
      <p>{t('sheetIntro', establishment.label)}</p>
      {sheet.problems > 0 && (
        <p className="sheet__problems" role="alert">
          {tp('sheetProblems', sheet.problems)}
        </p>
      )}
      <h2>{t('sheetPart1')}</h2>
      {part(1)}
      <h2>{t('sheetPart3')}</h2>
      <p className="sheet__note">
        <Glossed text={local(part3Note)} />
      </p>
      <h2>{t('sheetPart4')}</h2>
      {part(4)}
      <h3>{t('sheetTechnicalAdmins')}</h3>
      <p className="sheet__note">
        <Glossed text={local(technicalAdminNote)} />
      </p>
      {sheet.technicalAdmins.length === 0 ? (
        <p className="sheet__missing" data-field="technicalAdmins">
          {t('sheetNoTechnicalAdmin')}{' '}
          <a className="sheet__fix" href={optionsLink(establishment.id, 'contacts')} target="_blank" rel="noreferrer">
            {t('sheetFix')}
          </a>
        </p>
      ) : (
        <ul className="sheet__admins">
          {sheet.technicalAdmins.map(({ contact, missing }) => {
            const line = [fullName(contact), contact.email, contact.phone && shownValue('phone', contact.phone), contact.card].filter(Boolean).join(' — ');
            return (
              <li key={contact.id} data-contact={contact.id}>
                <span className="sheet__value">{line}</span> <CopyButton value={line} label={fullName(contact)} />
                {missing.length > 0 && (
                  <>
                    {' '}
                    <strong className="sheet__missing">{t('sheetAdminMissing', missing.map((m) => t(missingLabels[m])).join(', '))}</strong>{' '}
                    <a className="sheet__fix" href={optionsLink(establishment.id, 'contacts')} target="_blank" rel="noreferrer">
                      {t('sheetFix')}
                    </a>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="sheet__send">{t('sheetSendTo', sheet.sendTo)}</p>
      <p className="sheet__note">
        {t('sheetDownload')} <a href={form413Download}>{form413Download}</a>
      </p>
      <p className="sheet__actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('sheetPrint')}
        </button>
      </p>
    </main>
  );
}
