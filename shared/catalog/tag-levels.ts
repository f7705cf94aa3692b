/**
 * Tag names and the keyword levels of files. Kadar separates the levels of a tag's path by '/'
 * ("Place/Niš"); files may not (Lightroom's lr:hierarchicalSubject separates them by '|').
 */

// A '/' inside one level of a file's keyword (Lightroom allows "Music|AC/DC") would read as a
// level of its own in a tag's path: it is kept as '∕' (U+2215 DIVISION SLASH), and written back
// as '/' where a format separates levels otherwise (lr:hierarchicalSubject, dc:subject).
const slashInLevel = '\u2215';

/** A keyword level read from a file, as a tag's name. */
export const levelFromFile = (name: string) => name.trim().replaceAll('/', slashInLevel);

/** A tag's name as a keyword level written to a file that does not separate levels by '/'. */
export const levelForFile = (name: string) => name.replaceAll(slashInLevel, '/');
