/** How history steps name things: “Modna revija”, 12 photos, 1 event. */
export const quoted = (title: string) => `“${title}”`;

export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
