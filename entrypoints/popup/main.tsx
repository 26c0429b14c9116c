import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/PopupApp';
import { contentLanguage, t } from '../../lib/i18n/t';

document.documentElement.lang = contentLanguage();
document.title = t('extName');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupApp />
  </StrictMode>,
);
