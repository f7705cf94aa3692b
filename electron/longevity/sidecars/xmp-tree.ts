import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXmlEntities } from '../../indexer/text-values';

/**
 * An XMP sidecar as a lossless XML tree: text and attribute values stay exactly as the file has
 * them (entities unexpanded), so whatever another tool wrote is written back unchanged. Only
 * the whitespace between elements is Kadar's own on the way out.
 */

export const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const META_NS = 'adobe:ns:meta/';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The namespaces Kadar writes, by the prefix it writes them with. */
export const NS = {
  rdf: RDF_NS,
  x: META_NS,
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  Iptc4xmpCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  Iptc4xmpExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
  lr: 'http://ns.adobe.com/lightroom/1.0/',
  digiKam: 'http://www.digikam.org/ns/1.0/',
  MicrosoftPhoto: 'http://ns.microsoft.com/photo/1.0/',
  mediapro: 'http://ns.iview-multimedia.com/mediapro/1.0/',
  kadar: 'https://kadar.app/ns/1.0/',
} as const;
export type Prefix = keyof typeof NS;

/** Attribute values and text are kept raw: as in the file, character references and all. */
export type Attr = [name: string, raw: string];
export interface XmlElement {
  kind: 'element';
  name: string;
  attrs: Attr[];
  children: XmlNode[];
}
export type XmlNode =
  | XmlElement
  | { kind: 'text'; raw: string }
  | { kind: 'cdata'; text: string }
  | { kind: 'comment'; text: string }
  | { kind: 'pi'; name: string; attrs: Attr[] };

export interface XmpDocument {
  /** Comments and processing instructions around x:xmpmeta (not the xpacket or xml ones). */
  before: XmlNode[];
  after: XmlNode[];
  meta: XmlElement;
  rdf: XmlElement;
  /** The namespaces in force inside rdf:RDF. */
  rdfScope: Scope;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
  ignoreDeclaration: false,
  ignorePiTags: false,
});

type Parsed = Record<string, unknown>;

/** Text as the parser hands it over (a string: values are not parsed into numbers). */
const str = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

function convert(items: Parsed[]): XmlNode[] {
  return items.map((item): XmlNode => {
    const key = Object.keys(item).find((k) => k !== ':@')!;
    const attrs = Object.entries((item[':@'] ?? {}) as Record<string, string>);
    const value = item[key];
    const inner = () => (value as Parsed[]).map((i) => str(i['#text'])).join('');
    if (key === '#text') return { kind: 'text', raw: str(value) };
    if (key === '#comment') return { kind: 'comment', text: inner() };
    if (key === '#cdata') return { kind: 'cdata', text: inner() };
    if (key.startsWith('?')) return { kind: 'pi', name: key.slice(1), attrs };
    return { kind: 'element', name: key, attrs, children: convert(value as Parsed[]) };
  });
}

function fail(why: string): never {
  throw new Error(`The sidecar cannot be read as XMP: ${why}.`);
}

/** Parses XML without losing anything a writer put in it; throws when it is not well-formed. */
function parseXml(xml: string): XmlNode[] {
  if (/<!DOCTYPE/i.test(xml)) fail('it has a DOCTYPE, which XMP does not allow');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    fail(`it is not well-formed XML (line ${line}, column ${col}: ${msg})`);
  }
  return convert(parser.parse(xml) as Parsed[]);
}

// ---- namespaces ----

export type Scope = ReadonlyMap<string, string>;
const emptyScope: Scope = new Map();

/** The namespaces in force inside `el`: the outer ones and its own declarations. */
export function enterScope(scope: Scope, el: XmlElement): Scope {
  let inner: Map<string, string> | null = null;
  for (const [name, raw] of el.attrs) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    inner ??= new Map(scope);
    inner.set(name === 'xmlns' ? '' : name.slice(6), decodeXmlEntities(raw));
  }
  return inner ?? scope;
}

/**
 * The expanded name (namespace URI + local name) of an element or attribute, or null for
 * namespace declarations and names in no namespace. A prefix nobody declared is taken as the
 * usual one of that name, as exiftool does.
 */
export function expand(name: string, scope: Scope, attribute = false): string | null {
  if (name === 'xmlns' || name.startsWith('xmlns:')) return null;
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const local = name.slice(colon + 1);
  if (prefix === '' && attribute) return null;
  if (prefix === 'xml') return XML_NS + local;
  const uri = scope.get(prefix) ?? (NS as Record<string, string | undefined>)[prefix];
  return uri ? uri + local : null;
}

export function isElement(node: XmlNode): node is XmlElement {
  return node.kind === 'element';
}

/** A prefix bound to `uri` in `scope`, the wanted one if it is. */
export function prefixOf(uri: string, scope: Scope, wanted: string): string | null {
  if (scope.get(wanted) === uri) return wanted;
  for (const [prefix, bound] of scope) if (prefix !== '' && bound === uri) return prefix;
  return null;
}

// ---- the document ----

function findRdf(el: XmlElement, scope: Scope): { rdf: XmlElement; scope: Scope } | null {
  const inner = enterScope(scope, el);
  if (expand(el.name, inner) === `${RDF_NS}RDF`) return { rdf: el, scope: inner };
  for (const child of el.children) {
    const found = isElement(child) ? findRdf(child, inner) : null;
    if (found) return found;
  }
  return null;
}

/** Reads a sidecar (any tool's); throws an Error saying why when it is not XMP. */
export function openXmp(xml: string): XmpDocument {
  const nodes = parseXml(xml.replace(/^\uFEFF/, ''));
  const roots = nodes.filter(isElement);
  if (roots.length !== 1) fail(`it has ${roots.length} root elements, XML has one`);
  const root = roots[0]!;
  const found = findRdf(root, emptyScope);
  if (!found) fail('it has no rdf:RDF element, so it is not XMP');
  // Comments and other processing instructions stay where they were; the xml declaration and
  // the xpacket wrapper are written anew.
  const kept = (n: XmlNode) =>
    n.kind === 'comment' ||
    (n.kind === 'pi' && n.name.toLowerCase() !== 'xml' && n.name !== 'xpacket');
  const at = nodes.indexOf(root);
  // A bare rdf:RDF (old writers) is given the x:xmpmeta wrapper readers expect.
  const meta =
    found.rdf === root ? element('x:xmpmeta', [['xmlns:x', META_NS]], [found.rdf]) : root;
  return {
    before: nodes.slice(0, at).filter(kept),
    after: nodes.slice(at + 1).filter(kept),
    meta,
    rdf: found.rdf,
    rdfScope: found.scope,
  };
}

export function newXmp(): XmpDocument {
  const rdf = element('rdf:RDF', [['xmlns:rdf', RDF_NS]], []);
  const meta = element(
    'x:xmpmeta',
    [
      ['xmlns:x', META_NS],
      ['x:xmptk', 'Kadar'],
    ],
    [rdf],
  );
  return { before: [], after: [], meta, rdf, rdfScope: enterScope(emptyScope, rdf) };
}

/** The top-level rdf:Description blocks: where a document's properties are. */
export function descriptions(doc: XmpDocument): XmlElement[] {
  return doc.rdf.children.filter(
    (c): c is XmlElement => isElement(c) && expand(c.name, doc.rdfScope) === `${RDF_NS}Description`,
  );
}

// ---- values ----

export function element(name: string, attrs: Attr[], children: XmlNode[]): XmlElement {
  return { kind: 'element', name, attrs, children };
}

/** XML for a value: markup escaped, and CR kept (parsers would read a bare one as LF). */
export function escapeText(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#xD;');
}

export function textNode(value: string): XmlNode {
  return { kind: 'text', raw: escapeText(value) };
}

/** The text an element holds, references resolved. */
export function textOf(el: XmlElement): string {
  return el.children
    .map((c) => (c.kind === 'text' ? decodeXmlEntities(c.raw) : c.kind === 'cdata' ? c.text : ''))
    .join('');
}

export function attrValue(el: XmlElement, name: string): string | null {
  const attr = el.attrs.find(([n]) => n === name);
  return attr ? decodeXmlEntities(attr[1]) : null;
}

/** The rdf:li items of a property's rdf:Bag, rdf:Seq or rdf:Alt, with the scope they are in. */
export function listItems(prop: XmlElement, scope: Scope): { li: XmlElement; scope: Scope }[] {
  const inner = enterScope(scope, prop);
  const container = prop.children.find(
    (c): c is XmlElement =>
      isElement(c) &&
      ['Bag', 'Seq', 'Alt'].some((k) => expand(c.name, enterScope(inner, c)) === RDF_NS + k),
  );
  if (!container) return [];
  const scopeIn = enterScope(inner, container);
  return container.children
    .filter((c): c is XmlElement => isElement(c) && expand(c.name, scopeIn) === `${RDF_NS}li`)
    .map((li) => ({ li, scope: enterScope(scopeIn, li) }));
}

// ---- writing ----

const containers = new Set(['RDF', 'Description', 'Bag', 'Seq', 'Alt'].map((k) => RDF_NS + k));

function attrText(attrs: Attr[], indent: string | null): string {
  return attrs
    .map(([name, raw], i) => {
      const sep = indent != null && i > 0 && attrs.length > 2 ? `\n${indent}  ` : ' ';
      return `${sep}${name}="${raw.replace(/"/g, '&quot;')}"`;
    })
    .join('');
}

function inline(node: XmlNode): string {
  switch (node.kind) {
    case 'text':
      return node.raw;
    case 'cdata':
      return `<![CDATA[${node.text}]]>`;
    case 'comment':
      return `<!--${node.text}-->`;
    case 'pi':
      return `<?${node.name}${attrText(node.attrs, null)}?>`;
    case 'element': {
      const open = `<${node.name}${attrText(node.attrs, null)}`;
      if (node.children.length === 0) return `${open}/>`;
      return `${open}>${node.children.map(inline).join('')}</${node.name}>`;
    }
  }
}

/**
 * Whether an element holds only elements, so the whitespace between them is layout (RDF has
 * no mixed content). A value (text, CDATA, an XML literal) is written exactly as it was.
 */
function layoutOnly(el: XmlElement, scope: Scope): boolean {
  if (el.attrs.some(([n, v]) => /(^|:)parseType$/.test(n) && v === 'Literal')) return false;
  const blank = el.children.every(
    (c) => c.kind !== 'cdata' && (c.kind !== 'text' || !c.raw.trim()),
  );
  return (
    blank &&
    (el.children.some((c) => c.kind !== 'text') || containers.has(expand(el.name, scope) ?? ''))
  );
}

function write(node: XmlNode, indent: string, scope: Scope, out: string[]): void {
  if (node.kind !== 'element') {
    if (node.kind !== 'text') out.push(indent + inline(node));
    return;
  }
  const inner = enterScope(scope, node);
  const open = `${indent}<${node.name}${attrText(node.attrs, indent)}`;
  const layout = layoutOnly(node, inner);
  const kids = layout ? node.children.filter((c) => c.kind !== 'text') : node.children;
  if (kids.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  if (!layout) {
    out.push(`${open}>${kids.map(inline).join('')}</${node.name}>`);
    return;
  }
  out.push(`${open}>`);
  for (const kid of kids) write(kid, `${indent} `, inner, out);
  out.push(`${indent}</${node.name}>`);
}

/** The document as XML, one element a line, indented by one space a level as exiftool does. */
export function serialize(nodes: XmlNode[]): string {
  const out: string[] = [];
  for (const node of nodes) write(node, '', emptyScope, out);
  return out.join('\n');
}

// ---- properties ----

/** A property's value as Kadar writes it. */
export type PropertyValue =
  | { kind: 'text'; text: string }
  | { kind: 'Bag' | 'Seq'; items: string[] }
  /** x-default first, then the other languages' rdf:li as the file had them. */
  | { kind: 'Alt'; text: string; others: XmlElement[] }
  /** A Bag of structures whose fields are in the property's own namespace. */
  | { kind: 'Structs'; items: [field: string, text: string][][] };

function valueElement(name: string, attrs: Attr[], text: string): XmlElement {
  return element(name, attrs, text === '' ? [] : [textNode(text)]);
}

/** `<name>` holding `value`, with `rdf` the prefix rdf: is bound to. */
export function propertyElement(name: string, value: PropertyValue, rdf: string): XmlElement {
  const container = (kind: string, items: XmlElement[]) => [element(`${rdf}:${kind}`, [], items)];
  const li = (text: string, attrs: Attr[] = []) => valueElement(`${rdf}:li`, attrs, text);
  switch (value.kind) {
    case 'text':
      return valueElement(name, [], value.text);
    case 'Bag':
    case 'Seq':
      return element(
        name,
        [],
        container(
          value.kind,
          value.items.map((v) => li(v)),
        ),
      );
    case 'Alt':
      return element(
        name,
        [],
        container('Alt', [li(value.text, [['xml:lang', 'x-default']]), ...value.others]),
      );
    case 'Structs': {
      const prefix = name.slice(0, name.indexOf(':'));
      const struct = (fields: [string, string][]) =>
        element(
          `${rdf}:li`,
          [[`${rdf}:parseType`, 'Resource']],
          fields.map(([field, text]) => valueElement(`${prefix}:${field}`, [], text)),
        );
      return element(name, [], container('Bag', value.items.map(struct)));
    }
  }
}
