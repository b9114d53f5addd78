import { describe, expect, it } from "vitest";
import { action as companyAction, loader as companyLoader } from "~/routes/companies.$id";
import { action as listAction, loader as listLoader } from "~/routes/companies._index";
import { resolveCompanies } from "~/sourcing/companies.server";
import { companyMatchKey } from "~/sourcing/company-match";
import { db } from "~/utils/db.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

const context = { clientIp: "127.0.0.1" };

async function company(name: string, aliases: string[] = [], extra: { industry?: string; city?: string } = {}) {
  return db().company.create({
    data: {
      name,
      normalizedName: companyMatchKey(name),
      ...extra,
      aliases: { create: aliases.map((alias) => ({ alias, normalized: companyMatchKey(alias) })) },
    },
  });
}

async function vacancy(title = "KAM") {
  return db().vacancy.create({ data: { title, city: "Москва", industry: "Оборудование", status: "OPEN" } });
}

async function recruiterCookie() {
  return sessionCookie((await createUser({ roles: ["RECRUITER"] })).id);
}

const post = (id: string, fields: Record<string, string>, cookie: string) =>
  respond(() => companyAction({ request: formRequest(`/companies/${id}`, fields, cookie), context, params: { id } }));

describe("resolveCompanies", () => {
  it("finds companies by name and alias in any spelling and creates the missing ones once", async () => {
    const gidromash = await company("ООО «Гидромаш»", ["ГМ Групп"]);
    const names = ["Gidromash LLC", "ГИДРОМАШ", "гм групп", "АО «НоваяКомпания»", "NovayaKompaniya JSC", "«»"];
    const hints = new Map([["АО «НоваяКомпания»", { industry: "Арматура", city: "Тула" }]]);
    const resolved = await db().$transaction((tx) => resolveCompanies(tx, names, hints));
    expect(resolved.get("Gidromash LLC")).toEqual({ id: gidromash.id, name: "ООО «Гидромаш»" });
    expect(resolved.get("ГИДРОМАШ")!.id).toBe(gidromash.id);
    expect(resolved.get("гм групп")!.id).toBe(gidromash.id);
    expect(resolved.has("«»")).toBe(false);
    const created = resolved.get("АО «НоваяКомпания»")!;
    expect(resolved.get("NovayaKompaniya JSC")!.id).toBe(created.id);
    expect(await db().company.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      name: "АО «НоваяКомпания»",
      normalizedName: companyMatchKey("НоваяКомпания"),
      industry: "Арматура",
      city: "Тула",
    });
  });

  it("resolves 1,000 names at once, and again under other spellings", async () => {
    const names = Array.from({ length: 1_000 }, (_, i) => `ООО «Поставщик ${i}»`);
    const first = await db().$transaction((tx) => resolveCompanies(tx, names));
    const again = await db().$transaction((tx) => resolveCompanies(tx, names.map((n) => n.replace("ООО ", "").toUpperCase())));
    expect(new Set([...first.values()].map((c) => c.id)).size).toBe(1_000);
    expect([...again.values()].map((c) => c.id).sort()).toEqual([...first.values()].map((c) => c.id).sort());
  });

  it("creates one company when two transactions resolve the same new names at once", async () => {
    const names = ["ООО «Параллель»", "Parallel LLC", "АО «Одновременно»"];
    const [a, b] = await Promise.all([
      db().$transaction((tx) => resolveCompanies(tx, names)),
      db().$transaction((tx) => resolveCompanies(tx, [...names].reverse())),
    ]);
    expect(a.get("ООО «Параллель»")!.id).toBe(b.get("Parallel LLC")!.id);
    expect(a.get("АО «Одновременно»")!.id).toBe(b.get("АО «Одновременно»")!.id);
    expect(await db().company.count({ where: { normalizedName: { in: [companyMatchKey("Параллель"), companyMatchKey("Одновременно")] } } })).toBe(2);
  });
});

describe("company catalog", () => {
  it("lists companies with alias and vacancy counts, searchable by any spelling, for every role", async () => {
    const pump = await company("ООО «КаталогНасос»", ["KatalogNasos Ltd", "КН"]);
    await company("ООО «КаталогДругая»");
    const v = await vacancy();
    await db().vacancyCompanyList.create({ data: { vacancyId: v.id, companyId: pump.id, kind: "TARGET" } });
    const manager = await sessionCookie((await createUser({ roles: ["HIRING_MANAGER"] })).id);
    for (const q of ["каталогнасос", "Katalog Nasos", "KatalogNasos Ltd", "«КН»"]) {
      const response = await respond(() => listLoader({ request: getRequest(`/companies?q=${encodeURIComponent(q)}`, manager), context, params: {} }));
      const data = await response.json();
      expect(data.companies.map((c: { name: string }) => c.name), q).toEqual(["ООО «КаталогНасос»"]);
      expect(data.companies[0]).toMatchObject({ aliases: 2, vacancies: 1 });
      expect(data.canEdit).toBe(false);
    }
  });

  it("creates a company, refusing an empty or taken name with a field error naming the owner", async () => {
    const cookie = await recruiterCookie();
    await company("ООО «Занято»", ["Zanyato Group"]);
    const create = (fields: Record<string, string>) => respond(() => listAction({ request: formRequest("/companies", fields, cookie), context, params: {} }));
    const before = await db().company.count();
    expect((await (await create({ name: "" })).json()).error).toMatchObject({ name: ["validation.required"] });
    expect((await (await create({ name: "«»" })).json()).error).toMatchObject({ name: ["companies.errors.notAName"] });
    expect((await (await create({ name: "Я".repeat(301) })).json()).error).toMatchObject({ name: ["validation.tooLong|max=300"] });
    const taken = await create({ name: "zanyato", industry: "Арматура" });
    expect(taken.status).toBe(400);
    const body = await taken.json();
    expect(body.error).toMatchObject({ name: ["companies.errors.taken|company=ООО «Занято»"] });
    expect(body.initialValue).toMatchObject({ name: "zanyato", industry: "Арматура" });
    expect((await (await create({ name: "ZANYATO GROUP" })).json()).error).toMatchObject({ name: ["companies.errors.taken|company=ООО «Занято»"] });
    expect(await db().company.count()).toBe(before);

    const ok = await create({ name: "ООО «Свободно»", industry: "Арматура", city: "Тула" });
    expect(ok.status).toBe(302);
    const created = await db().company.findUniqueOrThrow({ where: { normalizedName: companyMatchKey("Свободно") } });
    expect(ok.headers.get("Location")).toBe(`/companies/${created.id}?created=1`);
    expect(await db().auditEntry.findFirst({ where: { entityId: created.id, action: "company.create" } })).not.toBeNull();
  });

  it("adds and removes aliases; an alias another company has is refused naming that company", async () => {
    const cookie = await recruiterCookie();
    const armatek = await company("ООО «АрмаТек»");
    await company("ООО «АрмаТех»", ["Арматех Групп"]);
    const refusals: Array<[string, string]> = [
      ["", "validation.required"],
      ["---", "companies.errors.notAName"],
      ["ArmaTech", "companies.errors.taken|company=ООО «АрмаТех»"],
      ["Armatekh Group", "companies.errors.taken|company=ООО «АрмаТех»"],
      ["Arma Tek LLC", "companies.errors.aliasKnown|company=ООО «АрмаТек»"],
    ];
    for (const [alias, message] of refusals) {
      const response = await post(armatek.id, { intent: "addAlias", alias }, cookie);
      expect(response.status, alias).toBe(400);
      const body = await response.json();
      expect(body).toMatchObject({ intent: "addAlias", result: { error: { alias: [message] } } });
    }
    expect(await db().companyAlias.count({ where: { companyId: armatek.id } })).toBe(0);

    const added = await post(armatek.id, { intent: "addAlias", alias: "АТК" }, cookie);
    expect(added.status).toBe(302);
    const alias = await db().companyAlias.findFirstOrThrow({ where: { companyId: armatek.id } });
    expect(alias).toMatchObject({ alias: "АТК", normalized: companyMatchKey("АТК") });
    const page = await (await respond(() => companyLoader({ request: getRequest(`/companies/${armatek.id}`, cookie), context, params: { id: armatek.id } }))).json();
    expect(page.company.aliases).toEqual([{ id: alias.id, alias: "АТК" }]);
    expect(page.canEdit).toBe(true);

    const other = await company("ООО «Чужая»", ["Чужой синоним"]);
    const foreign = await db().companyAlias.findFirstOrThrow({ where: { companyId: other.id } });
    expect((await post(armatek.id, { intent: "removeAlias", aliasId: foreign.id }, cookie)).status).toBe(404);
    expect((await post(armatek.id, { intent: "removeAlias", aliasId: alias.id }, cookie)).status).toBe(302);
    expect(await db().companyAlias.count({ where: { companyId: armatek.id } })).toBe(0);
    expect(await db().companyAlias.count({ where: { id: foreign.id } })).toBe(1);
    const actions = await db().auditEntry.findMany({ where: { entityId: armatek.id }, select: { action: true }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["company.alias.add", "company.alias.remove"]);
  });

  it("renames a company keeping the old name as an alias, and refuses a name another has", async () => {
    const cookie = await recruiterCookie();
    const old = await company("ООО «СтароеИмя»", ["НовоеИмя"]);
    await company("ООО «ЧужоеИмя»");
    const taken = await post(old.id, { intent: "update", name: "ЧужоеИмя", industry: "Арматура" }, cookie);
    expect(await taken.json()).toMatchObject({ intent: "update", result: { error: { name: ["companies.errors.taken|company=ООО «ЧужоеИмя»"] } } });
    expect((await post(old.id, { intent: "update", name: "ООО «НовоеИмя»", industry: "Арматура", city: "" }, cookie)).status).toBe(302);
    const renamed = await db().company.findUniqueOrThrow({ where: { id: old.id }, include: { aliases: true } });
    expect(renamed).toMatchObject({ name: "ООО «НовоеИмя»", normalizedName: companyMatchKey("НовоеИмя"), industry: "Арматура", city: null });
    expect(renamed.aliases.map((a) => a.alias)).toEqual(["ООО «СтароеИмя»"]);
  });

  it("merges a duplicate: aliases, list places and jobs move over, stricter list wins, tiers follow", async () => {
    const cookie = await recruiterCookie();
    const main = await company("ООО «Основная»", [], { industry: "Насосы" });
    const dup = await company("Osnovnaya-Dubl LLC", ["Дубль-2"], { city: "Пермь" });
    const [v1, v2] = [await vacancy("V1"), await vacancy("V2")];
    await db().vacancyCompanyList.createMany({
      data: [
        { vacancyId: v1.id, companyId: main.id, kind: "TARGET" },
        { vacancyId: v1.id, companyId: dup.id, kind: "EXCLUDED" },
        { vacancyId: v2.id, companyId: dup.id, kind: "TARGET" },
      ],
    });
    const person = await createCandidate({
      workHistory: { create: [{ companyId: dup.id, companyName: "Osnovnaya-Dubl LLC", title: "KAM", startedOn: new Date("2020-01-01") }] },
    });
    const application = await db().application.create({ data: { candidateId: person.id, vacancyId: v2.id, tier: "OPEN_MARKET" } });

    const self = await post(dup.id, { intent: "merge", into: "Дубль-2" }, cookie);
    expect(await self.json()).toMatchObject({ result: { error: { into: ["companies.errors.mergeSelf"] } } });
    const unknown = await post(dup.id, { intent: "merge", into: "Несуществующая" }, cookie);
    expect(await unknown.json()).toMatchObject({ result: { error: { into: ["companies.errors.unknown|value=Несуществующая"] } } });
    expect(await db().company.count({ where: { id: dup.id } })).toBe(1);

    const merged = await post(dup.id, { intent: "merge", into: "основная" }, cookie);
    expect(merged.status).toBe(302);
    expect(merged.headers.get("Location")).toBe(`/companies/${main.id}?merged=${encodeURIComponent("Osnovnaya-Dubl LLC")}`);
    expect(await db().company.count({ where: { id: dup.id } })).toBe(0);
    const survivor = await db().company.findUniqueOrThrow({ where: { id: main.id }, include: { aliases: true, vacancyLists: true } });
    expect(survivor).toMatchObject({ industry: "Насосы", city: "Пермь" });
    expect(survivor.aliases.map((a) => a.alias).sort()).toEqual(["Osnovnaya-Dubl LLC", "Дубль-2"]);
    expect(survivor.vacancyLists.map((l) => [l.vacancyId, l.kind]).sort()).toEqual([[v1.id, "EXCLUDED"], [v2.id, "TARGET"]].sort());
    expect((await db().workExperience.findFirstOrThrow({ where: { candidateId: person.id } })).companyId).toBe(main.id);
    expect(await db().application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      tier: "TARGET",
      tierReason: { list: "TARGET", match: "company", companyName: "Osnovnaya-Dubl LLC", jobTitle: "KAM" },
    });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { entityId: main.id, action: "company.merge" } });
    expect(entry.details).toMatchObject({ mergedId: dup.id, aliasesMoved: 1, listsMoved: 1, jobsRelinked: 1, applicationsRetiered: 1 });
    // The old spelling now resolves to the survivor.
    const resolved = await db().$transaction((tx) => resolveCompanies(tx, ["Osnovnaya Dubl"]));
    expect(resolved.get("Osnovnaya Dubl")!.id).toBe(main.id);
  });

  it("lets only the catalog's roles write, and answers 404 for an unknown company", async () => {
    const target = await company("ООО «Охраняемая»");
    const manager = await sessionCookie((await createUser({ roles: ["HIRING_MANAGER"] })).id);
    expect((await post(target.id, { intent: "addAlias", alias: "Охрана" }, manager)).status).toBe(403);
    expect((await respond(() => listAction({ request: formRequest("/companies", { name: "Новая" }, manager), context, params: {} }))).status).toBe(403);
    const cookie = await recruiterCookie();
    expect((await post("nope", { intent: "addAlias", alias: "Охрана" }, cookie)).status).toBe(404);
    expect((await post(target.id, { intent: "bogus" }, cookie)).status).toBe(400);
    expect((await respond(() => companyLoader({ request: getRequest("/companies/nope", cookie), context, params: { id: "nope" } }))).status).toBe(404);
    expect(await db().companyAlias.count({ where: { companyId: target.id } })).toBe(0);
  });
});
