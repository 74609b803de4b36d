/**
 * The sections a postmortem of a given severity has: the site's template, with the
 * severity's own sections added or made required (`sections.bySeverity`). What
 * `npm run new` writes and what the `required-sections` rule checks come from here.
 */
import type { Section, SectionsConfig } from '../schemas/sections';

/** A heading as compared: trimmed, single-spaced, lowercase. */
export const headingKey = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

/** A section of a postmortem, and whether its severity (rather than the template) asks for it. */
export interface PlannedSection extends Section {
  /** The severity whose `bySeverity` entry added the section or made it required. */
  forSeverity?: string;
}

/**
 * The sections of a postmortem of `severity` (matched case-insensitively), in order: the template's,
 * with a severity's section of the same title replacing it, and the severity's other sections at the end.
 */
export function sectionsFor(config: SectionsConfig, severity?: string): PlannedSection[] {
  const entry = Object.entries(config.bySeverity).find(([id]) => id.toLowerCase() === severity?.toLowerCase());
  const sections: PlannedSection[] = [...config.template];
  for (const extra of entry?.[1] ?? []) {
    const planned = { ...extra, forSeverity: entry![0] };
    const index = sections.findIndex((section) => headingKey(section.title) === headingKey(extra.title));
    if (index === -1) sections.push(planned);
    else sections[index] = planned;
  }
  return sections;
}

/** The titles `check` requires of a postmortem of `severity`; without one, those of every postmortem. */
export function requiredSectionTitles(config: SectionsConfig, severity?: string): string[] {
  return sectionsFor(config, severity)
    .filter((section) => section.required)
    .map((section) => section.title);
}
