/**
 * A passphrase field with its « Afficher » / « Masquer » button: a long passphrase with accents
 * is hard to type blind, in the export as in the import (third walk, NEW-9).
 */
import { useId, useState, type Ref } from 'react';
import { t } from '../../lib/i18n/t';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  /** `new-password` where the passphrase is chosen, `off` where it is asked back. */
  autoComplete: 'new-password' | 'off';
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  invalid?: boolean;
  describedBy?: string | undefined;
}

export function PassphraseField({ label, value, onChange, autoComplete, inputRef, autoFocus, invalid, describedBy }: Props) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="transfer-field">
      <label htmlFor={id}>{label}</label>
      <div className="transfer-secret">
        <input
          ref={inputRef}
          id={id}
          type={shown ? 'text' : 'password'}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          spellCheck={false}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        {/* The label says what a press does (a newcomer looked for « Masquer »), hence no aria-pressed as well. */}
        <button type="button" className="button button--secondary" onClick={() => setShown(!shown)}>
          {t(shown ? 'passphraseHide' : 'passphraseShow')}
        </button>
      </div>
    </div>
  );
}
