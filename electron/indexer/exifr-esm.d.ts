declare module 'exifr/src/bundles/full.mjs' {
  export * from 'exifr';
}
