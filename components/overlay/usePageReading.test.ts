import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readPage } from '../../lib/overlay/detect';
import { usePageReading } from './usePageReading';

vi.mock('../../lib/overlay/detect', () => ({ readPage: vi.fn(() => null) }));

/** Like WXT's context: what it listens to stays until the context dies, whatever signal is given. */
function contentScriptContext(): ContentScriptContext {
  const ctx = {
    isValid: true,
    addEventListener: (target: EventTarget, type: string, handler: EventListener) => target.addEventListener(type, handler),
  };
  return ctx as unknown as ContentScriptContext;
}

/** Every way the page can change under the overlay: an SPA route, back/forward, the DOM. */
async function changeThePage() {
  await act(async () => {
    window.dispatchEvent(new Event('wxt:locationchange'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    document.body.append(document.createElement('p'));
    // Mutation records are delivered in a microtask, then the throttle waits.
    await Promise.resolve();
    vi.advanceTimersByTime(200);
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('usePageReading', () => {
  it('reads the page again on each change, once per change however often the overlay was remounted', async () => {
    const ctx = contentScriptContext();
    for (let mount = 0; mount < 3; mount++) renderHook(() => usePageReading(ctx)).unmount();
    const { result } = renderHook(() => usePageReading(ctx));
    vi.mocked(readPage).mockClear();
    await changeThePage();
    expect(readPage).toHaveBeenCalledTimes(3);
    expect(result.current.revision).toBe(3);
  });

  it('counts apart the changes that may change the fill preview: a field added, not a clock ticking', async () => {
    document.body.innerHTML = '<p id="clock">10:42</p><main></main>';
    const { result } = renderHook(() => usePageReading(contentScriptContext()));
    const settle = () =>
      act(async () => {
        await Promise.resolve();
        vi.advanceTimersByTime(200);
      });
    document.getElementById('clock')!.textContent = '10:43';
    await settle();
    expect(result.current).toMatchObject({ revision: 1, fieldsRevision: 0 });
    // Text edited in place, away from any field: not even a re-read.
    (document.getElementById('clock')!.firstChild as Text).data = '10:44';
    await settle();
    expect(result.current).toMatchObject({ revision: 1, fieldsRevision: 0 });
    document.querySelector('main')!.innerHTML = '<div role="dialog"><label>Courriel <input type="email"></label></div>';
    document.getElementById('clock')!.textContent = '10:45';
    await settle();
    expect(result.current).toMatchObject({ revision: 2, fieldsRevision: 1 });
  });

  it('leaves nothing listening once unmounted', async () => {
    const ctx = contentScriptContext();
    renderHook(() => usePageReading(ctx)).unmount();
    vi.mocked(readPage).mockClear();
    await changeThePage();
    expect(readPage).not.toHaveBeenCalled();
  });
});
