/**
 * How alike two postmortems are, for related incidents and repeats: a score
 * adding the weights of shared services, tags and trigger to the text
 * similarity of their title, summary and root-cause section (the cosine of
 * their TF-IDF vectors, with BM25's inverse document frequency and
 * identifiers counting double), all weights from the site config.
 *
 * Computed once for the whole corpus through inverted indexes (trait →
 * incidents, term → incidents with the term's weight in each): an incident
 * visits only those sharing a trait or a distinctive term with it, never
 * every pair. Terms in more than 5% of a large corpus are left out: they
 * say little, and a few of them would make every incident visit thousands.
 */
import { rollup } from 'd3-array';
import type { SimilarityConfig } from '../schemas/similarity';
import type { PostmortemRecord } from './corpus';
import { sharedTraits, type SharedTraits } from './related';
import { termCounts } from './similarity-terms';

/** How many of its heaviest terms stand for a postmortem's text. */
const TERMS_PER_DOCUMENT = 24;

/** Terms in more documents than this and `COMMON_TERM_SHARE` of the corpus are too common to compare on. */
const COMMON_TERM_DOCUMENTS = 50;
const COMMON_TERM_SHARE = 0.05;

/** How much more an identifier (`max_connections`, `ECONNREFUSED`) weighs than a word. */
const IDENTIFIER_BOOST = 2;

/** Shared terms named as evidence of a match. */
const EVIDENCE_TERMS = 5;

/** Triggers that say nothing about the cause, so sharing them means nothing. */
const UNINFORMATIVE_TRIGGERS = new Set(['unknown', 'other']);

/** What a postmortem is compared on: its record and the text of its root-cause section. */
export interface SimilarityInput<T extends PostmortemRecord = PostmortemRecord> {
  record: T;
  /** The root-cause section's text (see `rootCauseSection`); `''` when there is none. */
  rootCause: string;
}

/** Why two postmortems are alike: shared labels and the distinctive terms both use, heaviest first. */
export interface SimilarityEvidence extends SharedTraits {
  terms: string[];
}

/** One postmortem found alike another. */
export interface SimilarMatch {
  /** Its position in the newest-first list given. */
  position: number;
  /** Weighted sum of shared traits and text similarity (see `SimilarityConfig['weights']`). */
  score: number;
  /** Cosine similarity (0–1) of the two texts' TF-IDF vectors. */
  textSimilarity: number;
  evidence: SimilarityEvidence;
}

/** What was found alike one postmortem. */
export interface SimilarityResult {
  /** The ids of its `related` that are among the inputs, in the order written, whatever they score. */
  explicit: SimilarMatch[];
  /** Up to `relatedLimit` others scoring at least `relatedMinScore`, highest first, ties to the newer. */
  related: SimilarMatch[];
  /**
   * Earlier postmortems (started before it) it repeats: scoring at least `repeatMinScore` with a text
   * similarity of at least `repeatMinTextSimilarity`, not named in its `notRepeatOf`; highest first.
   */
  repeats: SimilarMatch[];
}

/** A sparse text vector: terms and their weights, unit length. */
interface TextVector {
  terms: string[];
  weights: number[];
}

/** BM25's inverse document frequency: positive however common the term, so two-document corpora compare too. */
function inverseDocumentFrequency(documents: number, withTerm: number): number {
  return Math.log(1 + (documents - withTerm + 0.5) / (withTerm + 0.5));
}

/** The TF-IDF vector of each text, over terms shared with another text and not too common, unit length. */
function textVectors(texts: readonly string[]): TextVector[] {
  const counted = texts.map(termCounts);
  const documentFrequency = new Map<string, number>();
  for (const terms of counted)
    for (const { term } of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const mostDocuments = Math.max(COMMON_TERM_DOCUMENTS, COMMON_TERM_SHARE * texts.length);
  return counted.map((terms) => {
    const weighted = terms
      .map(({ term, count, identifier }) => {
        const frequency = documentFrequency.get(term)!;
        // A term of this text only can match nothing; a very common one says nothing.
        const useful = frequency >= 2 && frequency <= mostDocuments;
        const weight = useful
          ? (1 + Math.log(count)) *
            (identifier ? IDENTIFIER_BOOST : 1) *
            inverseDocumentFrequency(texts.length, frequency)
          : 0;
        return { term, weight };
      })
      .filter(({ weight }) => weight > 0)
      // Heaviest first; ties by term, so the vector never depends on the order of the text.
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
      .slice(0, TERMS_PER_DOCUMENT);
    const length = Math.hypot(...weighted.map(({ weight }) => weight));
    return { terms: weighted.map(({ term }) => term), weights: weighted.map(({ weight }) => weight / length) };
  });
}

/** Terms of both vectors, heaviest in the pair first; a single word is left out when a shared word pair names it. */
function sharedTerms(a: TextVector, b: TextVector): string[] {
  const weightInB = new Map(b.terms.map((term, index) => [term, b.weights[index]!]));
  const shared = a.terms
    .map((term, index) => ({ term, weight: a.weights[index]! * (weightInB.get(term) ?? 0) }))
    .filter(({ weight }) => weight > 0)
    .sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : 1))
    .map(({ term }) => term);
  const inPairs = new Set(shared.filter((term) => term.includes(' ')).flatMap((pair) => pair.split(' ')));
  return shared.filter((term) => !inPairs.has(term)).slice(0, EVIDENCE_TERMS);
}

/** Trait keys of a record and what each adds to a pair's score. */
function traitsOf(data: PostmortemRecord['data'], weights: SimilarityConfig['weights']) {
  return [
    ...data.services.map((service) => ({ key: `service:${service}`, weight: weights.service })),
    ...data.tags.map((tag) => ({ key: `tag:${tag}`, weight: weights.tag })),
    ...(data.trigger && !UNINFORMATIVE_TRIGGERS.has(data.trigger)
      ? [{ key: `trigger:${data.trigger}`, weight: weights.trigger }]
      : []),
  ];
}

/**
 * The similar postmortems and the repeats of every input, by position.
 * `newestFirst` must be sorted newest first (as the corpus is): ties in score
 * go to the newer incident, so the result never depends on the file system.
 */
export function findSimilar(
  newestFirst: readonly SimilarityInput[],
  config: SimilarityConfig,
  relatedLimit = 3,
): SimilarityResult[] {
  const { weights } = config;
  const positionById = new Map(newestFirst.map(({ record }, position) => [record.id, position]));
  const vectors = textVectors(
    newestFirst.map(({ record, rootCause }) => `${record.data.title}.\n\n${record.data.summary}\n\n${rootCause}`),
  );
  const traits = newestFirst.map(({ record }) => traitsOf(record.data, weights));
  const traitPostings = rollup(
    traits.flatMap((own, position) => own.map(({ key }) => ({ key, position }))),
    (pairs) => pairs.map((pair) => pair.position),
    (pair) => pair.key,
  );
  const termPostings = new Map<string, { position: number; weight: number }[]>();
  for (const [position, { terms, weights: termWeights }] of vectors.entries()) {
    for (const [index, term] of terms.entries()) {
      const posting = { position, weight: termWeights[index]! };
      const list = termPostings.get(term);
      if (list) list.push(posting);
      else termPostings.set(term, [posting]);
    }
  }

  // Per record at hand: trait score and text similarity of each record it shares something with; reset after each.
  const traitScores = new Float64Array(newestFirst.length);
  const textScores = new Float64Array(newestFirst.length);
  const seen = new Uint8Array(newestFirst.length);
  const touched: number[] = [];
  const touch = (other: number) => {
    if (seen[other]) return;
    seen[other] = 1;
    touched.push(other);
  };

  return newestFirst.map(({ record }, position) => {
    for (const { key, weight } of traits[position]!)
      for (const other of traitPostings.get(key)!) {
        touch(other);
        traitScores[other]! += weight;
      }
    const own = vectors[position]!;
    own.terms.forEach((term, index) => {
      for (const { position: other, weight } of termPostings.get(term)!) {
        touch(other);
        textScores[other]! += own.weights[index]! * weight;
      }
    });

    const notRepeatOf = new Set(record.data.notRepeatOf.map((entry) => entry.id));
    const startedAt = record.data.startedAt.getTime();
    const scoreOf = (other: number) => {
      // Rounded, so that sums of the same weights in another order compare equal.
      const textSimilarity = Math.min(1, Math.round(textScores[other]! * 1e6) / 1e6);
      const score = Math.round((traitScores[other]! + weights.text * textSimilarity) * 1e6) / 1e6;
      return { position: other, score, textSimilarity };
    };
    const explicitPositions = record.data.related.flatMap((id) => {
      const other = positionById.get(id);
      return other === undefined || other === position ? [] : [other];
    });
    const explicitScores = explicitPositions.map(scoreOf);
    const scored: { position: number; score: number; textSimilarity: number }[] = [];
    for (const other of touched) {
      if (other === position) continue;
      const candidate = scoreOf(other);
      if (candidate.score >= config.relatedMinScore) scored.push(candidate);
    }
    for (const other of touched) {
      traitScores[other] = 0;
      textScores[other] = 0;
      seen[other] = 0;
    }
    touched.length = 0;

    const byScore = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
      b.score - a.score || a.position - b.position;
    const explicit = new Set(explicitPositions);
    const match = ({ position: other, score, textSimilarity }: (typeof scored)[number]): SimilarMatch => ({
      position: other,
      score,
      textSimilarity,
      evidence: {
        ...sharedTraits(record.data, newestFirst[other]!.record.data).shared,
        terms: sharedTerms(own, vectors[other]!),
      },
    });
    const repeats = scored.filter(
      ({ position: other, score, textSimilarity }) =>
        score >= config.repeatMinScore &&
        textSimilarity >= config.repeatMinTextSimilarity &&
        newestFirst[other]!.record.data.startedAt.getTime() < startedAt &&
        !notRepeatOf.has(newestFirst[other]!.record.id),
    );
    const related = topScored(
      scored.filter(({ position: other }) => !explicit.has(other)),
      relatedLimit,
      byScore,
    );
    return {
      explicit: explicitScores.map(match),
      related: related.map(match),
      repeats: repeats.sort(byScore).map(match),
    };
  });
}

/**
 * The `limit` first of `candidates` in `compare`'s order, kept by insertion
 * into a list of at most `limit`, rather than sorting thousands to keep three.
 */
function topScored<T>(candidates: readonly T[], limit: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (limit <= 0) return best;
  for (const candidate of candidates) {
    if (best.length === limit && compare(candidate, best[limit - 1]!) >= 0) continue;
    let at = Math.min(best.length, limit - 1);
    while (at > 0 && compare(candidate, best[at - 1]!) < 0) at--;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best;
}
