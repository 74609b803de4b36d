import { severitySlug } from './paths';
import type { SeverityLevel } from '../schemas/severity';

/**
 * The stylesheet giving each severity level its configured colour. Served as a
 * file rather than inline styles so the Content-Security-Policy needs no `unsafe-inline`.
 */
export function severityStylesheet(levels: readonly SeverityLevel[]): string {
  return (
    levels.map((level) => `.severity-${severitySlug(level.id)} { --severity-color: ${level.color}; }`).join('\n') + '\n'
  );
}
