import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/PopupApp';
import { contentLanguage, t } from '../../lib/i18n/t';
import { firstScreen } from '../../lib/store/firstScreen';

document.documentElement.lang = contentLanguage();
document.title = t('extName');
// Drawn once the first read (boot.ts) is in: usually already, as it overlapped with loading this code.
void firstScreen().then((first) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PopupApp first={first} />
    </StrictMode>,
  ),
);
