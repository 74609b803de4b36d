import { describe, expect, test } from 'vitest';
import { detectFormat } from './detect';

describe('detectFormat', () => {
  test('tells the formats apart by extension, fields and body', () => {
    expect(
      [
        detectFormat('a.json', '{"incidents": []}'),
        detectFormat('a.md', '---\nuuid: 1\nstart_time: 2024-01-01T00:00:00Z\n---\n'),
        detectFormat('a.md', '---\ntitle: x\n---\n{{< track "2024-01-01 00:00:00" >}}\n'),
        detectFormat('a.md', '# Outage\n\n## Root cause\n'),
      ].map((detection) => detection.format),
    ).toEqual(['incident-io', 'postmortems-app', 'cstate', 'markdown']);
  });

  test('says why a file is not imported', () => {
    expect(detectFormat('a.png', '')).toEqual({ format: undefined, reason: 'not a Markdown (.md) or JSON file' });
    expect(detectFormat('a.json', '{"items": []}').reason).toBe(
      'JSON, but not an incident.io export (no `incidents` or `follow_ups`)',
    );
  });
});
