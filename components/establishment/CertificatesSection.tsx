import { t } from '../../lib/i18n/t';
import { certificateKindOptions } from './choices';
import type { CertificateDraft, ContactDraft } from './draft';
import { contactName } from './ContactsSection';
import { SelectField, TextField } from './fields';

export const certificateLegend = (certificate: CertificateDraft, index: number) =>
  t('optCertificateLegend', index + 1, certificate.kind || t('optCertificateUnnamed'));

interface CertificatesSectionProps {
  certificates: readonly CertificateDraft[];
  contacts: readonly ContactDraft[];
  readOnly: boolean;
  onAdd(): void;
  onRemove(certificate: CertificateDraft, index: number): void;
}

export function CertificatesSection({ certificates, contacts, readOnly, onAdd, onRemove }: CertificatesSectionProps) {
  const holders = contacts.map((contact) => ({ value: contact.id, label: contactName(contact) }));
  return (
    <fieldset className="section" id="section-certificates">
      <legend className="section__title">{t('optSectionCertificates')}</legend>
      <p className="section__hint">{t('optSectionCertificatesHint')}</p>
      {certificates.length === 0 && <p className="section__empty">{t('optNoCertificates')}</p>}
      {certificates.map((certificate, index) => {
        const k = (field: string) => `certificates.${index}.${field}`;
        return (
          <fieldset className="item" key={certificate.id}>
            <legend className="item__title">{certificateLegend(certificate, index)}</legend>
            <div className="grid">
              <SelectField k={k('kind')} options={certificateKindOptions()} placeholder={t('optChoose')} required />
              <SelectField k={k('holderContactId')} options={holders} placeholder={t('optNotSpecified')} />
              <TextField k={k('obtainedOn')} type="date" required />
              <TextField k={k('expiresOn')} type="date" required hint={t('fieldExpiresOnHint')} />
            </div>
            {!readOnly && (
              <button
                type="button"
                className="button button--tertiary button--small"
                onClick={() => onRemove(certificate, index)}
              >
                {t('optRemoveCertificate', certificateLegend(certificate, index))}
              </button>
            )}
          </fieldset>
        );
      })}
      {!readOnly && (
        <button type="button" id="add-certificate" className="button button--secondary" onClick={onAdd}>
          {t('optAddCertificate')}
        </button>
      )}
    </fieldset>
  );
}
