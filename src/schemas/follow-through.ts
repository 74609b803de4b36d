/**
 * Following through on action items: the due-date policy (how long after an
 * incident each kind of action item may take) and who owners are on GitHub.
 */
import { z } from 'astro/zod';
import { ACTION_ITEM_TYPES } from './postmortem';

/** One line of the due-date policy: the items it covers and how long they may take. */
export const DueRuleSchema = z.object({
  /** Severity ids the rule covers, matched case-insensitively. Default: every severity. */
  severities: z.array(z.string().min(1)).optional(),
  /** Action-item types the rule covers (`prevent`, `mitigate`, `detect`, `process`). Default: every type. */
  types: z.array(z.enum(ACTION_ITEM_TYPES)).optional(),
  /** Weeks after the incident's `resolvedAt` by which the items are due. */
  weeks: z.number({ error: 'expected a whole number of weeks, e.g. 4' }).int().positive(),
});

/** SEV1 and SEV2 `prevent` items within 4 weeks, as in Atlassian's incident handbook; everything else within `defaultWeeks`. */
const DEFAULT_DUE_RULES: z.input<typeof DueRuleSchema>[] = [
  { severities: ['SEV1', 'SEV2'], types: ['prevent'], weeks: 4 },
];

/** A GitHub user (`ada`) or team (`larkspur/platform`), written with or without the `@`. */
const GitHubHandleSchema = z
  .string()
  .transform((handle) => handle.trim().replace(/^@/, ''))
  .refine((handle) => /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?$/.test(handle), {
    error: (issue) =>
      `\`${String(issue.input)}\` is not a GitHub user or team; write a handle such as "ada" or "larkspur/platform"`,
  });

/** How action items are followed through: due dates by policy, and owners' GitHub handles. */
export const FollowThroughConfigSchema = z.object({
  /**
   * The due-date policy, read top to bottom: an item gets the `weeks` of the first
   * rule whose `severities` and `types` include it. An item without `due` is due
   * by the policy's date; `check` warns when an explicit `due` is later than it.
   * Default: SEV1 and SEV2 `prevent` items within 4 weeks of `resolvedAt`.
   */
  dueWithin: z.array(DueRuleSchema).default(DEFAULT_DUE_RULES),
  /** Weeks after `resolvedAt` for items no rule of `dueWithin` covers. Default 8. */
  defaultWeeks: z.number().int().positive().default(8),
  /**
   * Owners' GitHub handles, by owner name as written in `actionItems[].owner`
   * (matched like owner pages: case and punctuation aside). The scheduled digest
   * issue @-mentions them. Default: none, so nobody is mentioned.
   */
  githubHandles: z.record(z.string().min(1), GitHubHandleSchema).default({}),
});

export type FollowThroughConfig = z.output<typeof FollowThroughConfigSchema>;
