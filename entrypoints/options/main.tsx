import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/options/OptionsApp';
import { contentLanguage, t } from '../../lib/i18n/t';

document.documentElement.lang = contentLanguage();
document.title = t('optTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
