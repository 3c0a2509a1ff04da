import { layoutChart, type ChartShape, type ChartSpec } from "@/lib/statistics/charts";

// A chart of the statistics as server-rendered SVG (ADR 0037): an image with its title and description for screen
// readers (the figures themselves are in the data table that follows every chart), presentation attributes only.

function Shape({ shape }: { shape: ChartShape }) {
  switch (shape.type) {
    case "rect":
      return (
        <rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} fill={shape.fill}>
          <title>{shape.tip}</title>
        </rect>
      );
    case "line":
      return <line x1={shape.x1} y1={shape.y1} x2={shape.x2} y2={shape.y2} stroke={shape.stroke} strokeWidth={shape.width} />;
    case "path":
      return <path d={shape.d} stroke={shape.stroke} strokeWidth={shape.width} fill="none" strokeLinejoin="round" strokeLinecap="round" />;
    case "circle":
      return (
        <circle cx={shape.cx} cy={shape.cy} r={shape.r} fill={shape.fill}>
          <title>{shape.tip}</title>
        </circle>
      );
    case "text":
      return (
        <text x={shape.x} y={shape.y} textAnchor={shape.anchor} fontSize={shape.size} fill={shape.fill} fontWeight={shape.bold ? 700 : 400} fontFamily="system-ui, sans-serif">
          {shape.lines.length === 1
            ? shape.lines[0]
            : shape.lines.map((line, i) => (
                <tspan key={i} x={shape.x} dy={i === 0 ? 0 : shape.size + 2}>
                  {line}
                </tspan>
              ))}
        </text>
      );
  }
}

export function StatisticsChart({ id, title, description, spec }: { id: string; title: string; description: string; spec: ChartSpec }) {
  const layout = layoutChart(spec);
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-labelledby={`${id}-graphique-titre ${id}-graphique-description`}
      className="h-auto w-full max-w-3xl"
      data-chart={id}
    >
      <title id={`${id}-graphique-titre`}>{title}</title>
      <desc id={`${id}-graphique-description`}>{`${description} Les valeurs sont dans le tableau qui suit le graphique.`}</desc>
      {layout.shapes.map((shape, i) => (
        <Shape key={i} shape={shape} />
      ))}
    </svg>
  );
}
