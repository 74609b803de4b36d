import { z } from 'astro/zod';

/**
 * How much each kind of shared evidence adds to the similarity score of two
 * postmortems (see `src/lib/similarity.ts` and the README's "Repeat incidents").
 */
const SimilarityWeightsSchema = z.object({
  /** Added per shared service: the same system failing again. Default 3. */
  service: z.number().nonnegative().default(3),
  /** Added per shared tag: a shared cause or technology. Default 2. */
  tag: z.number().nonnegative().default(2),
  /** Added for the same trigger (never for `unknown` or `other`): common to many unrelated incidents. Default 1. */
  trigger: z.number().nonnegative().default(1),
  /**
   * Multiplies the text similarity (0–1: the cosine of the two postmortems' TF-IDF
   * vectors of title, summary and root-cause section), so identical wording adds this much. Default 10.
   */
  text: z.number().nonnegative().default(10),
});

/** Similar and repeated incidents: the score's weights and the thresholds that make a related link or a repeat. */
export const SimilarityConfigSchema = z.object({
  /** Weights of the similarity score. Default: service 3, tag 2, trigger 1, text 10. */
  weights: SimilarityWeightsSchema.prefault({}),
  /** The least score of a computed related incident; a shared trigger alone is not enough. Default 2. */
  relatedMinScore: z.number().nonnegative().default(2),
  /**
   * The least score for a later postmortem to count as a repeat of an earlier one:
   * `check` warns (`possible-repeat`) and the site shows the chain. Default 10: two shared services
   * and text alike at 0.4, or one service and text alike at 0.7.
   */
  repeatMinScore: z.number().nonnegative().default(10),
  /**
   * The least text similarity (0–1) of a repeat as well: labels alone (same service and tags)
   * never make a repeat, the failure must be described alike. Default 0.4.
   */
  repeatMinTextSimilarity: z.number().min(0).max(1).default(0.4),
});

export type SimilarityConfig = z.output<typeof SimilarityConfigSchema>;
