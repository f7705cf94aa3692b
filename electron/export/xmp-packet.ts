import { levelForFile } from '../../shared/catalog/tag-levels';
import { XMLBuilder } from 'fast-xml-parser';
import { createdParts, present, type EmbeddedFields } from './embedded-fields';

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

const NAMESPACES = {
  '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  '@_xmlns:photoshop': 'http://ns.adobe.com/photoshop/1.0/',
  '@_xmlns:xmp': 'http://ns.adobe.com/xap/1.0/',
  '@_xmlns:Iptc4xmpCore': 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  '@_xmlns:Iptc4xmpExt': 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
  '@_xmlns:lr': 'http://ns.adobe.com/lightroom/1.0/',
};

// libvips stores the string verbatim (no wrapper of its own), and the XMP spec asks for the
// wrapper so packet scanners that do not parse the container still find the metadata; exiftool's
// -validate warns without it. The id is the fixed one the spec defines; the BOM marks UTF-8.
export const PACKET_HEADER = '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n';
export const PACKET_TRAILER = '\n<?xpacket end="w"?>';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: ' ',
  suppressEmptyNode: true,
  // 'true' would otherwise be written as a bare attribute name, which is not XML.
  suppressBooleanAttributes: false,
});

type Node = string | { [key: string]: Node | Node[] };

/**
 * XML 1.0 cannot carry most C0 controls or unpaired surrogates, not even as character
 * references; one such character would make readers drop the whole packet.
 */
export function xmlText(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const allowed =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c < 0xd800) ||
      (c > 0xdfff && c !== 0xfffe && c !== 0xffff);
    if (allowed) out += ch;
  }
  return out;
}

/** The text to write, or null when nothing writable is left. */
export function clean(value: string | null): string | null {
  const v = present(value);
  return v == null ? null : present(xmlText(v));
}

function langAlt(value: string): Node {
  return { 'rdf:Alt': { 'rdf:li': { '@_xml:lang': 'x-default', '#text': value } } };
}

function list(kind: 'rdf:Bag' | 'rdf:Seq', values: string[]): Node {
  return { [kind]: { 'rdf:li': values } };
}

/** 'Place/Niš' → 'Place|Niš', the separator Lightroom and digiKam read. */
function hierarchicalSubject(path: string): string | null {
  return clean(
    path
      .split('/')
      .filter((p) => p.trim() !== '')
      .map(levelForFile)
      .join('|'),
  );
}

function createdValue(fields: EmbeddedFields): string | null {
  const parts = createdParts(fields);
  if (!parts) return null;
  if (!parts.time) return parts.date;
  return `${parts.date}T${parts.time}${parts.offset ?? ''}`;
}

/** The properties in the order they are written; absent ones are left out altogether. */
function properties(fields: EmbeddedFields): Record<string, Node> {
  const props: Record<string, Node | null> = {};
  const text = clean;
  const alt = (value: string | null) => {
    const v = clean(value);
    return v == null ? null : langAlt(v);
  };
  props['dc:title'] = alt(fields.title);
  props['dc:description'] = alt(fields.caption);
  const creator = clean(fields.creator);
  props['dc:creator'] = creator == null ? null : list('rdf:Seq', [creator]);
  props['dc:rights'] = alt(fields.copyright);
  const keywords = fields.keywords
    .map((k) => clean(levelForFile(k)))
    .filter((k): k is string => k != null);
  props['dc:subject'] = keywords.length > 0 ? list('rdf:Bag', keywords) : null;
  const paths = fields.hierarchicalKeywords
    .map(hierarchicalSubject)
    .filter((p): p is string => p != null);
  props['lr:hierarchicalSubject'] = paths.length > 0 ? list('rdf:Bag', paths) : null;
  props['photoshop:Credit'] = text(fields.credit);
  props['photoshop:City'] = text(fields.city);
  props['photoshop:Country'] = text(fields.country);
  props['Iptc4xmpCore:Location'] = text(fields.venue);
  props['Iptc4xmpExt:Event'] = alt(fields.event);
  const created = createdValue(fields);
  props['photoshop:DateCreated'] = created;
  props['xmp:CreateDate'] = created;
  return Object.fromEntries(
    Object.entries(props).filter((entry): entry is [string, Node] => entry[1] != null),
  );
}

/**
 * A complete XMP packet (xpacket wrapper around x:xmpmeta) for sharp's `withXmp`, which embeds
 * it as-is in JPEG (APP1), WebP (XMP chunk) and AVIF (XMP item).
 */
export function xmpPacket(fields: EmbeddedFields): string {
  const doc = {
    'x:xmpmeta': {
      '@_xmlns:x': 'adobe:ns:meta/',
      'rdf:RDF': {
        '@_xmlns:rdf': RDF_NS,
        'rdf:Description': { '@_rdf:about': '', ...NAMESPACES, ...properties(fields) },
      },
    },
  };
  const xml = builder.build(doc).trimEnd();
  return PACKET_HEADER + xml + PACKET_TRAILER;
}
