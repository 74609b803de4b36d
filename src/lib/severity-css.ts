import { severitySlug } from './paths';
import { severityClipPath } from './severity-shape';
import type { SeverityLevel } from '../schemas/severity';

/**
 * The stylesheet giving each severity level its configured colour and the shape of its
 * step on the scale (src/lib/severity-shape.ts). Served as a
 * file rather than inline styles so the Content-Security-Policy needs no `unsafe-inline`.
 */
export function severityStylesheet(levels: readonly SeverityLevel[]): string {
  return (
    levels
      .map(
        (level, rank) =>
          `.severity-${severitySlug(level.id)} { --severity-color: ${level.color}; --severity-shape: ${severityClipPath(rank)}; }`,
      )
      .join('\n') + '\n'
  );
}
