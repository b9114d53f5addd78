import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { demoTemplates } from "~/demo/templates";
import { TEMPLATE_KINDS, type MergeValues } from "~/outreach/merge-fields";
import { problemKey, TemplateFormSchema } from "~/outreach/template-form";
import { checkTemplate, compileTemplate, TemplateInvalid } from "~/outreach/template-render";

const codes = (kind: Parameters<typeof checkTemplate>[0], subject: string, body: string) =>
  checkTemplate(kind, { subject, body }).map((p) => ({ part: p.part, code: p.code.replace("templates.errors.", ""), ...p.params }));

const values: MergeValues = {
  firstName: "Ирина",
  lastName: "Соколова",
  vacancyTitle: "KAM",
  questionnaireLink: "https://kam.test/q/abc?x=1&y=2",
  recruiterName: "Екатерина Смирнова",
  recruiterEmail: "k.smirnova@kam.demo",
  unsubscribeLink: "https://kam.test/u/TOKEN",
};

const render = (body: string, more: MergeValues = {}, subject = "Приглашение, {{firstName}}", kind: Parameters<typeof checkTemplate>[0] = "SELLING_LETTER") =>
  compileTemplate(kind, { subject, body }, { locale: "ru" }).render({ ...values, ...more });

describe("checkTemplate: merge fields", () => {
  test("a valid template has no problems, spaces inside the braces allowed", () => {
    expect(codes("SELLING_LETTER", "{{ firstName }}, конкурс на {{vacancyTitle}}", "Здравствуйте, {{firstName}}!\n\n[Анкета]({{questionnaireLink}})")).toEqual([]);
  });

  test("an unknown field is refused by name, in the subject or the body", () => {
    expect(codes("SELLING_LETTER", "Привет, {{firstNam}}", "Текст {{salary}}")).toEqual([
      { part: "subject", code: "unknownField", field: "firstNam" },
      { part: "body", code: "unknownField", field: "salary" },
    ]);
  });

  test("a field the kind does not offer is refused by name", () => {
    expect(codes("REJECTION", "Отказ", "Ждём вас {{interviewTime}}")).toEqual([{ part: "body", code: "fieldNotForKind", field: "interviewTime" }]);
    expect(codes("CLIENT_NOTICE", "Новый менеджер", "{{firstName}}, {{newManagerName}} [x]({{unsubscribeLink}})")).toEqual([
      { part: "body", code: "fieldNotForKind", field: "firstName" },
      { part: "body", code: "fieldNotForKind", field: "unsubscribeLink" },
    ]);
    expect(codes("INTERVIEW_INVITATION", "Собеседование {{interviewTime}}", "Адрес: {{interviewPlace}}")).toEqual([]);
  });

  test("unclosed {{, stray }} and a placeholder that is not a name", () => {
    expect(codes("SELLING_LETTER", "Тема {{firstName", "Текст }} и {{ два слова }} и {{}}")).toEqual([
      { part: "subject", code: "unclosedBraces", text: "{{firstName" },
      { part: "body", code: "strayBraces", text: "Текст }}" },
      { part: "body", code: "badPlaceholder", text: "{{ два слова }}" },
      { part: "body", code: "badPlaceholder", text: "{{}}" },
    ]);
    expect(codes("SELLING_LETTER", "Тема", "{{firstName {{lastName}}")[0]).toMatchObject({ code: "unclosedBraces" });
  });

  test("a subject of two lines is refused", () => {
    expect(codes("SELLING_LETTER", "Строка\nвторая", "Текст")).toEqual([{ part: "subject", code: "subjectLines" }]);
  });
});

describe("checkTemplate: broken Markdown", () => {
  test("raw HTML is refused with the tag named, but not an angle bracket in text or code", () => {
    expect(codes("SELLING_LETTER", "Тема", "Привет <b>жирный</b>\n\n<div>блок</div>\n\n<!-- заметка -->")).toEqual([
      { part: "body", code: "html", tag: "<b>" },
      { part: "body", code: "html", tag: "<div>" },
      { part: "body", code: "html", tag: "<!--" },
    ]);
    expect(codes("SELLING_LETTER", "Тема", "Оборот > 10 млн и < 50 млн, код `<b>` и <https://kam.test>")).toEqual([]);
  });

  test("an unclosed ``` fence is refused; a closed one is fine", () => {
    expect(codes("SELLING_LETTER", "Тема", "Текст\n\n```\nкод\n")).toEqual([{ part: "body", code: "unclosedFence" }]);
    expect(codes("SELLING_LETTER", "Тема", "Текст\n\n~~~~\nкод\n~~~~\n\nдальше")).toEqual([]);
    expect(codes("SELLING_LETTER", "Тема", "- пункт\n\n  ```\n  код\n  ```")).toEqual([]);
  });

  test("links: empty, javascript:, data: and relative addresses are refused; http(s) and mailto are fine", () => {
    expect(
      codes("SELLING_LETTER", "Тема", "[a]() [b](javascript:alert(1)) [c](data:text/html,x) [d](/apply) <javascript:alert(2)> ![e](mailto:a@b.ru)"),
    ).toEqual([
      { part: "body", code: "emptyLink" },
      { part: "body", code: "badLink", url: "javascript:alert(1)" },
      { part: "body", code: "badLink", url: "data:text/html,x" },
      { part: "body", code: "badLink", url: "/apply" },
      { part: "body", code: "badLink", url: "javascript:alert(2)" },
      { part: "body", code: "badLink", url: "mailto:a@b.ru" },
    ]);
    expect(codes("SELLING_LETTER", "Тема", "[a](https://kam.test) [b](http://kam.test/x) [c](mailto:{{recruiterEmail}}) ![d](https://kam.test/logo.png)")).toEqual([]);
  });

  test("a reference-style link is checked like any other", () => {
    expect(codes("SELLING_LETTER", "Тема", "[анкета][q]\n\n[q]: javascript:void(0)")).toEqual([{ part: "body", code: "badLink", url: "javascript:void(0)" }]);
  });

  test("a link may start with a link field only", () => {
    expect(codes("SELLING_LETTER", "Тема", "[a]({{questionnaireLink}}) [b]({{applyLink}}?utm=mail) [c]({{firstName}})")).toEqual([
      { part: "body", code: "linkField", field: "firstName" },
    ]);
  });
});

describe("compileTemplate", () => {
  test("refuses a template with problems", () => {
    expect(() => compileTemplate("SELLING_LETTER", { subject: "Тема", body: "{{nope}}" }, { locale: "ru" })).toThrow(TemplateInvalid);
    const refused = (() => {
      try {
        compileTemplate("SELLING_LETTER", { subject: "Тема", body: "<i>x</i>" }, { locale: "ru" });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(TemplateInvalid);
    expect((refused as TemplateInvalid).problems).toEqual([{ part: "body", code: "templates.errors.html", params: { tag: "<i>" } }]);
  });

  test("both parts always: an HTML document and a readable text with the values", () => {
    const message = render("{{firstName}}, **добрый день**!\n\n- оклад\n- *бонусы*\n\nС уважением,\n{{recruiterName}}");
    expect(message.subject).toBe("Приглашение, Ирина");
    expect(message.html).toMatch(/^<!DOCTYPE html>\n<html lang="ru">/);
    expect(message.html).toContain("<title>Приглашение, Ирина</title>");
    expect(message.html).toContain("Ирина, <strong>добрый день</strong>!");
    expect(message.html).toContain('<li style="margin:0 0 4px;"><em>бонусы</em></li>');
    // A single line break stays one (a signature).
    expect(message.html).toContain("С уважением,<br>\nЕкатерина Смирнова");
    expect(message.text).toContain("Ирина, добрый день!\n\n• оклад\n• бонусы\n\nС уважением,\nЕкатерина Смирнова");
    expect(message.text).not.toMatch(/\*|<|>/);
  });

  test("values are HTML-escaped in the HTML part and never read as Markdown", () => {
    const message = render("Здравствуйте, {{firstName}}!\n\n> {{lastName}}", { firstName: "<script>alert(1)</script>", lastName: "**жирный** [ссылка](javascript:x) {{firstName}}" });
    expect(message.html).toContain("Здравствуйте, &lt;script&gt;alert(1)&lt;/script&gt;!");
    expect(message.html).not.toContain("<script>");
    expect(message.html).toContain("**жирный** [ссылка](javascript:x) {{firstName}}");
    expect(message.html).not.toContain("<strong>жирный");
    expect(message.html).not.toContain('href="javascript');
    // The text part is plain text: the value as it is.
    expect(message.text).toContain("Здравствуйте, <script>alert(1)</script>!");
    expect(message.subject).toBe("Приглашение, <script>alert(1)</script>");
    expect(message.html).toContain("<title>Приглашение, &lt;script&gt;alert(1)&lt;/script&gt;</title>");
  });

  test("a value with quotes cannot leave an attribute; a value's line breaks become <br> in text", () => {
    const message = render("[Анкета]({{questionnaireLink}} \"{{firstName}}\")\n\n{{recruiterName}}", {
      questionnaireLink: 'https://kam.test/q/1?a="><script>',
      firstName: 'И"ра',
      recruiterName: "Екатерина\nСмирнова",
    });
    expect(message.html).toContain('href="https://kam.test/q/1?a=%22%3E%3Cscript%3E"');
    expect(message.html).toContain('title="И&quot;ра"');
    expect(message.html).toContain("Екатерина<br>Смирнова");
  });

  test("a link made of a field works in both parts; a field value that is no web address gives no link target", () => {
    const message = render("Заполните [анкету]({{questionnaireLink}}) или напишите на [{{recruiterEmail}}](mailto:{{recruiterEmail}}).");
    expect(message.html).toContain('<a style="color:#1a5fb4;" href="https://kam.test/q/abc?x=1&amp;y=2">анкету</a>');
    expect(message.html).toContain('href="mailto:k.smirnova@kam.demo">k.smirnova@kam.demo</a>');
    expect(message.text).toContain("Заполните анкету (https://kam.test/q/abc?x=1&y=2) или напишите на k.smirnova@kam.demo.");
    const evil = render("[анкета]({{questionnaireLink}})", { questionnaireLink: "javascript:alert(1)" });
    expect(evil.html).toContain('href=""');
    expect(evil.html).not.toContain("javascript");
  });

  test("subject: plain text, the values' line breaks flattened, no Markdown", () => {
    const message = render("Текст", { firstName: "Ирина\r\nBcc: all@example.com", vacancyTitle: "**KAM**" }, "{{firstName}} — *{{vacancyTitle}}*");
    expect(message.subject).toBe("Ирина Bcc: all@example.com — ***KAM***");
    expect(message.subject).not.toMatch(/[\r\n]/);
  });

  test("letters to candidates get a localized unsubscribe footer in both parts", () => {
    const ru = render("Текст письма");
    expect(ru.html).toContain('<a style="color:#1a5fb4;" href="https://kam.test/u/TOKEN">Отписаться</a>');
    expect(ru.text).toMatch(/Текст письма\n\n-- \nНе хотите больше получать от нас письма\? Отписаться \(https:\/\/kam\.test\/u\/TOKEN\)\n$/);
    const en = compileTemplate("REJECTION", { subject: "Thank you", body: "Dear {{firstName}}," }, { locale: "en" }).render(values);
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain(">Unsubscribe</a>");
    expect(en.text).toContain("Unsubscribe (https://kam.test/u/TOKEN)");
  });

  test("no footer when the body places the unsubscribe link itself, nor in a client notice", () => {
    const own = render("Текст. [Не писать мне больше]({{unsubscribeLink}})");
    expect(own.html.match(/kam\.test\/u\/TOKEN/g)).toHaveLength(1);
    expect(own.html).not.toContain("Отписаться");
    expect(own.text).not.toContain("-- \n");
    const notice = compileTemplate("CLIENT_NOTICE", { subject: "{{clientName}}: новый менеджер", body: "Ваш новый менеджер — {{newManagerName}}." }, { locale: "ru" });
    const sent = notice.render({ clientName: "АО «Водоканал»", newManagerName: "Анна", unsubscribeLink: "https://kam.test/u/x" });
    expect(sent.subject).toBe("АО «Водоканал»: новый менеджер");
    expect(sent.html).toContain("Ваш новый менеджер — Анна.");
    expect(sent.html).not.toContain("kam.test/u/");
    expect(sent.text).toBe("Ваш новый менеджер — Анна.\n");
  });

  test("plain text: ordered lists, quotes, headings, code and autolinks read well", () => {
    const message = render("# Вакансия\n\n1. анкета\n2. интервью\n\n> Отзыв\n\n`код` и <https://kam.test/about>\n\n---\n\n[https://kam.test](https://kam.test)");
    expect(message.text).toContain("Вакансия\n\n1. анкета\n2. интервью\n\n> Отзыв\n\nкод и https://kam.test/about\n\n----------\n\nhttps://kam.test\n");
    expect(message.html).toContain('<h1 style="font-size:22px;line-height:1.3;margin:0 0 14px;">Вакансия</h1>');
  });

  test("a missing value is left empty; the compiled template lists the fields it uses", () => {
    const compiled = compileTemplate("SELLING_LETTER", { subject: "{{firstName}}", body: "Доход {{salaryRange}}." }, { locale: "ru" });
    expect(compiled.fields).toEqual(["firstName", "salaryRange", "unsubscribeLink"]);
    expect(compiled.render({}).html).toContain("Доход .");
  });

  test("compiled once, rendered for many: each recipient gets their own values", () => {
    const compiled = compileTemplate("SELLING_LETTER", { subject: "{{firstName}}", body: "Привет, {{firstName}}! [Анкета]({{questionnaireLink}})" }, { locale: "ru" });
    const letters = Array.from({ length: 2000 }, (_, i) => compiled.render({ firstName: `Кандидат ${i}`, questionnaireLink: `https://kam.test/q/${i}` }));
    expect(letters[1234]!.subject).toBe("Кандидат 1234");
    expect(letters[1234]!.html).toContain('href="https://kam.test/q/1234"');
    expect(letters[7]!.text).toContain("Привет, Кандидат 7! Анкета (https://kam.test/q/7)");
  });

  test("text that looks like an internal placeholder word is left as typed", () => {
    const message = render("mfz0i0z и {{firstName}}");
    expect(message.html).toContain("mfz0i0z и Ирина");
  });
});

describe("the template form", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return parseWithZod(data, { schema: TemplateFormSchema });
  };

  test("one complete language is enough", () => {
    const submission = form({ kind: "SELLING_LETTER", name: "Письмо", subjectEn: "Hello {{firstName}}", bodyEn: "Body\r\n" });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({ subjectRu: "", bodyRu: "", subjectEn: "Hello {{firstName}}", bodyEn: "Body", vacancyId: null });
  });

  test("a subject needs a body and a body a subject; no language at all is refused on both", () => {
    const half = form({ kind: "SELLING_LETTER", name: "Письмо", subjectRu: "Тема", bodyEn: "Text" });
    expect(half.status).toBe("error");
    expect(half.reply().error).toMatchObject({ bodyRu: ["templates.errors.bodyRequired"], subjectEn: ["templates.errors.subjectRequired"] });
    const none = form({ kind: "SELLING_LETTER", name: "Письмо" });
    expect(none.reply().error).toMatchObject({ subjectRu: ["templates.errors.noLanguage"], subjectEn: ["templates.errors.noLanguage"] });
  });

  test("template problems show under the field they are about, as error keys with parameters", () => {
    const submission = form({ kind: "REJECTION", name: "Отказ", subjectRu: "{{firstNam}}", bodyRu: "<b>x</b> [y](javascript:a=1)" });
    expect(submission.reply().error).toMatchObject({
      subjectRu: ["templates.errors.unknownField|field=firstNam"],
      bodyRu: ["templates.errors.html|tag=<b>", "templates.errors.badLink|url=javascript:a 1"],
    });
    expect(problemKey({ code: "templates.errors.unknownField", params: { field: "a|b=c" } })).toBe("templates.errors.unknownField|field=a b c");
  });

  test("kind and name are required", () => {
    const submission = form({ kind: "SPAM", subjectRu: "Тема", bodyRu: "Текст" });
    expect(submission.reply().error).toMatchObject({ kind: ["validation.invalidChoice"], name: ["validation.required"] });
  });
});

describe("the demo templates", () => {
  const templates = demoTemplates({ mainVacancyId: "vacancy-1", createdById: "user-1" });

  test("one of every kind, names unique, both languages complete and valid", () => {
    expect(templates.map((t) => t.kind).sort()).toEqual([...TEMPLATE_KINDS].sort());
    expect(new Set(templates.map((t) => t.name)).size).toBe(templates.length);
    for (const t of templates) {
      expect(checkTemplate(t.kind, { subject: t.subjectRu, body: t.bodyRu })).toEqual([]);
      expect(checkTemplate(t.kind, { subject: t.subjectEn, body: t.bodyEn })).toEqual([]);
    }
  });

  test("the selling letter is the main vacancy's, invites to the competition and ends on the questionnaire link", () => {
    const letter = templates.find((t) => t.kind === "SELLING_LETTER")!;
    expect(letter.vacancyId).toBe("vacancy-1");
    const ru = compileTemplate("SELLING_LETTER", { subject: letter.subjectRu, body: letter.bodyRu }, { locale: "ru" }).render(values);
    expect(ru.subject).toBe("Ирина, приглашаем в конкурс на место KAM в «ПромТехСнаб»");
    expect(ru.text).toContain("конкурс на две позиции");
    expect(ru.text).toContain("Что мы предлагаем");
    expect(ru.text).toContain("заполните короткую анкету (https://kam.test/q/abc?x=1&y=2)");
    expect(ru.html).toContain('href="https://kam.test/q/abc?x=1&amp;y=2">заполните короткую анкету</a>');
    const en = compileTemplate("SELLING_LETTER", { subject: letter.subjectEn, body: letter.bodyEn }, { locale: "en" }).render(values);
    expect(en.text).toContain("fill in the short questionnaire (https://kam.test/q/abc?x=1&y=2)");
    expect(en.text).toContain("Unsubscribe (https://kam.test/u/TOKEN)");
  });
});
