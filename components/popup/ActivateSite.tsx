/**
 * In the popup, on a page of the national e-health domains that Balise does not know (portals
 * move, some have no known host): « Activer Balise sur ce site ». The user says which portal
 * the site is; the browser's own prompt grants this exact HTTPS origin; the choice is stored, the
 * background registers the portal content script there (lib/overlay/sites.ts) and the tab
 * reloads with the guide. Refused, nothing is stored.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { local, t } from '../../lib/i18n/t';
import { syncSites } from '../../lib/overlay/messages';
import { builtInPortal, portals } from '../../lib/portals';
import { grantableOrigin, originPattern } from '../../lib/portals/sites';
import { rememberSite, storedSites } from '../../lib/store/sites';

interface Offer {
  tabId: number;
  origin: string;
}

type Status = { state: 'idle' } | { state: 'chooseFirst' } | { state: 'asking' } | { state: 'refused' } | { state: 'failed'; message: string } | { state: 'done' };

/** The portals to choose from: those without a known host first (the likeliest to be met elsewhere), by name. */
function portalChoices(): { id: string; name: string }[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');
  const named = (list: typeof portals) => list.map((p) => ({ id: p.id, name: local(p.name) })).sort(byName);
  return [...named(portals.filter((p) => p.hosts.length === 0)), ...named(portals.filter((p) => p.hosts.length > 0))];
}

/** The active tab, when Balise can be switched on there and is not on yet (built-in, or granted with its portal chosen). */
async function readOffer(): Promise<Offer | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const origin = tab?.url ? grantableOrigin(tab.url) : null;
  if (tab?.id === undefined || !origin || builtInPortal(origin)) return null;
  const [granted, stored] = await Promise.all([browser.permissions.contains({ origins: [originPattern(origin)] }), storedSites()]);
  return granted && stored[origin] !== undefined ? null : { tabId: tab.id, origin };
}

export function ActivateSite() {
  const id = useId();
  const [offer, setOffer] = useState<Offer | null>(null);
  const [portalId, setPortalId] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const select = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    let live = true;
    readOffer().then(
      (found) => live && setOffer(found),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);

  if (!offer) return null;
  const { origin, tabId } = offer;
  const host = new URL(origin).host;

  const activate = () => {
    if (!portalId) {
      setStatus({ state: 'chooseFirst' });
      select.current?.focus();
      return;
    }
    // Firefox grants only within the user's click: the request comes first, nothing awaited before it.
    const asked = browser.permissions.request({ origins: [originPattern(origin)] });
    setStatus({ state: 'asking' });
    asked
      .then(async (granted) => {
        if (!granted) return setStatus({ state: 'refused' });
        await rememberSite(origin, portalId);
        await syncSites.send();
        setStatus({ state: 'done' });
        // The registered content script runs on the reloaded page: the guide appears.
        await browser.tabs.reload(tabId);
      })
      .catch((error: unknown) => setStatus({ state: 'failed', message: error instanceof Error ? error.message : String(error) }));
  };

  const message =
    status.state === 'chooseFirst'
      ? t('popupSiteChooseFirst')
      : status.state === 'refused'
        ? t('popupSiteRefused')
        : status.state === 'failed'
          ? t('popupSiteFailed', status.message)
          : status.state === 'done'
            ? t('popupSiteDone')
            : '';
  const problem = status.state === 'chooseFirst' || status.state === 'refused' || status.state === 'failed';

  return (
    <section className="popup__site" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="popup__subtitle">
        {t('popupSiteOffTitle')}
      </h2>
      <p className="popup__hint">{t('popupSiteOffText', host)}</p>
      <div className="popup__field">
        <label htmlFor={`${id}-portal`} className="popup__label">
          {t('popupSitePortal')}
        </label>
        <select
          ref={select}
          id={`${id}-portal`}
          name="sitePortal"
          className="popup__select"
          value={portalId}
          aria-invalid={status.state === 'chooseFirst' || undefined}
          aria-describedby={message ? `${id}-status` : undefined}
          onChange={(event) => {
            setPortalId(event.target.value);
            setStatus({ state: 'idle' });
          }}
        >
          <option value="">{t('popupSiteChoose')}</option>
          {portalChoices().map((portal) => (
            <option key={portal.id} value={portal.id}>
              {portal.name}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button popup__wide" onClick={activate} disabled={status.state === 'asking' || status.state === 'done'}>
        {t('popupSiteActivate')}
      </button>
      <p id={`${id}-status`} className={problem ? 'popup__error' : 'popup__text'} role={problem ? 'alert' : 'status'}>
        {message}
      </p>
    </section>
  );
}
