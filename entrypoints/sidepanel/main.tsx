import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '../../components/procedures/SidePanelApp';
import { contentLanguage, t } from '../../lib/i18n/t';

document.documentElement.lang = contentLanguage();
document.title = t('procPanelTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidePanelApp />
  </StrictMode>,
);
