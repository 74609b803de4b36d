import { existsSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type SiteBuild } from './build-site';

/** A valid 2×2 PNG, made here so the fixture needs no binary file. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buffer: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function postmortem(slug: string, body: string) {
  return `---
title: ${slug}
summary: Something broke.
severity: SEV3
startedAt: "2024-03-14T09:00:00Z"
resolvedAt: "2024-03-14T10:00:00Z"
services: [api]
authors: [A]
---

## Root cause and resolution

${body}

## Corrective and preventative measures

- [ ] Fix it.
`;
}

const DIAGRAM = '```mermaid\nflowchart LR\n  Client --> Gateway --> Database\n```';

async function fixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'postmortems-authoring-'));
  await writeFile(
    join(dir, '2024-03-14-with-diagram.md'),
    postmortem(
      'With diagram',
      `The request path:\n\n${DIAGRAM}\n\n![Error rate during the incident](./error-rate.png)`,
    ),
  );
  await writeFile(join(dir, '2024-03-14-plain.mdx'), postmortem('Plain', 'No pictures here.'));
  await writeFile(join(dir, 'error-rate.png'), png());
  return dir;
}

describe('diagrams and images in the built site', () => {
  describe('with a browser available to the build', () => {
    let site: SiteBuild;
    beforeAll(async () => {
      site = await buildSite(await fixture());
      if (site.exitCode !== 0) throw new Error(site.output);
    }, 120_000);

    test('draws mermaid fences as SVG files shown at their natural size and linked, with the source kept as text', async () => {
      const html = await site.read('postmortems/2024-03-14-with-diagram/index.html');
      expect(html).toMatch(
        /<figure class="diagram"><div class="diagram-frame" tabindex="0"[^>]*><img src="\/_diagrams\/diagram-0\.svg" width="\d+" height="\d+"/,
      );
      expect(html).toContain('<a href="/_diagrams/diagram-0.svg">Open diagram 1 at full size</a>');
      expect(await site.read('_diagrams/diagram-0.svg')).toMatch(/^<svg[^>]*>[\s\S]*Gateway[\s\S]*<\/svg>$/);
      expect(html).toContain('<summary>Diagram source</summary>');
      expect(html).not.toContain('language-mermaid');
    });

    test('keeps every page free of client JavaScript but the theme choice’s inline script', async () => {
      for (const page of [
        'postmortems/2024-03-14-with-diagram/index.html',
        'postmortems/2024-03-14-plain/index.html',
      ]) {
        expect((await site.read(page)).match(/<script[^>]*>/g)).toEqual(['<script>']);
      }
      expect(await readdir(join(site.outDir, '_diagrams'))).toEqual(['diagram-0.svg']);
    });

    test('optimises images stored next to the postmortem', async () => {
      const html = await site.read('postmortems/2024-03-14-with-diagram/index.html');
      expect(html).toMatch(
        /<img[^>]+src="\/_astro\/error-rate\.[\w-]+\.webp"[^>]*alt="Error rate during the incident"|<img[^>]+alt="Error rate during the incident"[^>]+src="\/_astro\/error-rate\.[\w-]+\.webp"/,
      );
      expect((await readdir(join(site.outDir, '_astro'))).some((file) => /^error-rate\..+\.webp$/.test(file))).toBe(
        true,
      );
    });
  });

  describe('without a browser', () => {
    let site: SiteBuild;
    beforeAll(async () => {
      site = await buildSite(await fixture(), { POSTMORTEMS_CHROMIUM: 'none' });
      if (site.exitCode !== 0) throw new Error(site.output);
    }, 120_000);

    test('loads mermaid on the pages with a diagram, and only on those', async () => {
      const withDiagram = await site.read('postmortems/2024-03-14-with-diagram/index.html');
      expect(withDiagram).toContain('<pre class="mermaid">flowchart LR\n  Client --&gt; Gateway --&gt; Database</pre>');
      expect(withDiagram).toContain('<script src="/_diagrams/mermaid.min.js" defer></script>');
      // Only the theme choice's inline script: no mermaid where there is no diagram.
      expect((await site.read('postmortems/2024-03-14-plain/index.html')).match(/<script[^>]*>/g)).toEqual([
        '<script>',
      ]);
      expect(existsSync(join(site.outDir, '_diagrams/mermaid.min.js'))).toBe(true);
    });
  });
});
