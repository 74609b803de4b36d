/**
 * What the words of other templates mean in our terms: a heading's section, a
 * timeline line's kind, a root cause's trigger, an action item's status. Each
 * reader asks here, so one phrase means the same thing in every format.
 */
import type {
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_TYPES,
  DETECTION_METHODS,
  IMPACT_CATEGORIES,
  TimelineKind,
  TRIGGERS,
} from '../../schemas/postmortem';

/** The sections of a postmortem a heading can stand for. */
export type SectionMeaning =
  | 'summary'
  | 'impact'
  | 'root-cause'
  | 'trigger'
  | 'resolution'
  | 'detection'
  | 'action-items'
  | 'timeline'
  | 'lessons'
  | 'date'
  | 'authors'
  | 'status'
  | 'severity'
  | 'services';

/** First match wins: "Summary of impact" is a summary, "Root cause and mitigation" a root cause. */
const SECTION_WORDS: readonly [SectionMeaning, RegExp][] = [
  ['timeline', /\b(timeline|chain of events|sequence of events|chronology)\b/],
  ['action-items', /\b(action items?|corrective|preventa?tive|next steps|follow[- ]?ups?|remediations?|todo)\b/],
  ['summary', /\b(summary|overview|tl;?dr|brief description|what happened)\b/],
  ['root-cause', /\broot[- ]?causes?\b|\bcauses?\b/],
  ['trigger', /\btrigger\b/],
  ['resolution', /\b(resolution|recovery|mitigation|fix)\b/],
  ['detection', /\b(detection|detected|how we found)\b/],
  ['impact', /\b(impact|customer impact|user impact)\b/],
  ['lessons', /\b(lessons|went well|went wrong|got lucky)\b/],
  ['authors', /^(authors?|by|names?\(?s?\)?|owners?|written by)$/],
  ['date', /^(date|incident date|when)$/],
  ['status', /^status$/],
  ['severity', /^(severity|sev|priority|level)$/],
  ['services', /^(services?|affected services?|systems?|components?|products?)$/],
];

/** Heading text as compared: lowercase, parentheticals and punctuation gone. */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[#:*_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The section a heading stands for, if any. */
export function sectionMeaning(heading: string): SectionMeaning | undefined {
  const text = normaliseHeading(heading);
  return SECTION_WORDS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** The value of the first pattern of `table` found in `text`, with the words that matched. */
function firstMatch<T>(table: readonly (readonly [T, RegExp])[], text: string): { value: T; word: string } | undefined {
  for (const [value, pattern] of table) {
    const match = pattern.exec(text);
    if (match) return { value, word: match[0] };
  }
  return undefined;
}

/** Words of a timeline line and the kind of moment they describe; first match wins. */
const TIMELINE_WORDS: readonly [TimelineKind, RegExp][] = [
  ['resolved', /\b(resolved|fully recovered|back to normal|all clear|incident (?:closed|over)|recovery complete)\b/i],
  [
    'mitigated',
    /\b(mitigat\w*|rolled back|roll(?:ed|ing)? ?back|revert\w*|fail(?:ed)? ?over|workaround|restor\w*|recover\w*)\b/i,
  ],
  ['escalated', /\b(escalat\w*)\b/i],
  ['detected', /\b(alert\w*|paged?|detect\w*|noticed|reported|fired|monitoring)\b/i],
  ['misleading', /\b(misleading|red herring|wrongly|turned out not)\b/i],
  [
    'trigger',
    /\b(deploy\w*|roll(?:s|ed)? out|rollout|push(?:ed|es)?|config(?:uration)? change|began|started|expired)\b/i,
  ],
  [
    'action',
    /\b(investigat\w*|restart\w*|scal\w*|increas\w*|appl\w*|disabl\w*|enabl\w*|identif\w*|drain\w*|migrat\w*)\b/i,
  ],
];

/** The kind of a timeline event from its words, and the word that decided it; `note` when none fits. */
export function timelineKind(event: string): { kind: TimelineKind; word?: string } {
  const found = firstMatch(TIMELINE_WORDS, event);
  return found ? { kind: found.value, word: found.word } : { kind: 'note' };
}

type Trigger = (typeof TRIGGERS)[number];
const TRIGGER_WORDS: readonly [Trigger, RegExp][] = [
  ['config-change', /\b(config(?:uration)? (?:change|push|update)|feature flag|flag flip)\b/i],
  ['expired-credential', /\b(expired|expiry|certificate)\b/i],
  ['deploy', /\b(deploy\w*|release|rollout|rolled out|new version|binary push)\b/i],
  [
    'traffic-surge',
    /\b(traffic (?:spike|surge)|surge|spike in (?:traffic|load|requests)|load spike|thundering herd)\b/i,
  ],
  ['hardware', /\b(hardware|disk failure|power (?:loss|outage)|fib(?:er|re) cut|failed disk|nic)\b/i],
  ['dependency-failure', /\b(upstream|third[- ]party|provider|vendor|dependency)\b/i],
  ['security', /\b(attack|ddos|breach|malicious|vulnerability)\b/i],
  ['infrastructure', /\b(network|dns|load balancer|database|storage|kubernetes|cluster)\b/i],
];

/** The trigger a cause's words point at, with the word, if any. */
export function triggerFromWords(text: string): { value: Trigger; word: string } | undefined {
  return firstMatch(TRIGGER_WORDS, text);
}

type Detection = (typeof DETECTION_METHODS)[number];
const DETECTION_WORDS: readonly [Detection, RegExp][] = [
  [
    'customer-report',
    /\b(customers?|users?) (?:reported|complained|wrote|contacted)|\bsupport tickets?\b|\bcustomer reports?\b/i,
  ],
  ['automated-test', /\b(synthetic|canary|probe|end-to-end test|automated test)\b/i],
  ['monitoring-alert', /\b(alert\w*|paged?|monitor\w*|pager)\b/i],
  ['engineer-noticed', /\b(engineer|on-call|sre|developer)s? (?:noticed|saw|spotted)\b/i],
];

/** How an incident was detected, from the detection section's words. */
export function detectionFromWords(text: string): { value: Detection; word: string } | undefined {
  return firstMatch(DETECTION_WORDS, text);
}

type ImpactCategory = (typeof IMPACT_CATEGORIES)[number];
const IMPACT_WORDS: readonly [ImpactCategory, RegExp][] = [
  ['full-outage', /\b(full|complete|total) outage\b|\bwas (?:down|unavailable)\b/i],
  ['data-loss', /\bdata loss|lost data\b/i],
  ['increased-latency', /\b(latency|slow(?:er|ness)?)\b/i],
  ['increased-errors', /\b(errors?|5\d\d|failed requests?)\b/i],
  ['degraded-performance', /\bdegraded\b/i],
  ['partial-outage', /\bpartial outage\b/i],
];

/** Impact categories the impact section's words name, each with its word. */
export function impactCategoriesFromWords(text: string): { value: ImpactCategory; word: string }[] {
  return IMPACT_WORDS.flatMap(([value, pattern]) => {
    const match = pattern.exec(text);
    return match ? [{ value, word: match[0] }] : [];
  });
}

/**
 * A share of users written in a sentence, such as "about 30% of users" or "12.5 % of
 * requests": the number and the phrase it was read from.
 */
export function usersAffectedFromWords(text: string): { value: number; phrase: string } | undefined {
  const match =
    /(\d{1,3}(?:\.\d+)?)\s?%(?:\s+of\s+(?:all\s+|our\s+|the\s+)?(?:users|customers|requests|traffic|accounts|api calls|queries))?/i.exec(
      text,
    );
  if (!match) return undefined;
  const value = Number(match[1]);
  return value <= 100 ? { value, phrase: match[0] } : undefined;
}

type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
const STATUS_WORDS: readonly [ActionItemStatus, RegExp][] = [
  ['wont-do', /^(won'?t ?do|wontfix|won'?t fix|not ?doing|cancell?ed|dropped|deleted|declined)$/],
  ['done', /^(done|completed?|closed|fixed|finished|resolved|yes|x)$/],
  ['in-progress', /^(in[- ]progress|started|ongoing|wip|doing|in review)$/],
  ['open', /^(open|to ?do|not started|outstanding|new|planned|pending|no)$/],
];

/** An action item status from other tools' words (`completed`, `not_doing`, `TODO`…). */
export function actionItemStatus(text: string): ActionItemStatus | undefined {
  const word = text.toLowerCase().replace(/_+/g, ' ').replace(/[’‘]/g, "'").trim();
  return STATUS_WORDS.find(([, pattern]) => pattern.test(word))?.[0];
}

type ActionItemType = (typeof ACTION_ITEM_TYPES)[number];
const TYPE_WORDS: readonly [ActionItemType, RegExp][] = [
  ['prevent', /^(prevent\w*|repair|fix|bug|root cause)$/],
  ['mitigate', /^(mitigat\w*|reduce|resilience)$/],
  ['detect', /^(detect\w*|monitor\w*|alert\w*|observability)$/],
  ['process', /^(process|documentation|docs|training|runbook|communication)$/],
];

/** An action item type from a template's type column (the SRE book's mitigate/prevent/process…). */
export function actionItemType(text: string): ActionItemType | undefined {
  const word = text.toLowerCase().trim();
  return TYPE_WORDS.find(([, pattern]) => pattern.test(word))?.[0];
}
