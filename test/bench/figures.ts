/** The shape of bench-results/bench.json's figures, shared by the benchmark and its e2e check. */
import type { Figure } from './stats';

export interface Budget {
  /** The figure's median must stay at or below this. */
  max: number;
  met: boolean;
}
export interface BenchFigure extends Figure {
  label: string;
  unit: 'KB' | 'ms' | 'MB' | '×';
  budget?: Budget;
}

/** Keys of bench.json's `figures`, in the order of the table; test/e2e/bench.e2e.ts checks them all. */
export const figureKeys = [
  'portalScriptRaw',
  'portalScriptGzip',
  'lazyChunksRaw',
  'lazyChunksGzip',
  'mainThreadAdded',
  'mainThreadFloorAdded',
  'scriptAdded',
  'compileAdded',
  'layoutAdded',
  'mainThreadStressAdded',
  'mainThreadStressFloorAdded',
  'overlayVisible',
  'fillMedimail',
  'fillMedimailOracle',
  'fillMedimailRatio',
  'fillAllForms',
  'guideOpen',
  'detect200',
  'detect2000',
  'detect20000',
  'detectGrowth',
  'optionsRender',
  'optionsFloor',
  'optionsRenderAdded',
  'importPreview',
  'importLongestTask',
  'importApply',
  'importApplyLongestTask',
  'importTotal',
  'popupOpen',
  'popupAdded',
  'heapWith',
  'heapWithout',
  'heapAdded',
] as const;
export type FigureKey = (typeof figureKeys)[number];
