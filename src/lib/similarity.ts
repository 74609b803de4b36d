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
 * every pair. Terms in more than 50 postmortems and 2% of the corpus are left out: they
 * say little, and a few of them would make every incident visit thousands.
 */
import { rollup } from 'd3-array';
import type { SimilarityConfig } from '../schemas/similarity';
import type { PostmortemRecord } from './corpus';
import { sharedTraits, type SharedTraits } from './related';
import { termCounts } from './similarity-terms';

/** How many of its heaviest terms stand for a postmortem's text. */
const TERMS_PER_DOCUMENT = 16;

/** Terms in more documents than this and `COMMON_TERM_SHARE` of the corpus are too common to compare on. */
const COMMON_TERM_DOCUMENTS = 50;
const COMMON_TERM_SHARE = 0.02;

/** How much more an identifier (`max_connections`, `ECONNREFUSED`) weighs than a word. */
const IDENTIFIER_BOOST = 2;

/** Repeats kept for each postmortem, the most alike: enough to name in a warning and to join chains. */
const REPEATS_KEPT = 5;

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
   * similarity of at least `repeatMinTextSimilarity`, not named in its `notRepeatOf`; the five highest, highest first.
   */
  repeats: SimilarMatch[];
}

/** A sparse text vector: terms and their weights, unit length, and which terms are identifiers. */
interface TextVector {
  terms: string[];
  weights: number[];
  identifiers: boolean[];
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
        return { term, weight, identifier };
      })
      .filter(({ weight }) => weight > 0)
      // Heaviest first; ties by term, so the vector never depends on the order of the text.
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
      .slice(0, TERMS_PER_DOCUMENT);
    const length = Math.hypot(...weighted.map(({ weight }) => weight));
    return {
      terms: weighted.map(({ term }) => term),
      weights: weighted.map(({ weight }) => weight / length),
      identifiers: weighted.map(({ identifier }) => identifier),
    };
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
  /** The positions to find matches for (the files `check` was given); default all. The others get none. */
  only: (position: number) => boolean = () => true,
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
  // Term → the positions of the records whose vector has it, and its weight in each (two arrays: no object per posting).
  const termPostings = new Map<string, { positions: number[]; weights: number[] }>();
  for (const [position, { terms, weights: termWeights }] of vectors.entries()) {
    for (const [index, term] of terms.entries()) {
      let posting = termPostings.get(term);
      if (!posting) termPostings.set(term, (posting = { positions: [], weights: [] }));
      posting.positions.push(position);
      posting.weights.push(termWeights[index]!);
    }
  }

  // Per record at hand: trait score and text similarity of each record it shares something with; reset after each.
  const traitScores = new Float64Array(newestFirst.length);
  const textScores = new Float64Array(newestFirst.length);
  // Per record at hand: how many terms each other shares with it, and whether one is an identifier.
  const sharedTermCounts = new Uint8Array(newestFirst.length);
  const sharesIdentifier = new Uint8Array(newestFirst.length);
  const seen = new Uint8Array(newestFirst.length);
  const touched: number[] = [];
  const touch = (other: number) => {
    if (seen[other]) return;
    seen[other] = 1;
    touched.push(other);
  };

  // Started-at instants by position, so the loop below compares numbers, not dates.
  const startedAt = Float64Array.from(newestFirst, ({ record }) => record.data.startedAt.getTime());
  // Scores of the records at hand, by position, for ranking; written for every touched record before it is ranked.
  const scores = new Float64Array(newestFirst.length);
  const ranksBefore = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);

  return newestFirst.map(({ record }, position) => {
    if (!only(position)) return { explicit: [], related: [], repeats: [] };
    for (const { key, weight } of traits[position]!)
      for (const other of traitPostings.get(key)!) {
        touch(other);
        traitScores[other]! += weight;
      }
    const own = vectors[position]!;
    for (const [index, term] of own.terms.entries()) {
      const ownWeight = own.weights[index]!;
      const identifier = own.identifiers[index]! ? 1 : 0;
      const { positions, weights: termWeights } = termPostings.get(term)!;
      for (let at = 0; at < positions.length; at++) {
        const other = positions[at]!;
        touch(other);
        textScores[other]! += ownWeight * termWeights[at]!;
        sharedTermCounts[other]!++;
        sharesIdentifier[other]! |= identifier;
      }
    }

    // One shared word is coincidence, however short the texts; two terms, or one identifier, are evidence.
    const textSimilarityOf = (other: number) =>
      sharedTermCounts[other]! >= 2 || sharesIdentifier[other]
        ? Math.min(1, Math.round(textScores[other]! * 1e6) / 1e6)
        : 0;
    // Rounded, so that sums of the same weights in another order compare equal.
    const scoreOf = (other: number) =>
      Math.round((traitScores[other]! + weights.text * textSimilarityOf(other)) * 1e6) / 1e6;
    const match = (other: number): SimilarMatch => ({
      position: other,
      score: scoreOf(other),
      textSimilarity: textSimilarityOf(other),
      evidence: {
        ...sharedTraits(record.data, newestFirst[other]!.record.data).shared,
        // Terms are evidence only when they made the texts alike (see `textSimilarityOf`).
        terms: textSimilarityOf(other) > 0 ? sharedTerms(own, vectors[other]!) : [],
      },
    });
    const explicit = record.data.related.flatMap((id) => {
      const other = positionById.get(id);
      return other === undefined || other === position ? [] : [other];
    });
    const notRepeatOf = new Set(record.data.notRepeatOf.map((entry) => entry.id));
    const related: number[] = [];
    const repeats: number[] = [];
    for (const other of touched) {
      if (other === position) continue;
      const score = (scores[other] = scoreOf(other));
      if (score >= config.relatedMinScore && !explicit.includes(other))
        keepBest(related, other, relatedLimit, ranksBefore);
      if (
        score >= config.repeatMinScore &&
        startedAt[other]! < startedAt[position]! &&
        textSimilarityOf(other) >= config.repeatMinTextSimilarity &&
        !notRepeatOf.has(newestFirst[other]!.record.id)
      )
        keepBest(repeats, other, REPEATS_KEPT, ranksBefore);
    }
    const result = { explicit: explicit.map(match), related: related.map(match), repeats: repeats.map(match) };
    for (const other of touched) {
      traitScores[other] = 0;
      textScores[other] = 0;
      sharedTermCounts[other] = 0;
      sharesIdentifier[other] = 0;
      seen[other] = 0;
    }
    touched.length = 0;
    return result;
  });
}

/**
 * Puts `candidate` into `best`, kept in `ranksBefore` order and at most `limit` long:
 * insertion into a short list, rather than sorting thousands of candidates to keep three.
 */
function keepBest(
  best: number[],
  candidate: number,
  limit: number,
  ranksBefore: (a: number, b: number) => boolean,
): void {
  if (limit <= 0 || (best.length === limit && !ranksBefore(candidate, best[limit - 1]!))) return;
  let at = best.length;
  while (at > 0 && ranksBefore(candidate, best[at - 1]!)) at--;
  best.splice(at, 0, candidate);
  if (best.length > limit) best.pop();
}
