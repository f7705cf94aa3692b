import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText, isHtml } from '../../electron/archive/news/html-to-text';
import { parseNews, type NewsParse } from '../../electron/archive/news/parse-news';
import { findPhotoNames, isFileListLine } from '../../electron/archive/news/photo-names';
import { splitSentences } from '../../electron/archive/news/sentences';

const item = (name: string) =>
  readFileSync(new URL(`./news-items/${name}`, import.meta.url), 'utf8');

/** otherDates as [text, startsOn, endsOn] in ISO form, after checking their offsets. */
function others(parse: NewsParse): [string, string, string | null][] {
  return parse.otherDates.map((m) => {
    expect(parse.text.slice(m.index, m.index + m.length)).toBe(m.text);
    const iso = (p: typeof m.startsOn | null) =>
      p &&
      `${p.year ?? '????'}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
    return [m.text, iso(m.startsOn) ?? '', iso(m.endsOn)];
  });
}

describe('parseNews on the office’s news items', () => {
  it('one event told as announcement and report, a project period in passing', () => {
    const parse = parseNews(item('fashion-show-stip.txt'));
    expect(parse.title).toBe('Fashion show of the textile cluster in Štip');
    expect(parse.events).toEqual([
      {
        title: 'Fashion show of the textile cluster in Štip',
        startsOn: '2015-11-28',
        endsOn: null,
        venue: 'Cultural Centre "Aco Šopov"',
        city: 'Štip',
        evidence:
          'The show will be held on 28.11.2015 at 19:00 in the Cultural Centre "Aco Šopov" in Štip.',
      },
    ]);
    expect(others(parse)).toEqual([['1.3.2015 to 31.8.2016', '2015-03-01', '2016-08-31']]);
    expect(parse.photoNames).toEqual(['dsc_2208.jpg', 'dsc_2209.jpg', 'dsc_2215.jpg']);
    expect(parse.needsYear).toBe(false);
  });

  it('two info days in two towns are two events; posting date and deadline are not', () => {
    const parse = parseNews(item('info-days-vranje-leskovac.html'));
    const evidence =
      'Info days will be held on 24.11.2015 in Vranje (City Hall) and on 25.11.2015 in Leskovac (Chamber of Commerce), from 10:00 to 13:00.';
    expect(parse.title).toBe('Info days on the new call for proposals');
    expect(parse.events).toEqual([
      {
        title: 'Info days on the new call for proposals – Vranje',
        startsOn: '2015-11-24',
        endsOn: null,
        venue: 'City Hall',
        city: 'Vranje',
        evidence,
      },
      {
        title: 'Info days on the new call for proposals – Leskovac',
        startsOn: '2015-11-25',
        endsOn: null,
        venue: 'Chamber of Commerce',
        city: 'Leskovac',
        evidence,
      },
    ]);
    expect(others(parse)).toEqual([
      ['20.11.2015', '2015-11-20', null],
      ['15 January 2016', '2016-01-15', null],
    ]);
    expect(parse.photoNames).toEqual(['dsc_2208.jpg', 'dsc_2210.jpg', 'IMG_5218.JPG']);
    // Entities decoded, script and styles gone, list items on lines of their own.
    expect(parse.text).toContain('Cross-border Programme Bulgaria – Serbia.');
    expect(parse.text).toContain('free of charge & no registration');
    expect(parse.text).toContain('• dsc_2208.jpg\n• dsc_2210.jpg\n• IMG_5218.JPG');
    expect(parse.text).not.toMatch(/views|margin|&nbsp;|&#8211;/);
  });

  it('a range with a visit inside it is one event; kick-off and next training are in passing', () => {
    const parse = parseNews(item('training-nis-range.txt'));
    expect(parse.events).toEqual([
      {
        title: 'Two-day training on export marketing in Niš',
        startsOn: '2015-11-19',
        endsOn: '2015-11-20',
        venue: 'Regional Chamber of Commerce',
        city: 'Niš',
        evidence:
          'A two-day training on export marketing for members of the furniture cluster was held on 19-20.11.2015 in Ниш, in the premises of the Regional Chamber of Commerce.',
      },
    ]);
    expect(others(parse)).toEqual([
      ['2 October', '2015-10-02', null],
      ['15.12.2015', '2015-12-15', null],
    ]);
  });

  it('a date without a year needs one, unless the caller knows the photos’ year', () => {
    const text = item('assembly-no-year.txt');
    const event = {
      title: 'Annual assembly of the Cluster House',
      venue: 'Chamber of Commerce',
      city: 'Leskovac',
      evidence:
        'The annual assembly of the Cluster House will take place on December 2nd at 11:00 in the premises of the Chamber of Commerce in Leskovac.',
    };
    const bare = parseNews(text);
    expect(bare.events).toEqual([{ ...event, startsOn: null, endsOn: null }]);
    expect(bare.needsYear).toBe(true);
    expect(others(bare)).toEqual([['November 30th', '????-11-30', null]]);

    const dated = parseNews(text, { fallbackYear: 2017 });
    expect(dated.events).toEqual([{ ...event, startsOn: '2017-12-02', endsOn: null }]);
    expect(dated.needsYear).toBe(false);
    expect(others(dated)).toEqual([['November 30th', '2017-11-30', null]]);
  });

  it('reads a Macedonian Cyrillic item', () => {
    const parse = parseNews(item('fashion-show-cyrillic.txt'));
    expect(parse.title).toBe('Модна ревија во Штип');
    expect(parse.events).toEqual([
      {
        title: 'Модна ревија во Штип',
        startsOn: '2015-11-28',
        endsOn: null,
        venue: null,
        city: 'Štip',
        evidence:
          'Ревијата ќе се одржи на 28.11.2015 година во Штип, во Домот на културата, со почеток во 19 часот.',
      },
    ]);
    expect(others(parse)).toEqual([['20.11.2015', '2015-11-20', null]]);
  });

  it('reads English dates with a weekday; an earlier assembly is in passing', () => {
    const parse = parseNews(item('assembly-english-dates.txt'));
    expect(parse.events).toEqual([
      {
        title: 'General assembly of the business network in Niš',
        startsOn: '2017-12-28',
        endsOn: null,
        venue: 'City Hall',
        city: 'Niš',
        evidence:
          'On Thursday, 28th of December, 2017, the members of the business network gathered in Niš for their annual general assembly, hosted by the City of Niš in the City Hall.',
      },
    ]);
    expect(others(parse)).toEqual([['December 15, 2016', '2016-12-15', null]]);
  });

  it('an item without dates has no events but keeps its photos', () => {
    const parse = parseNews(item('no-date.txt'));
    expect(parse).toMatchObject({
      title: 'Cluster members visit the furniture fair',
      events: [],
      otherDates: [],
      photoNames: ['P1000123.JPG', 'P1000124.JPG'],
      needsYear: false,
    });
  });

  it('a range across months, with the town in Cyrillic', () => {
    const parse = parseNews(item('study-visit-cross-month.txt'));
    expect(parse.events).toEqual([
      {
        title: 'Study visit of entrepreneurs from Vranje to Bulgaria',
        startsOn: '2015-11-30',
        endsOn: '2015-12-02',
        venue: null,
        city: 'Kyustendil',
        evidence:
          'Twenty entrepreneurs from Vranje and Surdulica took part in a study visit that took place 30.11 - 2.12.2015 in Кюстендил and Sofia.',
      },
    ]);
    expect(parse.otherDates).toEqual([]);
  });

  it('two trainings in two paragraphs; the deadline without a year takes theirs', () => {
    const parse = parseNews(item('trainings-pirot-vranje.txt'));
    expect(parse.events).toEqual([
      {
        title: 'Trainings on digital marketing in Pirot and Vranje – Pirot',
        startsOn: '2015-11-19',
        endsOn: '2015-11-20',
        venue: 'Hotel "Ambasador"',
        city: 'Pirot',
        evidence:
          'The first training will be held on November 19-20, 2015 at the Hotel "Ambasador" in Pirot.',
      },
      {
        title: 'Trainings on digital marketing in Pirot and Vranje – Vranje',
        startsOn: '2015-11-24',
        endsOn: null,
        venue: 'Vranje Business Incubator',
        city: 'Vranje',
        evidence:
          'The second training will take place on 24 November 2015 in Vranje, in the premises of the Vranje Business Incubator.',
      },
    ]);
    expect(others(parse)).toEqual([['15 November', '2015-11-15', null]]);
  });

  it('takes the title from <title> without the site name, and reads an ISO date', () => {
    const parse = parseNews(item('results-iso-date.html'));
    expect(parse.title).toBe('Furniture-RE: market study results');
    expect(parse.text.startsWith('Furniture-RE: market study results\n\nOn 2015-11-24 the')).toBe(
      true,
    );
    expect(parse.events).toEqual([
      {
        title: 'Furniture-RE: market study results',
        startsOn: '2015-11-24',
        endsOn: null,
        venue: 'Vranje City Hall',
        city: 'Vranje',
        evidence:
          'On 2015-11-24 the Furniture-RE partners presented the results of the market study at the Vranje City Hall…',
      },
    ]);
    expect(parse.text).toContain('the project team – see the full study.');
  });

  it('reads a Serbian Latin item with a range and a Serbian deadline', () => {
    const parse = parseNews(item('obuka-serbian-latin.txt'));
    expect(parse.events).toEqual([
      {
        title: 'Obuka za izvoznike – Niš',
        startsOn: '2015-11-19',
        endsOn: '2015-11-20',
        venue: 'Regionalne privredne komore Niš',
        city: 'Niš',
        evidence:
          'Obuka „Izvoz na tržište EU“ održana je 19 - 20.11.2015. godine u prostorijama Regionalne privredne komore Niš.',
      },
    ]);
    expect(others(parse)).toEqual([['10.12.2015', '2015-12-10', null]]);
  });

  it('a fair mentioned further down, of another kind than the title’s, is in passing', () => {
    const parse = parseNews(item('info-day-bela-palanka.txt'));
    expect(parse.events).toEqual([
      {
        title: 'Info day for entrepreneurs in Bela Palanka',
        startsOn: '2015-11-27',
        endsOn: null,
        venue: 'Bela Palanka Cultural Centre',
        city: 'Bela Palanka',
        evidence:
          'An info day for entrepreneurs from Bela Palanka, Pirot and Babušnica was held on Friday, 27 November 2015 in the Bela Palanka Cultural Centre.',
      },
    ]);
    expect(others(parse)).toEqual([['10 October 2015', '2015-10-10', null]]);
    expect(parse.photoNames).toEqual(['dsc_3001.jpg', 'dsc_3002.jpg']);
  });
});

describe('parseNews on short inputs', () => {
  it('reads nothing from nothing', () => {
    expect(parseNews('')).toEqual({
      title: '',
      text: '',
      events: [],
      otherDates: [],
      photoNames: [],
      needsYear: false,
    });
  });

  it('splits two towns and two dates when each town comes first', () => {
    const parse = parseNews(
      'Info day\r\nThe info day will be held in Vranje on 24.11.2015 and in Leskovac on 25.11.2015.',
    );
    expect(parse.events.map((e) => [e.title, e.startsOn, e.city])).toEqual([
      ['Info day – Vranje', '2015-11-24', 'Vranje'],
      ['Info day – Leskovac', '2015-11-25', 'Leskovac'],
    ]);
  });

  it('takes the venue from a "Venue:" line and the year from the item', () => {
    const parse = parseNews(
      'Cluster news\n\nThe show on 28 November was a success.\nDate: 28.11.2015\nVenue: Cultural Centre, Štip',
    );
    expect(parse.events).toEqual([
      {
        title: 'Cluster news',
        startsOn: '2015-11-28',
        endsOn: null,
        venue: 'Cultural Centre, Štip',
        city: 'Štip',
        evidence: 'The show on 28 November was a success.',
      },
    ]);
    expect(parse.otherDates).toEqual([]);
  });

  it('falls back to the best-placed date when no date has an event cue', () => {
    const parse = parseNews('Photos\n\nLeskovac, 5.12.2015');
    expect(parse.events.map((e) => [e.startsOn, e.city, e.evidence])).toEqual([
      ['2015-12-05', 'Leskovac', 'Leskovac, 5.12.2015'],
    ]);
  });
});

describe('news helpers', () => {
  it('tells HTML from text that holds a "<"', () => {
    expect(isHtml('<p>Info day</p>')).toBe(true);
    expect(isHtml('Info day <br/> Vranje')).toBe(true);
    expect(isHtml('Turnover < 2 million, visitors > 300')).toBe(false);
  });

  it('converts HTML keeping paragraphs, list items and entities', () => {
    expect(
      htmlToText(
        '<h2>Info&nbsp;day</h2><p>Held in <b>Vranje</b>&#8211;24.11.2015<br>Hall&nbsp;&amp;&#x20AC;</p><!-- x --><ol><li>a</li><li>b</li></ol>',
      ),
    ).toEqual({
      title: 'Info day',
      text: 'Info day\n\nHeld in Vranje–24.11.2015\nHall &€\n\n• a\n• b',
    });
  });

  it('lists photo names once, as first written', () => {
    expect(
      findPhotoNames(
        'dsc_2208.jpg, DSC_2208.JPG; IMG_20151120_101530.jpg and P1000123.JPG plan.pdf',
      ),
    ).toEqual(['dsc_2208.jpg', 'IMG_20151120_101530.jpg', 'P1000123.JPG']);
  });

  it('knows a line that only lists files', () => {
    expect(isFileListLine('• Agenda_24.11.2015.pdf')).toBe(true);
    expect(isFileListLine('Photos: dsc_1.jpg, dsc_2.jpg')).toBe(true);
    expect(isFileListLine('See dsc_1.jpg for the show held on 28.11.2015 in Štip.')).toBe(false);
    expect(isFileListLine('No files here.')).toBe(false);
  });

  it('cuts sentences at full stops before capitals, not inside dates', () => {
    expect(splitSentences('Held on 28. 11. 2015. It was\ngood.\n\n• a list item', 10)).toEqual([
      { text: 'Held on 28. 11. 2015.', index: 10, paragraph: 0 },
      { text: 'It was good.', index: 32, paragraph: 0 },
      { text: '• a list item', index: 46, paragraph: 1 },
    ]);
  });
});
