/**
 * « Décrire cette page », in the guide frame: the button asks the content script (which alone
 * reads the portal page) for the page's description (lib/autofill/page-report.ts); the text is
 * shown read-only before anything is copied, under a heading that takes the focus, then
 * « Copier » writes it to the clipboard from this frame. Where the browser or the page's
 * permissions policy refuse the clipboard, the text is selected for the user to copy. What
 * happened is said in a live region.
 */
import { useEffect, useRef, useState } from 'react';
import { t } from '../../lib/i18n/t';
import type { GuideView } from '../../lib/overlay/guide-channel';

interface PageReportProps {
  report: GuideView['report'];
  onDescribe(): void;
}

type CopyStatus = '' | 'copied' | 'selectToCopy';

export function PageReport({ report, onDescribe }: PageReportProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const describeRef = useRef<HTMLButtonElement>(null);
  const [closed, setClosed] = useState(0);
  const [status, setStatus] = useState<CopyStatus>('');
  const open = report !== undefined && report.id !== closed;

  // A new description: its heading takes the focus, so that a screen reader reads it from the start.
  useEffect(() => {
    if (!report) return;
    setStatus('');
    headingRef.current?.focus();
  }, [report?.id]);

  const copy = async () => {
    if (!report) return;
    try {
      await navigator.clipboard.writeText(report.text);
      setStatus('copied');
    } catch {
      textRef.current?.focus();
      textRef.current?.select();
      setStatus('selectToCopy');
    }
  };

  const close = () => {
    if (report) setClosed(report.id);
    describeRef.current?.focus();
  };

  return (
    <div className="page-report-block">
      <button type="button" ref={describeRef} className="link-button describe-page" onClick={onDescribe}>
        {t('overlayDescribePage')}
      </button>
      {open && (
        <section className="page-report" aria-labelledby="balise-page-report">
          <h3 id="balise-page-report" ref={headingRef} tabIndex={-1}>
            {t('overlayReportTitle')}
          </h3>
          <p id="balise-page-report-intro">{t('overlayReportIntro')}</p>
          <textarea
            ref={textRef}
            className="page-report-text"
            readOnly
            rows={12}
            value={report.text}
            aria-labelledby="balise-page-report"
            aria-describedby="balise-page-report-intro"
            spellCheck={false}
          />
          <div className="page-report-actions">
            <button type="button" className="page-report-copy" onClick={() => void copy()}>
              {t('overlayReportCopy')}
            </button>
            <button type="button" className="link-button" onClick={close}>
              {t('overlayReportClose')}
            </button>
          </div>
          <p className="page-report-status" role="status" aria-live="polite">
            {status === 'copied' ? t('overlayReportCopied') : status === 'selectToCopy' ? t('overlayReportSelectToCopy') : ''}
          </p>
        </section>
      )}
    </div>
  );
}
