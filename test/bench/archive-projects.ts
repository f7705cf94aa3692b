/**
 * The archive side of the generated query catalog: the organisations a south-Serbian /
 * Macedonian NGO works with, its projects (names, programmes and the codes funders give them)
 * and the titles staff give events. Town names come from archive-names.ts.
 */
import type { Town } from './archive-names';
import type { Random } from './random';

/** The organisation whose archive this is: it organises most events and leads most projects. */
export const ownOrganisation = {
  name: 'Udruženje građana Kadar',
  shortName: 'UG Kadar',
  city: 'Niš',
  country: 'Srbija',
  website: 'https://www.kadar.org.rs',
};

// Kinds of organisation per country, "{town}" standing for the town in the script staff use.
const serbianKinds = [
  'Grad {town}',
  'Opština {town}',
  'Kancelarija za mlade {town}',
  'Omladinski centar {town}',
  'Kulturni centar {town}',
  'Turistička organizacija {town}',
  'Crveni krst {town}',
  'Centar za socijalni rad {town}',
  'Gimnazija {town}',
  'Udruženje građana „Mladi {town}“',
  'Centar za razvoj civilnog društva {town}',
  'Narodna biblioteka {town}',
  'Regionalna privredna komora {town}',
  'Nacionalna služba za zapošljavanje, filijala {town}',
  'Ženski centar {town}',
];
const macedonianKinds = [
  'Општина {town}',
  'Младински центар {town}',
  'Здружение на граѓани „Млади {town}“',
  'Центар за граѓански иницијативи {town}',
  'Дом на култура {town}',
  'Црвен крст {town}',
  'Гимназија {town}',
  'Локален економски совет {town}',
  'Агенција за вработување, центар {town}',
  'Туристички сојуз {town}',
  'Еко клуб {town}',
  'Женска акција {town}',
  'Ромски ресурсен центар {town}',
  'Радио {town}',
  'Занаетчиска комора {town}',
];
const bulgarianKinds = [
  'Община {town}',
  'Младежки център {town}',
  'Сдружение „Бъдеще за {town}“',
  'Читалище „Братство“ {town}',
  'Регионална библиотека {town}',
  'Областна администрация {town}',
  'Търговско-промишлена палата {town}',
];
/** International and national bodies with no town in their names. */
const otherOrganisations = [
  ['Beogradska otvorena škola', 'BOŠ', 'Beograd', 'Srbija'],
  ['Građanske inicijative', 'GI', 'Beograd', 'Srbija'],
  ['Inicijativa mladih za ljudska prava', 'YIHR', 'Beograd', 'Srbija'],
  ['Krovna organizacija mladih Srbije', 'KOMS', 'Beograd', 'Srbija'],
  ['Nacionalna asocijacija kancelarija za mlade', 'NAKZM', 'Niš', 'Srbija'],
  ['Fondacija za otvoreno društvo', 'FOD', 'Beograd', 'Srbija'],
  ['Trag fondacija', null, 'Beograd', 'Srbija'],
  ['Балкански младински форум', 'БМФ', 'Скопје', 'Severna Makedonija'],
  ['Национален младински совет на Македонија', 'НМСМ', 'Скопје', 'Severna Makedonija'],
  ['Македонски центар за граѓанско образование', 'МЦГО', 'Скопје', 'Severna Makedonija'],
  ['Фондација Отворено општество – Македонија', 'ФООМ', 'Скопје', 'Severna Makedonija'],
  ['Balkan Trust for Democracy', 'BTD', null, null],
  ['European Youth Forum', 'YFJ', 'Brussels', 'Belgium'],
  ['SALTO South East Europe', null, 'Ljubljana', 'Slovenia'],
  ['Fondacija Tempus', null, 'Beograd', 'Srbija'],
  ['Агенција за европски образовни програми и мобилност', 'НА', 'Скопје', 'Severna Makedonija'],
  ['Regional Youth Cooperation Office', 'RYCO', 'Tirana', 'Albania'],
  ['Associazione Joint', null, 'Milano', 'Italia'],
  ['Jugendwerkstatt Graz', null, 'Graz', 'Österreich'],
  ['Stowarzyszenie Młodzi Razem', null, 'Kraków', 'Polska'],
] as const;

export interface OrganisationPlan {
  name: string;
  shortName: string | null;
  city: string | null;
  country: string | null;
  website: string | null;
  /** The town it sits in, when it is one of the archive's towns. */
  town: Town | null;
}

const initials = (name: string) =>
  name
    .replace(/[„“"]/g, '')
    .split(/[\s,–-]+/)
    .filter((w) => w.length > 2 || /^\p{Lu}/u.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** `count` organisations (the archive's own first), in a fixed order for a given `random`. */
export function planOrganisations(
  towns: readonly Town[],
  count: number,
  random: Random,
): OrganisationPlan[] {
  const candidates: OrganisationPlan[] = [];
  for (const town of towns) {
    const kinds =
      town.country === 'Srbija'
        ? serbianKinds
        : town.country === 'Bugarska'
          ? bulgarianKinds
          : macedonianKinds;
    const place = town.country === 'Srbija' ? town.latin : town.cyrillic;
    for (const kind of kinds) {
      const name = kind.replace('{town}', place);
      candidates.push({
        name,
        shortName: random.chance(0.35) ? `${initials(kind.replace('{town}', ''))} ${place}` : null,
        city: place,
        country: town.country,
        website: random.chance(0.3)
          ? `https://www.${slug(name).slice(0, 40)}.${town.country === 'Srbija' ? 'org.rs' : town.country === 'Bugarska' ? 'bg' : 'org.mk'}`
          : null,
        town,
      });
    }
  }
  // A stable shuffle, so the organisations kept are spread over towns and kinds.
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const others = otherOrganisations.map(([name, shortName, city, country]) => ({
    name,
    shortName,
    city,
    country,
    website: null,
    town: null,
  }));
  const own = { ...ownOrganisation, town: towns.find((t) => t.latin === 'Niš') ?? null };
  return [own, ...others, ...candidates].slice(0, count);
}

/** Words events are about, as staff write them in titles and descriptions. */
const themes = [
  'medijska pismenost',
  'zapošljavanje mladih',
  'zaštita životne sredine',
  'digitalne veštine',
  'rodna ravnopravnost',
  'kulturno nasleđe',
  'preduzetništvo žena',
  'volonterizam',
  'inkluzija Roma',
  'prekogranična saradnja',
  'zdravi stilovi života',
  'aktivno građanstvo',
  'održivi turizam',
  'stari zanati',
  'bezbednost u saobraćaju',
];
const macedonianThemes = [
  'младински активизам',
  'културно наследство',
  'вработување на младите',
  'дигитални вештини',
  'заштита на животната средина',
  'родова еднаквост',
  'стари занаети',
];
const ordinals = ['Prvi', 'Drugi', 'Treći', 'Četvrti', 'Peti', 'Šesti', 'Sedmi', 'Osmi'];

/** A title as staff type it for an event of `kind` in `town` in `year`. */
export function eventTitle(
  kind: string,
  town: Town,
  year: string,
  cyrillic: boolean,
  random: Random,
): string {
  const place = cyrillic ? town.cyrillic : town.latin;
  if (cyrillic) {
    return random.pick([
      `${kind} ${place}`,
      `${kind} ${place} ${year}`,
      `${kind}: ${random.pick(macedonianThemes)}`,
      `${kind} „${random.pick(macedonianThemes)}“, ${place}`,
    ]);
  }
  return random.pick([
    `${kind} ${place}`,
    `${kind} ${place} ${year}`,
    `${kind} u ${town.locative}`,
    `${kind}: ${random.pick(themes)}`,
    `${kind} „${random.pick(themes)}“ — ${place}`,
    `${random.pick(ordinals)} ${kind.toLowerCase()} ${place}`,
  ]);
}

export function eventDescription(kind: string, town: Town, random: Random): string {
  const theme = random.pick(themes);
  return random.pick([
    `${kind} o temi: ${theme}. Učestvovalo je ${random.int(12, 180)} mladih iz ${town.latin} i okoline.`,
    `Program: otvaranje, ${theme}, diskusija u radnim grupama, zaključci.`,
    `Događaj je deo aktivnosti na temu ${theme}; fotografije je snimio tim udruženja.`,
  ]);
}

const projectStems = [
  'Zajedno za mlade',
  'Mladi bez granica',
  'Zeleni grad',
  'Kultura spaja',
  'Moda bez granica',
  'Digitalna škola',
  'Ženski glas',
  'Romska inicijativa',
  'Zeleni most',
  'Kreativni Balkan',
  'Aktivni građani',
  'Otvorena vrata',
  'Koraci ka zaposlenju',
  'Glas mladih',
  'Zanati za budućnost',
  'Čista reka',
  'Put baštine',
  'Festival ulice',
  'Škola aktivizma',
  'Mreža kancelarija za mlade',
  'Заедно за Штип',
  'Млади лидери',
  'Културен мост',
  'Зелена Струмица',
  'Дигитални млади',
  'Мост без граници',
  'Youth for Change',
  'Bridges of Culture',
  'Balkan Youth Hub',
  'Green Routes',
];

const programmes = [
  { name: 'Interreg IPA CBC Bulgaria–Serbia', share: 0.2 },
  { name: 'IPA CBC Serbia – North Macedonia', share: 0.15 },
  { name: 'Erasmus+', share: 0.3 },
  { name: 'Evropa za građane', share: 0.05 },
  { name: 'EIDHR', share: 0.08 },
  { name: 'Ministarstvo turizma i omladine', share: 0.12 },
  { name: 'Balkan Trust for Democracy', share: 0.05 },
  { name: 'Grad Niš, konkurs za omladinu', share: 0.05 },
];

/** A funder's reference for a project started in `year`, in that funder's format. */
function projectCode(programme: string, year: number, random: Random): string | null {
  const digits = (n: number) => String(random.int(0, 10 ** n - 1)).padStart(n, '0');
  switch (programme) {
    case 'Interreg IPA CBC Bulgaria–Serbia':
      return `CB007.${random.int(1, 2)}.${random.pick([11, 12, 21, 22, 31, 32])}.${digits(3)}`;
    case 'IPA CBC Serbia – North Macedonia':
      return `RS-MK-${year}-${digits(3)}`;
    case 'Erasmus+':
      return `${year}-${random.int(1, 3)}-${random.chance(0.8) ? 'RS01' : 'MK01'}-KA${random.pick([105, 152, 205, 220])}-${digits(6)}`;
    case 'EIDHR':
      return `EIDHR/${year}/${digits(6)}`;
    case 'Ministarstvo turizma i omladine':
      return `401-00-${digits(4)}/${year}-01`;
    default:
      return null;
  }
}

export interface ProjectPlan {
  name: string;
  code: string | null;
  programme: string;
  startsOn: string;
  endsOn: string;
  description: string | null;
}

/** `count` projects started between `firstYear` and `lastYear`, later years having more. */
export function planProjects(
  count: number,
  firstYear: number,
  lastYear: number,
  random: Random,
): ProjectPlan[] {
  const codes = new Set<string>();
  const names = new Set<string>();
  const plans: ProjectPlan[] = [];
  const years = lastYear - firstYear + 1;
  while (plans.length < count) {
    const start =
      Date.UTC(firstYear, 0, 1) + Math.sqrt(random.next()) * years * 365.25 * 86_400_000;
    const months = random.int(8, 30);
    const startsOn = new Date(start).toISOString().slice(0, 8) + '01';
    const end = new Date(startsOn);
    end.setUTCMonth(end.getUTCMonth() + months);
    end.setUTCDate(0);
    const endsOn = end.toISOString().slice(0, 10);
    const year = Number(startsOn.slice(0, 4));
    let acc = 0;
    const x = random.next();
    const programme = (programmes.find((p) => (acc += p.share) > x) ?? programmes[0]!).name;
    let code = projectCode(programme, year, random);
    while (code && codes.has(code)) code = projectCode(programme, year, random);
    if (code) codes.add(code);
    const stem = random.pick(projectStems);
    let name = random.pick([
      stem,
      `${stem} ${year}`,
      `${stem} — faza II`,
      `${stem} ${year}–${year + 1}`,
    ]);
    while (names.has(name)) name = `${stem} ${year} (${random.int(2, 9)})`;
    names.add(name);
    plans.push({
      name,
      code,
      programme,
      startsOn,
      endsOn,
      description: random.chance(0.4)
        ? `Projekat „${name}“ (${programme}) bavi se temom: ${random.pick(themes)}.`
        : null,
    });
  }
  return plans;
}
