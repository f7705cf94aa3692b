/**
 * The vocabulary of a south-Serbian / Macedonian organisation's photo archive: the towns it
 * works in (written in Latin and Cyrillic, as staff do), its kinds of events, and the cameras
 * and phones its staff carried from 2010 to 2025.
 */

export interface Town {
  latin: string;
  cyrillic: string;
  /** The locative after "u"/"во" ("u Nišu"), which search must find by prefix. */
  locative: string;
  country: 'Srbija' | 'Severna Makedonija' | 'Bugarska';
  latitude: number;
  longitude: number;
}

export const towns: readonly Town[] = [
  {
    latin: 'Niš',
    cyrillic: 'Ниш',
    locative: 'Nišu',
    country: 'Srbija',
    latitude: 43.3209,
    longitude: 21.8958,
  },
  {
    latin: 'Leskovac',
    cyrillic: 'Лесковац',
    locative: 'Leskovcu',
    country: 'Srbija',
    latitude: 42.9981,
    longitude: 21.9461,
  },
  {
    latin: 'Vranje',
    cyrillic: 'Врање',
    locative: 'Vranju',
    country: 'Srbija',
    latitude: 42.5514,
    longitude: 21.9003,
  },
  {
    latin: 'Pirot',
    cyrillic: 'Пирот',
    locative: 'Pirotu',
    country: 'Srbija',
    latitude: 43.1531,
    longitude: 22.5861,
  },
  {
    latin: 'Zaječar',
    cyrillic: 'Зајечар',
    locative: 'Zaječaru',
    country: 'Srbija',
    latitude: 43.9042,
    longitude: 22.2847,
  },
  {
    latin: 'Prokuplje',
    cyrillic: 'Прокупље',
    locative: 'Prokuplju',
    country: 'Srbija',
    latitude: 43.2342,
    longitude: 21.5881,
  },
  {
    latin: 'Surdulica',
    cyrillic: 'Сурдулица',
    locative: 'Surdulici',
    country: 'Srbija',
    latitude: 42.6903,
    longitude: 22.1672,
  },
  {
    latin: 'Beograd',
    cyrillic: 'Београд',
    locative: 'Beogradu',
    country: 'Srbija',
    latitude: 44.8176,
    longitude: 20.4569,
  },
  {
    latin: 'Novi Sad',
    cyrillic: 'Нови Сад',
    locative: 'Novom Sadu',
    country: 'Srbija',
    latitude: 45.2671,
    longitude: 19.8335,
  },
  {
    latin: 'Skopje',
    cyrillic: 'Скопје',
    locative: 'Skopju',
    country: 'Severna Makedonija',
    latitude: 41.9981,
    longitude: 21.4254,
  },
  {
    latin: 'Štip',
    cyrillic: 'Штип',
    locative: 'Štipu',
    country: 'Severna Makedonija',
    latitude: 41.7358,
    longitude: 22.1914,
  },
  {
    latin: 'Kumanovo',
    cyrillic: 'Куманово',
    locative: 'Kumanovu',
    country: 'Severna Makedonija',
    latitude: 42.1322,
    longitude: 21.7144,
  },
  {
    latin: 'Bitola',
    cyrillic: 'Битола',
    locative: 'Bitoli',
    country: 'Severna Makedonija',
    latitude: 41.0314,
    longitude: 21.3347,
  },
  {
    latin: 'Ohrid',
    cyrillic: 'Охрид',
    locative: 'Ohridu',
    country: 'Severna Makedonija',
    latitude: 41.1172,
    longitude: 20.8016,
  },
  {
    latin: 'Strumica',
    cyrillic: 'Струмица',
    locative: 'Strumici',
    country: 'Severna Makedonija',
    latitude: 41.4378,
    longitude: 22.6427,
  },
  {
    latin: 'Kočani',
    cyrillic: 'Кочани',
    locative: 'Kočanima',
    country: 'Severna Makedonija',
    latitude: 41.9164,
    longitude: 22.4128,
  },
  {
    latin: 'Veles',
    cyrillic: 'Велес',
    locative: 'Velesu',
    country: 'Severna Makedonija',
    latitude: 41.7156,
    longitude: 21.7756,
  },
  {
    latin: 'Kratovo',
    cyrillic: 'Кратово',
    locative: 'Kratovu',
    country: 'Severna Makedonija',
    latitude: 42.0783,
    longitude: 22.175,
  },
  {
    latin: 'Kriva Palanka',
    cyrillic: 'Крива Паланка',
    locative: 'Krivoj Palanci',
    country: 'Severna Makedonija',
    latitude: 42.2019,
    longitude: 22.3319,
  },
  {
    latin: 'Kjustendil',
    cyrillic: 'Кюстендил',
    locative: 'Kjustendilu',
    country: 'Bugarska',
    latitude: 42.2839,
    longitude: 22.6911,
  },
];

/** Kinds of events, as they appear in folder names: Serbian, Macedonian and English. */
export const eventKinds: readonly string[] = [
  'Fashion show',
  'Modna revija',
  'Omladinska razmena',
  'Youth exchange',
  'Završna konferencija',
  'Kick-off meeting',
  'Obuka za trenere',
  'Studijska poseta',
  'Ulični festival',
  'Okrugli sto',
  'Radionica',
  'Koncert',
  'Otvaranje izložbe',
  'Konferencija za medije',
  'Sajam zapošljavanja',
  'Volonterska akcija',
  'Humanitarni bazar',
  'Sportski dan',
  'Filmski festival',
  'Работилница',
  'Изложба',
  'Трибина',
  'Семинар',
  'Фестивал на младите',
  'Средба на партнери',
];

export interface CameraModel {
  make: string;
  model: string;
  /** The counter prefix of its file names; phones name files by time instead. */
  prefix: 'DSC_' | 'IMG_' | 'DSC0' | 'DSCF' | 'P101' | 'P100' | 'phone';
  width: number;
  height: number;
  lens: string | null;
}

const camera = (
  make: string,
  model: string,
  prefix: CameraModel['prefix'],
  width: number,
  height: number,
  lens: string | null = null,
): CameraModel => ({ make, model, prefix, width, height, lens });

export const cameraModels: readonly CameraModel[] = [
  camera('NIKON CORPORATION', 'NIKON D750', 'DSC_', 6016, 4016, '24.0-120.0 mm f/4.0'),
  camera('NIKON CORPORATION', 'NIKON D7100', 'DSC_', 6000, 4000, '18.0-105.0 mm f/3.5-5.6'),
  camera('NIKON CORPORATION', 'NIKON D5300', 'DSC_', 6000, 4000, '18.0-55.0 mm f/3.5-5.6'),
  camera('NIKON CORPORATION', 'NIKON D3200', 'DSC_', 6016, 4000, '18.0-55.0 mm f/3.5-5.6'),
  camera('NIKON CORPORATION', 'NIKON D90', 'DSC_', 4288, 2848, '18.0-105.0 mm f/3.5-5.6'),
  camera('NIKON CORPORATION', 'NIKON D3100', 'DSC_', 4608, 3072),
  camera('NIKON CORPORATION', 'NIKON D610', 'DSC_', 6016, 4016, '50.0 mm f/1.8'),
  camera('NIKON CORPORATION', 'NIKON Z 6', 'DSC_', 6048, 4024, 'NIKKOR Z 24-70mm f/4 S'),
  camera('Canon', 'Canon EOS 5D Mark III', 'IMG_', 5760, 3840, 'EF24-105mm f/4L IS USM'),
  camera('Canon', 'Canon EOS 6D', 'IMG_', 5472, 3648, 'EF24-105mm f/4L IS USM'),
  camera('Canon', 'Canon EOS 80D', 'IMG_', 6000, 4000, 'EF-S18-135mm f/3.5-5.6 IS USM'),
  camera('Canon', 'Canon EOS 700D', 'IMG_', 5184, 3456, 'EF-S18-55mm f/3.5-5.6 IS STM'),
  camera('Canon', 'Canon EOS 200D', 'IMG_', 6000, 4000, 'EF-S18-55mm f/4-5.6 IS STM'),
  camera('Canon', 'Canon EOS 600D', 'IMG_', 5184, 3456),
  camera('Canon', 'Canon EOS 1100D', 'IMG_', 4272, 2848),
  camera('Canon', 'Canon EOS R6', 'IMG_', 5472, 3648, 'RF24-105mm F4 L IS USM'),
  camera('Canon', 'Canon PowerShot G7 X Mark II', 'IMG_', 5472, 3648),
  camera('SONY', 'ILCE-7M3', 'DSC0', 6000, 4000, 'FE 24-105mm F4 G OSS'),
  camera('SONY', 'ILCE-7M2', 'DSC0', 6000, 4000),
  camera('SONY', 'ILCE-6000', 'DSC0', 6000, 4000, 'E PZ 16-50mm F3.5-5.6 OSS'),
  camera('SONY', 'DSC-RX100M3', 'DSC0', 5472, 3648),
  camera('SONY', 'DSC-HX60V', 'DSC0', 5184, 3888),
  camera('FUJIFILM', 'X-T2', 'DSCF', 6000, 4000, 'XF18-55mmF2.8-4 R LM OIS'),
  camera('FUJIFILM', 'X-T20', 'DSCF', 6000, 4000),
  camera('FUJIFILM', 'X-E3', 'DSCF', 6000, 4000),
  camera('FUJIFILM', 'X100F', 'DSCF', 6000, 4000),
  camera('OLYMPUS IMAGING CORP.', 'E-M10MarkII', 'P101', 4608, 3456),
  camera('OLYMPUS CORPORATION', 'E-M5MarkIII', 'P101', 5184, 3888),
  camera('Panasonic', 'DMC-GH4', 'P100', 4608, 3456),
  camera('Panasonic', 'DMC-FZ1000', 'P100', 5472, 3648),
  camera('Panasonic', 'DC-G9', 'P100', 5184, 3888),
  camera('Apple', 'iPhone 6s', 'IMG_', 4032, 3024),
  camera('Apple', 'iPhone 8', 'IMG_', 4032, 3024),
  camera('Apple', 'iPhone 11', 'IMG_', 4032, 3024),
  camera('Apple', 'iPhone 13 Pro', 'IMG_', 4032, 3024),
  camera('samsung', 'SM-G960F', 'phone', 4032, 3024),
  camera('samsung', 'SM-A515F', 'phone', 4000, 3000),
  camera('samsung', 'SM-G991B', 'phone', 4000, 3000),
  camera('HUAWEI', 'CLT-L29', 'phone', 3648, 2736),
  camera('Xiaomi', 'Redmi Note 8 Pro', 'phone', 4624, 3472),
];

export const photographers: readonly string[] = [
  'Marija Petrović',
  'Stefan Jovanović',
  'Ана Стојанова',
  'Nikola Ilić',
  'Јелена Трајковска',
  'Miloš Stanković',
  'Goran Mitić',
  'Biljana Cvetković',
];

// Staff and participants write their names in their own script.
const latinNames = {
  first: [
    'Marija',
    'Ana',
    'Jelena',
    'Milica',
    'Ivana',
    'Stefan',
    'Nikola',
    'Marko',
    'Aleksandar',
    'Dragan',
    'Goran',
    'Biljana',
    'Snežana',
    'Vesna',
    'Dejan',
    'Miloš',
    'Đorđe',
    'Katarina',
    'Tamara',
    'Bojan',
  ],
  last: [
    'Petrović',
    'Jovanović',
    'Nikolić',
    'Stojanović',
    'Ilić',
    'Đorđević',
    'Stanković',
    'Mitić',
    'Cvetković',
    'Kostić',
  ],
};
const cyrillicNames = {
  first: ['Ивана', 'Благица', 'Зоран', 'Христина', 'Кирил', 'Марија', 'Александар', 'Елена'],
  last: ['Стојановски', 'Трајковски', 'Николовски', 'Георгиевски', 'Петровски', 'Ристовски'],
};

/** `count` distinct "First Last" names, in a fixed order, about one in four in Cyrillic. */
export function personNames(count: number): string[] {
  const names: string[] = [];
  const turns = new Map<typeof latinNames, number>();
  for (let i = 0; names.length < count; i++) {
    const list = i % 4 === 3 ? cyrillicNames : latinNames;
    const j = turns.get(list) ?? 0;
    turns.set(list, j + 1);
    const first = list.first[j % list.first.length]!;
    let last = list.last[Math.floor(j / list.first.length) % list.last.length]!;
    // Macedonian surnames end in -а for women.
    if (list === cyrillicNames && /а$/.test(first)) last = last.replace(/и$/, 'а');
    const name = `${first} ${last}`;
    if (!names.includes(name)) names.push(name);
    if (i > count * 100) throw new Error(`Cannot make ${count} distinct names`);
  }
  return names;
}

export const topics: readonly string[] = [
  'Mladi',
  'Kultura',
  'Ekologija',
  'Obrazovanje',
  'Sport',
  'Volonteri',
  'Mediji',
  'Zapošljavanje',
  'Ljudska prava',
  'Inkluzija Roma',
  'Rodna ravnopravnost',
  'Turizam',
  'Prekogranična saradnja',
  'Umetnost',
  'Muzika',
  'Moda',
  'Zanati',
  'Gastronomija',
  'Zdravlje',
  'Preduzetništvo',
  'Digitalne veštine',
  'Klimatske promene',
  'Seoski razvoj',
  'Млади',
  'Култура',
  'Животна средина',
  'Волонтерство',
  'Образование',
  'Спорт',
  'Медиуми',
];

export const shotKinds: readonly string[] = [
  'Grupna fotografija',
  'Bina',
  'Publika',
  'Govornici',
  'Detalji',
  'Portret',
  'Prezentacija',
  'Panel',
  'Pauza za kafu',
  'Potpisivanje ugovora',
  'Dodela sertifikata',
  'Plakat',
  'Štand',
  'Modna pista',
  'Backstage',
  'Ekipa',
  'Diskusija',
  'Radna grupa',
  'Izlet',
  'Večera',
];

/** The camera's name for its `counter`th photo taken at `takenAt` ('YYYY-MM-DDTHH:MM:SS'). */
export function cameraFileName(model: CameraModel, counter: number, takenAt: string): string {
  const n = String(counter % 10000).padStart(4, '0');
  switch (model.prefix) {
    case 'phone': {
      const stamp = takenAt.replace(/[-:]/g, '').replace('T', '_');
      return model.make === 'samsung' ? `${stamp}.jpg` : `IMG_${stamp}.jpg`;
    }
    case 'DSC0':
      return `DSC${String(counter % 100000).padStart(5, '0')}.JPG`;
    default:
      return `${model.prefix}${n}.JPG`;
  }
}

/** '2015-11-28T18:03:12' for a time given as milliseconds since the epoch, read as UTC. */
export const wallClock = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** What a camera set to local time records as its offset from UTC in Serbia and Macedonia. */
export function localOffset(takenAt: string): string {
  const month = Number(takenAt.slice(5, 7));
  return month >= 4 && month <= 10 ? '+02:00' : '+01:00';
}
