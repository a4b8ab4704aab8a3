import { fmtNumber } from '../number.js';
import { escapeHtml as h } from './escape.js';
import type { ChartSeries } from './model.js';

const W = 360;
const H = 170;
const PAD = { left: 58, right: 14, top: 22, bottom: 30 };


/** One small line chart per metric: each run's final value, runs in time order. Inline SVG, no script. */
export function renderChart(s: ChartSeries, runCount: number): string {
  const values = s.points.map((p) => p.value);
  let [lo, hi] = [Math.min(...values), Math.max(...values)];
  if (lo === hi) [lo, hi] = [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1];
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const x = (run: number) => PAD.left + (runCount > 1 ? (run / (runCount - 1)) * iw : iw / 2);
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * ih;
  const title = `${s.name}${s.split ? ` (${s.split})` : ''}`;
  const pts = s.points.map((p) => `${x(p.run).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const dots = s.points
    .map((p) => `<circle class="pt" cx="${x(p.run).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3.5"><title>${h(`${p.label}: ${fmtNumber(p.value)}`)}</title></circle>`)
    .join('');
  const ticks = [hi, (hi + lo) / 2, lo]
    .map((v) => `<text class="tick" x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${h(fmtNumber(v))}</text><line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/>`)
    .join('');
  return [
    `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(`${title} over runs`)}">`,
    `<text class="ctitle" x="${PAD.left}" y="14">${h(title)}</text>`,
    ticks,
    `<text class="tick" x="${PAD.left}" y="${H - 8}">run 1</text><text class="tick" x="${W - PAD.right}" y="${H - 8}" text-anchor="end">run ${runCount}</text>`,
    s.points.length > 1 ? `<polyline class="line" points="${pts}"/>` : '',
    dots,
    '</svg></figure>',
  ].join('');
}
