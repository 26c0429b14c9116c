/** Chooses establishments (all by default), optionally a passphrase, and saves the file. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import type { MessageKey } from '../../lib/i18n/catalog';
import { t, tp } from '../../lib/i18n/t';
import { passphraseStrength, type PassphraseStrength } from '../../lib/profile/crypto';
import { byLabel } from '../../lib/profile/names';
import { exportProfile, readEstablishments } from '../../lib/store/profile';
import { Modal } from '../ui/Modal';
import { downloadText } from './download';
import { PassphraseField } from './PassphraseField';
import './transfer.css';

const strengthMessages: Record<PassphraseStrength, MessageKey> = {
  weak: 'passphraseStrengthWeak',
  fair: 'passphraseStrengthFair',
  good: 'passphraseStrengthGood',
  strong: 'passphraseStrengthStrong',
};

export function ExportDialog({ onClose }: { onClose(): void }) {
  const establishments = useLiveQuery(async () => (await readEstablishments()).sort(byLabel), []);
  /** Ids left out; everything else is exported, so establishments added meanwhile are included. */
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  const chosen = (establishments ?? []).filter((e) => !excluded.has(e.id));
  /** People whose e-mail or phone the file would carry: the reason to suggest encrypting it. */
  const reachable = chosen.reduce((sum, e) => sum + e.contacts.filter((c) => c.email ?? c.phone ?? c.mobile).length, 0);
  const toggle = (id: string, checked: boolean) =>
    setExcluded((previous) => {
      const next = new Set(previous);
      if (checked) next.delete(id);
      else next.add(id);
      return next;
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.length === 0) return setError(t('exportNoneChosen'));
    if (encrypt && passphrase === '') return setError(t('exportPassphraseMissing'));
    // Refused rather than confirmed: guessing a weak passphrase against a stolen file takes no
    // network and knows no limit, and a confirmation would be clicked through.
    if (encrypt && passphraseStrength(passphrase) === 'weak') return setError(t('exportPassphraseTooWeak'));
    if (encrypt && passphrase !== confirmation) return setError(t('exportPassphraseMismatch'));
    setError('');
    setBusy(true);
    try {
      const file = await exportProfile(
        chosen.map((e) => e.id),
        encrypt ? passphrase : undefined,
      );
      downloadText(file.name, file.text);
      setDone(tp('exportDone', file.count, file.name));
    } catch (failure) {
      setError(t('exportFailed', failure instanceof Error ? failure.message : String(failure)));
    } finally {
      // The passphrase leaves memory with the dialog's state; it is never stored.
      setPassphrase('');
      setConfirmation('');
      setBusy(false);
    }
  }

  if (done)
    return (
      <Modal title={t('exportTitle')} onClose={onClose} className="transfer-dialog">
        <p className="transfer-success" role="status">
          {done}
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('transferClose')}
          </button>
        </div>
      </Modal>
    );

  return (
    <Modal title={t('exportTitle')} onClose={onClose} className="transfer-dialog">
      <p>{t('exportIntro')}</p>
      {establishments?.length === 0 ? (
        <p>{t('exportNothing')}</p>
      ) : (
        // Any change answers the last error: it no longer describes what is on screen.
        <form onSubmit={submit} onChange={() => setError('')} noValidate>
          <fieldset>
            <legend>{t('exportChoose')}</legend>
            <label className="transfer-check">
              <input
                type="checkbox"
                checked={chosen.length === establishments?.length}
                onChange={(event) => setExcluded(new Set(event.target.checked ? [] : (establishments ?? []).map((e) => e.id)))}
              />
              {t('exportAll')}
            </label>
            {establishments?.map((establishment) => (
              <label key={establishment.id} className="transfer-check">
                <input type="checkbox" checked={!excluded.has(establishment.id)} onChange={(event) => toggle(establishment.id, event.target.checked)} />
                {establishment.label}
              </label>
            ))}
          </fieldset>
          <label className="transfer-check">
            <input type="checkbox" checked={encrypt} onChange={(event) => setEncrypt(event.target.checked)} />
            {t('exportEncrypt')}
          </label>
          {!encrypt && reachable > 0 && (
            <p className="transfer-hint" role="note">
              {tp('exportPersonalData', reachable)}
            </p>
          )}
          {encrypt && (
            <div>
              <p className="transfer-hint" id="export-passphrase-help">
                {t('exportPassphraseHelp')}
              </p>
              <PassphraseField
                label={t('exportPassphrase')}
                value={passphrase}
                onChange={setPassphrase}
                autoComplete="new-password"
                describedBy="export-passphrase-help export-passphrase-strength"
              />
              <p className="transfer-hint" id="export-passphrase-strength" aria-live="polite">
                {passphrase && t(strengthMessages[passphraseStrength(passphrase)])}
              </p>
              <PassphraseField label={t('exportPassphraseConfirm')} value={confirmation} onChange={setConfirmation} autoComplete="new-password" />
            </div>
          )}
          {error && (
            <p className="transfer-error" role="alert">
              {error}
            </p>
          )}
          {busy && <p role="status">{t('exportWorking')}</p>}
          <div className="dialog__actions">
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('transferCancel')}
            </button>
            <button type="submit" className="button" disabled={busy}>
              {t('exportDownload')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
