/**
 * Balise's two hosts in the page (the folded tab, the open guide) are shown as manual popovers:
 * the top layer draws them above everything the page stacks with z-index, and out of reach of
 * their ancestors' transform, opacity, filter or clip (a page cannot move or fade Balise's
 * panel by styling <body>). Their shadow roots are closed and start with `hostCss`, whose
 * !important rules win over anything the page says about the host (inner context wins for
 * important declarations), its ::before and ::after included.
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

/** Puts `host` in the top layer, or back on top of it; does nothing where popovers are missing. */
export function raise(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function' || !host.isConnected) return;
  if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
  if (host.matches(':popover-open')) host.hidePopover();
  host.showPopover();
}
