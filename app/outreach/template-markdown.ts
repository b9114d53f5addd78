import MarkdownIt from "markdown-it";
import { type Token } from "markdown-it";

/**
 * The Markdown side of message templates: one parser for letters (no raw HTML, no
 * bare-URL guessing), inline styles for mail clients that drop <style>, and the
 * plain-text part read from the same tokens. Client-safe and pure.
 */

// A letter is written line by line (the greeting, the signature): a single line break
// stays a line break, as people expect from a mail client, not a Markdown space.
export const markdown = new MarkdownIt({ html: false, linkify: false, breaks: true, typographer: false });
// Every link reaches the tokens, so checkTemplate can name a javascript: link instead of
// markdown-it quietly turning it into text; a template with one is never compiled.
markdown.validateLink = () => true;

/** Only to find raw HTML (markdown-it's own idea of a tag, so `a < b` and code are not flagged). */
const withHtml = new MarkdownIt({ html: true, linkify: false });
withHtml.validateLink = () => true;

export function parseMarkdown(source: string): Token[] {
  return markdown.parse(source, {});
}

/** A token's attribute as text ("" when absent). */
export function attr(token: Token, name: string): string {
  return String(token.attrGet(name) ?? "");
}

/** Every token, inline children included, in document order. */
export function* allTokens(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.children) yield* allTokens(token.children);
  }
}

/** The tags written as raw HTML ("<b>", "<!--"), each once. */
export function rawHtmlTags(source: string): string[] {
  const tags = new Set<string>();
  for (const token of allTokens(withHtml.parse(source, {}))) {
    if (token.type !== "html_block" && token.type !== "html_inline") continue;
    const tag = /<!--|<\/?[A-Za-z][\w-]*/.exec(token.content)?.[0];
    if (tag) tags.add(tag === "<!--" ? tag : `${tag.replace("/", "")}>`);
  }
  return [...tags];
}

/** True when a ``` or ~~~ fence runs to the end of the text because it was never closed. */
export function hasUnclosedFence(source: string, tokens: readonly Token[]): boolean {
  const lines = source.split(/\r\n|\r|\n/);
  return tokens.some((token) => {
    if (token.type !== "fence" || !token.map) return false;
    const [start, end] = token.map;
    if (end - 1 <= start) return true;
    const last = (lines[end - 1] ?? "").replace(/^[\s>]*/, "").trimEnd();
    const marker = token.markup[0] ?? "`";
    return !(last.length >= token.markup.length && [...last].every((ch) => ch === marker));
  });
}

const STYLES: Record<string, string> = {
  p: "margin:0 0 14px;",
  h1: "font-size:22px;line-height:1.3;margin:0 0 14px;",
  h2: "font-size:19px;line-height:1.3;margin:0 0 12px;",
  h3: "font-size:17px;line-height:1.3;margin:0 0 10px;",
  h4: "font-size:15px;margin:0 0 10px;",
  h5: "font-size:15px;margin:0 0 10px;",
  h6: "font-size:15px;margin:0 0 10px;",
  ul: "margin:0 0 14px;padding-left:24px;",
  ol: "margin:0 0 14px;padding-left:24px;",
  li: "margin:0 0 4px;",
  blockquote: "margin:0 0 14px;padding:0 0 0 12px;border-left:3px solid #d0d7de;color:#57606a;",
  pre: "margin:0 0 14px;padding:12px;background:#f3f4f6;white-space:pre-wrap;font-family:Consolas,Menlo,monospace;font-size:13px;",
  code: "font-family:Consolas,Menlo,monospace;font-size:13px;background:#f3f4f6;",
  hr: "border:0;border-top:1px solid #d0d7de;margin:20px 0;",
  a: "color:#1a5fb4;",
  img: "max-width:100%;height:auto;",
  table: "border-collapse:collapse;margin:0 0 14px;",
  th: "border:1px solid #d0d7de;padding:4px 8px;",
  td: "border:1px solid #d0d7de;padding:4px 8px;",
};
const STYLED_TAG = new RegExp(`<(${Object.keys(STYLES).join("|")})( style="([^"]*)")?(?=[\\s>/])`, "g");

/**
 * The letter's HTML with inline styles. With raw HTML off every "<" in the output
 * opens a tag markdown-it wrote (text is escaped), so matching tags here is safe.
 */
export function renderHtml(tokens: Token[]): string {
  const html = markdown.renderer.render(tokens, markdown.options, {});
  return html.replace(STYLED_TAG, (_all, tag: string, _attr, own: string | undefined) => `<${tag} style="${STYLES[tag]}${own ?? ""}"`);
}

/** Link text the reader sees for an href: decoded, "mailto:" dropped. */
function shownUrl(href: string): string {
  const url = markdown.normalizeLinkText(href);
  return url.startsWith("mailto:") ? url.slice("mailto:".length) : url;
}

function inlineText(children: readonly Token[]): string {
  let text = "";
  const open: Array<{ href: string; at: number }> = [];
  for (const token of children) {
    switch (token.type) {
      case "text":
      case "code_inline":
        text += token.content;
        break;
      case "softbreak":
      case "hardbreak":
        text += "\n";
        break;
      case "link_open":
        open.push({ href: attr(token, "href"), at: text.length });
        break;
      case "link_close": {
        const link = open.pop();
        if (!link) break;
        const label = text.slice(link.at).trim();
        const url = shownUrl(link.href);
        // An autolink (<https://…>) or [a@b.ru](mailto:a@b.ru) already shows its address.
        if (url && label !== url) text += ` (${url})`;
        break;
      }
      case "image": {
        const src = attr(token, "src");
        text += [token.content, src ? `(${shownUrl(src)})` : ""].filter(Boolean).join(" ");
        break;
      }
      default:
        break;
    }
  }
  return text;
}

/**
 * The plain-text part: paragraphs apart, list items as "• " or "1. ", quotes as "> ",
 * links as "text (url)", emphasis marks dropped.
 */
export function renderPlainText(tokens: readonly Token[]): string {
  const lines: string[] = [];
  const lists: Array<{ ordered: boolean; n: number }> = [];
  const indents: string[] = [];
  let marker: string | null = null;
  let quote = 0;
  let cells: string[] = [];
  let block: Token | undefined;

  const emit = (text: string, gap: boolean) => {
    text.split("\n").forEach((line, k) => {
      let prefix = "> ".repeat(quote) + indents.slice(0, -1).join("");
      if (indents.length) prefix += k === 0 && marker ? marker : indents[indents.length - 1];
      lines.push((prefix + line).trimEnd());
    });
    marker = null;
    if (gap) lines.push("");
  };

  for (const token of tokens) {
    switch (token.type) {
      case "paragraph_open":
      case "heading_open":
        block = token;
        break;
      case "inline": {
        const text = inlineText(token.children ?? []);
        if (block?.type === "th_open" || block?.type === "td_open") cells.push(text.replace(/\n/g, " "));
        else emit(text, !(block?.type === "paragraph_open" && block.hidden));
        break;
      }
      case "th_open":
      case "td_open":
        block = token;
        break;
      case "tr_open":
        cells = [];
        break;
      case "tr_close":
        emit(cells.join(" | "), false);
        break;
      case "table_close":
        lines.push("");
        break;
      case "bullet_list_open":
      case "ordered_list_open":
        lists.push({ ordered: token.type === "ordered_list_open", n: Number(attr(token, "start") || 1) - 1 });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        if (!lists.length) lines.push("");
        break;
      case "list_item_open": {
        const list = lists[lists.length - 1];
        if (!list) break;
        list.n += 1;
        marker = list.ordered ? `${list.n}. ` : "• ";
        indents.push(" ".repeat(marker.length));
        break;
      }
      case "list_item_close":
        indents.pop();
        marker = null;
        break;
      case "blockquote_open":
        quote += 1;
        break;
      case "blockquote_close":
        quote -= 1;
        lines.push("");
        break;
      case "fence":
      case "code_block":
        emit(token.content.replace(/\n$/, ""), true);
        break;
      case "hr":
        emit("----------", true);
        break;
      default:
        break;
    }
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}
