/**
 * Camera and phone file names carry a counter (DSC_2208) or a timestamp (IMG_20151128_180312).
 * Staff refer to photos by them ("send me 2208"), and a counter that resets tells where one
 * card's photos end.
 */
export interface CameraName {
  prefix: string | null;
  number: number | null;
  /** Local wall-clock time a phone wrote into the name, when it has one. */
  timestamp: string | null;
}

const none: CameraName = { prefix: null, number: null, timestamp: null };

// IMG_20151128_180312, PXL_20231015_123456789, VID_20151128_180312_HDR, Screenshot_20151128-180312
const phoneTimestamp = /^([A-Za-z]+[_-]?)((?:19|20)\d{6})[_-]?(\d{6})(\d{0,3})(?:\D|$)/;
// IMG-20151128-WA0003 (WhatsApp): a date and a per-day counter
const whatsApp = /^([A-Za-z]+-)((?:19|20)\d{6})-WA(\d{4})/;
// Sony writes DSC + five digits
const sonyFive = /^(DSC)(\d{5})$/;
// Design rule for Camera File system: four free characters, then a four-digit counter.
// DSC_2208, _DSC2208, IMG_5218, DSCF0001, DSCN0010, P1000123, _MG_1234
const dcf = /^([A-Za-z0-9_]{4})(\d{4})$/;
// Anything else that ends in a counter: "Event 2015 - 034"
const trailing = /^(.*?\D)(\d{1,9})$/;

function validDate(d: string, t = '000000'): boolean {
  const month = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  const hour = Number(t.slice(0, 2));
  const minute = Number(t.slice(2, 4));
  const second = Number(t.slice(4, 6));
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 61
  );
}

function isoOf(d: string, t: string | null, ms: string): string {
  const date = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  if (!t) return `${date}T00:00:00`;
  const time = `${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;
  return `${date}T${time}${ms ? `.${ms.padEnd(3, '0')}` : ''}`;
}

/** Splits a file name (with or without extension) into its counter prefix and number. */
export function parseCameraName(fileName: string): CameraName {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;

  let m = phoneTimestamp.exec(stem);
  if (m && validDate(m[2]!, m[3])) {
    return { prefix: m[1]!, number: Number(m[2]! + m[3]!), timestamp: isoOf(m[2]!, m[3]!, m[4]!) };
  }
  m = whatsApp.exec(stem);
  if (m && validDate(m[2]!)) {
    return { prefix: m[1]!, number: Number(m[3]!), timestamp: isoOf(m[2]!, null, '') };
  }
  m = sonyFive.exec(stem) ?? dcf.exec(stem);
  if (m) return { prefix: m[1]!, number: Number(m[2]!), timestamp: null };
  m = trailing.exec(stem);
  if (m && m[1]!.length <= 24) return { prefix: m[1]!, number: Number(m[2]!), timestamp: null };
  return none;
}
