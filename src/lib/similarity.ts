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
import type { SimilarityConfig } from '../schemas/similarity';
import type { PostmortemRecord } from './corpus';
import { sharedTraits, type SharedTraits } from './related';
import type { TermCount } from './similarity-terms';

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

/** What a postmortem is compared on: its record and the terms of its text. */
export interface SimilarityInput<T extends PostmortemRecord = PostmortemRecord> {
  record: T;
  /** The terms of its title, summary and root-cause section (see `similarityTerms`). */
  terms: readonly TermCount[];
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

/** The corpus's texts as sparse vectors over term numbers (each distinct term of the corpus gets one). */
interface TextVectors {
  /** Each term number's term. */
  termOf: string[];
  /** By text: its heaviest terms' numbers, heaviest first, their weights (unit length), and which are identifiers. */
  vectors: { terms: Int32Array; weights: Float64Array; identifiers: Uint8Array }[];
}

/** BM25's inverse document frequency: positive however common the term, so two-document corpora compare too. */
function inverseDocumentFrequency(documents: number, withTerm: number): number {
  return Math.log(1 + (documents - withTerm + 0.5) / (withTerm + 0.5));
}

/**
 * The TF-IDF vector of each text, over terms shared with another text and not too common, unit length.
 * Terms are numbered once for the corpus, so counting and ranking them is typed-array work, not string maps.
 */
function textVectors(texts: readonly (readonly TermCount[])[]): TextVectors {
  const numberOf = new Map<string, number>();
  const termOf: string[] = [];
  const counted = texts.map((counts) => {
    const terms = new Int32Array(counts.length);
    for (let index = 0; index < counts.length; index++) {
      const { term } = counts[index]!;
      let number = numberOf.get(term);
      if (number === undefined) {
        numberOf.set(term, (number = termOf.length));
        termOf.push(term);
      }
      terms[index] = number;
    }
    return { terms, counts };
  });
  const documentFrequency = new Int32Array(termOf.length);
  for (const { terms } of counted) for (const term of terms) documentFrequency[term]!++;
  const mostDocuments = Math.max(COMMON_TERM_DOCUMENTS, COMMON_TERM_SHARE * texts.length);
  // Heaviest first; ties by term, so the vector never depends on the order of the text.
  const heavier = (weightA: number, termA: number, weightB: number, termB: number) =>
    weightA > weightB || (weightA === weightB && termOf[termA]! < termOf[termB]!);
  // The heaviest terms of the text at hand, kept in order by insertion (a text has hundreds of terms, a vector 16).
  const bestTerms = new Int32Array(TERMS_PER_DOCUMENT);
  const bestWeights = new Float64Array(TERMS_PER_DOCUMENT);
  const bestIdentifiers = new Uint8Array(TERMS_PER_DOCUMENT);
  const vectors = counted.map(({ terms, counts }) => {
    let kept = 0;
    for (let index = 0; index < terms.length; index++) {
      const term = terms[index]!;
      const frequency = documentFrequency[term]!;
      // A term of this text only can match nothing; a very common one says nothing.
      if (frequency < 2 || frequency > mostDocuments) continue;
      const { count, identifier } = counts[index]!;
      const weight =
        (1 + Math.log(count)) * (identifier ? IDENTIFIER_BOOST : 1) * inverseDocumentFrequency(texts.length, frequency);
      if (kept === TERMS_PER_DOCUMENT && !heavier(weight, term, bestWeights[kept - 1]!, bestTerms[kept - 1]!)) continue;
      let at = kept < TERMS_PER_DOCUMENT ? kept++ : kept - 1;
      for (; at > 0 && heavier(weight, term, bestWeights[at - 1]!, bestTerms[at - 1]!); at--) {
        bestTerms[at] = bestTerms[at - 1]!;
        bestWeights[at] = bestWeights[at - 1]!;
        bestIdentifiers[at] = bestIdentifiers[at - 1]!;
      }
      bestTerms[at] = term;
      bestWeights[at] = weight;
      bestIdentifiers[at] = identifier ? 1 : 0;
    }
    const weights = bestWeights.slice(0, kept);
    const length = Math.hypot(...weights);
    for (let index = 0; index < kept; index++) weights[index]! /= length;
    return { terms: bestTerms.slice(0, kept), weights, identifiers: bestIdentifiers.slice(0, kept) };
  });
  return { termOf, vectors };
}

type TextVector = TextVectors['vectors'][number];

/** Terms of both vectors, heaviest in the pair first; a single word is left out when a shared word pair names it. */
function sharedTerms(a: TextVector, b: TextVector, termOf: readonly string[]): string[] {
  // Vectors hold 16 terms at most: comparing every term with every other is cheaper than a map of them.
  const shared: { term: string; weight: number }[] = [];
  for (let index = 0; index < a.terms.length; index++) {
    const inB = b.terms.indexOf(a.terms[index]!);
    if (inB !== -1) shared.push({ term: termOf[a.terms[index]!]!, weight: a.weights[index]! * b.weights[inB]! });
  }
  const ranked = shared
    .filter(({ weight }) => weight > 0)
    .sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : 1))
    .map(({ term }) => term);
  const inPairs = new Set(ranked.filter((term) => term.includes(' ')).flatMap((pair) => pair.split(' ')));
  return ranked.filter((term) => !inPairs.has(term)).slice(0, EVIDENCE_TERMS);
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

/** An inverted index: for each key, the positions having it (ascending) and a weight for each. */
interface Postings {
  positions: Int32Array[];
  weights: Float64Array[];
}

/** The inverted index of `entries` (position → its keys and weights), keys being numbers below `keyCount`. */
function invertedIndex(entries: readonly { keys: ArrayLike<number>; weights: ArrayLike<number> }[], keyCount: number) {
  const lengths = new Int32Array(keyCount);
  for (const { keys } of entries) for (let index = 0; index < keys.length; index++) lengths[keys[index]!]!++;
  const postings: Postings = {
    positions: Array.from(lengths, (length) => new Int32Array(length)),
    weights: Array.from(lengths, (length) => new Float64Array(length)),
  };
  lengths.fill(0);
  for (const [position, { keys, weights }] of entries.entries())
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      const at = lengths[key]!++;
      postings.positions[key]![at] = position;
      postings.weights[key]![at] = weights[index]!;
    }
  return postings;
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
  const count = newestFirst.length;
  const positionById = new Map(newestFirst.map(({ record }, position) => [record.id, position]));
  const { termOf, vectors } = textVectors(newestFirst.map(({ terms }) => terms));
  // Traits numbered like terms, so both inverted indexes are typed arrays.
  const traitNumbers = new Map<string, number>();
  const traits = newestFirst.map(({ record }) => {
    const own = traitsOf(record.data, weights);
    return {
      keys: own.map(({ key }) => {
        let number = traitNumbers.get(key);
        if (number === undefined) traitNumbers.set(key, (number = traitNumbers.size));
        return number;
      }),
      weights: own.map(({ weight }) => weight),
    };
  });
  const traitPostings = invertedIndex(traits, traitNumbers.size);
  // Term → the positions of the records whose vector has it, and its weight in each.
  const termPostings = invertedIndex(
    vectors.map(({ terms, weights: termWeights }) => ({ keys: terms, weights: termWeights })),
    termOf.length,
  );

  // Per record at hand, for each record it shares something with: its trait score and, when it shares terms, the
  // text similarity, how many terms it shares and whether one is an identifier. `visitedBy` and `termsVisitedBy` say
  // which record at hand last wrote them, so they are reset on the first visit instead of in a pass of their own.
  const traitScores = new Float64Array(count);
  const textScores = new Float64Array(count);
  const sharedTermCounts = new Int32Array(count);
  const sharesIdentifier = new Uint8Array(count);
  const visitedBy = new Int32Array(count).fill(-1);
  const termsVisitedBy = new Int32Array(count).fill(-1);
  const touched = new Int32Array(count);

  // Started-at instants by position, so the loop below compares numbers, not dates.
  const startedAt = Float64Array.from(newestFirst, ({ record }) => record.data.startedAt.getTime());
  // Scores of the records at hand, by position, for ranking; written for every touched record before it is ranked.
  const scores = new Float64Array(count);
  const ranksBefore = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  const { relatedMinScore, repeatMinScore, repeatMinTextSimilarity } = config;
  const textWeight = weights.text;

  return newestFirst.map(({ record }, position) => {
    if (!only(position)) return { explicit: [], related: [], repeats: [] };
    // Thousands of records share a label with each: these loops are the cost of the whole, so they are plain.
    let touchedCount = 0;
    const own = traits[position]!;
    for (let index = 0; index < own.keys.length; index++) {
      const weight = own.weights[index]!;
      const others = traitPostings.positions[own.keys[index]!]!;
      for (let at = 0; at < others.length; at++) {
        const other = others[at]!;
        if (visitedBy[other] === position) traitScores[other]! += weight;
        else {
          visitedBy[other] = position;
          touched[touchedCount++] = other;
          traitScores[other] = weight;
        }
      }
    }
    const vector = vectors[position]!;
    for (let index = 0; index < vector.terms.length; index++) {
      const ownWeight = vector.weights[index]!;
      const identifier = vector.identifiers[index]!;
      const term = vector.terms[index]!;
      const others = termPostings.positions[term]!;
      const termWeights = termPostings.weights[term]!;
      for (let at = 0; at < others.length; at++) {
        const other = others[at]!;
        if (visitedBy[other] !== position) {
          visitedBy[other] = position;
          touched[touchedCount++] = other;
          traitScores[other] = 0;
        }
        if (termsVisitedBy[other] !== position) {
          termsVisitedBy[other] = position;
          textScores[other] = 0;
          sharedTermCounts[other] = 0;
          sharesIdentifier[other] = 0;
        }
        textScores[other]! += ownWeight * termWeights[at]!;
        sharedTermCounts[other]!++;
        sharesIdentifier[other]! |= identifier;
      }
    }

    // One shared word is coincidence, however short the texts; two terms, or one identifier, are evidence.
    const textSimilarityOf = (other: number) =>
      termsVisitedBy[other] === position && (sharedTermCounts[other]! >= 2 || sharesIdentifier[other])
        ? Math.min(1, Math.round(textScores[other]! * 1e6) / 1e6)
        : 0;
    // Rounded, so that sums of the same weights in another order compare equal.
    const scoreOf = (other: number, textSimilarity: number) =>
      visitedBy[other] === position ? Math.round((traitScores[other]! + textWeight * textSimilarity) * 1e6) / 1e6 : 0;
    const match = (other: number): SimilarMatch => {
      const textSimilarity = textSimilarityOf(other);
      return {
        position: other,
        score: scoreOf(other, textSimilarity),
        textSimilarity,
        evidence: {
          ...sharedTraits(record.data, newestFirst[other]!.record.data).shared,
          // Terms are evidence only when they made the texts alike (see `textSimilarityOf`).
          terms: textSimilarity > 0 ? sharedTerms(vector, vectors[other]!, termOf) : [],
        },
      };
    };
    const explicit = record.data.related.flatMap((id) => {
      const other = positionById.get(id);
      return other === undefined || other === position ? [] : [other];
    });
    const notRepeatOf = new Set(record.data.notRepeatOf.map((entry) => entry.id));
    const related: number[] = [];
    const repeats: number[] = [];
    for (let index = 0; index < touchedCount; index++) {
      const other = touched[index]!;
      if (other === position) continue;
      // `textSimilarityOf` and `scoreOf` written out: this runs for every record sharing a label, thousands each.
      const textSimilarity =
        termsVisitedBy[other] === position && (sharedTermCounts[other]! >= 2 || sharesIdentifier[other])
          ? Math.min(1, Math.round(textScores[other]! * 1e6) / 1e6)
          : 0;
      const score = Math.round((traitScores[other]! + textWeight * textSimilarity) * 1e6) / 1e6;
      scores[other] = score;
      // Most records share a label and no more, and rank below the ones kept: settle them before anything costlier.
      // `relatedLimit` is 0 for `check`, which wants repeats only: `related[-1]` would send every candidate through a
      // slow lookup of `scores[undefined]` (12 s instead of 4 at 10,000 postmortems).
      if (
        relatedLimit > 0 &&
        score >= relatedMinScore &&
        (related.length < relatedLimit ||
          score > scores[related[relatedLimit - 1]!]! ||
          ranksBefore(other, related[relatedLimit - 1]!)) &&
        !explicit.includes(other)
      )
        keepBest(related, other, relatedLimit, ranksBefore);
      if (
        textSimilarity >= repeatMinTextSimilarity &&
        score >= repeatMinScore &&
        startedAt[other]! < startedAt[position]! &&
        !notRepeatOf.has(newestFirst[other]!.record.id)
      )
        keepBest(repeats, other, REPEATS_KEPT, ranksBefore);
    }
    return { explicit: explicit.map(match), related: related.map(match), repeats: repeats.map(match) };
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
