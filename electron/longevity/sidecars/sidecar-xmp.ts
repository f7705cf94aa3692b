import { levelForFile } from '../../../shared/catalog/tag-levels';
import { colourLabels } from '../../../shared/catalog/photo-fields';
import { PACKET_HEADER, PACKET_TRAILER, clean, xmlText } from '../../export/xmp-packet';
import { decodeXmlEntities, uniqueTexts } from '../../indexer/text-values';
import { kadarLayerOf, kadarProperties, kadarValues, type KadarLayer } from './kadar-layer';
import {
  NS,
  RDF_NS,
  descriptions,
  element,
  enterScope,
  expand,
  isElement,
  listItems,
  newXmp,
  openXmp,
  prefixOf,
  propertyElement,
  serialize,
  textOf,
  type Prefix,
  type Scope,
  type PropertyValue,
  type XmlElement,
  type XmpDocument,
} from './xmp-tree';

export type { KadarEvent, KadarLayer, KadarProject } from './kadar-layer';
export { KADAR_NS } from './kadar-layer';

/** What Kadar writes into a photo's sidecar: the values the catalog shows, and its own layer. */
export interface SidecarContent {
  /** dc:title (x-default) */
  title: string | null;
  /** dc:description (x-default) */
  caption: string | null;
  /** Tag paths ('Place/Niš'): dc:subject the leaf names, lr:hierarchicalSubject, digiKam:TagsList. */
  tagPaths: string[];
  /** Iptc4xmpExt:PersonInImage */
  people: string[];
  /** xmp:Rating, 0–5 stars */
  rating: number | null;
  /** reject: xmp:Rating -1 (whatever the stars); pick: kadar:Pick */
  flag: 'pick' | 'reject' | null;
  /** One of colourLabels ('red' …), written as xmp:Label 'Red' … as Lightroom names them. */
  label: string | null;
  /** Iptc4xmpExt:Event (x-default) */
  event: string | null;
  /** photoshop:City */
  city: string | null;
  /** Iptc4xmpCore:Location */
  venue: string | null;
  /** dc:creator; several creators as the indexer joins them ('Ana; Marko'), one item each. */
  creator: string | null;
  /** photoshop:Credit */
  credit: string | null;
  /** dc:rights (x-default) */
  copyright: string | null;
  kadar: KadarLayer;
}

/**
 * A property Kadar owns. `always`: replaced (or removed, when null) wherever it is; `langAlt`:
 * the same, except that the other languages of the value stay; `ifPresent`: another tool's copy
 * of a value Kadar writes (digiKam keeps these), kept in step but never added.
 */
interface Planned {
  prefix: Prefix;
  local: string;
  mode: 'always' | 'langAlt' | 'ifPresent';
  value: PropertyValue | null;
}

const text = (value: string | null): PropertyValue | null => {
  const v = clean(value);
  return v == null ? null : { kind: 'text', text: v };
};
const list = (kind: 'Bag' | 'Seq', items: string[]): PropertyValue | null =>
  items.length > 0 ? { kind, items } : null;
const unique = (items: string[]) => [...new Set(items)];

function tagSegments(path: string): string[] {
  return path
    .split('/')
    .map((s) => xmlText(s).trim())
    .filter(Boolean);
}

function stars(content: SidecarContent): number | null {
  if (content.flag === 'reject') return -1;
  const r = content.rating;
  if (r == null) return null;
  if (!Number.isInteger(r) || r < 0 || r > 5)
    throw new RangeError(`A rating is 0 to 5 stars; ${r} cannot be written to a sidecar.`);
  return r;
}

/** Windows' percentages for 1–5 stars (MicrosoftPhoto:Rating). */
const percentOfStars = [0, 1, 25, 50, 75, 99];

function labelName(label: string | null): string | null {
  if (label == null) return null;
  if (!(colourLabels as readonly string[]).includes(label))
    throw new RangeError(`'${label}' is not a colour label (${colourLabels.join(', ')}).`);
  return label[0]!.toUpperCase() + label.slice(1);
}

function isColourName(value: string): boolean {
  return (colourLabels as readonly string[]).includes(value.trim().toLowerCase());
}

/** Everything Kadar owns, in the order it is written. */
function plan(content: SidecarContent): Planned[] {
  const paths = content.tagPaths.map(tagSegments).filter((s) => s.length > 0);
  const slashPaths = unique(paths.map((s) => s.join('/')));
  const barPaths = list('Bag', unique(paths.map((s) => s.map(levelForFile).join('|'))));
  const people = uniqueTexts(content.people.map(clean).filter((p): p is string => p != null));
  const rating = stars(content);
  // The indexer reads a list of creators as one text joined by '; ': written back as the list.
  const creators = (content.creator ?? '')
    .split('; ')
    .map(clean)
    .filter((c): c is string => c != null);
  const label = labelName(content.label);
  const layer = kadarValues(content.kadar, content.flag === 'pick');
  const p = (
    prefix: Prefix,
    local: string,
    value: PropertyValue | null,
    mode: Planned['mode'] = 'always',
  ): Planned => ({ prefix, local, value, mode });
  return [
    p('dc', 'title', text(content.title), 'langAlt'),
    p('dc', 'description', text(content.caption), 'langAlt'),
    p('dc', 'creator', list('Seq', creators)),
    p('dc', 'rights', text(content.copyright), 'langAlt'),
    p('dc', 'subject', list('Bag', uniqueTexts(paths.map((s) => levelForFile(s.at(-1)!))))),
    p('lr', 'hierarchicalSubject', barPaths),
    p('digiKam', 'TagsList', list('Seq', slashPaths)),
    p('MicrosoftPhoto', 'LastKeywordXMP', list('Bag', slashPaths), 'ifPresent'),
    p('mediapro', 'CatalogSets', barPaths, 'ifPresent'),
    p('Iptc4xmpExt', 'PersonInImage', list('Bag', people)),
    p('Iptc4xmpExt', 'Event', text(content.event), 'langAlt'),
    p('photoshop', 'City', text(content.city)),
    p('photoshop', 'Credit', text(content.credit)),
    p('Iptc4xmpCore', 'Location', text(content.venue)),
    p('xmp', 'Rating', rating == null ? null : { kind: 'text', text: String(rating) }),
    p(
      'MicrosoftPhoto',
      'Rating',
      rating == null || rating < 0 ? null : { kind: 'text', text: String(percentOfStars[rating]) },
      'ifPresent',
    ),
    p('xmp', 'Label', label == null ? null : { kind: 'text', text: label }),
    ...kadarProperties.map((name) => p('kadar', name, layer[name])),
  ];
}

/** The other languages of a language alternative (rdf:li with an xml:lang but x-default). */
function otherLanguages(prop: XmlElement, scope: Scope) {
  return listItems(prop, scope)
    .map(({ li }) => li)
    .filter((li) => {
      const lang = li.attrs.find(([n]) => n === 'xml:lang');
      return lang != null && decodeXmlEntities(lang[1]).toLowerCase() !== 'x-default';
    });
}

function langOf(li: XmlElement): string {
  return decodeXmlEntities(li.attrs.find(([n]) => n === 'xml:lang')![1]).toLowerCase();
}

/**
 * Takes every property Kadar owns out of the document's rdf:Description blocks (attribute or
 * element form), and says which were there and what other languages their values had.
 */
function takeOwned(
  doc: XmpDocument,
  owned: Map<string, Planned>,
  keep: (key: string, value: string) => boolean,
  target: XmlElement,
) {
  const present = new Set<string>();
  const others = new Map<string, XmlElement[]>();
  for (const d of descriptions(doc)) {
    const scope = enterScope(doc.rdfScope, d);
    let changed = false;
    d.attrs = d.attrs.filter(([name, raw]) => {
      const key = expand(name, scope, true);
      if (key == null || !owned.has(key) || keep(key, decodeXmlEntities(raw))) return true;
      present.add(key);
      changed = true;
      return false;
    });
    d.children = d.children.filter((child) => {
      if (!isElement(child)) return true;
      const key = expand(child.name, enterScope(scope, child));
      const planned = key == null ? undefined : owned.get(key);
      if (key == null || !planned || keep(key, textOf(child))) return true;
      present.add(key);
      changed = true;
      if (planned.mode === 'langAlt') {
        const langs = others.get(key) ?? [];
        for (const li of otherLanguages(child, scope))
          if (!langs.some((l) => langOf(l) === langOf(li))) langs.push(li);
        others.set(key, langs);
      }
      return false;
    });
    // A block another tool wrote only for properties Kadar now owns goes with them.
    if (changed && d !== target && isEmpty(d, scope))
      doc.rdf.children = doc.rdf.children.filter((c) => c !== d);
  }
  return { present, others };
}

function isEmpty(d: XmlElement, scope: Scope): boolean {
  const properties = d.attrs.some(([name]) => {
    const key = expand(name, scope, true);
    return key != null && !key.startsWith(RDF_NS);
  });
  return !properties && d.children.every((c) => c.kind === 'text' && !c.raw.trim());
}

/** Adds an xmlns declaration after the element's others. */
function declare(el: XmlElement, prefix: string, uri: string): void {
  let at = 0;
  el.attrs.forEach(([name], i) => {
    if (name.startsWith('xmlns') || /:about$/.test(name)) at = i + 1;
  });
  el.attrs.splice(at, 0, [`xmlns:${prefix}`, uri]);
}

/**
 * The sidecar `existing` (any tool's, or null for a new one) with Kadar's values written in:
 * every property Kadar owns replaced wherever it was, everything else kept as it was. Throws an
 * Error saying why when `existing` is not an XMP document (the file is then best left alone).
 */
export function writeSidecar(content: SidecarContent, existing: string | null): string {
  const planned = plan(content);
  const doc = existing == null || existing.trim() === '' ? newXmp() : openXmp(existing);

  let rdf = prefixOf(RDF_NS, doc.rdfScope, 'rdf');
  if (rdf == null) {
    rdf = 'rdf';
    if (!doc.rdf.attrs.some(([n]) => n === 'xmlns:rdf')) declare(doc.rdf, 'rdf', RDF_NS);
  }
  let target = descriptions(doc)[0];
  if (!target) {
    target = element(`${rdf}:Description`, [[`${rdf}:about`, '']], []);
    doc.rdf.children.push(target);
  }

  const owned = new Map(planned.map((p) => [NS[p.prefix] + p.local, p]));
  const labelKey = `${NS.xmp}Label`;
  // A label Kadar does not read (Bridge's 'Approved', say) is not Kadar's to remove.
  const keep = (key: string, value: string) =>
    key === labelKey && content.label == null && !isColourName(value);
  const { present, others } = takeOwned(doc, owned, keep, target);

  const scope = new Map(enterScope(doc.rdfScope, target));
  const prefixFor = (p: Prefix): string => {
    const have = prefixOf(NS[p], scope, p);
    if (have != null) return have;
    let name: string = p;
    for (let n = 1; scope.has(name); n++) name = `${p}${n}`;
    scope.set(name, NS[p]);
    declare(target, name, NS[p]);
    return name;
  };

  for (const p of planned) {
    const key = NS[p.prefix] + p.local;
    let value = p.value;
    if (value == null || (p.mode === 'ifPresent' && !present.has(key))) continue;
    if (p.mode === 'langAlt' && value.kind === 'text')
      value = { kind: 'Alt', text: value.text, others: others.get(key) ?? [] };
    target.children.push(propertyElement(`${prefixFor(p.prefix)}:${p.local}`, value, rdf));
  }

  return PACKET_HEADER + serialize([...doc.before, doc.meta, ...doc.after]) + PACKET_TRAILER + '\n';
}

/**
 * What Kadar's namespace in a sidecar says, exactly as written; null when the sidecar has none
 * (another tool wrote it). Throws, as writeSidecar does, when it is not an XMP document.
 */
export function readKadarLayer(xml: string): KadarLayer | null {
  return xml.trim() === '' ? null : kadarLayerOf(openXmp(xml));
}
