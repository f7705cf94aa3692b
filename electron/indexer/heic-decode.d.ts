declare module 'heic-decode' {
  interface DecodedImage {
    width: number;
    height: number;
    data: Uint8ClampedArray;
  }
  /** Decodes the primary image of a HEIC/HEIF file to RGBA, with its rotation applied. */
  function decode(input: { buffer: Uint8Array }): Promise<DecodedImage>;
  export default decode;
}
