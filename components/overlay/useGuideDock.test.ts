import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { guideDock } from '../../lib/store/storage';
import { useGuideDock } from './useGuideDock';

const jsdomWidth = innerWidth;

/** The hook once it has read the storage (the read resolves inside act: no update lands outside it). */
async function renderRead() {
  const rendered = renderHook(() => useGuideDock());
  expect(rendered.result.current).toBeNull();
  await act(() => guideDock().getValue());
  return rendered;
}

const setWidth = (width: number) => Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });

/** Resizes the window as the browser does: a new width, then the event. */
function resizeTo(width: number) {
  setWidth(width);
  window.dispatchEvent(new Event('resize'));
}

afterEach(() => setWidth(jsdomWidth));

describe('useGuideDock', () => {
  it('until the user chooses, floats on an ordinary screen and docks right on a wide one, following the window', async () => {
    resizeTo(1280);
    const { result } = await renderRead();
    expect(result.current).toBe('floating');
    act(() => resizeTo(1920));
    expect(result.current).toBe('right');
    act(() => resizeTo(1024));
    expect(result.current).toBe('floating');
  });

  it('keeps the place the user chose, whatever the window’s width, and follows a new choice', async () => {
    await guideDock().setValue('left');
    resizeTo(1920);
    const { result } = await renderRead();
    expect(result.current).toBe('left');
    await act(() => guideDock().setValue('floating'));
    await waitFor(() => expect(result.current).toBe('floating'));
    act(() => resizeTo(1024));
    expect(result.current).toBe('floating');
  });
});
