/**
 * A shape for each step of the severity scale, so levels differ by shape as well as
 * by colour and text (colour alone fails readers with colour-vision deficiencies):
 * the most severe a triangle, then a diamond, a square, a circle and a bar, repeating
 * if a scale is longer. As CSS `clip-path` for badges and as SVG paths for charts.
 */

/** The shapes, most severe first. */
const SHAPES = ['triangle', 'diamond', 'square', 'circle', 'bar'] as const;

/** A shape of the scale. */
export type SeverityShape = (typeof SHAPES)[number];

/** The shape of the level at `rank` (0 = most severe). */
export function severityShape(rank: number): SeverityShape {
  return SHAPES[((rank % SHAPES.length) + SHAPES.length) % SHAPES.length]!;
}

const CLIP_PATHS: Record<SeverityShape, string> = {
  triangle: 'polygon(50% 0, 100% 100%, 0 100%)',
  diamond: 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)',
  square: 'inset(10%)',
  circle: 'circle(50%)',
  bar: 'inset(30% 0)',
};

/** The shape as a CSS `clip-path` value over a square box. */
export function severityClipPath(rank: number): string {
  return CLIP_PATHS[severityShape(rank)];
}

/** The shape as an SVG path centred on (`x`, `y`), `size` wide and tall. */
export function severityMarkPath(rank: number, x: number, y: number, size: number): string {
  const r = size / 2;
  const n = (value: number) => Number(value.toFixed(2));
  const at = (dx: number, dy: number) => `${n(x + dx)},${n(y + dy)}`;
  switch (severityShape(rank)) {
    case 'triangle':
      return `M${at(0, -r)}L${at(r, r)}L${at(-r, r)}Z`;
    case 'diamond':
      return `M${at(0, -r)}L${at(r, 0)}L${at(0, r)}L${at(-r, 0)}Z`;
    case 'square':
      return `M${at(-r * 0.8, -r * 0.8)}h${n(r * 1.6)}v${n(r * 1.6)}h${n(-r * 1.6)}Z`;
    case 'circle':
      return `M${at(-r, 0)}a${r},${r} 0 1,0 ${size},0a${r},${r} 0 1,0 ${-size},0`;
    case 'bar':
      return `M${at(-r, -r * 0.4)}h${size}v${n(r * 0.8)}h${-size}Z`;
  }
}
