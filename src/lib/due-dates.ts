/**
 * When action items are due: the date written on the item, or the date the
 * site's due-date policy gives it, and the site's "today" they are judged
 * against. Every calendar date of following through (due, closed, today) is a
 * date in the site's time zone, so the ledger, `check`, the command line and the
 * calendars agree on what is overdue.
 */
import type { FollowThroughConfig } from '../schemas/follow-through';
import type { ActionItem, PostmortemData } from '../schemas/postmortem';
import type { SiteConfig } from '../schemas/site-config';
import { plural } from './format';

/** The due-date policy as a site applies it: its rules, and the zone `resolvedAt`'s date is read in. */
export interface DuePolicy extends Pick<FollowThroughConfig, 'dueWithin' | 'defaultWeeks'> {
  /** The site's `defaultTimezone`. */
  timeZone: string;
}

/** The policy of a site configuration. */
export function duePolicyOf(config: Pick<SiteConfig, 'followThrough' | 'defaultTimezone'>): DuePolicy {
  const { dueWithin, defaultWeeks } = config.followThrough;
  return { dueWithin, defaultWeeks, timeZone: config.defaultTimezone };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date (`YYYY-MM-DD`) of `instant` in `timeZone`, as `localDate` in
 * time.ts gives it, from one cached `Intl` formatter per zone: `check` asks it for
 * every action item, and Temporal's zoned conversion made that seconds at 10,000 postmortems.
 */
function dateIn(instant: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts['year']!.padStart(4, '0')}-${parts['month']!}-${parts['day']!}`;
}

/**
 * The site's date (`YYYY-MM-DD`) at `now`: the one "today" that due dates are
 * compared with, by the build, `check` and `npm run actions` alike.
 */
export function siteToday(now: Date, policy: Pick<DuePolicy, 'timeZone'>): string {
  return dateIn(now, policy.timeZone);
}

// Calendar dates have no zone, so their arithmetic is done on midnight UTC, where every day is 24 hours long.
const DAY_MS = 24 * 60 * 60 * 1000;
const utcMidnight = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** `date` (`YYYY-MM-DD`) moved by `days` (negative for earlier). */
export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** The weeks the policy gives an item of `type` in a postmortem of `severity`: the first matching rule's, else the default. */
export function policyWeeks(policy: DuePolicy, severity: string, type: ActionItem['type']): number {
  const rule = policy.dueWithin.find(
    (candidate) =>
      (candidate.severities?.some((id) => id.toLowerCase() === severity.toLowerCase()) ?? true) &&
      (candidate.types?.includes(type) ?? true),
  );
  return rule?.weeks ?? policy.defaultWeeks;
}

/**
 * The policy in a sentence, for readers: `SEV1 and SEV2 prevent items are due
 * within 4 weeks of the incident's resolution, other items within 8 weeks.`
 */
export function describeDuePolicy(policy: Pick<DuePolicy, 'dueWithin' | 'defaultWeeks'>): string {
  const list = (words: readonly string[]) =>
    words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}` : (words[0] ?? '');
  const rules = policy.dueWithin.map((rule) => {
    const which = [rule.severities && list(rule.severities), rule.types && list(rule.types)].filter(Boolean).join(' ');
    return `${which || 'all'} items within ${plural(rule.weeks, 'week')}`;
  });
  const rest = `${rules.length > 0 ? 'other items' : 'items'} within ${plural(policy.defaultWeeks, 'week')}`;
  const sentence = `${[...rules, rest].join(', ')} of the incident's resolution.`;
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}`;
}

/** An action item's due date and where it came from. */
export interface DueDate {
  /** `YYYY-MM-DD`: the item's `due`, else the policy's date. */
  date: string;
  /** True when the item sets no `due` and the policy's date stands in ("by policy"). */
  byPolicy: boolean;
  /** The latest date the policy allows: `resolvedAt`'s date in the site's zone plus the policy's weeks. */
  policyDate: string;
}

/** The due date of `action`, an item of a postmortem of `severity` resolved at `resolvedAt`. */
export function resolveDueDate(
  action: Pick<ActionItem, 'due' | 'type'>,
  incident: Pick<PostmortemData, 'severity' | 'resolvedAt'>,
  policy: DuePolicy,
): DueDate {
  const weeks = policyWeeks(policy, incident.severity, action.type);
  const policyDate = addDays(dateIn(incident.resolvedAt, policy.timeZone), weeks * 7);
  return { date: action.due ?? policyDate, byPolicy: action.due === undefined, policyDate };
}
