/**
 * The seeds are text extracted from published Word/PDF files: cells carry leftover HTML (`<p>`,
 * `<b>`, `<a href=…>`), Markdown (`**`, `##`), Word bookmarks (`[bookmark: _GoBack]`), footnote
 * anchors and hard line breaks inside words' phrases. Everything read from a roadmap goes
 * through here first.
 */
const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&laquo;': '«',
  '&raquo;': '»',
  '&#39;': "'",
};

/** A cell's text without markup, with its line breaks kept (they separate some executors). */
export function stripMarkup(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z]+;|&#\d+;/gi, (e) => ENTITIES[e.toLowerCase()] ?? ' ')
    .replace(/\[(?:bookmark|endnoteRef|footnoteRef)[^\]]*\]/gi, '')
    .replace(/\*\*|__|^#{1,6}\s*/gm, '')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** One line: markup gone, line breaks and runs of spaces made single spaces. */
export function oneLine(text: string): string {
  return stripMarkup(text).replace(/\s+/g, ' ').trim();
}

/** A key to compare names by: case, ё, quotes, dashes, punctuation and spacing do not matter. */
export function comparable(text: string): string {
  return oneLine(text)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„'`]/g, '')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/[.,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Edit distance, bounded: names differing by one typo («Минтруд» / «Минтруда») still match. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}
