import { describe, expect, test } from 'vitest';
import { scaffoldFileName } from './scaffold';

describe('scaffoldFileName', () => {
  const name = (title: string) =>
    scaffoldFileName({ title, startedAt: new Date('2024-03-14T09:12:00Z'), timezone: 'UTC', format: 'md' });

  test('names the file by the local start date and a kebab-case slug of the title', () => {
    expect(name('Checkout timeouts after pool change')).toBe('2024-03-14-checkout-timeouts-after-pool-change.md');
  });

  test('folds accents and drops what the file-name rule does not allow, without doubled hyphens', () => {
    expect(name('Medium editor bug preventing Polish ś character input')).toBe(
      '2024-03-14-medium-editor-bug-preventing-polish-s-character-input.md',
    );
    expect(name('Unavailable Guilds & Connection Issues')).toBe('2024-03-14-unavailable-guilds-connection-issues.md');
    expect(name('Workflow delay — March 26 – April 10')).toBe('2024-03-14-workflow-delay-march-26-april-10.md');
    expect(name('東京')).toBe('2024-03-14-incident.md');
  });
});
