/**
 * Dates as postmortems write them: instants with an offset (`startedAt`), and
 * plain calendar dates (`due`). Shared by the frontmatter's own fields and the
 * site's custom fields, so both read and reject dates alike.
 */
import { z } from 'astro/zod';
import { quoteValue } from '../lib/errors';
import { isCalendarDate, parseInstant } from '../lib/time';

const EXAMPLE_DATE_TIME = '"2024-03-14T09:12:00Z" or "2024-03-14T10:12:00+01:00"';

/** An ISO 8601 date-time with an offset or `Z`, as a `Date`. */
export const InstantSchema = z
  .string({ error: `expected a date-time in quotes, e.g. ${EXAMPLE_DATE_TIME}` })
  .transform((text, ctx) => {
    const instant = parseInstant(text);
    if (!instant) {
      ctx.addIssue({
        code: 'custom',
        message: `${quoteValue(text)} is not an ISO 8601 date-time with an offset; write one such as ${EXAMPLE_DATE_TIME} (a missing offset is ambiguous)`,
      });
      return z.NEVER;
    }
    return instant;
  });

/** A plain calendar date `YYYY-MM-DD`, kept as text because it has no time zone. */
export const CalendarDateSchema = z
  .string({ error: 'expected a date written YYYY-MM-DD, e.g. 2024-04-30' })
  .refine(isCalendarDate, {
    error: (issue) => `${quoteValue(issue.input)} is not a date written YYYY-MM-DD, e.g. 2024-04-30`,
  });
