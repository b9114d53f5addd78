import { type ElementHandle, type Page } from "puppeteer-core";
import { type PageReader } from "./adapter";
import { cleanText } from "./fields";

/**
 * PageReader over a loaded puppeteer page or one of its elements. The callbacks run
 * inside the page, so they stay anonymous one-liners: tsx/esbuild wraps named
 * functions in a `__name` helper that does not exist in the browser.
 */
export function pageReader(root: Page | ElementHandle<Element>): PageReader {
  return {
    async text(selector) {
      const found = await root.$$eval(selector, (els) =>
        els.slice(0, 1).map((e) => (e as HTMLElement).innerText ?? e.textContent ?? ""),
      );
      return cleanText(found[0]);
    },
    async attr(name, selector) {
      if (selector === undefined) {
        if (!("asElement" in root)) return null;
        return cleanText(await root.evaluate((e, n) => e.getAttribute(n), name));
      }
      const found = await root.$$eval(selector, (els, n) => els.slice(0, 1).map((e) => e.getAttribute(n)), name);
      return cleanText(found[0]);
    },
    async links(selector) {
      const hrefs = await root.$$eval(selector, (els) => els.map((e) => (e as HTMLAnchorElement).href ?? ""));
      return hrefs.filter((href) => href !== "");
    },
    async all(selector) {
      const handles = await root.$$(selector);
      return handles.map((handle) => pageReader(handle));
    },
    async has(selector) {
      return (await root.$(selector)) !== null;
    },
  };
}
