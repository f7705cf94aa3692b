import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { readMetadata } from '../../electron/indexer/read-metadata';
import {
  readKadarLayer,
  writeSidecar,
  type KadarLayer,
  type SidecarContent,
} from '../../electron/longevity/sidecars/sidecar-xmp';
import { requireExiftool, systemExiftool, type ExiftoolTags } from '../helpers/exiftool';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

// exiftool is the reference reader: what it reads back is what Lightroom, digiKam and darktable get.
requireExiftool();
const dir = tempDir();
afterAll(removeTempDirs);

let count = 0;
function saved(xml: string): string {
  const path = join(dir, `${++count}.xmp`);
  writeFileSync(path, xml);
  return path;
}

/** Every tag exiftool reads in a sidecar, structures as structures. */
function exiftool(xml: string): ExiftoolTags {
  const out = execFileSync(systemExiftool(), ['-j', '-struct', '-G1', saved(xml)], {
    encoding: 'utf8',
  });
  return (JSON.parse(out) as ExiftoolTags[])[0]!;
}

/** What exiftool's conformance checks warn of, every warning (JSON would keep only the first). */
function warnings(xml: string): string[] {
  const out = execFileSync(
    systemExiftool(),
    ['-validate', '-warning', '-a', '-G1', '-s', saved(xml)],
    {
      encoding: 'utf8',
    },
  );
  const lines = out.split('\n');
  // Anything else the check finds (an error) is in its summary line.
  const summary = lines.find((l) => /^\[ExifTool\]\s+Validate\s+:/.test(l)) ?? '';
  if (/error/i.test(summary)) throw new Error(`exiftool -validate: ${summary}`);
  return lines
    .filter((l) => /^\[ExifTool\]\s+Warning\s+:/.test(l))
    .map((l) => l.replace(/^[^:]*:\s*/, ''));
}

/** How many times exiftool finds an XMP tag (-a lists duplicates, which JSON would fold). */
function occurrences(xml: string, tag: string): number {
  const out = execFileSync(systemExiftool(), ['-a', '-G1', '-s', '-XMP:all', saved(xml)], {
    encoding: 'utf8',
  });
  const [group, name] = tag.split(':');
  return out.split('\n').filter((l) => new RegExp(`^\\[${group}\\]\\s+${name}\\s+:`).test(l))
    .length;
}

const noLayer: KadarLayer = {
  event: null,
  edited: [],
  addedTags: [],
  removedTags: [],
  addedPeople: [],
  removedPeople: [],
  derived: [],
  stars: null,
};

const layer: KadarLayer = {
  event: {
    uid: 'ev-2024-05-17-modna-revija',
    title: 'Модна ревија, Штип',
    startsOn: '2024-05-17',
    endsOn: '2024-05-18',
    projects: [
      { uid: 'pr-1', name: 'Текстилни кластер Jug', code: 'TC-24' },
      { uid: 'pr-2', name: 'Đački projekat & <radionica>', code: null },
    ],
  },
  edited: ['title', 'rating', 'label'],
  addedTags: ['Place/Srbija/Niš', 'Events/Fashion show'],
  removedTags: ['Beograd'],
  addedPeople: ['Јована Јовић'],
  removedPeople: ['Petar Petrović'],
  derived: ['city', 'credit'],
  stars: 4,
};

const full: SidecarContent = {
  title: 'Уводни тренинг о кластерима',
  caption: 'Модна ревија, Штип — Niš & <okolina>\nдруги ред',
  tagPaths: ['Place/Srbija/Niš', 'Events/Fashion show'],
  people: ['Đorđe Petrović', 'Јована Јовић'],
  rating: 4,
  flag: null,
  label: 'purple',
  event: 'Textile Cluster Fashion Show',
  city: 'Niš',
  venue: 'Dom omladine',
  creator: 'Đorđe Petrović',
  credit: 'Klaster Jug',
  copyright: '© 2024 Klaster Jug',
  kadar: layer,
};

const empty: SidecarContent = {
  title: null,
  caption: null,
  tagPaths: [],
  people: [],
  rating: null,
  flag: null,
  label: null,
  event: null,
  city: null,
  venue: null,
  creator: null,
  credit: null,
  copyright: null,
  kadar: noLayer,
};

/** What exiftool should read for `full`'s standard fields. */
function expectFull(tags: ExiftoolTags): void {
  expect(tags['XMP-dc:Title']).toBe(full.title);
  expect(tags['XMP-dc:Description']).toBe(full.caption);
  expect(tags['XMP-dc:Subject']).toEqual(['Niš', 'Fashion show']);
  expect(tags['XMP-dc:Creator']).toEqual([full.creator]);
  expect(tags['XMP-dc:Rights']).toBe(full.copyright);
  expect(tags['XMP-lr:HierarchicalSubject']).toEqual(['Place|Srbija|Niš', 'Events|Fashion show']);
  expect(tags['XMP-digiKam:TagsList']).toEqual(['Place/Srbija/Niš', 'Events/Fashion show']);
  expect(tags['XMP-iptcExt:PersonInImage']).toEqual(full.people);
  expect(tags['XMP-iptcExt:Event']).toBe(full.event);
  expect(tags['XMP-xmp:Rating']).toBe(4);
  expect(tags['XMP-xmp:Label']).toBe('Purple');
  expect(tags['XMP-photoshop:City']).toBe(full.city);
  expect(tags['XMP-photoshop:Credit']).toBe(full.credit);
  expect(tags['XMP-iptcCore:Location']).toBe(full.venue);
}

/** The tags Kadar owns, as exiftool names them; everything else in a sidecar is another tool's. */
const kadarOwned = new Set([
  'XMP-dc:Title',
  'XMP-dc:Description',
  'XMP-dc:Subject',
  'XMP-dc:Creator',
  'XMP-dc:Rights',
  'XMP-lr:HierarchicalSubject',
  'XMP-digiKam:TagsList',
  'XMP-iptcExt:PersonInImage',
  'XMP-iptcExt:Event',
  'XMP-xmp:Rating',
  'XMP-xmp:Label',
  'XMP-photoshop:City',
  'XMP-photoshop:Credit',
  'XMP-iptcCore:Location',
  // Other tools' copies of the keywords and stars, kept in step where they are.
  'XMP-microsoft:LastKeywordXMP',
  'XMP-microsoft:RatingPercent',
  'XMP-mediapro:CatalogSets',
]);

/** Another tool's tags, and with `languages` its other languages of the values Kadar owns. */
function foreign(tags: ExiftoolTags, languages = true): ExiftoolTags {
  return Object.fromEntries(
    Object.entries(tags).filter(
      ([k]) =>
        !kadarOwned.has(k) &&
        (languages || !kadarOwned.has(k.replace(/-[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)*$/, ''))) &&
        !k.startsWith('XMP-kadar:') &&
        !/^(System|File|ExifTool):/.test(k) &&
        k !== 'SourceFile',
    ),
  );
}

// ---- other tools' sidecars, as they write them ----

/** Lightroom Classic: no xpacket, properties as attributes, crs: develop settings, xmpMM:History. */
const lightroom = `<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0-c000 1.000000, 0000/00/00-00:00:00        ">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"
    xmlns:exifEX="http://cipa.jp/exif/1.0/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
   xmp:ModifyDate="2024-05-18T10:12:03+02:00"
   xmp:CreateDate="2024-05-17T14:30:00.12"
   xmp:MetadataDate="2024-05-18T10:12:03+02:00"
   xmp:Rating="3"
   xmp:Label="Red"
   aux:SerialNumber="6012345"
   aux:LensInfo="240/10 700/10 28/10 28/10"
   aux:Lens="NIKKOR Z 24-70mm f/2.8 S"
   exifEX:LensModel="NIKKOR Z 24-70mm f/2.8 S"
   photoshop:DateCreated="2024-05-17T14:30:00.12"
   photoshop:City="Beograd"
   xmpMM:DocumentID="xmp.did:2f6b8d0e-3c1a-4b8e-9a51-0c3e5a1d7b22"
   xmpMM:PreservedFileName="DSC_2208.NEF"
   xmpMM:OriginalDocumentID="5B1C9A3D4E6F7A8B9C0D1E2F3A4B5C6D"
   xmpMM:InstanceID="xmp.iid:2f6b8d0e-3c1a-4b8e-9a51-0c3e5a1d7b22"
   Iptc4xmpCore:Location="Sava Centar"
   crs:Version="16.3"
   crs:ProcessVersion="15.4"
   crs:WhiteBalance="As Shot"
   crs:Exposure2012="+0.50"
   crs:Contrast2012="+12"
   crs:Highlights2012="-35"
   crs:Shadows2012="+20"
   crs:Clarity2012="+8"
   crs:CameraProfile="Camera Standard"
   crs:HasSettings="True"
   crs:HasCrop="False"
   crs:AlreadyApplied="False">
   <dc:title>
    <rdf:Alt>
     <rdf:li xml:lang="x-default">Stari naslov</rdf:li>
     <rdf:li xml:lang="sr">Стари наслов</rdf:li>
    </rdf:Alt>
   </dc:title>
   <dc:subject>
    <rdf:Bag>
     <rdf:li>Beograd</rdf:li>
     <rdf:li>konferencija</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <xmpMM:History>
    <rdf:Seq>
     <rdf:li
      stEvt:action="derived"
      stEvt:parameters="converted from image/x-nikon-nef to image/dng, saved to new location"/>
     <rdf:li
      stEvt:action="saved"
      stEvt:instanceID="xmp.iid:2f6b8d0e-3c1a-4b8e-9a51-0c3e5a1d7b22"
      stEvt:when="2024-05-18T10:12:03+02:00"
      stEvt:softwareAgent="Adobe Photoshop Lightroom Classic 13.3 (Macintosh)"
      stEvt:changed="/metadata"/>
    </rdf:Seq>
   </xmpMM:History>
   <crs:ToneCurvePV2012>
    <rdf:Seq>
     <rdf:li>0, 0</rdf:li>
     <rdf:li>255, 255</rdf:li>
    </rdf:Seq>
   </crs:ToneCurvePV2012>
   <crs:Look>
    <rdf:Description
     crs:Name="Adobe Color"
     crs:Amount="1"
     crs:UUID="B952C231111CD8E0ECCF14B86BAA7077"
     crs:SupportsAmount="false"
     crs:SupportsMonochrome="false"
     crs:SupportsOutputReferred="false">
    <crs:Group>
     <rdf:Alt>
      <rdf:li xml:lang="x-default">Profiles</rdf:li>
     </rdf:Alt>
    </crs:Group>
    <crs:Parameters>
     <rdf:Description
      crs:Version="16.3"
      crs:ProcessVersion="15.4"
      crs:ConvertToGrayscale="False"
      crs:CameraProfile="Adobe Standard"
      crs:LookTable="E1095149FDB39D7A057BAB208837E2E1">
     <crs:ToneCurvePV2012>
      <rdf:Seq>
       <rdf:li>0, 0</rdf:li>
       <rdf:li>22, 16</rdf:li>
       <rdf:li>255, 255</rdf:li>
      </rdf:Seq>
     </crs:ToneCurvePV2012>
     </rdf:Description>
    </crs:Parameters>
    </rdf:Description>
   </crs:Look>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>Place|Beograd</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
`;

/** digiKam (through Exiv2): xpacket, attributes, the keywords in five places, acdsee's XML in an attribute. */
const digikam = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmlns:tiff="http://ns.adobe.com/tiff/1.0/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:digiKam="http://www.digikam.org/ns/1.0/"
    xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
    xmlns:mediapro="http://ns.iview-multimedia.com/mediapro/1.0/"
    xmlns:acdsee="http://ns.acdsee.com/iptc/1.0/"
    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
   exif:DateTimeOriginal="2024-05-17T14:30:00"
   tiff:Orientation="1"
   tiff:Make="NIKON CORPORATION"
   xmp:Rating="4"
   xmp:ModifyDate="2024-05-19T09:00:00"
   MicrosoftPhoto:Rating="75"
   acdsee:categories="&lt;Categories&gt;&lt;Category Assigned=&quot;0&quot;&gt;Place&lt;Category Assigned=&quot;1&quot;&gt;Beograd&lt;/Category&gt;&lt;/Category&gt;&lt;/Categories&gt;">
   <digiKam:TagsList>
    <rdf:Seq>
     <rdf:li>Place/Beograd</rdf:li>
     <rdf:li>People/Ana</rdf:li>
    </rdf:Seq>
   </digiKam:TagsList>
   <MicrosoftPhoto:LastKeywordXMP>
    <rdf:Bag>
     <rdf:li>Place/Beograd</rdf:li>
     <rdf:li>People/Ana</rdf:li>
    </rdf:Bag>
   </MicrosoftPhoto:LastKeywordXMP>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>Place|Beograd</rdf:li>
     <rdf:li>People|Ana</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
   <mediapro:CatalogSets>
    <rdf:Bag>
     <rdf:li>Place|Beograd</rdf:li>
     <rdf:li>People|Ana</rdf:li>
    </rdf:Bag>
   </mediapro:CatalogSets>
   <dc:subject>
    <rdf:Bag>
     <rdf:li>Beograd</rdf:li>
     <rdf:li>Ana</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <dc:description>
    <rdf:Alt>
     <rdf:li xml:lang="x-default">Otvaranje sajma</rdf:li>
     <rdf:li xml:lang="en-US">Fair opening &amp; reception</rdf:li>
    </rdf:Alt>
   </dc:description>
   <Iptc4xmpExt:PersonInImage>
    <rdf:Bag>
     <rdf:li>Ana</rdf:li>
    </rdf:Bag>
   </Iptc4xmpExt:PersonInImage>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;

/** darktable: an xml declaration, its history as a Seq of attribute structures. */
const darktable = `<?xml version="1.0" encoding="UTF-8"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:darktable="http://darktable.sf.net/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
   exif:DateTimeOriginal="2024:05:17 14:30:00.120"
   xmp:Rating="1"
   xmpMM:DerivedFrom="DSC_2208.NEF"
   darktable:import_timestamp="63851912345000000"
   darktable:change_timestamp="63851998765000000"
   darktable:export_timestamp="-1"
   darktable:print_timestamp="-1"
   darktable:xmp_version="5"
   darktable:raw_params="0"
   darktable:auto_presets_applied="1"
   darktable:history_end="3"
   darktable:iop_order_version="4"
   darktable:iop_order_list="rawprepare,0,invert,0,temperature,0,highlights,0,demosaic,0,exposure,0,colorin,0,channelmixerrgb,0,filmicrgb,0,colorout,0,gamma,0">
   <darktable:masks_history>
    <rdf:Seq/>
   </darktable:masks_history>
   <darktable:history>
    <rdf:Seq>
     <rdf:li
      darktable:num="0"
      darktable:operation="rawprepare"
      darktable:enabled="1"
      darktable:modversion="2"
      darktable:params="0000000000000000000000000000000000000000000000000000000000000000"
      darktable:multi_name=""
      darktable:multi_name_hand_edited="0"
      darktable:multi_priority="0"
      darktable:blendop_version="13"
      darktable:blendop_params="gz14eJxjYIAAFgYYMAEiBwAEzgBS"/>
     <rdf:li
      darktable:num="1"
      darktable:operation="exposure"
      darktable:enabled="1"
      darktable:modversion="6"
      darktable:params="0000000000000000cdcc4c3e0000803f00004842000000000100000000000000"
      darktable:multi_name="+0.5 EV &amp; more"
      darktable:multi_name_hand_edited="1"
      darktable:multi_priority="0"
      darktable:blendop_version="13"
      darktable:blendop_params="gz14eJxjYIAAFgYYMAEiBwAEzgBS"/>
     <rdf:li
      darktable:num="2"
      darktable:operation="filmicrgb"
      darktable:enabled="1"
      darktable:modversion="6"
      darktable:params="9a99193fe17a943f0000c040000040416666e63f"
      darktable:multi_name=""
      darktable:multi_name_hand_edited="0"
      darktable:multi_priority="0"
      darktable:blendop_version="13"
      darktable:blendop_params="gz14eJxjYIAAFgYYMAEiBwAEzgBS"/>
    </rdf:Seq>
   </darktable:history>
   <dc:subject>
    <rdf:Bag>
     <rdf:li>nef</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>darktable|format|nef</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
`;

/**
 * Less common shapes: several rdf:Description blocks, the old xap: prefix for xmp:, a comment,
 * CDATA, a value with character references, a label Kadar does not read.
 */
const oddities = `\uFEFF<?xpacket begin='\uFEFF' id='W5M0MpCehiHzreSzNTczkc9d'?>
<!-- written by hand -->
<x:xmpmeta xmlns:x='adobe:ns:meta/' x:xmptk='Image::ExifTool 12.57'>
<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
 <rdf:Description rdf:about=''
  xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'>
  <photoshop:City>Kragujevac</photoshop:City>
 </rdf:Description>
 <rdf:Description rdf:about=''
  xmlns:xap='http://ns.adobe.com/xap/1.0/'
  xap:Rating='2' xap:CreatorTool='Bridge &amp; "friends"'>
  <xap:Label>Approved</xap:Label>
 </rdf:Description>
 <rdf:Description rdf:about=''
  xmlns:lr='http://ns.adobe.com/lightroom/1.0/'>
  <lr:hierarchicalSubject>
   <rdf:Bag>
    <rdf:li>Sajam</rdf:li>
   </rdf:Bag>
  </lr:hierarchicalSubject>
 </rdf:Description>
 <rdf:Description rdf:about=''
  xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'
  xmlns:Iptc4xmpExt='http://iptc.org/std/Iptc4xmpExt/2008-02-29/'>
  <!-- a note -->
  <photoshop:Headline><![CDATA[Sajam <knjiga> & više]]></photoshop:Headline>
  <photoshop:Instructions>Line one&#xA;line two &#x2014; &lt;ok&gt;</photoshop:Instructions>
  <Iptc4xmpExt:Event>
   <rdf:Alt>
    <rdf:li xml:lang='x-default'>Sajam</rdf:li>
    <rdf:li xml:lang='sr-Cyrl'>Сајам</rdf:li>
   </rdf:Alt>
  </Iptc4xmpExt:Event>
 </rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end='w'?>`;

const tools = { lightroom, digikam, darktable, oddities };

describe('a new sidecar', () => {
  it('carries every field as exiftool reads it, Cyrillic and diacritics intact', () => {
    const xml = writeSidecar(full, null);
    const tags = exiftool(xml);
    expectFull(tags);
    expect(tags['XMP-kadar:EventId']).toBe(layer.event!.uid);
    expect(tags['XMP-kadar:EventTitle']).toBe(layer.event!.title);
    expect(tags['XMP-kadar:EventStart']).toBe('2024-05-17');
    expect(tags['XMP-kadar:EventEnd']).toBe('2024-05-18');
    expect(tags['XMP-kadar:Projects']).toEqual([
      { Uid: 'pr-1', Name: 'Текстилни кластер Jug', Code: 'TC-24' },
      { Uid: 'pr-2', Name: 'Đački projekat & <radionica>' },
    ]);
    expect(tags['XMP-kadar:Edited']).toEqual(layer.edited);
    expect(tags['XMP-kadar:AddedTags']).toEqual(layer.addedTags);
    expect(tags['XMP-kadar:RemovedTags']).toEqual(['Beograd']);
    expect(tags['XMP-kadar:AddedPeople']).toEqual(['Јована Јовић']);
    expect(tags['XMP-kadar:RemovedPeople']).toEqual(['Petar Petrović']);
    expect(tags['XMP-kadar:Pick']).toBeUndefined();
    expect(xml.startsWith('<?xpacket begin="\uFEFF"')).toBe(true);
    expect(xml.trimEnd().endsWith('<?xpacket end="w"?>')).toBe(true);
  });

  it('passes exiftool -validate', () => {
    for (const content of [full, empty]) {
      expect(warnings(writeSidecar(content, null))).toEqual([]);
      expect(
        execFileSync(systemExiftool(), ['-validate', '-s3', saved(writeSidecar(content, null))], {
          encoding: 'utf8',
        }).trim(),
      ).toBe('OK');
    }
  });

  it('writes several creators back as a list, as the indexer joined them', () => {
    const tags = exiftool(writeSidecar({ ...full, creator: 'Ana Petrović; Marko Marković' }, null));
    expect(tags['XMP-dc:Creator']).toEqual(['Ana Petrović', 'Marko Marković']);
  });

  it('writes a reject as rating -1, a pick in Kadar namespace, and leaves out what is null', () => {
    const rejected = exiftool(writeSidecar({ ...empty, rating: 5, flag: 'reject' }, null));
    expect(rejected['XMP-xmp:Rating']).toBe(-1);
    expect(rejected['XMP-kadar:Pick']).toBeUndefined();
    const picked = exiftool(writeSidecar({ ...empty, rating: 2, flag: 'pick' }, null));
    expect(picked['XMP-xmp:Rating']).toBe(2);
    expect(picked['XMP-kadar:Pick']).toBe(true);
    const none = exiftool(writeSidecar(empty, null));
    const written = Object.keys(none).filter((k) => k.startsWith('XMP-'));
    expect(written).toEqual(['XMP-x:XMPToolkit', 'XMP-kadar:Version']);
    expect(exiftool(writeSidecar({ ...empty, rating: 0 }, null))['XMP-xmp:Rating']).toBe(0);
  });

  it('drops characters XML cannot carry and refuses values it cannot write', () => {
    const xml = writeSidecar(
      { ...empty, title: 'Niš\u0001\u0008 Ниш\uFFFE', city: '\u0002' },
      null,
    );
    const tags = exiftool(xml);
    expect(tags['XMP-dc:Title']).toBe('Niš Ниш');
    expect(tags['XMP-photoshop:City']).toBeUndefined();
    expect(() => writeSidecar({ ...empty, rating: 7 }, null)).toThrow(/0 to 5 stars/);
    expect(() => writeSidecar({ ...empty, label: 'orange' }, null)).toThrow(/colour label/);
  });
});

describe.each(Object.entries(tools))('merging into a sidecar %s wrote', (_tool, original) => {
  const before = exiftool(original);

  it("keeps every other tool's value and replaces Kadar's, once", () => {
    const merged = writeSidecar(full, original);
    const after = exiftool(merged);
    expect(foreign(after)).toEqual(foreign(before));
    expectFull(after);
    expect(after['XMP-kadar:EventId']).toBe(layer.event!.uid);
    for (const tag of ['XMP-xmp:Rating', 'XMP-dc:Title', 'XMP-photoshop:City', 'XMP-xmp:Label'])
      expect(occurrences(merged, tag)).toBe(1);
    // What exiftool warns of is minor, or was in the other tool's file already (a CDATA value,
    // kept as it was, which exiftool 12.57 reads with a warning and 13.59 without).
    const own = warnings(original);
    for (const warning of warnings(merged))
      expect(warning.startsWith('[minor]') || own.includes(warning), warning).toBe(true);
  });

  it('gives the same file when written again, and replaces its own values cleanly', () => {
    const once = writeSidecar(full, original);
    expect(writeSidecar(full, once)).toBe(once);
    const other: SidecarContent = {
      ...full,
      title: 'Drugi naslov',
      tagPaths: ['Place/Srbija/Kragujevac'],
      people: ['Ana'],
      rating: 1,
      label: 'blue',
      kadar: { ...layer, edited: ['caption'], addedTags: [] },
    };
    // Over Kadar's own earlier output, the result is what writing over the original gives.
    expect(writeSidecar(other, once)).toBe(writeSidecar(other, original));
    // Clearing a value clears it in every language.
    const sparse = exiftool(writeSidecar(empty, once));
    expect(foreign(sparse)).toEqual(foreign(before, false));
    for (const tag of kadarOwned) {
      // A label Kadar does not read stays; a colour label is Kadar's.
      if (tag === 'XMP-xmp:Label' && before[tag] === 'Approved') continue;
      expect(sparse[tag], tag).toBeUndefined();
    }
    expect(Object.keys(sparse).filter((k) => k.startsWith('XMP-kadar:'))).toEqual([
      'XMP-kadar:Version',
    ]);
  });
});

describe('merge rules', () => {
  it('replaces only the x-default of a language alternative', () => {
    const tags = exiftool(writeSidecar(full, lightroom));
    expect(tags['XMP-dc:Title']).toBe(full.title);
    expect(tags['XMP-dc:Title-sr']).toBe('Стари наслов');
    const dk = exiftool(writeSidecar(full, digikam));
    expect(dk['XMP-dc:Description']).toBe(full.caption);
    expect(dk['XMP-dc:Description-en-US']).toBe('Fair opening & reception');
    const odd = exiftool(writeSidecar(full, oddities));
    expect(odd['XMP-iptcExt:Event']).toBe(full.event);
    expect(odd['XMP-iptcExt:Event-sr-cyrl']).toBe('Сајам');
  });

  it('removes a cleared value with all its languages', () => {
    const tags = exiftool(writeSidecar({ ...full, title: null }, lightroom));
    expect(tags['XMP-dc:Title']).toBeUndefined();
    expect(tags['XMP-dc:Title-sr']).toBeUndefined();
  });

  it("keeps other tools' copies of keywords and stars in step, and adds none", () => {
    const dk = exiftool(writeSidecar(full, digikam));
    expect(dk['XMP-microsoft:LastKeywordXMP']).toEqual(['Place/Srbija/Niš', 'Events/Fashion show']);
    expect(dk['XMP-mediapro:CatalogSets']).toEqual(['Place|Srbija|Niš', 'Events|Fashion show']);
    expect(dk['XMP-microsoft:RatingPercent']).toBe(75);
    expect(
      exiftool(writeSidecar({ ...full, rating: 5 }, digikam))['XMP-microsoft:RatingPercent'],
    ).toBe(99);
    const lr = exiftool(writeSidecar(full, lightroom));
    expect(lr['XMP-microsoft:LastKeywordXMP']).toBeUndefined();
    expect(lr['XMP-microsoft:RatingPercent']).toBeUndefined();
  });

  it('keeps comments and CDATA, and drops a block left with nothing in it', () => {
    const merged = writeSidecar(full, oddities);
    expect(merged).not.toContain('Kragujevac');
    expect(merged).not.toContain('xap:Rating');
    expect(merged).not.toContain('<rdf:li>Sajam</rdf:li>');
    expect((merged.match(/<rdf:Description/g) ?? []).length).toBe(3);
    expect(merged).toContain('<![CDATA[Sajam <knjiga> & više]]>');
    expect(merged).toContain('<!-- a note -->');
    expect(merged).toContain('<!-- written by hand -->');
    expect(merged.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('writes with the prefix a file binds a namespace to (xap: for xmp:)', () => {
    const xap = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:xap="http://ns.adobe.com/xap/1.0/" xap:Rating="2" xap:Label="Red"/>
</rdf:RDF></x:xmpmeta>`;
    const merged = writeSidecar({ ...empty, rating: 4 }, xap);
    expect(merged).toContain('<xap:Rating>4</xap:Rating>');
    expect(merged).not.toContain('xmlns:xmp=');
    expect(merged).not.toContain('Red');
    expect(occurrences(merged, 'XMP-xmp:Rating')).toBe(1);
  });

  it('keeps a label Kadar does not read unless the photo has one', () => {
    expect(exiftool(writeSidecar(empty, oddities))['XMP-xmp:Label']).toBe('Approved');
    expect(exiftool(writeSidecar(full, oddities))['XMP-xmp:Label']).toBe('Purple');
    expect(exiftool(writeSidecar(empty, lightroom))['XMP-xmp:Label']).toBeUndefined();
  });

  it('keeps Kadar properties of a later version', () => {
    const later = writeSidecar(full, null).replace(
      '<kadar:Version>1</kadar:Version>',
      '<kadar:Version>2</kadar:Version><kadar:Album>Naslovna</kadar:Album>',
    );
    const tags = exiftool(writeSidecar(full, later));
    expect(tags['XMP-kadar:Album']).toBe('Naslovna');
    expect(tags['XMP-kadar:Version']).toBe(1);
  });

  it('gives the x:xmpmeta wrapper to a bare rdf:RDF', () => {
    const bare = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>image/jpeg</dc:format></rdf:Description></rdf:RDF>`;
    const merged = writeSidecar(full, bare);
    expect(merged).toMatch(/<x:xmpmeta xmlns:x="adobe:ns:meta\/">\s*<rdf:RDF/);
    expect(exiftool(merged)['XMP-dc:Format']).toBe('image/jpeg');
  });

  it('refuses what is not XMP, saying why', () => {
    expect(() => writeSidecar(full, '<x:xmpmeta><rdf:RDF></x:xmpmeta>')).toThrow(
      /not well-formed XML \(line 1/,
    );
    expect(() => writeSidecar(full, 'Lightroom crashed here')).toThrow(/not well-formed XML/);
    expect(() => writeSidecar(full, '<settings><a>1</a></settings>')).toThrow(/not XMP/);
    expect(() => writeSidecar(full, lightroom.slice(0, 2000))).toThrow(/sidecar/);
    expect(() => readKadarLayer('<a><b></a>')).toThrow(/not well-formed XML/);
    // An empty file has nothing to keep.
    expect(exiftool(writeSidecar(full, ''))['XMP-dc:Title']).toBe(full.title);
  });
});

describe('readKadarLayer', () => {
  it('reads back exactly what was written', () => {
    expect(readKadarLayer(writeSidecar(full, null))).toEqual(layer);
    expect(readKadarLayer(writeSidecar(empty, digikam))).toEqual(noLayer);
    const other: KadarLayer = {
      ...noLayer,
      event: { uid: 'e', title: '', startsOn: '2023-01-01', endsOn: null, projects: [] },
      edited: ['flag'],
      removedPeople: ['Ана & Марко <2>', 'Ana'],
      derived: [],
    };
    expect(readKadarLayer(writeSidecar({ ...full, kadar: other }, lightroom))).toEqual(other);
  });

  it('finds no layer in a sidecar only other tools wrote', () => {
    for (const xml of Object.values(tools)) expect(readKadarLayer(xml)).toBeNull();
    expect(readKadarLayer('')).toBeNull();
  });
});

describe("the indexer's reader", () => {
  const jpeg = sharp({ create: { width: 16, height: 16, channels: 3, background: '#777' } })
    .jpeg()
    .toBuffer();

  it.each(Object.entries({ new: null, ...tools }))(
    'reads what Kadar wrote (into %s)',
    async (_name, original) => {
      const sidecar = Buffer.from(writeSidecar(full, original));
      const meta = await readMetadata(await jpeg, 'jpeg', sidecar);
      expect(meta.warnings).toEqual([]);
      expect(meta.title).toBe(full.title);
      expect(meta.caption).toBe(full.caption);
      expect(meta.keywords).toEqual(['Niš', 'Fashion show']);
      expect(meta.hierarchicalKeywords).toEqual([
        ['Place', 'Srbija', 'Niš'],
        ['Events', 'Fashion show'],
      ]);
      expect(meta.people).toEqual(full.people);
      expect(meta.rating).toBe(4);
      expect(meta.label).toBe('purple');
      expect(meta.city).toBe(full.city);
      expect(meta.location).toBe(full.venue);
      expect(meta.event).toBe(full.event);
      expect(meta.creator).toBe(full.creator);
      expect(meta.credit).toBe(full.credit);
      expect(meta.copyright).toBe(full.copyright);
    },
  );

  it('reads a reject as rating -1', async () => {
    const sidecar = Buffer.from(writeSidecar({ ...full, flag: 'reject' }, lightroom));
    expect((await readMetadata(await jpeg, 'jpeg', sidecar)).rating).toBe(-1);
  });
});
