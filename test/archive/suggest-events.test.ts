import { describe, expect, it } from 'vitest';
import {
  suggestEvents,
  type FolderFacts,
  type SuggestPhoto,
} from '../../electron/archive/suggest-events';

const show = '2015/2015-11-28 Modna revija Štip';

function photo(id: number, takenAt: string, extra: Partial<SuggestPhoto> = {}): SuggestPhoto {
  return {
    id,
    takenAt,
    camera: 'NIKON D7000',
    folderId: 1,
    folderPath: show,
    iptcEvent: null,
    iptcCity: null,
    iptcLocation: null,
    ...extra,
  };
}

const idsOf = (photos: readonly SuggestPhoto[]) => suggestEvents(photos).map((s) => s.photoIds);

describe('suggestEvents', () => {
  it('suggests nothing for no photos', () => {
    expect(suggestEvents([])).toEqual([]);
  });

  it('suggests a one-photo event', () => {
    expect(suggestEvents([photo(7, '2015-11-28T18:03:12')])).toEqual([
      {
        key: '7-7-1',
        startsAt: '2015-11-28T18:03:12',
        endsAt: '2015-11-28T18:03:12',
        startsOn: '2015-11-28',
        endsOn: null,
        photoIds: [7],
        folderPaths: [show],
        cameras: 1,
        title: null,
        city: null,
        venue: null,
        source: 'time',
      },
    ]);
  });

  it('starts a new event after a pause longer than three hours', () => {
    const at = (id: number, time: string) => photo(id, `2015-11-28T${time}`);
    expect(idsOf([at(1, '10:00:00'), at(2, '12:59:00')])).toEqual([[1, 2]]);
    expect(idsOf([at(1, '10:00:00'), at(2, '13:00:00')])).toEqual([[1, 2]]);
    expect(idsOf([at(1, '10:00:00'), at(2, '13:01:00')])).toEqual([[1], [2]]);
    expect(idsOf([at(1, '10:00:00'), at(2, '13:00:00.001')])).toEqual([[1], [2]]);
  });

  it('takes the pause from gapHours', () => {
    const photos = [
      photo(1, '2015-11-28T10:00:00'),
      photo(2, '2015-11-28T10:40:00'),
      photo(3, '2015-11-28T11:50:00'),
    ];
    const ids = (gapHours: number) => suggestEvents(photos, { gapHours }).map((s) => s.photoIds);
    expect(ids(1)).toEqual([[1, 2], [3]]);
    expect(ids(0.5)).toEqual([[1], [2], [3]]);
    expect(ids(1.5)).toEqual([[1, 2, 3]]);
  });

  it('keeps an event over midnight whole', () => {
    const [s, ...rest] = suggestEvents([
      photo(1, '2015-11-28T20:00:00'),
      photo(2, '2015-11-28T22:30:00'),
      photo(3, '2015-11-29T00:15:00'),
      photo(4, '2015-11-29T01:30:00'),
    ]);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      key: '1-4-4',
      startsAt: '2015-11-28T20:00:00',
      endsAt: '2015-11-29T01:30:00',
      startsOn: '2015-11-28',
      endsOn: '2015-11-29',
      photoIds: [1, 2, 3, 4],
    });
  });

  it('measures pauses across all cameras, so interleaved photographers stay one event', () => {
    // Alone, the Nikon pauses four hours; the phone's shots in between keep the event going.
    const nikon = { camera: 'NIKON D7000' };
    const phone = { camera: 'samsung SM-G930F' };
    const [s, ...rest] = suggestEvents([
      photo(1, '2015-11-28T10:00:00', nikon),
      photo(2, '2015-11-28T14:00:00', nikon),
      photo(3, '2015-11-28T11:30:00', phone),
      photo(4, '2015-11-28T12:45:00', phone),
      photo(5, '2015-11-28T12:45:00', nikon),
    ]);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ photoIds: [1, 3, 4, 5, 2], cameras: 2, key: '1-2-5' });
  });

  it('does not count unknown cameras', () => {
    const [s] = suggestEvents([
      photo(1, '2015-11-28T10:00:00', { camera: null }),
      photo(2, '2015-11-28T10:01:00'),
    ]);
    expect(s?.cameras).toBe(1);
  });

  it('keeps folders whose photos interleave in time as one event', () => {
    const nikon = { folderId: 1, folderPath: '2015/Sajam/Nikon' };
    const phone = { folderId: 2, folderPath: '2015/Sajam/Phone' };
    const suggestions = suggestEvents([
      photo(1, '2015-11-28T10:00:00', nikon),
      photo(2, '2015-11-28T10:20:00', phone),
      photo(3, '2015-11-28T10:40:00', nikon),
      photo(4, '2015-11-28T11:00:00', phone),
    ]);
    expect(suggestions.map((s) => [s.photoIds, s.folderPaths])).toEqual([
      [
        [1, 2, 3, 4],
        ['2015/Sajam/Nikon', '2015/Sajam/Phone'],
      ],
    ]);
  });

  it('splits folders that follow one another on the same day', () => {
    const morning = { folderId: 1, folderPath: '2015/2015-11-28 Info den Skopje' };
    const afternoon = { folderId: 2, folderPath: '2015/2015-11-28 Info den Tetovo' };
    const suggestions = suggestEvents([
      photo(1, '2015-11-28T09:00:00', morning),
      photo(2, '2015-11-28T12:00:00', morning),
      photo(3, '2015-11-28T13:00:00', afternoon),
      photo(4, '2015-11-28T15:00:00', afternoon),
    ]);
    expect(suggestions.map((s) => [s.photoIds, s.folderPaths])).toEqual([
      [[1, 2], ['2015/2015-11-28 Info den Skopje']],
      [[3, 4], ['2015/2015-11-28 Info den Tetovo']],
    ]);
  });

  it('joins folders chained by overlaps, and folders that touch at one instant', () => {
    const a = { folderId: 1, folderPath: 'A' };
    const b = { folderId: 2, folderPath: 'B' };
    const c = { folderId: 3, folderPath: 'C' };
    const d = { folderId: 4, folderPath: 'D' };
    expect(
      idsOf([
        photo(1, '2015-11-28T09:00:00', a),
        photo(2, '2015-11-28T10:30:00', b),
        photo(3, '2015-11-28T11:00:00', a),
        photo(4, '2015-11-28T12:30:00', c),
        photo(5, '2015-11-28T13:00:00', b),
        photo(6, '2015-11-28T14:00:00', c),
        photo(7, '2015-11-28T14:00:00', d),
        photo(8, '2015-11-28T14:30:00', d),
        photo(9, '2015-11-28T14:31:00', a),
      ]),
    ).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9]]);
    expect(
      idsOf([
        photo(1, '2015-11-28T09:00:00', a),
        photo(2, '2015-11-28T10:30:00', b),
        photo(3, '2015-11-28T11:00:00', a),
        photo(4, '2015-11-28T12:30:00', c),
        photo(5, '2015-11-28T13:00:00', b),
        photo(6, '2015-11-28T14:00:00', c),
        photo(7, '2015-11-28T14:00:01', d),
      ]),
    ).toEqual([[1, 2, 3, 4, 5, 6], [7]]);
  });

  it('pre-fills from the most common IPTC event, city and sublocation', () => {
    const [s] = suggestEvents(
      [
        photo(1, '2015-11-28T18:00:00', { iptcEvent: 'Proba', iptcLocation: 'Dom na kultura' }),
        photo(2, '2015-11-28T18:10:00', { iptcEvent: 'Modna revija', iptcCity: 'Štip' }),
        photo(3, '2015-11-28T18:20:00', { iptcEvent: ' Modna revija ', iptcCity: 'Štip' }),
        photo(4, '2015-11-28T18:30:00', { iptcEvent: '  ', iptcLocation: 'Dom na kultura' }),
        photo(5, '2015-11-28T18:40:00', { iptcEvent: 'Proba', iptcLocation: 'Hotel Oaza' }),
      ],
      { describeFolder: () => ({ date: '2015-11-28', title: 'From folder', city: 'Skopje' }) },
    );
    // 'Proba' and 'Modna revija' tie at two each: the first seen wins.
    expect(s).toMatchObject({
      title: 'Proba',
      city: 'Štip',
      venue: 'Dom na kultura',
      source: 'iptc',
    });
  });

  it('pre-fills from the folder of most of the photos when IPTC says nothing', () => {
    const facts: Record<string, FolderFacts> = {
      '2015/Misc': { date: null, title: null, city: null },
      [show]: { date: '2015-11-28', title: 'Modna revija Štip', city: 'Štip' },
      '2015/2015-11-28 Proba Skopje': { date: '2015-11-28', title: 'Proba', city: 'Skopje' },
    };
    const calls: string[] = [];
    const describeFolder = (path: string) => {
      calls.push(path);
      return facts[path]!;
    };
    const misc = { folderId: 1, folderPath: '2015/Misc' };
    const revija = { folderId: 2, folderPath: show };
    const proba = { folderId: 3, folderPath: '2015/2015-11-28 Proba Skopje' };
    const [s] = suggestEvents(
      [
        photo(1, '2015-11-28T18:00:00', misc),
        photo(2, '2015-11-28T18:05:00', proba),
        photo(3, '2015-11-28T18:10:00', revija),
        photo(4, '2015-11-28T18:15:00', misc),
        photo(5, '2015-11-28T18:20:00', revija),
        photo(6, '2015-11-28T18:30:00', misc),
        photo(7, '2015-11-28T18:40:00', revija),
      ],
      { describeFolder },
    );
    // Misc holds as many photos but names nothing; the show's folder is next and does.
    expect(s).toMatchObject({
      title: 'Modna revija Štip',
      city: 'Štip',
      venue: null,
      source: 'folder',
    });
    // Once per folder, not once per photo.
    expect(calls.sort()).toEqual([show, '2015/2015-11-28 Proba Skopje', '2015/Misc']);
  });

  it('takes the city from IPTC even when the title comes from the folder', () => {
    const [s] = suggestEvents([photo(1, '2015-11-28T18:00:00', { iptcCity: 'Veles' })], {
      describeFolder: () => ({ date: null, title: 'Modna revija Štip', city: 'Štip' }),
    });
    expect(s).toMatchObject({ title: 'Modna revija Štip', city: 'Veles', source: 'folder' });
  });

  it('keeps the folder title but the photos’ dates when the folder date is far off', () => {
    const [s] = suggestEvents([photo(1, '2015-01-01T00:10:00'), photo(2, '2015-01-01T01:00:00')], {
      describeFolder: () => ({ date: '2015-11-28', title: 'Modna revija Štip', city: 'Štip' }),
    });
    expect(s).toMatchObject({
      startsAt: '2015-01-01T00:10:00',
      startsOn: '2015-01-01',
      endsOn: null,
      title: 'Modna revija Štip',
      source: 'folder',
    });
  });

  it('leaves the title to the UI when nothing names the event', () => {
    const [s] = suggestEvents([photo(1, '2015-11-28T18:00:00', { iptcEvent: '' })], {
      describeFolder: () => ({ date: '2015-11-28', title: null, city: null }),
    });
    expect(s).toMatchObject({ title: null, city: null, venue: null, source: 'time' });
  });

  it('counts cities by their canonical name', () => {
    const canon: Record<string, string> = { Nis: 'Niš', Ниш: 'Niš', Skopje: 'Skopje' };
    const canonicalCity = (name: string) => canon[name] ?? null;
    const [s] = suggestEvents(
      [
        photo(1, '2015-11-28T18:00:00', { iptcCity: 'Skopje' }),
        photo(2, '2015-11-28T18:10:00', { iptcCity: 'Nis' }),
        photo(3, '2015-11-28T18:20:00', { iptcCity: 'Ниш' }),
      ],
      { canonicalCity },
    );
    expect(s?.city).toBe('Niš');

    // A name the function does not know is kept as written; so is a folder's city.
    const [village] = suggestEvents(
      [photo(1, '2015-11-28T18:00:00', { iptcCity: 'Dolni Disan' })],
      {
        canonicalCity,
      },
    );
    expect(village?.city).toBe('Dolni Disan');
    const [folder] = suggestEvents([photo(1, '2015-11-28T18:00:00')], {
      canonicalCity,
      describeFolder: () => ({ date: null, title: 'Sajam', city: 'Nis' }),
    });
    expect(folder?.city).toBe('Niš');
  });

  it('gives the same photos the same key on every call', () => {
    const event = [
      photo(10, '2015-11-28T18:00:00'),
      photo(11, '2015-11-28T18:10:00'),
      photo(12, '2015-11-28T18:20:00'),
    ];
    const other = photo(99, '2016-03-08T10:00:00');
    expect(suggestEvents(event).map((s) => s.key)).toEqual(['10-12-3']);
    expect(suggestEvents([other, ...event].reverse()).map((s) => s.key)).toEqual([
      '10-12-3',
      '99-99-1',
    ]);
    expect(suggestEvents([...event, photo(13, '2015-11-28T18:30:00')])[0]?.key).toBe('10-13-4');
  });

  it('orders unsorted input by time, then id', () => {
    const sorted = [
      photo(3, '2015-11-28T09:00:00'),
      photo(1, '2015-11-28T09:00:00.500'),
      photo(2, '2015-11-28T09:00:00.500'),
      photo(5, '2015-11-28T09:30:00'),
      photo(4, '2015-11-29T09:00:00'),
    ];
    const shuffled = [sorted[3]!, sorted[0]!, sorted[4]!, sorted[2]!, sorted[1]!];
    expect(idsOf(shuffled)).toEqual([[3, 1, 2, 5], [4]]);
    expect(suggestEvents(shuffled)).toEqual(suggestEvents(sorted));
    expect(suggestEvents(shuffled).map((s) => s.startsAt)).toEqual([
      '2015-11-28T09:00:00',
      '2015-11-29T09:00:00',
    ]);
  });

  it('leaves out photos whose time cannot be read', () => {
    expect(idsOf([photo(1, 'sometime'), photo(2, '2015-11-28T18:00:00')])).toEqual([[2]]);
  });

  it('handles 100,000 photos', () => {
    // 1,000 events of 100 photos, two cameras and two folders each, shuffled.
    const photos: SuggestPhoto[] = [];
    for (let e = 0; e < 1000; e++) {
      const start = Date.UTC(2010, 0, 1) + e * 86_400_000;
      for (let k = 0; k < 100; k++) {
        const takenAt = new Date(start + k * 60_000).toISOString().slice(0, 19);
        photos.push(
          photo(e * 100 + k, takenAt, {
            camera: k % 2 ? 'NIKON D7000' : 'Apple iPhone 6',
            folderId: e * 2 + (k % 2),
            folderPath: `event ${e}/${k % 2 ? 'Nikon' : 'Phone'}`,
            iptcEvent: k % 3 ? `Event ${e}` : null,
          }),
        );
      }
    }
    for (let i = photos.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [photos[i], photos[j]] = [photos[j]!, photos[i]!];
    }
    const suggestions = suggestEvents(photos);
    expect(suggestions).toHaveLength(1000);
    expect(suggestions.reduce((n, s) => n + s.photoIds.length, 0)).toBe(100_000);
    expect(suggestions[999]).toMatchObject({
      title: 'Event 999',
      cameras: 2,
      key: '99900-99999-100',
    });
  });
});
