import { describe, expect, test } from 'vitest';
import { arrangeSections, sectionRole, splitBody, tableOfContents } from './body-sections';

const BODY = `<h2 id="issue-summary">Issue summary</h2>
<p>It broke &amp; we fixed it.</p>
<h2 id="timeline">Timeline</h2>
<p>The story.</p>
<h3 id="first-hour">First hour</h3>
<p>More.</p>
<h2 id="corrective-and-preventative-measures">Corrective and preventative measures</h2>
<ul class="contains-task-list">
<li class="task-list-item"><input type="checkbox" checked disabled> Fail the deploy when a purge does nothing (in progress)</li>
<li class="task-list-item"><input type="checkbox" disabled> Something not in the frontmatter</li>
</ul>
<h2 id="lessons-learned">Lessons learned</h2>
<p>Read the response.</p>`;

describe('sectionRole', () => {
  test('recognises the classic sections by their words', () => {
    expect(sectionRole('Issue summary')).toBe('summary');
    expect(sectionRole('Corrective and preventative measures')).toBe('actions');
    expect(sectionRole('Root cause and resolution')).toBe('cause');
    expect(sectionRole('Lessons learned')).toBe('lessons');
    expect(sectionRole('Glossary')).toBe('other');
  });
});

describe('splitBody', () => {
  const { intro, sections } = splitBody(BODY, { actionTitles: ['Fail the deploy when a purge does nothing'] });

  test('cuts the body at its ## headings, each with a link to it', () => {
    expect(intro).toBe('');
    expect(sections.map((section) => [section.id, section.role])).toEqual([
      ['issue-summary', 'summary'],
      ['timeline', 'timeline'],
      ['corrective-and-preventative-measures', 'actions'],
      ['lessons-learned', 'lessons'],
    ]);
    expect(sections[0]!.html).toContain('<a class="anchor-link" href="#issue-summary" data-pagefind-ignore>');
    expect(sections[0]!.html).toContain('<p>It broke &amp; we fixed it.</p>');
    expect(sections[1]!.subheadings).toEqual([{ id: 'first-hour', title: 'First hour' }]);
    expect(sections[1]!.html).toContain('<a class="anchor-link" href="#first-hour" data-pagefind-ignore="">');
  });

  test('drops the tasks the structured action items repeat and keeps the others, as words not checkboxes', () => {
    const actions = sections[2]!.html;
    expect(actions).not.toContain('Fail the deploy');
    expect(actions).toContain('Something not in the frontmatter');
    expect(actions).toContain('role="img" aria-label="To do"');
    expect(actions).not.toContain('<input');
  });
});

describe('arrangeSections', () => {
  test('puts the structured data inside the body sections that tell its story', () => {
    const { sections } = splitBody(BODY);
    const parts = arrangeSections(sections, { summary: true, timeline: true, actions: true });
    expect(parts.map((part) => [part.id, part.shows])).toEqual([
      ['issue-summary', undefined],
      ['timeline', 'timeline'],
      ['corrective-and-preventative-measures', 'actions'],
      ['lessons-learned', undefined],
    ]);
  });

  test('makes the sections a body lacks, in their classic places', () => {
    const { sections } = splitBody('<h2 id="root-cause">Root cause</h2><p>x</p><h2 id="lessons">Lessons learned</h2>');
    const parts = arrangeSections(sections, { summary: true, timeline: true, actions: true });
    expect(parts.map((part) => [part.id, part.shows])).toEqual([
      ['summary', 'summary'],
      ['timeline', 'timeline'],
      ['root-cause', undefined],
      ['action-items', 'actions'],
      ['lessons', undefined],
    ]);
  });
});

describe('tableOfContents', () => {
  test('lists every section with its ### headings under it', () => {
    const parts = arrangeSections(splitBody(BODY).sections, { summary: false, timeline: false, actions: false });
    expect(tableOfContents(parts)[1]).toEqual({
      id: 'timeline',
      title: 'Timeline',
      children: [{ id: 'first-hour', title: 'First hour' }],
    });
  });
});
