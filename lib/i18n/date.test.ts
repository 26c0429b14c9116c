import { describe, expect, it } from 'vitest';
import { showDate } from './date';

describe('showDate', () => {
  it('writes a stored day as dd/mm/yyyy in both languages', () => {
    expect(showDate('2026-11-30', 'fr')).toBe('30/11/2026');
    expect(showDate('2026-11-30', 'en')).toBe('30/11/2026');
    expect(showDate('2027-01-05', 'en')).toBe('05/01/2027');
  });

  it('writes a stored moment as the day it was on this computer', () => {
    const moment = new Date(2026, 10, 30, 23, 30);
    expect(showDate(moment.toISOString(), 'en')).toBe('30/11/2026');
  });
});
