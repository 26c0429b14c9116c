/**
 * Code loaded apart from a page's first paint, without React.lazy: a Suspense boundary holds
 * its content back for up to 300 ms once the code arrives (React 19's fallback throttling),
 * which made the import preview and the editor wait on code that was already loaded.
 */
import { useEffect, useState } from 'react';

export interface Deferred<T> {
  /** Starts loading (once); resolves with the module. */
  preload(): Promise<T>;
  /** The module once loaded, loading it when `wanted`; undefined until then. */
  use(wanted: boolean): T | undefined;
}

export function deferred<T>(load: () => Promise<T>): Deferred<T> {
  let loaded: T | undefined;
  let pending: Promise<T> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        // A failed load (extension updated meanwhile) may be tried again.
        pending = undefined;
        throw error;
      },
    ));
  return {
    preload,
    use(wanted) {
      const [, setLoaded] = useState(loaded);
      useEffect(() => {
        if (!wanted || loaded) return;
        let current = true;
        preload().then(
          (module) => current && setLoaded(module),
          () => {},
        );
        return () => {
          current = false;
        };
      }, [wanted]);
      return loaded;
    },
  };
}
