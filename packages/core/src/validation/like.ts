/** A user's text inside a LIKE / ILIKE pattern matches literally (`%`, `_` and `\` escaped). */
export const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);
