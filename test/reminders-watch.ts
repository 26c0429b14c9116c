/**
 * The pages re-plan the reminders in the background after a save, a delete or a ticked step,
 * without awaiting it: a test that triggers one waits for it, so that the re-plan does not
 * reach the database after the test's end. The module stays the real one, its re-plan watched;
 * the test file says `vi.mock('<path>/lib/procedures/reminders', async (original) =>
 * (await import('<path>/test/reminders-watch')).watchReplans(original))` (vi.mock runs before its imports).
 */
import { waitFor } from '@testing-library/react';
import { expect, vi } from 'vitest';
import type * as reminders from '../lib/procedures/reminders';

type Reminders = typeof reminders;

export async function watchReplans(original: () => Promise<Reminders>): Promise<Reminders> {
  const actual = await original();
  return { ...actual, syncReminders: vi.fn(actual.syncReminders) };
}

/** Resolves once a re-plan has started and every one started so far has ended; `syncReminders` is the watched one. */
export async function remindersReplanned(syncReminders: Reminders['syncReminders']): Promise<void> {
  const replan = vi.mocked(syncReminders);
  await waitFor(() => expect(replan).toHaveBeenCalled());
  await Promise.all(replan.mock.results.map((result) => result.value));
  replan.mockClear();
}
