import { describe, expect, it } from "vitest";
import { layoutChart, niceTicks } from "./charts";

describe("charts", () => {
  it("choose axis ticks that read well", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(9)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(47)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0.6)).toEqual([0, 1]);
  });

  it("draw bars in proportion, each with its value as a tip, and skip missing values", () => {
    const layout = layoutChart({ kind: "bars", categories: ["janv.\n2026", "févr."], unit: "dossiers", series: [{ label: "Déposés", values: [10, 5] }, { label: "Refusés", values: [null, 2] }] });
    const bars = layout.shapes.filter((s) => s.type === "rect" && s.tip.includes(" — "));
    expect(bars.map((b) => (b.type === "rect" ? [b.tip, b.height] : null))).toEqual([
      ["janv. 2026 — Déposés : 10", 244],
      ["févr. — Déposés : 5", 122],
      ["févr. — Refusés : 2", 48.8],
    ]);
    // The legend names each series.
    expect(layout.shapes.filter((s) => s.type === "text").map((s) => (s.type === "text" ? s.lines.join(" ") : ""))).toEqual(expect.arrayContaining(["Déposés", "Refusés", "dossiers", "janv. 2026"]));
  });

  it("draw a line through the points, broken where a value is missing, and horizontal bars with their labels", () => {
    const lines = layoutChart({ kind: "lines", categories: ["a", "b", "c", "d"], unit: "dossiers", series: [{ label: "ANS", values: [1, 2, null, 4] }] });
    const path = lines.shapes.find((s) => s.type === "path");
    expect(path?.type === "path" && path.d.match(/M/g)?.length).toBe(2);
    expect(lines.shapes.filter((s) => s.type === "circle")).toHaveLength(3);
    const bars = layoutChart({ kind: "hbars", categories: ["Profil 0 — Données en libre accès", "Profil 2"], unit: "services", series: [{ label: "Services", values: [4, 0] }] });
    expect(bars.height).toBe(16 + 2 * 34 + 36);
    expect(bars.shapes.filter((s) => s.type === "rect")).toHaveLength(2);
  });
});
