import { describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

describe('throttle', () => {
  it('runs once per delay however often it is scheduled', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const schedule = throttle(run, 100);
    schedule();
    schedule();
    schedule();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(1);
    schedule();
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });
});
