import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Sheet413Page } from '../../components/procedures/Sheet413Page';
import { contentLanguage, t } from '../../lib/i18n/t';

document.documentElement.lang = contentLanguage();
document.title = t('sheetTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Sheet413Page establishmentId={new URLSearchParams(location.search).get('establishment') ?? ''} />
  </StrictMode>,
);
