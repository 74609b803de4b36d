/**
 * Related incidents: the links authors wrote in `related`, then a few computed
 * by the similarity score (see `findSimilar` in `./similarity`), each with what
 * the two incidents share.
 */
import type { PostmortemRecord } from './corpus';
import type { SimilarityEvidence, SimilarityResult, SimilarMatch } from './similarity';

/** Triggers that say nothing about the cause, so sharing them means nothing. */
const UNINFORMATIVE_TRIGGERS = new Set(['unknown', 'other']);

/** What two incidents have in common. */
export interface SharedTraits {
  services: string[];
  tags: string[];
  trigger: string | undefined;
}

/** A link from one postmortem to another. */
export interface RelatedLink {
  id: string;
  /** True when the author listed it in `related`; false when computed. */
  explicit: boolean;
  /** Shared services, tags, trigger and distinctive terms. */
  shared: SimilarityEvidence;
  /** The similarity score (see `SimilarityConfig['weights']`). */
  score: number;
  /** Cosine similarity (0–1) of the two texts. */
  textSimilarity: number;
}

type Data = PostmortemRecord['data'];

/** What `a` and `b` have in common, in `a`'s order. */
export function sharedTraits(a: Data, b: Data): { shared: SharedTraits } {
  const services = a.services.filter((service) => b.services.includes(service));
  const tags = a.tags.filter((tag) => b.tags.includes(tag));
  const trigger =
    a.trigger && a.trigger === b.trigger && !UNINFORMATIVE_TRIGGERS.has(a.trigger) ? a.trigger : undefined;
  return { shared: { services, tags, trigger } };
}

/** One similarity result as links by id: explicit ones first, in the order written, then computed ones. */
export function relatedLinks(result: SimilarityResult, idAt: (position: number) => string): RelatedLink[] {
  const link = ({ position, score, textSimilarity, evidence }: SimilarMatch, explicit: boolean): RelatedLink => ({
    id: idAt(position),
    explicit,
    shared: evidence,
    score,
    textSimilarity,
  });
  return [...result.explicit.map((match) => link(match, true)), ...result.related.map((match) => link(match, false))];
}
