/**
 * react-admin asks for page N; the graph pages by cursor. We remember, per list query (resource,
 * filter, sort, page size), the cursor that starts each page we have reached. Page 1 needs none;
 * reading page N stores the start of page N+1. Jumping past the furthest page reached walks
 * forward page by page (one request each) — fine for the next/previous buttons and small jumps,
 * and honest: the API has no offsets on purpose (keyset pages stay fast on large tables).
 */
export class CursorBook {
  private readonly books = new Map<string, Map<number, string | null>>();

  private book(key: string): Map<number, string | null> {
    let book = this.books.get(key);
    if (!book) {
      book = new Map([[1, null]]);
      this.books.set(key, book);
    }
    return book;
  }

  /** The cursor that starts `page`, or undefined when it has not been reached yet. */
  startOf(key: string, page: number): string | null | undefined {
    return this.book(key).get(page);
  }

  /** The furthest page at or before `page` whose start is known. */
  nearestKnown(key: string, page: number): number {
    const book = this.book(key);
    for (let p = page; p > 1; p--) if (book.has(p)) return p;
    return 1;
  }

  remember(key: string, page: number, endCursor: string | null, hasNextPage: boolean): void {
    if (hasNextPage && endCursor) this.book(key).set(page + 1, endCursor);
  }

  /** After a write the pages may have shifted: forget what we knew about that resource. */
  forget(resource: string): void {
    for (const key of this.books.keys()) if (key.startsWith(`${resource}|`)) this.books.delete(key);
  }
}
