import { describe, expect, test } from 'vitest';
import {
  actionItemStatus,
  actionItemType,
  detectionFromWords,
  sectionMeaning,
  timelineKind,
  triggerFromWords,
  usersAffectedFromWords,
} from './meaning';

describe('sectionMeaning', () => {
  test('reads the headings of the common templates by meaning', () => {
    expect(
      [
        'Issue Summary',
        'Summary of impact',
        'Root Causes',
        'Root cause and mitigation',
        'Timeline (all times in Pacific Time)',
        'Chain of Events',
        'Corrective and Preventative Measures',
        'Next steps',
        'Action Items',
        'Where we got lucky',
        'Authors',
        'Date',
      ].map(sectionMeaning),
    ).toEqual([
      'summary',
      'summary',
      'root-cause',
      'root-cause',
      'timeline',
      'timeline',
      'action-items',
      'action-items',
      'action-items',
      'lessons',
      'authors',
      'date',
    ]);
  });
});

describe('timelineKind', () => {
  test('infers the kind from the words of the event, with the word', () => {
    expect(timelineKind('Error-rate alert paged the on-call.')).toEqual({ kind: 'detected', word: 'alert' });
    expect(timelineKind('Escalated to the database team.').kind).toBe('escalated');
    expect(timelineKind('Config change rolled back.').kind).toBe('mitigated');
    expect(timelineKind('Error rate back to normal; incident resolved.').kind).toBe('resolved');
    expect(timelineKind('Coffee.')).toEqual({ kind: 'note' });
  });
});

describe('triggerFromWords and detectionFromWords', () => {
  test('name the trigger and the detection a section describes', () => {
    expect(triggerFromWords('A configuration change raised the concurrency.')?.value).toBe('config-change');
    expect(triggerFromWords('The certificate expired at 09:12.')?.value).toBe('expired-credential');
    expect(detectionFromWords('Customers reported failed payments to support.')?.value).toBe('customer-report');
    expect(detectionFromWords('The latency alert paged the on-call.')?.value).toBe('monitoring-alert');
  });
});

describe('usersAffectedFromWords', () => {
  test('reads a share of users, and ignores numbers that are not shares', () => {
    expect(usersAffectedFromWords('Roughly 38% of search queries failed.')).toEqual({ value: 38, phrase: '38%' });
    expect(usersAffectedFromWords('about 12.5 % of users')).toEqual({ value: 12.5, phrase: '12.5 % of users' });
    expect(usersAffectedFromWords('latency rose 300%')).toBeUndefined();
  });
});

describe('actionItemStatus and actionItemType', () => {
  test('map other tools’ words onto ours', () => {
    expect(['outstanding', 'In progress', 'completed', 'not_doing', 'later'].map(actionItemStatus)).toEqual([
      'open',
      'in-progress',
      'done',
      'wont-do',
      undefined,
    ]);
    expect(['prevent', 'Mitigate', 'monitoring', 'process'].map(actionItemType)).toEqual([
      'prevent',
      'mitigate',
      'detect',
      'process',
    ]);
  });
});
