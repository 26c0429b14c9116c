/**
 * The forms nobody here wrote (test/fixtures/cases.ts), read and filled in jsdom with their own
 * scripts running: what they expect filled must be, with nothing else written. Layout is flat
 * (every field seen): the hidden traps of these pages are judged in real browsers (cases.e2e.ts).
 */
import { afterEach, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import type { Layout } from '../dom/layout';
import { caseHtml, caseKeys, caseMismatches, caseProfileData, formCases, readCase } from '../../test/fixtures/cases';
import { analysePage, planPage } from './engine';
import { executeFill } from './fill';
import { toFill } from './plan';
import { forFill } from './resolve';
import { patience } from '../../test/patience';

const flat: Layout = {
  style: (element) => (element.ownerDocument.defaultView as Window).getComputedStyle(element),
  rect: () => ({ left: 10, top: 10, right: 110, bottom: 30, width: 100, height: 20 }),
  hitTest: () => null,
  viewport: () => ({ width: 1000, height: 800, scrollX: 0, scrollY: 0 }),
};
/** Traps these pages hide by layout, which jsdom has none of. */
const layoutJudged = new Set(['03-honeypots']);

const windows: { close(): void }[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

it.each(formCases.map((c) => [c.name, c] as const))('%s: filled as expected, nothing wrong written', async (_name, formCase) => {
  const dom = new JSDOM(caseHtml(formCase), { url: formCase.url, runScripts: 'dangerously', pretendToBeVisual: true });
  windows.push(dom.window);
  const { document } = dom.window;
  const { chosen, me } = caseProfileData;
  const { ready } = formCase;
  if (ready) await vi.waitFor(() => expect(document.querySelector(ready), `the page drew ${ready}`).not.toBeNull(), patience);
  const analysis = analysePage(document, formCase.url)!;
  expect(analysis).not.toBeNull();
  const plan = planPage(analysis, forFill(chosen), { meContactId: me.id }, flat);
  await executeFill(toFill(plan), { layout: flat, comboboxTimeout: 500 });
  const found = (dom.window as unknown as { eval(code: string): Record<string, string | boolean | null> }).eval(
    `(${readCase.toString()})(${JSON.stringify(caseKeys(formCase))})`,
  );
  const wrong = caseMismatches(formCase, found);
  expect(layoutJudged.has(formCase.name) ? wrong.filter((line) => !/must stay/.test(line)) : wrong).toEqual([]);
});
