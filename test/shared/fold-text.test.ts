import { describe, expect, it } from 'vitest';
import { foldText, foldWords, searchVariants, toFtsQuery } from '../../shared/text/fold-text';

describe('foldText', () => {
  it('folds Latin with and without diacritics and Serbian/Macedonian Cyrillic to the same words', () => {
    for (const town of ['Niš', 'Nis', 'NIŠ', 'Ниш', 'НИШ']) expect(foldText(town)).toBe('nis');
    for (const town of ['Štip', 'Stip', 'Штип']) expect(foldText(town)).toBe('stip');
    expect(foldText('Лесковац')).toBe('leskovac');
    expect(foldText('Врање')).toBe('vranje');
    expect(foldText('Ђорђевић')).toBe(foldText('Đorđević'));
    expect(foldText('Đorđević')).toBe('djordjevic');
    expect(foldText('Скопје')).toBe('skopje');
    expect(foldText('Ќерка Ѓорѓи')).toBe('kerka gorgi');
  });

  it('keeps letters and digits and splits on everything else', () => {
    expect(foldWords('DSC_2208.JPG')).toEqual(['dsc', '2208', 'jpg']);
    expect(foldWords('  X Cluster-House Assembly, 28.12.2017 ')).toEqual([
      'x',
      'cluster',
      'house',
      'assembly',
      '28',
      '12',
      '2017',
    ]);
    expect(foldWords('')).toEqual([]);
  });
});

describe('searchVariants', () => {
  it('indexes English/Bulgarian-style spellings beside the primary ones', () => {
    const body = searchVariants(['Ниш', 'Штип', 'Жеравна', 'София', 'Đorđe']).split(' ');
    expect(body).toEqual(
      expect.arrayContaining([
        'nis',
        'nish',
        'stip',
        'shtip',
        'zeravna',
        'zheravna',
        'sofija',
        'sofia',
        'djordje',
        'dorde',
      ]),
    );
  });

  it('skips empty values and deduplicates words', () => {
    expect(searchVariants([null, undefined, '', 'Vranje vranje'])).toBe('vranje');
  });
});

describe('toFtsQuery', () => {
  it('makes every folded word a required prefix', () => {
    expect(toFtsQuery('Niš 2015')).toBe('"nis"* "2015"*');
    expect(toFtsQuery('DSC_22')).toBe('"dsc"* "22"*');
  });

  it('returns null when nothing searchable is left, and cannot be broken by FTS syntax', () => {
    expect(toFtsQuery(' - ; ')).toBeNull();
    expect(toFtsQuery('"NEAR(a b)" OR *')).toBe('"near"* "a"* "b"* "or"*');
  });
});
