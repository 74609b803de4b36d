/**
 * The phases of an incident on one proportional axis, from its start to its
 * resolution: until detected, until mitigated, until resolved. Geometry only,
 * in percent of the axis, so the bar is drawn at build time at any width.
 */
import { minutesBetween } from './time';

/** The phases an incident goes through, in order. */
export type PhaseName = 'undetected' | 'responding' | 'recovering';

/** How each phase reads in the legend: what was going on, in one word, so the legend keeps to one line on a phone. */
export const PHASE_LABELS: Record<PhaseName, string> = {
  undetected: 'Undetected',
  responding: 'Responding',
  recovering: 'Recovering',
};

/** One phase on the axis. */
export interface PhaseSegment {
  phase: PhaseName;
  /** Whole minutes the phase lasted. */
  minutes: number;
  /** Where it starts, in percent of the axis (0–100). */
  startPercent: number;
  /** Its width in percent of the axis. */
  widthPercent: number;
}

/** The instants the bar is drawn from; detection and mitigation may be unknown. */
export interface IncidentInstants {
  startedAt: Date;
  detectedAt?: Date | undefined;
  mitigatedAt?: Date | undefined;
  resolvedAt: Date;
}

/** Rounds to two decimals: enough for any screen, short in the page. */
const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The phases of an incident with a known duration. A phase whose end is unknown,
 * or earlier than the phase before it ends, is left out rather than drawn backwards;
 * an incident of no duration has no bar.
 */
export function phaseSegments({ startedAt, detectedAt, mitigatedAt, resolvedAt }: IncidentInstants): PhaseSegment[] {
  const total = resolvedAt.getTime() - startedAt.getTime();
  if (total <= 0) return [];
  const ends: [PhaseName, Date | undefined][] = [
    ['undetected', detectedAt],
    ['responding', mitigatedAt],
    ['recovering', resolvedAt],
  ];
  const segments: PhaseSegment[] = [];
  let from = startedAt;
  for (const [phase, end] of ends) {
    if (!end || end < from || end > resolvedAt) continue;
    segments.push({
      phase,
      minutes: minutesBetween(from, end) ?? 0,
      startPercent: round(((from.getTime() - startedAt.getTime()) / total) * 100),
      widthPercent: round(((end.getTime() - from.getTime()) / total) * 100),
    });
    from = end;
  }
  return segments;
}
