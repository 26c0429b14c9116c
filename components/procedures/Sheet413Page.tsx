/** The sheet413 extension page: the sheet of the establishment named in the URL, following the profile live. */
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { local, t } from '../../lib/i18n/t';
import { procedureTitle } from '../../lib/procedures/catalog';
import { readEstablishment } from '../../lib/store/profile';
import { Sheet413 } from './Sheet413';
import '../ui/theme.css';

export function Sheet413Page({ establishmentId }: { establishmentId: string }) {
  const establishment = useLiveQuery(async () => (await readEstablishment(establishmentId)) ?? null, [establishmentId]);
  if (establishment === undefined) return <main className="sheet" aria-busy="true" />;
  // Opened from a bookmark or the history, or its establishment deleted: the way back to the establishments.
  if (establishment === null)
    return (
      <main className="sheet">
        <p role="alert">{t('sheetUnknownEstablishment', local(procedureTitle('003-certificats-dp')))}</p>
        <p>
          <a href={browser.runtime.getURL('/options.html')}>{t('sheetOpenOptions')}</a>
        </p>
      </main>
    );
  return <Sheet413 establishment={establishment} />;
}
