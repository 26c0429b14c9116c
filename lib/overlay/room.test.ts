import type { Box } from '../dom/layout';
import { defaultDock, dockedWidth, firstClear, overlaps, pushPage, roomBelow, scrollClearOf } from './room';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height, right: left + width, bottom: top + height });
const viewport = { width: 1024, height: 700 };

describe('overlaps', () => {
  it.each([
    ['apart', box(0, 0, 10, 10), box(20, 0, 10, 10), false],
    ['touching edges', box(0, 0, 10, 10), box(10, 0, 10, 10), false],
    ['one pixel in', box(0, 0, 10, 10), box(9, 9, 10, 10), true],
    ['one inside the other', box(0, 0, 100, 100), box(40, 40, 10, 10), true],
  ])('%s', (_case, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe('defaultDock', () => {
  it.each([
    // Ordinary screens: docked, the guide would squeeze the portal's form; it floats.
    [1024, 'floating'],
    [1280, 'floating'],
    [1366, 'floating'],
    // Wide ones: docked on the right, the page keeps more than 1000 px beside it.
    [1440, 'right'],
    [1920, 'right'],
  ] as const)('a window %i px wide: %s', (width, dock) => {
    expect(defaultDock(width)).toBe(dock);
  });

  it('docks only where the page keeps at least 1000 px and a scrollbar beside the guide', () => {
    for (let width = 1024; width <= 1920; width++) if (defaultDock(width) === 'right') expect(width - dockedWidth - 17).toBeGreaterThanOrEqual(1000); // a classic scrollbar: 15 to 17 px
  });
});

describe('firstClear', () => {
  // A two-column form: a field at 24–444, the right column's input from 464 on.
  const rightColumn = box(464, 100, 400, 20);
  const legend = box(24, 60, 300, 20);

  it('takes the first spot that covers nothing', () => {
    expect(firstClear([box(450, 100, 20, 20), box(0, 100, 20, 20)], [legend], viewport)).toBe(0);
  });

  it('skips a spot on the next column’s input (the badge of a left field)', () => {
    expect(firstClear([box(450, 100, 20, 20), box(0, 100, 20, 20)], [rightColumn, legend], viewport)).toBe(1);
  });

  it('skips a bubble that would cover a legend, then one out of the viewport', () => {
    const onLegend = box(200, 40, 280, 120);
    const offScreen = box(900, 100, 280, 120);
    const below = box(24, 130, 280, 120);
    expect(firstClear([onLegend, offScreen, below], [legend, rightColumn], viewport)).toBe(2);
  });

  it('answers -1 when every spot covers something: the tip goes to the panel', () => {
    const panel = box(650, 200, 360, 490);
    expect(firstClear([box(700, 300, 280, 100), box(-10, 300, 280, 100)], [panel], viewport)).toBe(-1);
  });
});

describe('scrollClearOf', () => {
  const panel = box(650, 200, 360, 490);

  it('leaves a field beside the panel where it is', () => {
    expect(scrollClearOf(box(24, 400, 420, 20), panel, 700)).toBe(0);
  });

  it('scrolls a field under the floating panel just above it', () => {
    // bottom 520, panel top 200, 8 px apart: 328 down.
    expect(scrollClearOf(box(600, 500, 300, 20), panel, 700)).toBe(328);
  });

  it('scrolls a field too tall for the room above the panel to the top', () => {
    expect(scrollClearOf(box(600, 300, 300, 400), panel, 700)).toBe(292);
  });

  it('scrolls a field under a guide moved to the top just below it', () => {
    // The guide at 16–506; the field at 300: up by 214.
    expect(scrollClearOf(box(600, 300, 300, 20), box(650, 16, 360, 490), 700)).toBe(-214);
  });
});

describe('pushPage', () => {
  it('gives the docked guide its width on one side of <html>, and puts the page’s own inline margin back', () => {
    const root = document.createElement('html');
    root.style.setProperty('margin-right', '3px');
    const release = pushPage(root, 'right');
    expect(root.style.getPropertyValue('margin-right')).toBe(`${dockedWidth}px`);
    expect(root.style.getPropertyPriority('margin-right')).toBe('important');
    release();
    expect(root.style.getPropertyValue('margin-right')).toBe('3px');
    expect(root.style.getPropertyPriority('margin-right')).toBe('');
    pushPage(root, 'left')();
    expect(root.style.getPropertyValue('margin-left')).toBe('');
  });
});

describe('roomBelow', () => {
  it('gives the page room at its end for the filling floating guide, and puts the page’s own inline padding back', () => {
    const root = document.createElement('html');
    root.style.setProperty('padding-bottom', '2px');
    const release = roomBelow(root);
    expect(root.style.getPropertyValue('padding-bottom')).not.toBe('2px');
    expect(root.style.getPropertyPriority('padding-bottom')).toBe('important');
    release();
    expect(root.style.getPropertyValue('padding-bottom')).toBe('2px');
  });
});
