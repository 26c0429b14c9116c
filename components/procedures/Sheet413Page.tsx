/** The sheet413 extension page: the sheet of the establishment named in the URL, following the profile live. */
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../../lib/i18n/t';
import { readEstablishment } from '../../lib/store/profile';
import { Sheet413 } from './Sheet413';
import '../ui/theme.css';

export function Sheet413Page({ establishmentId }: { establishmentId: string }) {
  const establishment = useLiveQuery(async () => (await readEstablishment(establishmentId)) ?? null, [establishmentId]);
  if (establishment === undefined) return <main className="sheet" aria-busy="true" />;
  if (establishment === null) return <main className="sheet"><p role="alert">{t('sheetUnknownEstablishment')}</p></main>;
  return <Sheet413 establishment={establishment} />;
}
