/**
 * Reminders due (certificate expiries, the BAL ORG's 72 h), and every establishment's
 * certificates by expiry date. Shown in the popup and the side panel.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { t, tm, tp } from '../../lib/i18n/t';
import { dismissReminder, dueReminders, readReminders, reminderMessage, upcomingExpiries } from '../../lib/procedures/reminders';
import { readEstablishments } from '../../lib/store/profile';
import { showDate } from '../../lib/i18n/date';

export function RemindersList({ now = new Date() }: { now?: Date }) {
  const data = useLiveQuery(async () => ({ reminders: await readReminders(), establishments: await readEstablishments() }), []);
  if (!data) return null;
  const due = dueReminders(data.reminders, now);
  const withCertificates = data.establishments.filter((e) => e.certificates.length > 0);
  return (
    <section className="reminders" aria-label={t('procReminders')}>
      <h2 className="procedures__heading">{t('procReminders')}</h2>
      {due.length === 0 ? (
        <p>{t('procNoReminders')}</p>
      ) : (
        <ul className="reminders__due">
          {due.map((reminder) => {
            const { title, body } = reminderMessage(reminder, data.establishments.find((e) => e.id === reminder.establishmentId));
            return (
              <li key={reminder.id}>
                <strong>{tm(title)}</strong> {tm(body)}{' '}
                <button type="button" className="button button--tertiary button--small" onClick={() => void dismissReminder(reminder.id)}>
                  {t('procDismiss')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="procedures__subheading">{t('procExpiries')}</h3>
      {withCertificates.length === 0 && <p>{t('procNoCertificates')}</p>}
      {withCertificates.map((establishment) => (
        <div key={establishment.id}>
          <h4 className="procedures__subheading">{establishment.label}</h4>
          <ul>
            {upcomingExpiries(establishment, now).map(({ certificate, daysLeft }) => (
              <li key={certificate.id} className={daysLeft < 0 ? 'reminders__expired' : undefined}>
                {daysLeft < 0
                  ? t('procExpired', certificate.kind, showDate(certificate.expiresOn))
                  : tp('procExpiresIn', daysLeft, certificate.kind, showDate(certificate.expiresOn))}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
