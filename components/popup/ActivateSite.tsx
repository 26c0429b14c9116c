/**
 * In the popup, on a page of the national e-health domains that Balise does not know (portals
 * move, some have no known host): « Activer Balise sur ce site ». The user says which portal
 * the site is; the browser's own prompt grants this exact HTTPS origin; the background then
 * stores the choice, registers the portal content script there and reloads the tab with the
 * guide (lib/overlay/sites.ts): the popup may close when the prompt opens (Firefox closes it).
 * Refused, nothing is stored.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { local, t } from '../../lib/i18n/t';
import { siteRequested } from '../../lib/overlay/messages';
import { builtInPortal, portals } from '../../lib/portals';
import { grantableOrigin, originPattern } from '../../lib/portals/sites';
import { storedSites } from '../../lib/store/sites';
import { pendingSite } from '../../lib/store/storage';

interface Offer {
  tabId: number;
  origin: string;
}

type Status = { state: 'idle' } | { state: 'chooseFirst' } | { state: 'asking' } | { state: 'refused' } | { state: 'failed' } | { state: 'done' };

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
    // The choice waits for the grant in the session (the background completes it, even if this popup
    // closes when the browser's prompt opens): written first, so that it is under way before any prompt.
    const waiting = pendingSite().setValue({ origin, portalId, tabId });
    // Firefox grants only within the user's click: nothing awaited before the request.
    const asked = browser.permissions.request({ origins: [originPattern(origin)] });
    setStatus({ state: 'asking' });
    // The browser's own error is English and technical: the user gets what to do, the console the cause.
    const failed = (error: unknown) => {
      console.warn('Balise: switching the site on failed', error);
      setStatus({ state: 'failed' });
    };
    // Already granted (no prompt): the background completes at once.
    waiting.then(() => siteRequested.send()).catch(failed);
    asked
      .then(async (granted) => {
        if (!granted) {
          await waiting.catch(() => undefined);
          await pendingSite().removeValue();
          return setStatus({ state: 'refused' });
        }
        setStatus({ state: 'done' });
      })
      .catch(failed);
  };

  const message =
    status.state === 'chooseFirst'
      ? t('popupSiteChooseFirst')
      : status.state === 'refused'
        ? t('popupSiteRefused')
        : status.state === 'failed'
          ? t('popupSiteFailed')
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
