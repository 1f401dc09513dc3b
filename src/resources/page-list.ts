/** A page of an OpenAI-style list: items, and a cursor to the next page. */
export interface ListPage<Item> {
  data: Item[];
  has_more?: boolean;
  last_id?: string | null;
}

/**
 * What `files.list()` and `batches.list()` return, as openai-node's do: await it for the first page, or iterate it
 * for every item across pages (each next page asked for with `after` = the last id, while `has_more`).
 * @example
 * const { data } = await client.batches.list({ limit: 10 }); // one page
 * for await (const batch of client.batches.list()) console.log(batch.id); // every batch
 */
export class PageList<Item extends { id: string }, Page extends ListPage<Item>> implements PromiseLike<Page>, AsyncIterable<Item> {
  readonly #load: (after: string | undefined) => Promise<Page>;
  readonly #after: string | undefined;
  #first: Promise<Page> | undefined;

  constructor(load: (after: string | undefined) => Promise<Page>, after?: string) {
    this.#load = load;
    this.#after = after;
  }

  /** The first page (asked for once, however often it is awaited). */
  then<A = Page, B = never>(onFulfilled?: ((page: Page) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return (this.#first ??= this.#load(this.#after)).then(onFulfilled, onRejected);
  }

  /** Every item of every page, in order. */
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    let page: Page = await (this.#first ??= this.#load(this.#after));
    for (;;) {
      yield* page.data;
      const next = page.last_id ?? page.data.at(-1)?.id;
      if (!page.has_more || !next || page.data.length === 0) return;
      page = await this.#load(next);
    }
  }
}
