/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': a date-tree node or a day in a range. */
export const datePrefixPattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Without the schema library, for the renderer's date fields. */
export const isDatePrefix = (text: string) => datePrefixPattern.test(text);
