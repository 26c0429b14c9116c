/** What stands in for a part of the page whose code is still loading: screen readers hear it (role status). */
import { t } from '../../lib/i18n/t';

export function Loading({ className }: { className?: string }) {
  return (
    <p role="status" className={className}>
      {t('optLoading')}
    </p>
  );
}
