import { describe, expect, it } from 'vitest';
import { parseFolderName } from '../../electron/archive/folder-name';

describe('parseFolderName', () => {
  it.each([
    ['2015-11-28 Modna revija Štip', '2015-11-28', 'Modna revija Štip', 'Štip'],
    ['2015-11-19 Niš training', '2015-11-19', 'Niš training', 'Niš'],
    ['2017-12-28 Skupština Niš', '2017-12-28', 'Skupština Niš', 'Niš'],
    ['20151128_Stip_revija', '2015-11-28', 'Stip revija', 'Štip'],
    ['2015_11_28-modna revija bitola', '2015-11-28', 'modna revija bitola', 'Bitola'],
    ['28.11.2015 Štip', '2015-11-28', 'Štip', 'Štip'],
    ['28.11.2015. Štip', '2015-11-28', 'Štip', 'Štip'],
    ['Info dan Vranje 24.11.2015', '2015-11-24', 'Info dan Vranje', 'Vranje'],
    ['2015-11-24 Furniture-RE Vranje', '2015-11-24', 'Furniture-RE Vranje', 'Vranje'],
    ['Леринг Ниш 2016-03-10', '2016-03-10', 'Леринг Ниш', 'Niš'],
    ['19-20.11.2015 Obuka Nis', '2015-11-19', 'Obuka Nis', 'Niš'],
    [
      'Sajam Veliko Tarnovo 2 December 2015',
      '2015-12-02',
      'Sajam Veliko Tarnovo',
      'Veliko Tarnovo',
    ],
    ['Bela_Palanka_info_dan', null, 'Bela Palanka info dan', 'Bela Palanka'],
    ['Cluster House assembly', null, 'Cluster House assembly', null],
    ['2015-11-28', '2015-11-28', null, null],
  ])('%s', (name, date, title, city) => {
    expect(parseFolderName(name)).toEqual({ date, title, city });
  });

  it('reads only the last segment of a path', () => {
    expect(parseFolderName('/photos/2015/2015-11-28 Modna revija Štip/')).toEqual({
      date: '2015-11-28',
      title: 'Modna revija Štip',
      city: 'Štip',
    });
    expect(parseFolderName('C:\\Foto\\Niš 2015\\Info dan Vranje 24.11.2015')).toEqual({
      date: '2015-11-24',
      title: 'Info dan Vranje',
      city: 'Vranje',
    });
  });

  it('gives nulls for year folders and camera folders', () => {
    const nothing = { date: null, title: null, city: null };
    for (const name of ['2015', 'DCIM', '100NIKON', '101MSDCF', '100_FUJI', 'photos/2016/', ''])
      expect([name, parseFolderName(name)]).toEqual([name, nothing]);
  });

  it('keeps a date the calendar lacks in the title rather than inventing one', () => {
    expect(parseFolderName('2015-02-30 Štip')).toEqual({
      date: null,
      title: '2015-02-30 Štip',
      city: 'Štip',
    });
  });
});
