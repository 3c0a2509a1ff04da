// Pure: the charts of the statistics pages as plain shapes (ADR 0037): grouped bars, lines and horizontal bars, laid
// out here and drawn by components/statistics as server-rendered SVG with presentation attributes only (no script,
// no style element or attribute: the content security policy refuses them). Every chart goes with its data table.

export const CHART_COLORS = ["#000091", "#E1000F", "#18753C", "#B34000", "#6A6AF4"] as const;
const TEXT = "#3A3A3A";
const GRID = "#DDDDDD";
const AXIS = "#666666";

export type ChartSeries = { label: string; values: readonly (number | null)[] };
export type ChartSpec = {
  kind: "bars" | "lines" | "hbars";
  /** One label per category (a month, a profile); a second line, if any, after "\n" (the year). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** What the values count, for the axis ("dossiers", "jours"). */
  unit: string;
};

export type ChartShape =
  | { type: "rect"; x: number; y: number; width: number; height: number; fill: string; tip: string }
  | { type: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number }
  | { type: "path"; d: string; stroke: string; width: number }
  | { type: "circle"; cx: number; cy: number; r: number; fill: string; tip: string }
  | { type: "text"; x: number; y: number; lines: string[]; anchor: "start" | "middle" | "end"; size: number; fill: string; bold?: boolean };

export type ChartLayout = { width: number; height: number; shapes: ChartShape[] };

const number = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
export const formatChartValue = (value: number) => number.format(value);

/** An axis maximum that reads well (1, 2 or 5 times a power of ten) and its ticks, at least `max`. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const roundedStep = step < 1 && max <= count ? 1 : step;
  const ticks: number[] = [];
  for (let t = 0; t < max + roundedStep / 2 && ticks.length <= count + 1; t += roundedStep) ticks.push(Number(t.toFixed(6)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + roundedStep).toFixed(6)));
  return ticks;
}

const round = (v: number) => Math.round(v * 10) / 10;

function legend(series: readonly ChartSeries[], x: number, y: number): ChartShape[] {
  const shapes: ChartShape[] = [];
  let at = x;
  series.forEach((s, i) => {
    const color = CHART_COLORS[i % CHART_COLORS.length]!;
    shapes.push({ type: "rect", x: at, y: y - 10, width: 12, height: 12, fill: color, tip: s.label });
    shapes.push({ type: "text", x: at + 18, y, lines: [s.label], anchor: "start", size: 13, fill: TEXT });
    at += 18 + s.label.length * 7.2 + 24;
  });
  return shapes;
}

/** Lays out a chart in a 720-wide box (the SVG scales to its container). */
export function layoutChart(spec: ChartSpec): ChartLayout {
  return spec.kind === "hbars" ? horizontalBars(spec) : verticalChart(spec);
}

function maxOf(spec: ChartSpec): number {
  return Math.max(0, ...spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
}

function verticalChart(spec: ChartSpec): ChartLayout {
  const width = 720;
  const height = 340;
  const margin = { left: 60, right: 16, top: 44, bottom: 52 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const ticks = niceTicks(maxOf(spec));
  const top = ticks[ticks.length - 1]!;
  const y = (v: number) => round(margin.top + plotHeight - (v / top) * plotHeight);
  const shapes: ChartShape[] = [...legend(spec.series, margin.left, 20)];
  for (const t of ticks) {
    shapes.push({ type: "line", x1: margin.left, y1: y(t), x2: width - margin.right, y2: y(t), stroke: GRID, width: 1 });
    shapes.push({ type: "text", x: margin.left - 8, y: y(t) + 4, lines: [formatChartValue(t)], anchor: "end", size: 12, fill: TEXT });
  }
  shapes.push({ type: "text", x: 4, y: margin.top - 10, lines: [spec.unit], anchor: "start", size: 12, fill: TEXT });
  const n = Math.max(1, spec.categories.length);
  const band = plotWidth / n;
  // Label every category when they fit, else every second or third one.
  const every = Math.max(1, Math.ceil(n / 12));
  spec.categories.forEach((category, i) => {
    if (i % every !== 0) return;
    shapes.push({ type: "text", x: round(margin.left + band * (i + 0.5)), y: height - margin.bottom + 18, lines: category.split("\n"), anchor: "middle", size: 12, fill: TEXT });
  });
  if (spec.kind === "bars") {
    const group = band * 0.8;
    const barWidth = group / Math.max(1, spec.series.length);
    spec.series.forEach((s, si) => {
      const color = CHART_COLORS[si % CHART_COLORS.length]!;
      s.values.forEach((v, i) => {
        if (v === null) return;
        const x = margin.left + band * i + (band - group) / 2 + barWidth * si;
        const h = round((v / top) * plotHeight);
        shapes.push({ type: "rect", x: round(x), y: round(margin.top + plotHeight - h), width: round(Math.max(1, barWidth - 1)), height: h, fill: color, tip: `${spec.categories[i]!.replace("\n", " ")} — ${s.label} : ${formatChartValue(v)}` });
      });
    });
  } else {
    spec.series.forEach((s, si) => {
      const color = CHART_COLORS[si % CHART_COLORS.length]!;
      let d = "";
      s.values.forEach((v, i) => {
        if (v === null) return;
        const x = round(margin.left + band * (i + 0.5));
        d += `${d === "" || s.values[i - 1] === null ? "M" : "L"}${x} ${y(v)} `;
        shapes.push({ type: "circle", cx: x, cy: y(v), r: 3.5, fill: color, tip: `${spec.categories[i]!.replace("\n", " ")} — ${s.label} : ${formatChartValue(v)}` });
      });
      if (d) shapes.splice(shapes.length - s.values.filter((v) => v !== null).length, 0, { type: "path", d: d.trim(), stroke: color, width: 2.5 });
    });
  }
  shapes.push({ type: "line", x1: margin.left, y1: y(0), x2: width - margin.right, y2: y(0), stroke: AXIS, width: 1 });
  return { width, height, shapes };
}

function horizontalBars(spec: ChartSpec): ChartLayout {
  const width = 720;
  const rowHeight = 34;
  const margin = { left: 220, right: 56, top: spec.series.length > 1 ? 44 : 16, bottom: 36 };
  const n = Math.max(1, spec.categories.length);
  const height = margin.top + n * rowHeight + margin.bottom;
  const plotWidth = width - margin.left - margin.right;
  const ticks = niceTicks(maxOf(spec));
  const top = ticks[ticks.length - 1]!;
  const x = (v: number) => round(margin.left + (v / top) * plotWidth);
  const shapes: ChartShape[] = spec.series.length > 1 ? legend(spec.series, margin.left, 20) : [];
  for (const t of ticks) {
    shapes.push({ type: "line", x1: x(t), y1: margin.top, x2: x(t), y2: height - margin.bottom, stroke: GRID, width: 1 });
    shapes.push({ type: "text", x: x(t), y: height - margin.bottom + 18, lines: [formatChartValue(t)], anchor: "middle", size: 12, fill: TEXT });
  }
  const barHeight = (rowHeight * 0.7) / Math.max(1, spec.series.length);
  spec.categories.forEach((category, i) => {
    const rowTop = margin.top + i * rowHeight;
    shapes.push({ type: "text", x: margin.left - 8, y: round(rowTop + rowHeight / 2 + 4), lines: [truncate(category.replace("\n", " "), 30)], anchor: "end", size: 12, fill: TEXT });
    spec.series.forEach((s, si) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const barY = round(rowTop + rowHeight * 0.15 + barHeight * si);
      shapes.push({ type: "rect", x: margin.left, y: barY, width: Math.max(1, round(x(v) - margin.left)), height: round(barHeight - 1), fill: CHART_COLORS[si % CHART_COLORS.length]!, tip: `${category.replace("\n", " ")} — ${s.label} : ${formatChartValue(v)}` });
      shapes.push({ type: "text", x: round(x(v) + 6), y: round(barY + barHeight / 2 + 4), lines: [formatChartValue(v)], anchor: "start", size: 12, fill: TEXT });
    });
  });
  shapes.push({ type: "line", x1: margin.left, y1: margin.top, x2: margin.left, y2: height - margin.bottom, stroke: AXIS, width: 1 });
  shapes.push({ type: "text", x: width - margin.right, y: height - 4, lines: [spec.unit], anchor: "end", size: 12, fill: TEXT });
  return { width, height, shapes };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
