import type { CurvePoint } from './histogram.js';

/** One curve of the plot. */
export interface PlotSeries {
  label: string;
  color: string;
  points: CurvePoint[];
}

const WIDTH = 760;
const HEIGHT = 420;
const PAD = { left: 64, right: 20, top: 40, bottom: 52 };
const MAX_NINES = 4;

const nines = (percentile: number): number => Math.min(MAX_NINES, -Math.log10(Math.max(1e-9, 1 - percentile / 100)));
const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A "nice" upper bound for the y axis: 1, 2 or 5 × a power of ten at or above `value`. */
function niceCeil(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 0.001)));
  for (const m of [1, 2, 5, 10]) if (m * power >= value) return m * power;
  return 10 * power;
}

/**
 * An SVG of latency percentile curves, HdrHistogram style: x is log10(1 / (1 − p)) so p50, p90, p99,
 * p99.9 and p99.99 are evenly spaced; y is latency in ms (linear). `boundMs` draws a dashed line.
 */
export function percentileSvg(title: string, series: readonly PlotSeries[], boundMs: number): string {
  const maxMs = niceCeil(Math.max(boundMs * 1.2, ...series.flatMap((s) => s.points.map((p) => p.ms))));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (percentile: number) => PAD.left + (nines(percentile) / MAX_NINES) * plotW;
  const y = (ms: number) => PAD.top + plotH - (Math.min(ms, maxMs) / maxMs) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (const [p, label] of [[0, 'p0'], [50, 'p50'], [90, 'p90'], [99, 'p99'], [99.9, 'p99.9'], [99.99, 'p99.99']] as const) {
    const px = x(p).toFixed(1);
    parts.push(`<line x1="${px}" y1="${PAD.top}" x2="${px}" y2="${PAD.top + plotH}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${px}" y="${PAD.top + plotH + 18}" text-anchor="middle">${label}</text>`);
  }
  for (let i = 0; i <= 5; i += 1) {
    const ms = (maxMs * i) / 5;
    const py = y(ms).toFixed(1);
    parts.push(`<line x1="${PAD.left}" y1="${py}" x2="${PAD.left + plotW}" y2="${py}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${PAD.left - 8}" y="${py}" text-anchor="end" dominant-baseline="middle">${Number(ms.toPrecision(3))}</text>`);
  }
  parts.push(`<text x="${PAD.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">percentile (log scale of 1 / (1 − p))</text>`);
  parts.push(`<text x="16" y="${PAD.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 16 ${PAD.top + plotH / 2})">latency (ms)</text>`);
  const by = y(boundMs).toFixed(1);
  parts.push(`<line x1="${PAD.left}" y1="${by}" x2="${PAD.left + plotW}" y2="${by}" stroke="#999" stroke-dasharray="6 4"/>`);
  parts.push(`<text x="${PAD.left + plotW - 4}" y="${Number(by) - 6}" text-anchor="end" fill="#666">bound ${boundMs} ms</text>`);
  series.forEach((s, i) => {
    const path = s.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p.percentile).toFixed(1)},${y(p.ms).toFixed(1)}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    parts.push(`<rect x="${PAD.left + 12}" y="${PAD.top + 10 + i * 18}" width="14" height="4" fill="${s.color}"/>`);
    parts.push(`<text x="${PAD.left + 32}" y="${PAD.top + 14 + i * 18}">${escapeXml(s.label)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
