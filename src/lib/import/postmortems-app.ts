/**
 * The postmortems.app corpus format: one Markdown file per public postmortem, with
 * frontmatter `uuid, url, title, start_time, end_time, categories, keywords,
 * company, product, summary` and the write-up as the body.
 */
import { TRIGGERS } from '../../schemas/postmortem';
import { emptyRecord, noteUnread, parseMarkdownSource, readMarkdownBody, type MarkdownOptions } from './markdown';
import { isSafeUrl } from '../content-policy';
import { readFields, scalarText, textList, type SourceRecord } from './source-record';

/** Whether frontmatter looks like the postmortems.app format. */
export function isPostmortemsAppFrontmatter(frontmatter: Record<string, unknown>): boolean {
  return 'uuid' in frontmatter && ('start_time' in frontmatter || 'company' in frontmatter || 'product' in frontmatter);
}

/** Reads one postmortems.app file. */
export function readPostmortemsApp(text: string, options: MarkdownOptions): SourceRecord {
  const parsed = parseMarkdownSource(text, options.frontmatter);
  // The uuid is the record's reference, which the caller works out before reading (see run.ts).
  const { uuid: _uuid, url, company, ...fields } = parsed.frontmatter;
  const record = emptyRecord('postmortems-app', options.file, options.reference);
  if (parsed.frontmatterError)
    record.notes.push({ kind: 'dropped', message: `frontmatter not read: ${parsed.frontmatterError}` });
  const { source_published_at: published, ...rest } = readFields(fields, record, options.config, 'frontmatter');
  // Many reports give no start time; the day they were published bounds it, and names the file until a writer knows.
  const publishedDay = /^\d{4}-\d{2}-\d{2}/.exec(scalarText(published) ?? '')?.[0];
  if (!record.startedAt && publishedDay) {
    record.startedAt = {
      value: { kind: 'date', date: publishedDay, text: publishedDay },
      from: 'frontmatter `source_published_at`',
      guess: 'the day the report was published (the incident was on or before it): only the file name uses it',
    };
  } else if (published !== undefined) {
    rest['source_published_at'] = published;
  }
  noteUnread(record, rest);

  const companyName = scalarText(company);
  if (companyName) {
    // The company is whose incident it was: a tag, and the service only when no product is named.
    record.tags = {
      value: [...(record.tags?.value ?? []), companyName],
      from: `${record.tags ? `${record.tags.from}, ` : ''}frontmatter \`company\``,
    };
    if (!record.services)
      record.services = {
        value: [companyName],
        from: 'frontmatter `company`',
        guess: 'the company, as no product is named',
      };
  }
  const category = textList(fields['categories']).find((name) => TRIGGERS.some((trigger) => trigger === name));
  if (category && !record.trigger)
    record.trigger = {
      value: TRIGGERS.find((trigger) => trigger === category)!,
      from: 'frontmatter `categories`',
      guess: `the category "${category}"`,
    };

  readMarkdownBody(parsed, record, options);
  const link = scalarText(url);
  if (link && /^https?:\/\//i.test(link) && isSafeUrl(link)) {
    record.body = `${record.body}\n\n[The original report](${link.replace(/[()\s]/g, encodeURIComponent)})`.trim();
  } else if (link) {
    record.notes.push({ kind: 'dropped', message: `\`url\` ${link} is not an http(s) URL; not linked` });
  }
  return record;
}
