import { z } from 'astro/zod';
import { quoteValue } from '../lib/errors';
import { canonicalTimeZone } from '../lib/time';

/** An IANA time-zone name, normalised to its canonical spelling (`utc` → `UTC`). */
export const TimeZoneSchema = z.string().transform((zone, ctx) => {
  const canonical = canonicalTimeZone(zone);
  if (!canonical) {
    ctx.addIssue({
      code: 'custom',
      message: `${quoteValue(zone)} is not an IANA time zone; use a name such as "UTC", "Europe/Berlin" or "America/New_York"`,
    });
    return z.NEVER;
  }
  return canonical;
});
