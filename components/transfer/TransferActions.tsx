/**
 * « Exporter » and « Importer », in the options page header. A file can also be dropped
 * anywhere on the page. The file input stays hidden behind the visible button.
 */
import { useEffect, useRef, useState } from 'react';
import { t } from '../../lib/i18n/t';
import { deferred } from '../ui/deferred';
import { Loading } from '../ui/Loading';
import './transfer.css';

// The dialogs bring the file format, its validation and the encryption: kept out of the page's
// first paint, and fetched once it is done (preloadTransferDialogs) or at the latest on first use.
const exportDialog = deferred(() => import('./ExportDialog'));
const importDialog = deferred(() => import('./ImportDialog'));

export const preloadTransferDialogs = () => Promise.all([exportDialog.preload(), importDialog.preload()]);

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

export function TransferActions() {
  const input = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState<{ file: File; key: number }>();
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState('');

  const ExportModule = exportDialog.use(exporting);
  const ImportModule = importDialog.use(importing !== undefined);

  const start = (file: File) => setImporting({ file, key: Date.now() });

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      // relatedTarget is null when the pointer leaves the window.
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length !== 1) return setDropError(t('importOneFile'));
      setDropError('');
      start(files[0]!);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setExporting(true)}>
        {t('exportButton')}
      </button>
      <button type="button" className="button button--secondary" onClick={() => input.current?.click()}>
        {t('importButton')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label={t('importFileLabel')}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again still triggers a change.
          event.target.value = '';
          if (file) start(file);
        }}
      />
      {dropError && (
        <p className="transfer-error" role="alert">
          {dropError}
        </p>
      )}
      {dragging && (
        <div className="transfer-drop" aria-hidden="true">
          {t('importDropHint')}
        </div>
      )}
      {exporting && (ExportModule ? <ExportModule.ExportDialog onClose={() => setExporting(false)} /> : <Loading className="transfer-loading" />)}
      {importing &&
        (ImportModule ? (
          <ImportModule.ImportDialog key={importing.key} file={importing.file} onClose={() => setImporting(undefined)} />
        ) : (
          <Loading className="transfer-loading" />
        ))}
    </>
  );
}
