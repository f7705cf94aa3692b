declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  /** pdf.js's parser side. Importing the module also puts it on `globalThis.pdfjsWorker`. */
  export const WorkerMessageHandler: unknown;
}
