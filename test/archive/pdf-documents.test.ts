import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { documentKind } from '../../electron/archive/documents/document-kind';
import { extractPdfText } from '../../electron/archive/documents/pdf-text';
import { renderPdfFirstPage } from '../../electron/archive/documents/pdf-thumbnail';

const samples = new URL('../../assets/sample/documents/', import.meta.url);
const agenda = () => readFileSync(new URL('agenda-cluster-training-nis.pdf', samples));
const invitation = () => readFileSync(new URL('invitation-fashion-show-stip.pdf', samples));

/** A PDF written by hand: one Helvetica page per entry, each line a line of text. */
function makePdf(
  pages: string[][],
  options: { title?: string; size?: [number, number]; encrypted?: boolean } = {},
): Uint8Array {
  const [width, height] = options.size ?? [595, 842];
  const escape = (s: string) => s.replace(/[()\\]/g, '\\$&');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${5 + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    options.title ? `<< /Title (${escape(options.title)}) >>` : '<< >>',
  ];
  pages.forEach((lines, i) => {
    const stream = `BT /F1 24 Tf 72 ${height - 80} Td 30 TL ${lines.map((l) => `(${escape(l)}) '`).join(' ')} ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`,
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    );
  });
  let encrypt = '';
  if (options.encrypted) {
    // Random /O and /U: no password, not even the empty one, opens it.
    const hex = (n: number) =>
      Buffer.from(Array.from({ length: n }, (_, i) => i * 37 + 11)).toString('hex');
    objects.push(
      `<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32).split('').reverse().join('')}> /P -44 >>`,
    );
    encrypt = ` /Encrypt ${objects.length} 0 R /ID [<${hex(16)}> <${hex(16)}>]`;
  }
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R${encrypt} >>\n`;
  pdf += `startxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

describe('extractPdfText', () => {
  it('reads the agenda sample', async () => {
    const { pageCount, text, title } = await extractPdfText(agenda());
    expect(pageCount).toBe(1);
    expect(title).toBeNull();
    expect(text.split('\n')).toEqual([
      'Agenda',
      'Introduction of cluster development in the EU',
      'Training, Niš, 19-20 November 2015',
      'Project: Balkan Cluster',
      'IPA Bulgaria - Serbia (sample document)',
    ]);
  });

  it('reads the invitation sample', async () => {
    const { pageCount, text } = await extractPdfText(invitation());
    expect(pageCount).toBe(1);
    for (const words of ['Invitation', 'Textile Cluster Fashion Show', 'Cultural Centre, Štip']) {
      expect(text).toContain(words);
    }
    expect(text).toContain('28 November 2015, 18:00');
    expect(text).toContain('Strengthening textile industry capacities');
  });

  it('joins pages with a blank line, collapses whitespace and reads the title', async () => {
    const pdf = makePdf([['Page one', 'spaced    out  words'], [], ['Page three']], {
      title: '  Annual   report 2015 ',
    });
    expect(await extractPdfText(pdf)).toEqual({
      pageCount: 3,
      text: 'Page one\nspaced out words\n\nPage three',
      title: 'Annual report 2015',
    });
  });

  it('stops at maxPages and maxChars, still counting every page', async () => {
    const pdf = makePdf([['First page'], ['Second page'], ['Third page']]);
    expect(await extractPdfText(pdf, { maxPages: 2 })).toMatchObject({
      pageCount: 3,
      text: 'First page\n\nSecond page',
    });
    expect(await extractPdfText(pdf, { maxChars: 8 })).toMatchObject({
      pageCount: 3,
      text: 'First pa',
    });
  });

  it('leaves the caller’s bytes usable (pdf.js transfers the buffer it gets)', async () => {
    const data = new Uint8Array(agenda());
    await extractPdfText(data);
    expect(data.byteLength).toBe(agenda().length);
    await expect(extractPdfText(data)).resolves.toMatchObject({ pageCount: 1 });
  });
});

describe('renderPdfFirstPage', () => {
  it('renders page 1 scaled to maxSize on the longer side, with dark text on white', async () => {
    const { png, width, height, pageCount } = await renderPdfFirstPage(agenda(), 300);
    expect([width, height, pageCount]).toEqual([Math.round((300 * 595) / 842), 300, 1]);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([width, height]);
    let dark = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if (data[i]! < 96 && data[i + 1]! < 96 && data[i + 2]! < 96) dark++;
    }
    expect(dark).toBeGreaterThan(200);
    // The corners are paper, white rather than transparent or black.
    expect([...data.subarray(0, 3)]).toEqual([255, 255, 255]);
    expect([
      ...data.subarray(data.length - info.channels, data.length - info.channels + 3),
    ]).toEqual([255, 255, 255]);
  });

  it('keeps a landscape page landscape', async () => {
    const pdf = makePdf([['Wide page'], ['Second']], { size: [842, 595] });
    const { width, height, pageCount } = await renderPdfFirstPage(pdf, 200);
    expect([width, height, pageCount]).toEqual([200, Math.round((200 * 595) / 842), 2]);
  });
});

describe('unreadable PDFs', () => {
  const timeoutMs = 5000;
  const both = (data: Uint8Array) => [
    extractPdfText(data, { timeoutMs }),
    renderPdfFirstPage(data, 100, { timeoutMs }),
  ];

  it('reject a truncated PDF with a clear message, well within the timeout', async () => {
    const start = Date.now();
    for (const attempt of both(agenda().subarray(0, 400))) {
      await expect(attempt).rejects.toThrow(/^The PDF is damaged or incomplete/);
    }
    expect(Date.now() - start).toBeLessThan(timeoutMs);
  });

  it('reject a JPEG named .pdf, saying what it is', async () => {
    const jpeg = await sharp({
      create: { width: 8, height: 8, channels: 3, background: '#808080' },
    })
      .jpeg()
      .toBuffer();
    for (const attempt of both(jpeg)) {
      await expect(attempt).rejects.toThrow(
        'Not a PDF: the file does not start with %PDF (its content is image/jpeg).',
      );
    }
  });

  it('reject an encrypted PDF and an empty file', async () => {
    for (const attempt of both(makePdf([['Secret']], { encrypted: true }))) {
      await expect(attempt).rejects.toThrow('The PDF is password-protected');
    }
    for (const attempt of both(new Uint8Array(0))) {
      await expect(attempt).rejects.toThrow('The file is empty (0 bytes).');
    }
  });

  it('give up after timeoutMs', async () => {
    const pdf = makePdf(Array.from({ length: 300 }, (_, i) => [`Page ${i + 1}`]));
    await expect(extractPdfText(pdf, { timeoutMs: 1 })).rejects.toMatchObject({
      name: 'PdfReadError',
      reason: 'timeout',
      message: 'Gave up reading the PDF after 0.001 s.',
    });
  });
});

describe('in a worker thread', () => {
  it('extracts text and renders a thumbnail', async () => {
    // A plain worker, as piscina starts them; tsx compiles the sources inside it.
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      (async () => {
        const { tsImport } = await import('tsx/esm/api');
        const load = (file) => tsImport(new URL(file, workerData.dir).href, workerData.dir);
        const { extractPdfText } = await load('pdf-text.ts');
        const { renderPdfFirstPage } = await load('pdf-thumbnail.ts');
        const { text } = await extractPdfText(workerData.pdf);
        const { width, height } = await renderPdfFirstPage(workerData.pdf, 64);
        parentPort.postMessage({ text, width, height });
      })().catch((error) => parentPort.postMessage({ error: String(error) }));
    `;
    const dir = new URL('../../electron/archive/documents/', import.meta.url).href;
    const worker = new Worker(code, { eval: true, workerData: { dir, pdf: invitation() } });
    try {
      const result = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(result).toMatchObject({ width: 45, height: 64 });
      expect(result).toHaveProperty('text', expect.stringContaining('Cultural Centre, Štip'));
    } finally {
      await worker.terminate();
    }
  });
});

describe('documentKind', () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(
      Buffer.concat(
        parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
      ),
    );
  const zip = (firstEntry = '[Content_Types].xml', content = '') => {
    const header = Buffer.alloc(30);
    header.write('PK\x03\x04', 0, 'latin1');
    header.writeUInt16LE(firstEntry.length, 26);
    return bytes(header.toString('latin1'), firstEntry, content, [0, 0, 0, 0]);
  };
  const ole = bytes(
    [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    new Array<number>(504).fill(0),
  );
  const odf = 'application/vnd.oasis.opendocument.';
  const openXml = 'application/vnd.openxmlformats-officedocument.';

  it.each([
    ['invitation.pdf', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'application/pdf', 'pdf'],
    ['scan.PDF', bytes('\r\n\r\n%PDF-1.4\n'), 'application/pdf', 'pdf'],
    ['report.doc', ole, 'application/msword', 'word'],
    ['report.docx', zip(), `${openXml}wordprocessingml.document`, 'word'],
    ['report.odt', zip('mimetype', `${odf}text`), `${odf}text`, 'word'],
    ['letter.rtf', bytes('{\\rtf1\\ansi\\deff0 Hello}'), 'application/rtf', 'word'],
    ['budget.xls', ole, 'application/vnd.ms-excel', 'spreadsheet'],
    ['budget.xlsx', zip(), `${openXml}spreadsheetml.sheet`, 'spreadsheet'],
    ['budget.ods', zip('mimetype', `${odf}spreadsheet`), `${odf}spreadsheet`, 'spreadsheet'],
    ['slides.ppt', ole, 'application/vnd.ms-powerpoint', 'presentation'],
    ['slides.pptx', zip(), `${openXml}presentationml.presentation`, 'presentation'],
    ['notes.txt', bytes('Agenda\r\nTraining, Niš\n'), 'text/plain', 'text'],
    ['notes.txt', bytes('Training, Ni', [0x9a], ' (Windows-1250)\n'), 'text/plain', 'text'],
    ['photo.jpg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg', 'image'],
    ['photo.png', bytes('\x89PNG\r\n\x1a\n', [0, 0, 0, 13]), 'image/png', 'image'],
  ])('%s is %s', (name, head, mime, kind) => {
    expect(documentKind(name, head)).toEqual({ mime, kind });
  });

  it('trusts the bytes over the name', () => {
    const jpeg = bytes([0xff, 0xd8, 0xff, 0xe1, 0, 0x10]);
    expect(documentKind('invitation.pdf', jpeg)).toEqual({ mime: 'image/jpeg', kind: 'image' });
    expect(documentKind('report.doc', bytes('{\\rtf1 Hi}'))).toMatchObject({ kind: 'word' });
    expect(documentKind('renamed.zip', zip('mimetype', `${odf}presentation`))).toEqual({
      mime: `${odf}presentation`,
      kind: 'presentation',
    });
    expect(documentKind('renamed.bin', zip('word/document.xml'))).toMatchObject({ kind: 'word' });
  });

  it('calls anything else other', () => {
    const other = (mime: string) => ({ mime, kind: 'other' });
    expect(documentKind('data.bin', bytes([0, 1, 2, 3, 0, 255]))).toEqual(
      other('application/octet-stream'),
    );
    expect(documentKind('empty.pdf', bytes())).toEqual(other('application/octet-stream'));
    expect(documentKind('photos.zip', zip('IMG_0001.JPG'))).toEqual(other('application/zip'));
    expect(documentKind('mail.msg', ole)).toEqual(other('application/x-ole-storage'));
  });
});
