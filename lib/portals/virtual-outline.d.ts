/** The portals' outline, computed from the modules at bundle time (./outline-plugin.ts). */
declare module 'virtual:portal-outline' {
  const outline: readonly import('./lookup').PortalSigns[];
  export default outline;
  /** Each phrasing of the outline → its words (./outline-of.ts phrasingWords). */
  export const phrasingWords: Readonly<Record<string, readonly string[]>>;
}
