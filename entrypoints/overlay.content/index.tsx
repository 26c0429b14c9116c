/**
 * The open guide, injected by the background (lib/overlay/background.ts) only into portal
 * frames whose user opened it: a CLOSED shadow root in the top layer (lib/overlay/top-layer.ts)
 * holding the field hints, the click rings and the guide frame, an extension page where the
 * panel itself is drawn (lib/overlay/guide-channel.ts). The page's scripts reach none of it.
 */
import { createRoot, type Root } from 'react-dom/client';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Overlay } from '../../components/overlay/Overlay';
import '../../components/overlay/overlay.css';
import { throttle } from '../../lib/dom/throttle';
import { overlayHostTag } from '../../lib/overlay/detect';
import { followDialogs, hostCss, raise } from '../../lib/overlay/top-layer';
import { contentScriptMatches, outlineAt } from '../../lib/portals/outline';
import { noSites } from '../../lib/portals/sites';
import { storedSites } from '../../lib/store/sites';

export default defineContentScript({
  matches: contentScriptMatches(),
  registration: 'runtime',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Injected only where the browser grants: on a site the user switched on, its chosen portal.
    const sites = outlineAt(location.href) ? noSites : await storedSites();
    const ui = await createShadowRootUi<Root>(ctx, {
      name: overlayHostTag,
      mode: 'closed',
      // hostCss replaces WXT's own reset, with the host's ::before/::after and position locked too.
      inheritStyles: true,
      css: hostCss,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container, _shadow, host) {
        raise(host);
        const root = createRoot(container);
        root.render(<Overlay ctx={ctx} host={host} sites={sites} />);
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    ui.mount();
    // Moved into the page's modal dialog while one is open, where it stays usable (lib/overlay/top-layer.ts).
    followDialogs(ui.shadowHost, ctx.signal);
    // A portal that rewrites its <body> drops the host: put the overlay back.
    const observer = new MutationObserver(
      throttle(() => {
        if (!ctx.isValid || ui.shadowHost.isConnected) return;
        ui.remove();
        ui.mount();
      }, 300),
    );
    observer.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
  },
});
