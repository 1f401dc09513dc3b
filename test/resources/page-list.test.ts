// src/resources/page-list.ts: awaited, the first page (asked for once); iterated, every item across pages.
import { describe, expect, it } from "vitest";
import { PageList, type ListPage } from "../../src/resources/page-list.js";
import { recordedRequests } from "../helpers.js";
import { testClient } from "../setup-client.js";

type Item = { id: string };
const pages: Record<string, ListPage<Item>> = {
  start: { data: [{ id: "a" }, { id: "b" }], has_more: true, last_id: "b" },
  b: { data: [{ id: "c" }], has_more: true }, // no last_id: the last item's id is the cursor
  c: { data: [{ id: "d" }], has_more: false },
};

function lister() {
  const asked: Array<string | undefined> = [];
  const load = async (after: string | undefined) => (asked.push(after), pages[after ?? "start"] as ListPage<Item>);
  return { asked, list: new PageList<Item, ListPage<Item>>(load) };
}

describe("PageList", () => {
  it("awaited: the first page, loaded once however often it is awaited", async () => {
    const { asked, list } = lister();
    expect((await list).data.map((i) => i.id)).toEqual(["a", "b"]);
    await list;
    expect(asked).toEqual([undefined]);
  });

  it("iterated: every item of every page, each next page asked for after the last id, stopping without has_more", async () => {
    const { asked, list } = lister();
    const ids: string[] = [];
    for await (const item of list) ids.push(item.id);
    expect(ids).toEqual(["a", "b", "c", "d"]);
    expect(asked).toEqual([undefined, "b", "c"]);
  });

  it("files.list() and batches.list() are still awaitable pages, with the cursor on the wire", async () => {
    const { client, testId } = testClient();
    const page = await client.files.list({ limit: 2, after: "file-x" });
    expect(Array.isArray(page.data)).toBe(true);
    await client.batches.list({ limit: 1 });
    expect((await recordedRequests(testId)).map((r) => r.path)).toEqual(["/v1/openai/files", "/v1/openai/batches"]);
  });
});
