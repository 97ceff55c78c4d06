/** SVG drawings of a lane: its states from pixel runs, and its change marks, a few paths each. */
import { html, svg, type TemplateResult } from "lit";
import type { Mark } from "../model/lanes";
import type { Run } from "../model/pixels";
import type { ViewContext } from "./shared";

export const TRACK_H = 22;
/** The marks' strip: centred on the track's top edge, as tall as the largest mark. */
export const MARKS_H = 12;

/** What the runs of one lane draw: one path per state colour, and one per hatching. */
export const runsDrawing = (
  runs: Run[],
  c: ViewContext,
  entityId: string,
  width: number,
  title: (r: Run) => string,
): TemplateResult => {
  const fills = new Map<string, { d: string; title: string }>();
  const add = (key: string, r: Run, text: string) => {
    const rect = `M${r.x0} 0h${r.x1 - r.x0}v${TRACK_H}h${r.x0 - r.x1}z`;
    const f = fills.get(key);
    if (f) f.d += rect;
    else fills.set(key, { d: rect, title: text });
  };
  for (const r of runs) {
    if (r.kind === "gap" || r.kind === "unrecorded") add(r.kind, r, title(r));
    else if (r.kind !== "none") add(`s:${r.state}`, r, c.state(entityId, r.state));
    if (r.kind === "dense") add("dense", r, title(r));
  }
  const paths = [...fills].map(([key, f]) => {
    const state = key.startsWith("s:");
    return svg`<path class=${state ? "fill" : key} style=${state ? `fill:${c.color(entityId, key.slice(2))}` : ""} d=${f.d}><title>${f.title}</title></path>`;
  });
  return html`<svg class="draw" viewBox="0 0 ${Math.max(1, width)} ${TRACK_H}" preserveAspectRatio="none">
    ${paths}
  </svg>`;
};

/** A mark's look: its size and shape by kind, its fill warning when the cause is a guess. */
const markStyle = (m: Mark): string => {
  const shape = m.kind === "note" ? "note" : m.kind === "attributes" || m.kind === "bucket" ? "small" : "big";
  const warn = m.cause.confidence === "low" || m.cause.kind === "unobserved";
  return warn ? `${shape} warn` : shape;
};

/** One mark as path data at x: a circle (big or small) or a rounded square for a note. */
const markPath = (shape: string, x: number): string => {
  const y = MARKS_H / 2;
  if (shape.startsWith("note")) return `M${x - 4} ${y - 4}h8v8h-8z`;
  const r = shape.startsWith("small") ? 2 : 4;
  return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
};

/** The lane's marks (already clustered to the pixels) as one path per look. */
export const marksDrawing = (marks: Mark[], v0: number, v1: number, width: number): TemplateResult => {
  const k = v1 > v0 ? width / (v1 - v0) : 0;
  const byStyle = new Map<string, string>();
  for (const m of marks) {
    const style = markStyle(m);
    byStyle.set(style, (byStyle.get(style) ?? "") + markPath(style, (m.time - v0) * k));
  }
  const paths = [...byStyle].map(([style, d]) => svg`<path class="dots ${style}" d=${d}></path>`);
  return html`<svg class="marks" viewBox="0 0 ${Math.max(1, width)} ${MARKS_H}" aria-hidden="true">
    ${paths}
  </svg>`;
};

/** Index of the mark nearest x (px from the lane's left edge), or -1 when none is within reach. */
export const nearestMark = (
  marks: Mark[],
  v0: number,
  v1: number,
  width: number,
  x: number,
  reach = 6,
): number => {
  const k = v1 > v0 ? width / (v1 - v0) : 0;
  let best = -1;
  let dist = reach;
  for (let i = 0; i < marks.length; i++) {
    const d = Math.abs((marks[i]!.time - v0) * k - x);
    if (d <= dist) [best, dist] = [i, d];
  }
  return best;
};
