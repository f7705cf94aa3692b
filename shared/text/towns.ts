import { foldWords } from './fold-text';

/**
 * The towns the office meets, each written once: the local Latin spelling, the Cyrillic one
 * where the town has it, and other Latin spellings newsletters use. Lookups fold every spelling
 * with `foldText`, so "Niš", "Nis", "NIŠ" and "Ниш" are one key; "Nish"-style spellings of
 * š/ž/č/ć/đ are derived from the local name, so the list does not repeat them.
 */

export type Country =
  | 'Serbia'
  | 'North Macedonia'
  | 'Bulgaria'
  | 'Montenegro'
  | 'Bosnia and Herzegovina'
  | 'Croatia'
  | 'Slovenia'
  | 'Albania'
  | 'Romania'
  | 'Greece'
  | 'Hungary'
  | 'Austria'
  | 'Belgium';

export interface Town {
  /** Local Latin spelling with diacritics: 'Niš', 'Štip', 'Kyustendil'. */
  name: string;
  cyrillic: string | null;
  /** Other Latin spellings: 'Belgrade' for Beograd. */
  english?: string[];
  country: Country;
}

export interface TownMention {
  town: Town;
  index: number;
  length: number;
}

type Row = readonly [name: string, cyrillic: string | null, ...english: string[]];

// Towns over ~10,000 people, district seats, and the south's municipality seats (the office's
// own area). Kosovo is left out. Where two countries share a name (Dimitrovgrad, Novi Pazar)
// only the Serbian town is listed, so a bare name never silently means the farther one.
const serbia: Row[] = [
  ['Beograd', 'Београд', 'Belgrade'],
  ['Novi Sad', 'Нови Сад'],
  ['Niš', 'Ниш'],
  ['Kragujevac', 'Крагујевац'],
  ['Subotica', 'Суботица'],
  ['Zrenjanin', 'Зрењанин'],
  ['Pančevo', 'Панчево'],
  ['Čačak', 'Чачак'],
  ['Kraljevo', 'Краљево'],
  ['Novi Pazar', 'Нови Пазар'],
  ['Smederevo', 'Смедерево'],
  ['Leskovac', 'Лесковац'],
  ['Valjevo', 'Ваљево'],
  ['Kruševac', 'Крушевац'],
  ['Vranje', 'Врање'],
  ['Šabac', 'Шабац'],
  ['Užice', 'Ужице'],
  ['Sombor', 'Сомбор'],
  ['Požarevac', 'Пожаревац'],
  ['Pirot', 'Пирот'],
  ['Zaječar', 'Зајечар'],
  ['Kikinda', 'Кикинда'],
  ['Sremska Mitrovica', 'Сремска Митровица'],
  ['Jagodina', 'Јагодина'],
  ['Vršac', 'Вршац'],
  ['Bor', 'Бор'],
  ['Prokuplje', 'Прокупље'],
  ['Loznica', 'Лозница'],
  ['Inđija', 'Инђија'],
  ['Stara Pazova', 'Стара Пазова'],
  ['Ruma', 'Рума'],
  ['Paraćin', 'Параћин'],
  ['Aleksinac', 'Алексинац'],
  ['Obrenovac', 'Обреновац'],
  ['Lazarevac', 'Лазаревац'],
  ['Mladenovac', 'Младеновац'],
  ['Smederevska Palanka', 'Смедеревска Паланка'],
  ['Gornji Milanovac', 'Горњи Милановац'],
  ['Bačka Palanka', 'Бачка Паланка'],
  ['Bačka Topola', 'Бачка Топола'],
  ['Vrbas', 'Врбас'],
  ['Bečej', 'Бечеј'],
  ['Novi Bečej', 'Нови Бечеј'],
  ['Temerin', 'Темерин'],
  ['Kula', 'Кула'],
  ['Apatin', 'Апатин'],
  ['Senta', 'Сента'],
  ['Kovin', 'Ковин'],
  ['Bela Crkva', 'Бела Црква'],
  ['Šid', 'Шид'],
  ['Sremski Karlovci', 'Сремски Карловци'],
  ['Aranđelovac', 'Аранђеловац'],
  ['Ćuprija', 'Ћуприја'],
  ['Velika Plana', 'Велика Плана'],
  ['Svilajnac', 'Свилајнац'],
  ['Despotovac', 'Деспотовац'],
  ['Negotin', 'Неготин'],
  ['Kladovo', 'Кладово'],
  ['Majdanpek', 'Мајданпек'],
  ['Knjaževac', 'Књажевац'],
  ['Sokobanja', 'Сокобања', 'Soko Banja'],
  ['Trstenik', 'Трстеник'],
  ['Vrnjačka Banja', 'Врњачка Бања'],
  ['Aleksandrovac', 'Александровац'],
  ['Ivanjica', 'Ивањица'],
  ['Arilje', 'Ариље'],
  ['Požega', 'Пожега'],
  ['Bajina Bašta', 'Бајина Башта'],
  ['Prijepolje', 'Пријепоље'],
  ['Priboj', 'Прибој'],
  ['Sjenica', 'Сјеница'],
  ['Tutin', 'Тутин'],
  ['Raška', 'Рашка'],
  ['Kuršumlija', 'Куршумлија'],
  ['Blace', 'Блаце'],
  ['Žitorađa', 'Житорађа'],
  ['Niška Banja', 'Нишка Бања'],
  ['Svrljig', 'Сврљиг'],
  ['Merošina', 'Мерошина'],
  ['Doljevac', 'Дољевац'],
  ['Gadžin Han', 'Гаџин Хан'],
  ['Ražanj', 'Ражањ'],
  ['Vlasotince', 'Власотинце'],
  ['Lebane', 'Лебане'],
  ['Bojnik', 'Бојник'],
  ['Medveđa', 'Медвеђа'],
  ['Crna Trava', 'Црна Трава'],
  ['Bela Palanka', 'Бела Паланка'],
  ['Babušnica', 'Бабушница'],
  ['Dimitrovgrad', 'Димитровград', 'Caribrod'],
  ['Surdulica', 'Сурдулица'],
  ['Vladičin Han', 'Владичин Хан'],
  ['Bosilegrad', 'Босилеград'],
  ['Trgovište', 'Трговиште'],
  ['Bujanovac', 'Бујановац'],
  ['Preševo', 'Прешево'],
];

// The seats of all municipalities outside the City of Skopje, whose ten are Skopje itself.
const northMacedonia: Row[] = [
  ['Skopje', 'Скопје'],
  ['Bitola', 'Битола'],
  ['Kumanovo', 'Куманово'],
  ['Prilep', 'Прилеп'],
  ['Tetovo', 'Тетово'],
  ['Veles', 'Велес'],
  ['Štip', 'Штип'],
  ['Ohrid', 'Охрид'],
  ['Gostivar', 'Гостивар'],
  ['Strumica', 'Струмица', 'Strumitsa'],
  ['Kavadarci', 'Кавадарци'],
  ['Kočani', 'Кочани'],
  ['Kičevo', 'Кичево'],
  ['Struga', 'Струга'],
  ['Radoviš', 'Радовиш'],
  ['Gevgelija', 'Гевгелија', 'Gevgelia'],
  ['Debar', 'Дебар'],
  ['Kriva Palanka', 'Крива Паланка'],
  ['Sveti Nikole', 'Свети Николе'],
  ['Negotino', 'Неготино'],
  ['Delčevo', 'Делчево'],
  ['Vinica', 'Виница'],
  ['Resen', 'Ресен'],
  ['Probištip', 'Пробиштип'],
  ['Berovo', 'Берово'],
  ['Kratovo', 'Кратово'],
  ['Kruševo', 'Крушево'],
  ['Makedonski Brod', 'Македонски Брод'],
  ['Makedonska Kamenica', 'Македонска Каменица'],
  ['Valandovo', 'Валандово'],
  ['Demir Hisar', 'Демир Хисар'],
  ['Demir Kapija', 'Демир Капија'],
  ['Pehčevo', 'Пехчево'],
  ['Bogdanci', 'Богданци'],
  ['Star Dojran', 'Стар Дојран', 'Dojran'],
  ['Aračinovo', 'Арачиново'],
  ['Belčišta', 'Белчишта'],
  ['Bogovinje', 'Боговиње'],
  ['Bosilovo', 'Босилово'],
  ['Brvenica', 'Брвеница'],
  ['Centar Župa', 'Центар Жупа'],
  ['Čaška', 'Чашка'],
  ['Čučer-Sandevo', 'Чучер-Сандево'],
  ['Dolneni', 'Долнени'],
  ['Gradsko', 'Градско'],
  ['Ilinden', 'Илинден'],
  ['Jegunovce', 'Јегуновце'],
  ['Karbinci', 'Карбинци'],
  ['Konče', 'Конче'],
  ['Krivogaštani', 'Кривогаштани'],
  ['Lipkovo', 'Липково'],
  ['Lozovo', 'Лозово'],
  ['Mogila', 'Могила'],
  ['Novaci', 'Новаци'],
  ['Novo Selo', 'Ново Село'],
  ['Obleševo', 'Облешево'],
  ['Petrovec', 'Петровец'],
  ['Plasnica', 'Пласница'],
  ['Rankovce', 'Ранковце'],
  ['Rosoman', 'Росоман'],
  ['Rostuša', 'Ростуша'],
  ['Sopište', 'Сопиште'],
  ['Staro Nagoričane', 'Старо Нагоричане'],
  ['Studeničani', 'Студеничани'],
  ['Tearce', 'Теарце'],
  ['Vasilevo', 'Василево'],
  ['Vevčani', 'Вевчани'],
  ['Vrapčište', 'Врапчиште'],
  ['Zelenikovo', 'Зелениково'],
  ['Želino', 'Желино'],
  ['Zrnovci', 'Зрновци'],
];

// Local names in the official Bulgarian transliteration; the Cyrillic folds to the
// Serbian-style spelling ("Kjustendil"), so both are found.
const bulgaria: Row[] = [
  ['Sofia', 'София'],
  ['Plovdiv', 'Пловдив'],
  ['Varna', 'Варна'],
  ['Burgas', 'Бургас', 'Bourgas'],
  ['Ruse', 'Русе', 'Rousse'],
  ['Stara Zagora', 'Стара Загора'],
  ['Pleven', 'Плевен'],
  ['Sliven', 'Сливен'],
  ['Dobrich', 'Добрич'],
  ['Shumen', 'Шумен'],
  ['Pernik', 'Перник'],
  ['Haskovo', 'Хасково', 'Khaskovo'],
  ['Yambol', 'Ямбол'],
  ['Pazardzhik', 'Пазарджик'],
  ['Blagoevgrad', 'Благоевград'],
  ['Veliko Tarnovo', 'Велико Търново', 'Veliko Turnovo'],
  ['Vratsa', 'Враца'],
  ['Gabrovo', 'Габрово'],
  ['Asenovgrad', 'Асеновград'],
  ['Vidin', 'Видин'],
  ['Kazanlak', 'Казанлък', 'Kazanluk'],
  ['Kyustendil', 'Кюстендил', 'Ćustendil'],
  ['Kardzhali', 'Кърджали', 'Kardjali'],
  ['Montana', 'Монтана'],
  ['Targovishte', 'Търговище'],
  ['Lovech', 'Ловеч'],
  ['Silistra', 'Силистра'],
  ['Razgrad', 'Разград'],
  ['Smolyan', 'Смолян'],
  ['Dupnitsa', 'Дупница'],
  ['Gorna Oryahovitsa', 'Горна Оряховица'],
  ['Svishtov', 'Свищов'],
  ['Petrich', 'Петрич'],
  ['Sandanski', 'Сандански'],
  ['Samokov', 'Самоков'],
  ['Sevlievo', 'Севлиево'],
  ['Lom', 'Лом'],
  ['Karlovo', 'Карлово'],
  ['Velingrad', 'Велинград'],
  ['Nova Zagora', 'Нова Загора'],
  ['Troyan', 'Троян'],
  ['Aytos', 'Айтос'],
  ['Botevgrad', 'Ботевград'],
  ['Gotse Delchev', 'Гоце Делчев'],
  ['Peshtera', 'Пещера'],
  ['Harmanli', 'Харманли'],
  ['Karnobat', 'Карнобат'],
  ['Svilengrad', 'Свиленград'],
  ['Panagyurishte', 'Панагюрище'],
  ['Chirpan', 'Чирпан'],
  ['Popovo', 'Попово'],
  ['Rakovski', 'Раковски'],
  ['Radomir', 'Радомир'],
  ['Kozloduy', 'Козлодуй'],
  ['Parvomay', 'Първомай'],
  ['Berkovitsa', 'Берковица'],
  ['Razlog', 'Разлог'],
  ['Ihtiman', 'Ихтиман'],
  ['Nesebar', 'Несебър', 'Nessebar'],
  ['Pomorie', 'Поморие'],
  ['Cherven Bryag', 'Червен бряг'],
  ['Kostinbrod', 'Костинброд'],
  ['Elin Pelin', 'Елин Пелин'],
  ['Slivnitsa', 'Сливница'],
  ['Breznik', 'Брезник'],
  ['Tran', 'Трън'],
  ['Godech', 'Годеч'],
  ['Belogradchik', 'Белоградчик'],
];

// Capitals and the cities partners travel to; Cyrillic is the Serbian exonym.
const abroad: [Country, Row][] = [
  ['Montenegro', ['Podgorica', 'Подгорица']],
  ['Bosnia and Herzegovina', ['Sarajevo', 'Сарајево']],
  ['Croatia', ['Zagreb', 'Загреб']],
  ['Slovenia', ['Ljubljana', 'Љубљана']],
  ['Albania', ['Tiranë', 'Тирана', 'Tirana']],
  ['Romania', ['București', 'Букурешт', 'Bucharest']],
  ['Greece', ['Athina', 'Атина', 'Athens']],
  ['Greece', ['Thessaloniki', 'Солун', 'Salonika', 'Salonica']],
  ['Hungary', ['Budapest', 'Будимпешта']],
  ['Austria', ['Wien', 'Беч', 'Vienna', 'Viena']],
  ['Belgium', ['Bruxelles', 'Брисел', 'Brussels', 'Brussel']],
];

function town(country: Country, [name, cyrillic, ...english]: Row): Town {
  const spellings = [...new Set(english)];
  return spellings.length > 0
    ? { name, cyrillic, english: spellings, country }
    : { name, cyrillic, country };
}

export const towns: readonly Town[] = [
  ...serbia.map((row) => town('Serbia', row)),
  ...northMacedonia.map((row) => town('North Macedonia', row)),
  ...bulgaria.map((row) => town('Bulgaria', row)),
  ...abroad.map(([country, row]) => town(country, row)),
];

// English-language texts write Serbian and Macedonian š/ž/č/ć as sh/zh/ch: "Nish", "Shtip".
const digraphs: Record<string, string> = { š: 'sh', ž: 'zh', č: 'ch', ć: 'ch', đ: 'dj' };
const withDigraphs = (name: string) =>
  name.replace(/[šžčćđ]/giu, (ch) => {
    const latin = digraphs[ch.toLowerCase()] ?? ch;
    return ch === ch.toLowerCase() ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  });

const key = (spelling: string) => foldWords(spelling).join(' ');

const byKey = new Map<string, Town>();
let longestName = 1;
for (const t of towns) {
  const spellings = [t.name, withDigraphs(t.name), t.cyrillic, ...(t.english ?? [])];
  for (const spelling of spellings) {
    if (!spelling) continue;
    const k = key(spelling);
    // The first town listed keeps a shared spelling.
    if (!byKey.has(k)) byKey.set(k, t);
    longestName = Math.max(longestName, k.split(' ').length);
  }
}

/** The town spelled `name` in any listed spelling or script, ignoring case and diacritics. */
export function findTown(name: string): Town | null {
  const k = key(name);
  return k ? (byKey.get(k) ?? null) : null;
}

// Letters and digits are separate words so "Stip2015" still names Štip.
const wordPattern = /\p{L}[\p{L}\p{M}]*|\p{N}+/gu;
// Only spaces, underscores and hyphens may join the words of one name: "Novi Sad",
// "Bela_Palanka", "Čučer-Sandevo", never "Novi. Sad".
const joiner = /^[\s_\-‐–]+$/u;

interface Word {
  index: number;
  end: number;
  folded: string;
}

/**
 * Every town named in `text`, in text order, each as the longest name that fits (so "Novi Sad"
 * is not read as a "Novi" and a "Sad"). Prose capitalises town names, so a lower-case word is
 * not a town ("ruse", "gradsko veće") unless `anyCase` is set, as for folder names.
 */
export function findTownsInText(text: string, options: { anyCase?: boolean } = {}): TownMention[] {
  const words: Word[] = [];
  for (const m of text.matchAll(wordPattern)) {
    words.push({ index: m.index, end: m.index + m[0].length, folded: key(m[0]) });
  }
  const found: TownMention[] = [];
  for (let i = 0; i < words.length;) {
    const match = longestAt(text, words, i);
    const first = words[i];
    if (match && first) {
      const initial = text.charAt(first.index);
      if (options.anyCase || initial !== initial.toLowerCase()) {
        found.push({ town: match.town, index: first.index, length: match.end - first.index });
        i += match.words;
        continue;
      }
    }
    i += 1;
  }
  return found;
}

function longestAt(
  text: string,
  words: Word[],
  start: number,
): { town: Town; words: number; end: number } | null {
  let best: { town: Town; words: number; end: number } | null = null;
  let phrase = '';
  for (let n = 0; n < longestName && start + n < words.length; n++) {
    const word = words[start + n];
    const previous = words[start + n - 1];
    if (!word) break;
    if (n > 0 && previous && !joiner.test(text.slice(previous.end, word.index))) break;
    phrase = n === 0 ? word.folded : `${phrase} ${word.folded}`;
    const town = byKey.get(phrase);
    if (town) best = { town, words: n + 1, end: word.end };
  }
  return best;
}
