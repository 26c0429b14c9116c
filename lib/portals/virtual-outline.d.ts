/** The portals' outline, computed from the modules at bundle time (./outline-plugin.ts). */
declare module 'virtual:portal-outline' {
  const outline: readonly import('./lookup').PortalOutline[];
  export default outline;
}
