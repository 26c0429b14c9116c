/**
 * « Sites activés »: the sites the user switched Balise on for from the popup (ActivateSite),
 * each with the portal chosen for it, and « Retirer » to switch one off (the browser's
 * permission, the stored choice and the content script's registration). Lists only what the
 * browser still grants: a permission revoked in the browser's own UI is gone from here too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { local, t } from '../../lib/i18n/t';
import { syncSites } from '../../lib/overlay/messages';
import { portals } from '../../lib/portals';
import { forgetSite, grantedSites } from '../../lib/store/sites';

interface SiteRow {
  origin: string;
  host: string;
  portal: string;
}

async function readRows(): Promise<SiteRow[]> {
  const sites = await grantedSites();
  return Object.entries(sites)
    .map(([origin, portalId]) => {
      const portal = portals.find((p) => p.id === portalId);
      return { origin, host: new URL(origin).host, portal: portal ? local(portal.name) : t('optionsSitesUnknownPortal') };
    })
    .sort((a, b) => a.host.localeCompare(b.host));
}

/** `announce`: the page's one live region (OptionsApp), for what a removal did. */
export function SitesSection({ announce }: { announce: (text: string) => void }) {
  const [rows, setRows] = useState<SiteRow[]>();
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const refresh = useCallback(() => readRows().then(setRows, () => setRows([])), []);
  useEffect(() => void refresh(), [refresh]);

  const remove = async (row: SiteRow, index: number) => {
    try {
      await forgetSite(row.origin);
      await syncSites.send().catch(() => undefined); // the background also follows permissions.onRemoved
      announce(t('optionsSitesRemoved', row.host));
      const next = await readRows();
      setRows(next);
      // The focus goes to the next site's button, else to the section's heading: never lost on the page.
      requestAnimationFrame(() => {
        const buttons = list.current?.querySelectorAll('button');
        const target = buttons?.[Math.min(index, buttons.length - 1)] ?? heading.current;
        target?.focus();
      });
    } catch (error) {
      announce(t('optionsSitesRemoveFailed', error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <section aria-labelledby="sites-title" className="sites">
      <h2 id="sites-title" ref={heading} tabIndex={-1} className="sites__title">
        {t('optionsSitesTitle')}
      </h2>
      <p className="list-head__intro">{t('optionsSitesIntro')}</p>
      {rows === undefined ? null : rows.length === 0 ? (
        <p className="sites__empty">{t('optionsSitesEmpty')}</p>
      ) : (
        <ul ref={list} className="sites__list">
          {rows.map((row, index) => (
            <li key={row.origin} className="sites__item">
              <span className="sites__host">{row.host}</span>
              <span className="sites__portal">{row.portal}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('optionsSitesRemoveLabel', row.host, row.portal)}
                onClick={() => void remove(row, index)}
              >
                {t('optionsSitesRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
