import { xmlText } from '../../export/xmp-packet';
import {
  NS,
  RDF_NS,
  descriptions,
  enterScope,
  expand,
  isElement,
  listItems,
  textOf,
  type PropertyValue,
  type Scope,
  type XmlElement,
  type XmpDocument,
} from './xmp-tree';
import { decodeXmlEntities } from '../../indexer/text-values';

/**
 * Kadar's own namespace in a sidecar: what a person did in Kadar, apart from the values every
 * tool reads, so that a catalog rebuilt from the files gets them back as the person's.
 */
export const KADAR_NS = NS.kadar;

/** The version of the properties below; a reader meeting a higher one knows it is newer. */
const LAYER_VERSION = '1';

export interface KadarProject {
  uid: string;
  name: string;
  code: string | null;
}

export interface KadarEvent {
  uid: string;
  title: string;
  /** YYYY-MM-DD */
  startsOn: string;
  endsOn: string | null;
  projects: KadarProject[];
}

export interface KadarLayer {
  /** The Kadar event the photo belongs to, with its projects. */
  event: KadarEvent | null;
  /** Which of the standard values are the person's own edit (not the file's): subset of 'title','caption','rating','flag','label'. */
  edited: string[];
  /** Tag paths ('Place/Niš') the person added. */
  addedTags: string[];
  /** Tag paths of the file's that the person removed. */
  removedTags: string[];
  addedPeople: string[];
  removedPeople: string[];
  /**
   * Which of the standard values Kadar filled in from the catalog rather than the file: the
   * event's name, town and venue ('event', 'city', 'venue'), a project's 'creator', 'credit',
   * 'copyright'. A catalog rebuilt from the sidecar takes the file's own for these.
   */
  derived: string[];
  /**
   * A rejected photo's stars: xmp:Rating says -1 for the reject (as Lightroom and digiKam read
   * it), so the stars it had are kept here.
   */
  stars: number | null;
}

/** Kadar's properties, in the order they are written. */
export const kadarProperties = [
  'Version',
  'EventId',
  'EventTitle',
  'EventStart',
  'EventEnd',
  'Projects',
  'Edited',
  'Derived',
  'Stars',
  'AddedTags',
  'RemovedTags',
  'AddedPeople',
  'RemovedPeople',
  'Pick',
] as const;
export type KadarProperty = (typeof kadarProperties)[number];

const text = (value: string | null): PropertyValue | null =>
  value == null ? null : { kind: 'text', text: xmlText(value) };

const bag = (items: string[]): PropertyValue | null =>
  items.length > 0 ? { kind: 'Bag', items: items.map(xmlText) } : null;

/**
 * The values of Kadar's properties (null: not written). Texts are written as given, so that
 * reading them back gives exactly the layer; an empty list is no property.
 */
export function kadarValues(
  layer: KadarLayer,
  pick: boolean,
): Record<KadarProperty, PropertyValue | null> {
  const event = layer.event;
  const projects = event?.projects ?? [];
  return {
    Version: text(LAYER_VERSION),
    EventId: text(event?.uid ?? null),
    EventTitle: text(event?.title ?? null),
    EventStart: text(event?.startsOn ?? null),
    EventEnd: text(event?.endsOn ?? null),
    Projects:
      projects.length > 0
        ? {
            kind: 'Structs',
            items: projects.map((p) => {
              const fields: [string, string][] = [
                ['Uid', xmlText(p.uid)],
                ['Name', xmlText(p.name)],
              ];
              if (p.code != null) fields.push(['Code', xmlText(p.code)]);
              return fields;
            }),
          }
        : null,
    Edited: bag(layer.edited),
    Derived: bag(layer.derived),
    Stars: layer.stars == null ? null : text(String(layer.stars)),
    AddedTags: bag(layer.addedTags),
    RemovedTags: bag(layer.removedTags),
    AddedPeople: bag(layer.addedPeople),
    RemovedPeople: bag(layer.removedPeople),
    Pick: pick ? text('True') : null,
  };
}

/** A property as found: an attribute's raw value, or an element and the scope around it. */
type Found = { raw: string } | { el: XmlElement; scope: Scope };

function textOfFound(found: Found | undefined): string | null {
  if (!found) return null;
  return 'raw' in found ? decodeXmlEntities(found.raw) : textOf(found.el);
}

function listOfFound(found: Found | undefined): string[] {
  if (!found) return [];
  if ('raw' in found) return [decodeXmlEntities(found.raw)];
  const items = listItems(found.el, found.scope);
  if (items.length > 0) return items.map(({ li }) => textOf(li));
  const single = textOf(found.el);
  return single.trim() ? [single] : [];
}

/** A structure's fields in Kadar's namespace, however it is written (parseType, Description, attributes). */
function structFields(el: XmlElement, scope: Scope, into = new Map<string, string>()) {
  for (const [name, raw] of el.attrs) {
    const key = expand(name, scope, true);
    if (key?.startsWith(KADAR_NS)) into.set(key.slice(KADAR_NS.length), decodeXmlEntities(raw));
  }
  for (const child of el.children) {
    if (!isElement(child)) continue;
    const inner = enterScope(scope, child);
    const key = expand(child.name, inner);
    if (key === `${RDF_NS}Description`) structFields(child, inner, into);
    else if (key?.startsWith(KADAR_NS)) into.set(key.slice(KADAR_NS.length), textOf(child));
  }
  return into;
}

/** Kadar's properties in a document's rdf:Description blocks, by local name. */
export function findKadarProperties(doc: XmpDocument): Map<string, Found> {
  const found = new Map<string, Found>();
  for (const description of descriptions(doc)) {
    const scope = enterScope(doc.rdfScope, description);
    for (const [name, raw] of description.attrs) {
      const key = expand(name, scope, true);
      if (key?.startsWith(KADAR_NS)) found.set(key.slice(KADAR_NS.length), { raw });
    }
    for (const child of description.children) {
      if (!isElement(child)) continue;
      const key = expand(child.name, enterScope(scope, child));
      if (key?.startsWith(KADAR_NS)) found.set(key.slice(KADAR_NS.length), { el: child, scope });
    }
  }
  return found;
}

function starsOf(text: string | null): number | null {
  const n = text == null ? NaN : Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 5 ? n : null;
}

/** The layer a document's Kadar properties describe, or null when it has none. */
export function kadarLayerOf(doc: XmpDocument): KadarLayer | null {
  const found = findKadarProperties(doc);
  if (found.size === 0) return null;
  const value = (name: KadarProperty) => textOfFound(found.get(name));
  const list = (name: KadarProperty) => listOfFound(found.get(name));
  const eventId = value('EventId');
  const projectsProp = found.get('Projects');
  const projects =
    projectsProp && 'el' in projectsProp
      ? listItems(projectsProp.el, projectsProp.scope).map(({ li, scope }) => {
          const fields = structFields(li, scope);
          return {
            uid: fields.get('Uid') ?? '',
            name: fields.get('Name') ?? '',
            code: fields.get('Code') ?? null,
          };
        })
      : [];
  return {
    event:
      eventId == null
        ? null
        : {
            uid: eventId,
            title: value('EventTitle') ?? '',
            startsOn: value('EventStart') ?? '',
            endsOn: value('EventEnd'),
            projects,
          },
    edited: list('Edited'),
    derived: list('Derived'),
    stars: starsOf(value('Stars')),
    addedTags: list('AddedTags'),
    removedTags: list('RemovedTags'),
    addedPeople: list('AddedPeople'),
    removedPeople: list('RemovedPeople'),
  };
}
