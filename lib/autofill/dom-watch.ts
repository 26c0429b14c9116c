/**
 * Whether the page's DOM changed since a reading of it: the fill reads the whole page again at
 * the user's click only when something changed since the preview was read (reading it again
 * costs most of a click's time, the page's recognition by content above all). Anything counts:
 * an added or removed node, an attribute, a text, in the document or in the shadow roots and
 * frames the read fields came from. What a reading takes from the DOM is read from these alone
 * (field values are read live by the plan, layout by the checks at fill time).
 */

export interface DomWatch {
  /** False once anything changed since the watch began; mutations not yet delivered count (read synchronously). */
  unchanged(): boolean;
  stop(): void;
}

/**
 * Watches `roots` (documents, shadow roots) and their whole subtrees. `isOwn`: what Balise itself
 * put in the page (its hosts and what they hold): adding, removing or changing those changes none
 * of the page's fields.
 */
export function watchDom(roots: Iterable<Node>, isOwn: (node: Node) => boolean = () => false): DomWatch {
  let changed = false;
  const own = (record: MutationRecord) =>
    isOwn(record.target) || (record.type === 'childList' && [...record.addedNodes, ...record.removedNodes].every(isOwn));
  const counts = (records: MutationRecord[]) => records.some((record) => !own(record));
  const observer = new MutationObserver((records) => {
    if (!counts(records)) return;
    changed = true;
    observer.disconnect();
  });
  for (const root of new Set(roots)) observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  return {
    unchanged() {
      if (!changed && counts(observer.takeRecords())) {
        changed = true;
        observer.disconnect();
      }
      return !changed;
    },
    stop: () => observer.disconnect(),
  };
}
