/** A figure of the benchmark: the median of its runs, with their spread. */
export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function figure(samples: readonly number[]): Figure {
  if (samples.length === 0) throw new Error('bench: a figure needs at least one sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: sorted.length };
}

/** A size or a ratio of figures: one value, shaped like the others so that every figure reads the same. */
export function exact(value: number): Figure {
  return { median: value, min: value, max: value, runs: 1 };
}
