/** How a new sidecar is named: digiKam's and darktable's way, or Lightroom's and Capture One's. */
export type SidecarNaming = 'digikam' | 'lightroom';

/**
 * The sidecar of `fileName` among a folder's `.xmp` files (keyed by lower-cased name): darktable
 * and digiKam name them IMG_5910.JPG.xmp, Lightroom and Capture One IMG_5910.xmp. The indexer
 * and the sidecar writer both choose with this, so a sidecar Kadar writes is the one it reads.
 */
export function sidecarFor(fileName: string, sidecars: ReadonlyMap<string, string>): string | null {
  const lower = fileName.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return (
    sidecars.get(`${lower}.xmp`) ??
    (dot > 0 ? sidecars.get(`${lower.slice(0, dot)}.xmp`) : undefined) ??
    null
  );
}

/** The name of a new sidecar for `fileName`. */
export function newSidecarName(fileName: string, naming: SidecarNaming): string {
  const dot = fileName.lastIndexOf('.');
  return naming === 'lightroom' && dot > 0 ? `${fileName.slice(0, dot)}.xmp` : `${fileName}.xmp`;
}
