import { t } from '../../lib/i18n/t';
import type { Role } from '../../lib/profile/schema';
import { cardOptions, civilityOptions, roleOptions } from './choices';
import type { ContactDraft } from './draft';
import { CheckboxGroup, SelectField, TextField } from './fields';

export const contactName = (contact: ContactDraft) =>
  [contact.firstName.trim(), contact.lastName.trim()].filter(Boolean).join(' ') || t('optContactUnnamed');

export const contactLegend = (contact: ContactDraft, index: number) => t('optContactLegend', index + 1, contactName(contact));

interface ContactsSectionProps {
  contacts: readonly ContactDraft[];
  readOnly: boolean;
  onAdd(): void;
  onRemove(contact: ContactDraft): void;
  onToggleRole(index: number, role: Role, checked: boolean): void;
}

export function ContactsSection({ contacts, readOnly, onAdd, onRemove, onToggleRole }: ContactsSectionProps) {
  return (
    <fieldset className="section" id="section-contacts">
      <legend className="section__title">{t('optSectionContacts')}</legend>
      <p className="section__hint">{t('optSectionContactsHint')}</p>
      {contacts.length === 0 && <p className="section__empty">{t('optNoContacts')}</p>}
      {contacts.map((contact, index) => {
        const k = (field: string) => `contacts.${index}.${field}`;
        return (
          <fieldset className="item" key={contact.id}>
            <legend className="item__title">{contactLegend(contact, index)}</legend>
            <div className="grid">
              <SelectField k={k('civility')} options={civilityOptions()} placeholder={t('optNotSpecified')} />
              <TextField k={k('lastName')} required autoComplete="off" />
              <TextField k={k('firstName')} required autoComplete="off" />
              <TextField k={k('jobTitle')} />
              <TextField k={k('email')} type="email" inputMode="email" />
              <TextField k={k('phone')} type="tel" inputMode="tel" />
              <TextField k={k('mobile')} type="tel" inputMode="tel" />
              <TextField k={k('profession')} hint={t('fieldProfessionHint')} />
              <TextField k={k('rpps')} inputMode="numeric" hint={t('fieldRppsHint')} />
              <TextField k={k('adeli')} inputMode="numeric" hint={t('fieldAdeliHint')} />
              <SelectField k={k('card')} options={cardOptions()} placeholder={t('optNotSpecified')} />
            </div>
            <CheckboxGroup
              k={k('roles')}
              options={roleOptions()}
              checked={contact.roles}
              onToggle={(role, checked) => onToggleRole(index, role as Role, checked)}
            />
            {!readOnly && (
              <button type="button" className="button button--tertiary button--small" onClick={() => onRemove(contact)}>
                {t('optRemoveContact', contactName(contact))}
              </button>
            )}
          </fieldset>
        );
      })}
      {!readOnly && (
        <button type="button" id="add-contact" className="button button--secondary" onClick={onAdd}>
          {t('optAddContact')}
        </button>
      )}
    </fieldset>
  );
}
