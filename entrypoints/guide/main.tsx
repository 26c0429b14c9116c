/**
 * The guide frame (lib/overlay/guide-channel.ts): waits for the port the content script hands
 * over with this frame's token, then draws the panel.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GuideApp } from '../../components/guide/GuideApp';
import { acceptGuideChannel } from '../../lib/overlay/guide-channel';
import { contentLanguage, t } from '../../lib/i18n/t';

document.documentElement.lang = contentLanguage();
document.title = t('extName');
const stop = acceptGuideChannel(location.hash.slice(1), (port) => {
  stop();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <GuideApp port={port} />
    </StrictMode>,
  );
});
