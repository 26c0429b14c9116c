import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from './context';

// WXT's class names its event after the entry point it is built into.
vi.stubEnv('ENTRYPOINT', 'portal');
const { ContentScriptContext: WxtContext } = await import('wxt/utils/content-script-context');

describe('the portal script’s context', () => {
  it('stops a copy left by the previous version when a newer one starts, and only that copy', () => {
    const older = new ContentScriptContext('portal');
    const stopped = vi.fn();
    older.onInvalidated(stopped);
    const newer = new ContentScriptContext('portal');
    expect(stopped).toHaveBeenCalledOnce();
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
    // Another content script starting is not a newer copy of this one.
    new ContentScriptContext('overlay');
    expect(newer.isValid).toBe(true);
  });

  it('stops, and is stopped by, a copy built with WXT’s own context (an update across the change)', () => {
    const wxtOlder = new WxtContext('portal');
    const ours = new ContentScriptContext('portal');
    expect(wxtOlder.isValid).toBe(false);
    expect(ours.isValid).toBe(true);
    const wxtNewer = new WxtContext('portal');
    expect(ours.isValid).toBe(false);
    expect(wxtNewer.isValid).toBe(true);
  });
});
