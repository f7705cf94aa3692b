import { describe, expect, it } from 'vitest';
import { parseTemplate, type CaptionContext } from '../../shared/caption/template';
import { slugify } from '../../shared/text/slug';
import { createNamer, fillFileName } from '../../electron/export/file-names';

const context: CaptionContext = {
  takenAt: '2015-11-28T18:03:12',
  fileName: 'DSC_2208.JPG',
  seq: 7,
  event: 'Модна ревија Штип',
  eventStartsOn: '2015-11-28',
  city: 'Štip',
  title: 'Ђорђе и Љиљана на писти',
};

const name = (pattern: string, changes: Partial<CaptionContext> = {}) => {
  const parsed = parseTemplate(pattern);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return fillFileName(parsed.template, { ...context, ...changes });
};

describe('slugify', () => {
  it('transliterates Cyrillic as Serbian Latin and drops diacritics', () => {
    expect(slugify('Модна ревија Штип')).toBe('modna-revija-stip');
    expect(slugify('Niš — Info dan, 19.11.2015!')).toBe('nis-info-dan-19-11-2015');
    expect(slugify('Ђурђевдан у Врању')).toBe('djurdjevdan-u-vranju');
    expect(slugify('Скопје: Ѓорче Петров')).toBe('skopje-gorce-petrov');
    expect(slugify('  --  ')).toBe('');
  });
});

describe('file names from a pattern', () => {
  it('fills {event-slug}-{seq:03}, {date}, {original} and {title}', () => {
    expect(name('{event-slug}-{seq:03}')).toBe('modna-revija-stip-007');
    expect(name('{date}_{original}')).toBe('2015-11-28_DSC_2208');
    expect(name('{title}')).toBe('djordje-i-ljiljana-na-pisti');
    expect(name('{event}-{city}-{date:yyyyMMdd}')).toBe('modna-revija-stip-stip-20151128');
  });

  it('leaves no separator hanging when a value is missing, and no character a file system refuses', () => {
    expect(name('{event-slug}-{seq:03}', { event: null })).toBe('007');
    expect(name('{title}-{seq}', { title: null })).toBe('7');
    expect(name('a:b*c?{seq}')).toBe('a-b-c-7');
    expect(name('{title}', { title: 'Con' })).toBe('con_');
    expect(name('{title}-{seq}', { title: 'Dugačak naslov '.repeat(20) })).toHaveLength(120);
  });

  it('hands out each name once, case-insensitively, and falls back to the original name', () => {
    const next = createNamer('webp');
    expect(next('photo', 'A.JPG')).toBe('photo.webp');
    expect(next('Photo', 'B.JPG')).toBe('Photo-2.webp');
    expect(next('photo', 'C.JPG')).toBe('photo-3.webp');
    expect(next('', 'IMG_5218.JPG')).toBe('IMG_5218.webp');
    expect(createNamer('avif')('', 'a:b.heic')).toBe('a-b.avif');
  });
});
