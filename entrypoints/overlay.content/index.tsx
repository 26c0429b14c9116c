/**
 * The overlay UI, injected by the background (lib/overlay/background.ts) only into portal
 * frames that have something to show: React in a shadow root, so the portal's styles and
 * ours never meet.
 */
import { createRoot, type Root } from 'react-dom/client';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Overlay } from '../../components/overlay/Overlay';
import '../../components/overlay/overlay.css';
import { overlayHostTag, throttle } from '../../lib/overlay/detect';
import { contentScriptMatches } from '../../lib/portals';

export default defineContentScript({
  matches: contentScriptMatches(),
  registration: 'runtime',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi<Root>(ctx, {
      name: overlayHostTag,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const root = createRoot(container);
        root.render(<Overlay ctx={ctx} container={container} />);
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    ui.mount();
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
