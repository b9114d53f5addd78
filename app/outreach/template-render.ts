import { type TemplateKind } from "@prisma/client";
import { en as templatesEn, ru as templatesRu } from "~/i18n/sections/templates";
import { fieldsForKind, isCandidateFacing, isMergeField, LINK_FIELDS, type MergeField, type MergeValues } from "./merge-fields";
import { allTokens, attr, hasUnclosedFence, markdown, parseMarkdown, rawHtmlTags, renderHtml, renderPlainText } from "./template-markdown";

/**
 * Message templates: a plain-text subject and a Markdown body with {{merge fields}}.
 * checkTemplate says what is wrong (the editor shows it next to the field);
 * compileTemplate renders the Markdown once and returns a function that, per
 * recipient, only fills values in. Values are put in after Markdown, never read as
 * Markdown: the body is parsed with each field as an opaque word, and that word is
 * replaced in the output, escaped for where it stands (text, attribute, link).
 * Client-safe and pure.
 */

export type TemplateProblem = { part: "subject" | "body"; code: string; params?: Record<string, string | number> };
export type RenderedMessage = { subject: string; text: string; html: string };
export type CompiledTemplate = {
  /** The fields the subject and body use (the footer's unsubscribe link included). */
  fields: readonly MergeField[];
  render(values: MergeValues): RenderedMessage;
};
export type TemplateLocale = "ru" | "en";

export class TemplateInvalid extends Error {
  constructor(readonly problems: readonly TemplateProblem[]) {
    super(`Template refused: ${problems.map((p) => `${p.part} ${p.code}`).join(", ")}`);
    this.name = "TemplateInvalid";
  }
}

type Placeholder = { start: number; end: number; name: string };
type Problem = Omit<TemplateProblem, "part">;

const NAME = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*$/;

/** The {{placeholders}} of a text, and what is wrong with its braces. */
function scanPlaceholders(text: string): { placeholders: Placeholder[]; problems: Problem[] } {
  const placeholders: Placeholder[] = [];
  const problems: Problem[] = [];
  let open: number | null = null;
  for (const match of text.matchAll(/\{\{|\}\}/g)) {
    if (match[0] === "{{") {
      if (open !== null) problems.push({ code: "templates.errors.unclosedBraces", params: { text: snippet(text, open) } });
      open = match.index;
      continue;
    }
    if (open === null) {
      problems.push({ code: "templates.errors.strayBraces", params: { text: text.slice(Math.max(0, match.index - 20), match.index + 2).replace(/\s+/g, " ").trim() } });
      continue;
    }
    const inner = text.slice(open + 2, match.index);
    const name = NAME.exec(inner)?.[1];
    if (name) placeholders.push({ start: open, end: match.index + 2, name });
    else problems.push({ code: "templates.errors.badPlaceholder", params: { text: `{{${inner}}}` } });
    open = null;
  }
  if (open !== null) problems.push({ code: "templates.errors.unclosedBraces", params: { text: snippet(text, open) } });
  return { placeholders, problems };
}

const snippet = (text: string, from: number) => text.slice(from, from + 30).replace(/\s+/g, " ").trim();

/** The text with each placeholder replaced by a word Markdown leaves alone, and a map back. */
function tokenize(text: string, placeholders: readonly Placeholder[]) {
  let nonce = 0;
  while (text.includes(`mfz${nonce.toString(36)}i`)) nonce += 1;
  const prefix = `mfz${nonce.toString(36)}i`;
  // One word per field, so a link to {{recruiterEmail}} labelled {{recruiterEmail}} reads as one address.
  const words = new Map<string, string>();
  const names = new Map<string, string>();
  let source = "";
  let at = 0;
  for (const p of placeholders) {
    let word = words.get(p.name);
    if (!word) {
      word = `${prefix}${words.size}z`;
      words.set(p.name, word);
      names.set(word, p.name);
    }
    source += text.slice(at, p.start) + word;
    at = p.end;
  }
  source += text.slice(at);
  const pattern = new RegExp(`${prefix}\\d+z`, "g");
  const restore = (s: string) => s.replace(pattern, (word) => `{{${names.get(word) ?? ""}}}`);
  return { source, names, pattern, restore };
}

const URL_SCHEME = /^(https?:\/\/|mailto:)\S/i;
const IMAGE_SCHEME = /^https?:\/\/\S/i;

function markdownProblems(body: string, placeholders: readonly Placeholder[]): Problem[] {
  const problems: Problem[] = [];
  const { source, names, pattern, restore } = tokenize(body, placeholders);
  for (const tag of rawHtmlTags(source).slice(0, 3)) problems.push({ code: "templates.errors.html", params: { tag } });
  const tokens = parseMarkdown(source);
  if (hasUnclosedFence(source, tokens)) problems.push({ code: "templates.errors.unclosedFence" });
  for (const token of allTokens(tokens)) {
    const isImage = token.type === "image";
    if (token.type !== "link_open" && !isImage) continue;
    const href = attr(token, isImage ? "src" : "href").trim();
    if (!href) {
      problems.push({ code: "templates.errors.emptyLink" });
      continue;
    }
    const leading = new RegExp(`^(?:${pattern.source})`).exec(href)?.[0];
    if (leading) {
      const field = names.get(leading) ?? "";
      if (!(LINK_FIELDS as readonly string[]).includes(field)) problems.push({ code: "templates.errors.linkField", params: { field } });
      continue;
    }
    if (!(isImage ? IMAGE_SCHEME : URL_SCHEME).test(href)) {
      problems.push({ code: "templates.errors.badLink", params: { url: restore(markdown.normalizeLinkText(href)).slice(0, 80) } });
    }
  }
  return problems;
}

/** Everything wrong with a template for this kind of message; empty when it can be sent. */
export function checkTemplate(kind: TemplateKind, text: { subject: string; body: string }): TemplateProblem[] {
  const allowed = new Set<string>(fieldsForKind(kind));
  const problems: TemplateProblem[] = [];
  for (const part of ["subject", "body"] as const) {
    const { placeholders, problems: braces } = scanPlaceholders(text[part]);
    const found: Problem[] = [...braces];
    for (const { name } of placeholders) {
      if (!isMergeField(name)) found.push({ code: "templates.errors.unknownField", params: { field: name } });
      else if (!allowed.has(name)) found.push({ code: "templates.errors.fieldNotForKind", params: { field: name } });
    }
    if (part === "subject" && /[\r\n]/.test(text.subject)) found.push({ code: "templates.errors.subjectLines" });
    if (part === "body") found.push(...markdownProblems(text.body, placeholders));
    const seen = new Set<string>();
    for (const problem of found) {
      const key = `${problem.code}|${JSON.stringify(problem.params ?? {})}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ part, ...problem });
    }
  }
  return problems;
}

// ---- compiling -------------------------------------------------------------

/** How a value is written where its placeholder stood. */
type Slot = { field: MergeField; as: "html" | "attr" | "url" | "urlPart" | "text" | "line" };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ");

function fill(slot: Slot, value: string): string {
  switch (slot.as) {
    case "html":
      return escapeHtml(value).replace(/\r\n|\r|\n/g, "<br>");
    case "attr":
      return escapeHtml(oneLine(value));
    case "url": {
      // A link that starts with a field takes it as the whole address: only a web or mail one.
      const url = value.trim();
      return URL_SCHEME.test(url) ? escapeHtml(markdown.normalizeLink(url)) : "";
    }
    case "urlPart":
      return escapeHtml(markdown.normalizeLink(oneLine(value).trim()));
    case "text":
      return value;
    case "line":
      return oneLine(value);
  }
}

/** Static text with slots between: statics.length === slots.length + 1. */
class Pieces {
  readonly statics: string[] = [""];
  readonly slots: Slot[] = [];

  add(text: string) {
    this.statics[this.statics.length - 1] += text;
    return this;
  }

  slot(slot: Slot) {
    this.slots.push(slot);
    this.statics.push("");
    return this;
  }

  /** Appends `output`, turning each placeholder word into a slot written as `as` says. */
  words(output: string, names: ReadonlyMap<string, string>, pattern: RegExp, as: (output: string, at: number) => Slot["as"]) {
    let at = 0;
    for (const match of output.matchAll(new RegExp(pattern.source, "g"))) {
      this.add(output.slice(at, match.index));
      this.slot({ field: names.get(match[0]) as MergeField, as: as(output, match.index) });
      at = match.index + match[0].length;
    }
    return this.add(output.slice(at));
  }

  append(other: Pieces) {
    this.add(other.statics[0]!);
    other.slots.forEach((slot, i) => this.slot(slot).add(other.statics[i + 1]!));
    return this;
  }

  render(values: MergeValues): string {
    let out = this.statics[0]!;
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i]!;
      out += fill(slot, values[slot.field] ?? "") + this.statics[i + 1]!;
    }
    return out;
  }
}

/**
 * Where a placeholder word stands in markdown-it's HTML. Text is escaped there, so an
 * unescaped "<" opens a tag: inside one, the word is an attribute, or a link's address.
 */
function htmlPlace(html: string, at: number): Slot["as"] {
  const lt = html.lastIndexOf("<", at);
  if (lt <= html.lastIndexOf(">", at)) return "html";
  const attribute = /\s(?:href|src)="([^"]*)$/.exec(html.slice(lt, at));
  if (!attribute) return "attr";
  return attribute[1] === "" ? "url" : "urlPart";
}

function compileMarkdown(text: string) {
  const { placeholders } = scanPlaceholders(text);
  const { source, names, pattern } = tokenize(text, placeholders);
  const tokens = parseMarkdown(source);
  return {
    html: new Pieces().words(renderHtml(tokens), names, pattern, htmlPlace),
    text: new Pieces().words(renderPlainText(tokens), names, pattern, () => "text"),
    fields: [...new Set(placeholders.map((p) => p.name as MergeField))],
  };
}

const FOOTERS = { ru: templatesRu.footer, en: templatesEn.footer };

const BODY_STYLE = "margin:0;padding:0;background:#ffffff;";
const LETTER_STYLE =
  "max-width:600px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2328;";
const FOOTER_STYLE = "margin-top:24px;padding-top:12px;border-top:1px solid #d0d7de;font-size:12px;line-height:1.4;color:#6e7781;";

/**
 * Renders the template once; `render` then only fills values in (fast enough for a
 * campaign of thousands). Throws TemplateInvalid when checkTemplate finds anything.
 * Candidate-facing kinds get an unsubscribe footer unless the body places
 * {{unsubscribeLink}} itself. A missing value is left empty.
 */
export function compileTemplate(kind: TemplateKind, text: { subject: string; body: string }, options: { locale: TemplateLocale }): CompiledTemplate {
  const problems = checkTemplate(kind, text);
  if (problems.length) throw new TemplateInvalid(problems);

  const subjectPlaceholders = scanPlaceholders(text.subject.trim()).placeholders;
  const subject = tokenize(text.subject.trim(), subjectPlaceholders);
  const body = compileMarkdown(text.body);
  const needsFooter = isCandidateFacing(kind) && !body.fields.includes("unsubscribeLink");
  const footer = needsFooter ? compileMarkdown(`${FOOTERS[options.locale].text} [${FOOTERS[options.locale].link}]({{unsubscribeLink}})`) : null;

  const subjectLine = new Pieces().words(subject.source, subject.names, subject.pattern, () => "line");
  const title = new Pieces().words(escapeHtml(subject.source), subject.names, subject.pattern, () => "attr");
  const html = new Pieces()
    .add(`<!DOCTYPE html>\n<html lang="${options.locale}">\n<head>\n<meta charset="utf-8">\n`)
    .add(`<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>`)
    .append(title)
    .add(`</title>\n</head>\n<body style="${BODY_STYLE}">\n<div style="${LETTER_STYLE}">\n`)
    .append(body.html);
  const plain = new Pieces().append(body.text);
  if (footer) {
    html.add(`<div style="${FOOTER_STYLE}">\n`).append(footer.html).add("</div>\n");
    plain.add("\n\n-- \n").append(footer.text);
  }
  html.add("</div>\n</body>\n</html>\n");
  plain.add("\n");

  const fields = [...new Set([...subjectPlaceholders.map((p) => p.name as MergeField), ...body.fields, ...(footer?.fields ?? [])])];
  return {
    fields,
    render: (values) => ({ subject: subjectLine.render(values).trim(), html: html.render(values), text: plain.render(values) }),
  };
}
