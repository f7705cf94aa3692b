import { describe, expect, it } from 'vitest';
import { findTown, findTownsInText, towns } from '../../shared/text/towns';

const nameOf = (spelling: string) => findTown(spelling)?.name ?? null;
const found = (text: string, options?: { anyCase?: boolean }) =>
  findTownsInText(text, options).map((m) => [m.town.name, m.index, m.length]);

describe('findTown', () => {
  it('finds a town by any spelling, script or case', () => {
    for (const s of ['Niš', 'Nis', 'NIŠ', 'nis', 'Ниш', 'НИШ', 'Nish'])
      expect(findTown(s)).toEqual({ name: 'Niš', cyrillic: 'Ниш', country: 'Serbia' });
    for (const s of ['Štip', 'Stip', 'Shtip', 'Штип']) expect(nameOf(s)).toBe('Štip');
    for (const s of ['Kyustendil', 'Кюстендил', 'Kjustendil', 'Ćustendil'])
      expect(nameOf(s)).toBe('Kyustendil');
    for (const s of ['Beograd', 'Београд', 'Belgrade'])
      expect(findTown(s)).toEqual({
        name: 'Beograd',
        cyrillic: 'Београд',
        english: ['Belgrade'],
        country: 'Serbia',
      });
  });

  it('reads multi-word, hyphenated and digraph spellings', () => {
    expect(nameOf('veliko turnovo')).toBe('Veliko Tarnovo');
    expect(nameOf('Велико Търново')).toBe('Veliko Tarnovo');
    expect(nameOf('  Bela   Palanka ')).toBe('Bela Palanka');
    expect(nameOf('Cucer Sandevo')).toBe('Čučer-Sandevo');
    expect(nameOf('Krushevac')).toBe('Kruševac');
    expect(nameOf('Kochani')).toBe('Kočani');
    expect(nameOf('Indjija')).toBe('Inđija');
    expect(nameOf('София')).toBe('Sofia');
    expect(nameOf('Sofija')).toBe('Sofia');
  });

  it('knows the capitals abroad by their English and Serbian names', () => {
    expect(findTown('Vienna')).toEqual({
      name: 'Wien',
      cyrillic: 'Беч',
      english: ['Vienna', 'Viena'],
      country: 'Austria',
    });
    expect(nameOf('Beč')).toBe('Wien');
    expect(nameOf('Solun')).toBe('Thessaloniki');
    expect(nameOf('Bucharest')).toBe('București');
    expect(nameOf('Brisel')).toBe('Bruxelles');
    expect(findTown('Podgorica')?.country).toBe('Montenegro');
  });

  it('gives a name two countries share to the Serbian town', () => {
    expect(findTown('Dimitrovgrad')?.country).toBe('Serbia');
    expect(findTown('Нови Пазар')?.country).toBe('Serbia');
  });

  it('returns null for anything that is not a whole town name', () => {
    for (const s of ['', '  ', 'Nowhere', 'Novi', 'Niš training', 'Nišu', 'Sad'])
      expect(findTown(s)).toBeNull();
  });

  it('lets no spelling of one town hide another town', () => {
    for (const t of towns)
      for (const s of [t.name, t.cyrillic, ...(t.english ?? [])])
        if (s) expect([s, findTown(s)?.name]).toEqual([s, t.name]);
  });

  it('lists the office region in full', () => {
    const count = (country: string) => towns.filter((t) => t.country === country).length;
    expect([count('Serbia'), count('North Macedonia'), count('Bulgaria')]).toEqual([96, 71, 68]);
    expect(towns.length).toBe(246);
  });
});

describe('findTownsInText', () => {
  it('finds each mention with its place in the text', () => {
    expect(found('Info days in Vranje and Leskovac.')).toEqual([
      ['Vranje', 13, 6],
      ['Leskovac', 24, 8],
    ]);
  });

  it('takes the longest name and only whole words', () => {
    expect(found('From Novi Sad via Nišava to Niš, Bela-Palanka and Велико Търново')).toEqual([
      ['Novi Sad', 5, 8],
      ['Niš', 28, 3],
      ['Bela Palanka', 33, 12],
      ['Veliko Tarnovo', 50, 14],
    ]);
    expect(found('Novi. Sad')).toEqual([]);
    expect(found("Niš's cluster")).toEqual([['Niš', 0, 3]]);
  });

  it('needs a capital unless told otherwise', () => {
    expect(found('a clever ruse in Ruse')).toEqual([['Ruse', 17, 4]]);
    expect(found('20151128_stip_revija')).toEqual([]);
    expect(found('20151128_stip_revija', { anyCase: true })).toEqual([['Štip', 9, 4]]);
    expect(found('Stip2015', { anyCase: true })).toEqual([['Štip', 0, 4]]);
  });

  it('finds nothing in text without towns', () => {
    expect(found('')).toEqual([]);
    expect(found('The General Assembly adopted the plan.')).toEqual([]);
  });
});
