import { describe, expect, test } from "vitest";
import { isOneClick, looksLikeToken, senderName } from "~/outreach/unsubscribe";

describe("the unsubscribe link", () => {
  test("only a token of the shape we make is looked up", () => {
    expect(looksLikeToken("u2Vq0aQk3y1mX9ZbJt7Lr_4o-PcW8sEd")).toBe(true);
    for (const token of ["", "short", "a".repeat(129), "../../etc/passwd", "токен-токен-токен-токен", "abc def ghi jkl mno pqr"]) {
      expect(looksLikeToken(token)).toBe(false);
    }
  });

  test("a mail client's one-click request is recognised by its body (RFC 8058)", () => {
    const body = (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      return form;
    };
    expect(isOneClick(body({ "List-Unsubscribe": "One-Click" }))).toBe(true);
    expect(isOneClick(body({ intent: "unsubscribe" }))).toBe(false);
    expect(isOneClick(body({ "List-Unsubscribe": "one-click-please" }))).toBe(false);
  });

  test("the page names the sender as the From shows it", () => {
    expect(senderName("KAM Hiring <hiring@kam-hiring.local>")).toBe("KAM Hiring");
    expect(senderName('"ООО «Гидромаш», отдел кадров" <hr@gidromash.ru>')).toBe("ООО «Гидромаш», отдел кадров");
    expect(senderName("<hr@gidromash.ru>")).toBe("gidromash.ru");
    expect(senderName("hr@гидромаш.рф")).toBe("гидромаш.рф");
    expect(senderName("")).toBeNull();
  });
});
