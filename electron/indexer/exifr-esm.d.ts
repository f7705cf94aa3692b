declare module 'exifr/dist/full.esm.mjs' {
  export * from 'exifr';
}
