/**
 * In the popup: when the guide was dismissed on the portal of the active tab, a button brings
 * it back, open (the page's content script notices and shows it again, without a reload).
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { local, t } from '../../lib/i18n/t';
import { readOverlayState, writeOverlayState } from '../../lib/overlay/state';
import { findPortal } from '../../lib/portals';
import { sitesForUrls } from '../../lib/store/sites';

export function RestoreGuide() {
  const [portal, setPortal] = useState<{ id: string; name: string }>();

  useEffect(() => {
    (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const found = tab?.url ? findPortal(tab.url, await sitesForUrls([tab.url])) : null;
      if (found && (await readOverlayState(found.id)).dismissed) setPortal({ id: found.id, name: local(found.name) });
    })()
      // Only an offer: without the lookup the popup does not show the button, the rest works.
      .catch((error: unknown) => console.warn('Balise: dismissed guide not looked up', error));
  }, []);

  if (!portal) return null;
  return (
    <button
      type="button"
      className="button button--secondary popup__wide"
      onClick={() =>
        void writeOverlayState(portal.id, { dismissed: false, collapsed: false })
          .then(() => setPortal(undefined))
          // The button stays, so the user can try again.
          .catch((error: unknown) => console.warn('Balise: guide not restored', error))
      }
    >
      {t('popupRestoreGuide', portal.name)}
    </button>
  );
}
