import type { DailyReport } from '../../core/report/daily-report.js';
import { encodePng, type Raster } from './encode-png.js';

export interface ChartLegendEntry {
  readonly index: number;
  readonly zone: string;
  readonly hop: string;
  /** `#rrggbb` of its line. */
  readonly color: string;
}

const PALETTE: readonly (readonly [number, number, number])[] = [
  [31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189], [140, 86, 75], [227, 119, 194], [127, 127, 127], [188, 189, 34], [23, 190, 207],
];

/** 3×5 digits for the axis labels and the legend numbers. */
const DIGITS: Readonly<Record<string, readonly string[]>> = {
  0: ['111', '101', '101', '101', '111'], 1: ['010', '110', '010', '010', '111'], 2: ['111', '001', '111', '100', '111'],
  3: ['111', '001', '111', '001', '111'], 4: ['101', '101', '111', '001', '001'], 5: ['111', '100', '111', '001', '111'],
  6: ['111', '100', '111', '101', '111'], 7: ['111', '001', '010', '010', '010'], 8: ['111', '101', '111', '101', '111'],
  9: ['111', '101', '111', '001', '111'], '%': ['101', '001', '010', '100', '101'], m: ['000', '000', '111', '111', '101'], s: ['000', '011', '110', '011', '110'],
};

const WIDTH = 640;
const PANEL = 150;
const MARGIN = { left: 44, right: 12, top: 12, gap: 28, bottom: 24 };

/**
 * The trend chart: p95 latency per hop (top panel) and availability per hop (bottom panel) over the
 * report's days, one coloured line per hop. Numbers on the chart are the hop's index in the legend.
 */
export function renderTrendChart(report: DailyReport): { png: Buffer; legend: ChartLegendEntry[] } {
  const hops = report.zones.flatMap((z) => z.hops.map((h) => ({ zone: z.zone, hop: h })));
  const days = [...new Set(hops.flatMap((h) => h.hop.trend.map((d) => d.day)))].sort();
  const height = MARGIN.top + PANEL * 2 + MARGIN.gap + MARGIN.bottom;
  const raster: Raster = { width: WIDTH, height, pixels: new Uint8Array(WIDTH * height * 3).fill(255) };
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const xOf = (i: number): number => MARGIN.left + (days.length <= 1 ? plotW / 2 : (i * plotW) / (days.length - 1));
  const maxLatency = Math.max(1, ...hops.flatMap((h) => h.hop.trend.map((d) => d.p95Ms ?? 0)));
  const panels = [
    { top: MARGIN.top, value: (d: { p95Ms: number | null }) => d.p95Ms, max: maxLatency, label: `${Math.ceil(maxLatency)}ms` },
    { top: MARGIN.top + PANEL + MARGIN.gap, value: (d: { availability: number }) => d.availability * 100, max: 100, label: '100%' },
  ] as const;
  for (const panel of panels) {
    drawRect(raster, MARGIN.left, panel.top, plotW, PANEL, [200, 200, 200]);
    drawText(raster, 2, panel.top, panel.label, [80, 80, 80]);
    drawText(raster, 2, panel.top + PANEL - 5, '0', [80, 80, 80]);
  }
  hops.forEach((h, index) => {
    const color = PALETTE[index % PALETTE.length] as readonly [number, number, number];
    for (const [p, panel] of panels.entries()) {
      let prev: [number, number] | null = null;
      for (const d of h.hop.trend) {
        const raw = p === 0 ? panels[0].value(d) : panels[1].value(d);
        if (raw === null) { prev = null; continue; }
        const x = Math.round(xOf(days.indexOf(d.day)));
        const y = Math.round(panel.top + PANEL - (Math.min(raw, panel.max) / panel.max) * (PANEL - 2) - 1);
        if (prev !== null) drawLine(raster, prev[0], prev[1], x, y, color);
        fillRect(raster, x - 2, y - 2, 5, 5, color);
        prev = [x, y];
      }
    }
    fillRect(raster, MARGIN.left + index * 28, height - 14, 8, 8, color);
    drawText(raster, MARGIN.left + index * 28 + 11, height - 13, String(index + 1), [40, 40, 40]);
  });
  return {
    png: encodePng(raster),
    legend: hops.map((h, i) => {
      const c = PALETTE[i % PALETTE.length] as readonly [number, number, number];
      return { index: i + 1, zone: h.zone, hop: h.hop.hop, color: `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}` };
    }),
  };
}

type Rgb = readonly [number, number, number];

function setPixel(r: Raster, x: number, y: number, c: Rgb): void {
  if (x < 0 || y < 0 || x >= r.width || y >= r.height) return;
  r.pixels.set(c, (y * r.width + x) * 3);
}

function fillRect(r: Raster, x: number, y: number, w: number, h: number, c: Rgb): void {
  for (let dy = 0; dy < h; dy++) for (let dx = 0; dx < w; dx++) setPixel(r, x + dx, y + dy, c);
}

function drawRect(r: Raster, x: number, y: number, w: number, h: number, c: Rgb): void {
  for (let i = 0; i <= w; i++) { setPixel(r, x + i, y, c); setPixel(r, x + i, y + h, c); }
  for (let i = 0; i <= h; i++) { setPixel(r, x, y + i, c); setPixel(r, x + w, y + i, c); }
}

/** Bresenham, two pixels thick. */
function drawLine(r: Raster, x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  let x = x0;
  let y = y0;
  for (;;) {
    setPixel(r, x, y, c);
    setPixel(r, x, y + 1, c);
    if (x === x1 && y === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) { err += dy; x += sx; }
    if (e2 <= dx) { err += dx; y += sy; }
  }
}

function drawText(r: Raster, x: number, y: number, text: string, c: Rgb): void {
  [...text].forEach((ch, i) => {
    const glyph = DIGITS[ch];
    if (glyph === undefined) return;
    glyph.forEach((row, gy) => [...row].forEach((bit, gx) => {
      if (bit === '1') fillRect(r, x + i * 8 + gx * 2, y + gy * 2, 2, 2, c);
    }));
  });
}
