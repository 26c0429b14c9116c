/**
 * Balise's two hosts in the page (the folded tab, the open guide) are shown as manual popovers:
 * the top layer draws them above everything the page stacks with z-index, and out of reach of
 * their ancestors' transform, opacity, filter or clip (a page cannot move or fade Balise's
 * panel by styling <body>). Their shadow roots are closed and start with `hostCss`, whose
 * !important rules win over anything the page says about the host (inner context wins for
 * important declarations), its ::before and ::after included.
 *
 * A modal dialog of the page (a session warning, a cookie wall opened with showModal()) makes
 * everything outside it inert, popovers drawn above it included (HTML, « blocked by a modal
 * dialog »; whatwg/html#9936): a click on the tab went through to the dialog. While one is
 * open, the hosts are moved into it, where they stay usable, and back when it closes.
 */

export const hostCss = `
:host {
  all: initial !important;
  display: block !important; position: fixed !important; inset: 0 auto auto 0 !important;
  width: 0 !important; height: 0 !important; overflow: visible !important;
  margin: 0 !important; padding: 0 !important; border: none !important; background: none !important;
}
:host::before, :host::after, :host::backdrop { content: none !important; display: none !important; }
`;

/** The page's open modal dialog that blocks the rest, the last one in the document when several are open (one in a web component's shadow root is not seen). */
function blockingDialog(doc: Document): Element | null {
  const open = doc.querySelectorAll('dialog[open]');
  for (let i = open.length - 1; i >= 0; i--) if (open[i]!.matches(':modal')) return open[i]!;
  return null;
}

/** `host` appended to `parent`, without reloading the guide frame it holds where the browser can move it whole. */
function moveInto(parent: Element, host: HTMLElement): void {
  const atomic = parent as Element & { moveBefore?: (node: Node, child: Node | null) => void };
  try {
    if (typeof atomic.moveBefore === 'function') return atomic.moveBefore(host, null);
  } catch {
    // Refused (a move the browser cannot keep whole): moved as any node is, the frame reloading.
  }
  parent.append(host);
}

/**
 * Puts `host` in the top layer, or back on top of it, inside the page's modal dialog while one
 * is open (out of it into <body> once it is closed); does nothing where popovers are missing.
 */
export function raise(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function' || !host.isConnected) return;
  const doc = host.ownerDocument;
  const dialog = blockingDialog(doc);
  if (dialog && host.parentElement !== dialog) moveInto(dialog, host);
  else if (!dialog && host.parentElement?.localName === 'dialog' && doc.body) moveInto(doc.body, host);
  if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
  if (host.matches(':popover-open')) host.hidePopover();
  host.showPopover();
}

/**
 * Raises `host` again whenever a dialog of the page opens or closes (its `open` attribute,
 * set and removed by showModal() and close()), until `signal` aborts.
 */
export function followDialogs(host: HTMLElement, signal: AbortSignal): void {
  const observer = new MutationObserver((records) => {
    if (records.some((record) => record.target.nodeName === 'DIALOG')) raise(host);
  });
  observer.observe(host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['open'], subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
}
