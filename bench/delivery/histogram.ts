import * as hdr from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';

/** Highest latency a histogram tracks (µs): 2 minutes; larger values are clamped to it. */
export const HIGHEST_TRACKABLE_US = 120_000_000;

/** A latency histogram in µs with 3 significant digits (hdr-histogram-js, pure JS, 32-bit buckets). */
export function createLatencyHistogram(): Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_TRACKABLE_US, numberOfSignificantValueDigits: 3, bitBucketSize: 32, useWebAssembly: false });
}

/** Records `us` (µs), clamped to [1, {@link HIGHEST_TRACKABLE_US}]. */
export function recordMicros(histogram: Histogram, us: number): void {
  histogram.recordValue(Math.min(HIGHEST_TRACKABLE_US, Math.max(1, Math.round(us))));
}

/** Compressed base64 of `histogram`, for IPC between processes. */
export function encodeHistogram(histogram: Histogram): string {
  return hdr.encodeIntoCompressedBase64(histogram);
}

/** Sums encoded histograms into one new histogram. */
export function mergeEncoded(encoded: readonly string[]): Histogram {
  const total = createLatencyHistogram();
  for (const item of encoded) {
    const part = hdr.decodeFromCompressedBase64(item, 32, false);
    total.add(part);
    part.destroy();
  }
  return total;
}

/** Latency percentiles in ms (3 decimals), as the results report them. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

const ms = (us: number): number => Math.round(us) / 1000;

/** p50, p90, p99, p99.9, max and mean of `histogram` (µs in, ms out). */
export function summarize(histogram: Histogram): LatencySummary {
  return {
    count: histogram.totalCount,
    p50: ms(histogram.getValueAtPercentile(50)),
    p90: ms(histogram.getValueAtPercentile(90)),
    p99: ms(histogram.getValueAtPercentile(99)),
    p999: ms(histogram.getValueAtPercentile(99.9)),
    max: ms(histogram.maxValue),
    mean: ms(histogram.mean),
  };
}

/** One point of a percentile curve: `percentile` in [0, 100), `ms` the latency at it. */
export interface CurvePoint {
  percentile: number;
  ms: number;
}

/**
 * The percentile distribution sampled on a log-ish axis: x = log10(1 / (1 − p)) from 0 to `maxNines`
 * in `steps` points (0 = p0, 1 = p90, 2 = p99, 3 = p99.9 …), as HdrHistogram's own plots do.
 */
export function percentileCurve(histogram: Histogram, maxNines = 4, steps = 80): CurvePoint[] {
  const points: CurvePoint[] = [];
  if (histogram.totalCount === 0) return points;
  for (let i = 0; i <= steps; i += 1) {
    const x = (maxNines * i) / steps;
    const percentile = 100 * (1 - 10 ** -x);
    points.push({ percentile, ms: ms(histogram.getValueAtPercentile(percentile)) });
  }
  return points;
}
