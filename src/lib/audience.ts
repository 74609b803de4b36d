/**
 * Who a build is for. One source gives two sites: the internal one (everything
 * but drafts) and the public one (only public, published postmortems, with
 * `<Internal>` passages removed).
 */
import type { PostmortemData } from '../schemas/postmortem';
import { quoteValue, SetupError } from './errors';

const AUDIENCES = ['internal', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The audience of this build from `POSTMORTEMS_AUDIENCE` (default `internal`); a typo stops the build with a `SetupError`. */
export function resolveAudience(value: string | undefined): Audience {
  const audience = (value?.trim() || 'internal').toLowerCase();
  if (!(AUDIENCES as readonly string[]).includes(audience)) {
    throw new SetupError(
      `POSTMORTEMS_AUDIENCE is ${quoteValue(value)}; use "internal" (everything but drafts) or "public" (public, published postmortems only).`,
    );
  }
  return audience as Audience;
}

/**
 * Whether a postmortem belongs in a build for `audience`. The public site gets
 * only `visibility: public` postmortems whose status is `published`. The internal
 * site gets everything but drafts; drafts appear only where `includeDrafts` is set
 * (`astro dev`, with a Draft banner).
 */
export function isInBuild(
  data: Pick<PostmortemData, 'status' | 'visibility'>,
  { audience, includeDrafts }: { audience: Audience; includeDrafts: boolean },
): boolean {
  if (audience === 'public') return data.visibility === 'public' && data.status === 'published';
  return includeDrafts || data.status !== 'draft';
}
