/**
 * Word's footnotes as text extraction leaves them in a cell (seed 004 item 4.4.1): an anchor
 * `[endnoteRef:1][footnoteRef:1]` where the note is referenced, and the note's body at the end of
 * the cell as `[1: text]` (an empty `[1: ]` for the endnote's twin).
 */
const ANCHOR = /\[(?:endnoteRef|footnoteRef):\s*\d+\]/gi;
const BODY = /\[\d{1,3}:([^\]]*)\]/g;

export function splitFootnotes(cell: string): { text: string; footnotes: string[] } {
  const footnotes: string[] = [];
  const text = cell.replace(ANCHOR, '').replace(BODY, (_all, body: string) => {
    const note = body.replace(/\s+/g, ' ').trim();
    if (note && !footnotes.includes(note)) footnotes.push(note);
    return ' ';
  });
  return { text, footnotes };
}
