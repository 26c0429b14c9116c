/**
 * Each extension page's last word: when its database cannot open (private mode, a corrupt
 * or full browser profile) or its render throws, the page says so in the user's language
 * instead of staying on « Chargement… » or going blank. Nothing is lost by showing it: the
 * editor's unsaved draft is in sessionStorage, which a reload of the same tab gives back.
 */
import { Component, type ReactNode } from 'react';
import { t } from '../../lib/i18n/t';

/** Dexie's names (and IndexedDB's, which Dexie keeps as `inner`) of a database that cannot be used at all. */
const unavailableNames = new Set(['OpenFailedError', 'DatabaseClosedError', 'MissingAPIError', 'VersionError', 'InvalidStateError', 'UnknownError']);

function names(error: unknown): string[] {
  const found: string[] = [];
  for (let current = error; current instanceof Object && found.length < 4; current = (current as { inner?: unknown }).inner)
    if (typeof (current as { name?: unknown }).name === 'string') found.push((current as { name: string }).name);
  return found;
}

function storageFailure(error: unknown): 'failStorageFull' | 'failStorageUnavailable' | undefined {
  const kinds = names(error);
  if (kinds.includes('QuotaExceededError')) return 'failStorageFull';
  if (kinds.some((name) => unavailableNames.has(name))) return 'failStorageUnavailable';
  return undefined;
}

/** What a failure means for the user, in their language (storage full or unavailable); the error's own words otherwise. */
export function describeFailure(error: unknown): string {
  const key = storageFailure(error);
  if (key) return t(key);
  return error instanceof Error ? error.message : String(error);
}

interface ErrorBoundaryProps {
  children: ReactNode;
  /** Opens what the page needs (the database); a rejection is shown like a render error. */
  open?: () => Promise<unknown>;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, { error?: unknown; failed: boolean }> {
  override state: { error?: unknown; failed: boolean } = { failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidMount() {
    this.props.open?.().catch((error: unknown) => this.setState({ error, failed: true }));
  }

  override componentDidCatch(error: unknown) {
    console.error('Balise: page failed', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const { error } = this.state;
    return (
      <main className="page-failure" role="alert">
        <h1>{t('failTitle')}</h1>
        <p>{t(storageFailure(error) ?? 'failUnexpected')}</p>
        <p>{t('failDraftsKept')}</p>
        <button type="button" className="button" onClick={() => location.reload()}>
          {t('failReload')}
        </button>
        <p className="page-failure__detail">{t('failDetail', error instanceof Error ? `${error.name}: ${error.message}` : String(error))}</p>
      </main>
    );
  }
}
