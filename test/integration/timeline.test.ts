import { describe, expect, it } from "vitest";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import { loader } from "~/routes/candidates.$id";
import { runBulkAction } from "~/sourcing/bulk-actions.server";
import { mergeCandidates, unmergeCandidates } from "~/sourcing/merge.server";
import { eraseCandidate, setDoNotContact } from "~/sourcing/personal-data.server";
import { candidateTimeline, sortTimeline, type TimelineEvent } from "~/sourcing/timeline.server";
import { db } from "~/utils/db.server";
import { createCandidate, createUser, getRequest, respond, sessionCookie } from "../factories";

/** Waits past the clock's millisecond so consecutive events get distinct times. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("candidateTimeline", () => {
  it("lists every kind of event, newest first", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"], name: "Ольга Рекрутер" });
    const vacancy = await db().vacancy.create({ data: { title: "KAM, насосы", city: "Москва", industry: "Оборудование" } });
    const candidate = await createCandidate({ source: "HH", createdAt: new Date(Date.now() - 60_000) });
    const batch = await db().importBatch.create({
      data: { source: "SUPERJOB", channel: "FILE", adapter: "superjob-file", label: "sj.json", records: [], createdById: recruiter.id },
    });
    await db().sourceRecord.create({
      data: {
        candidateId: candidate.id, source: "SUPERJOB", channel: "FILE", adapter: "superjob-file", fingerprint: "t1",
        raw: {}, parsed: {}, importBatchId: batch.id, importedAt: new Date(Date.now() - 30_000),
      },
    });
    const application = await addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: recruiter.id });
    await tick();
    await moveApplication({ applicationId: application.id, to: "CONTACTED", actorId: recruiter.id });
    await tick();
    await runBulkAction(recruiter.id, { intent: "tag-add", tag: "резерв", ids: [candidate.id] });
    await tick();
    const duplicate = await createCandidate();
    const merge = await mergeCandidates({ survivorId: candidate.id, mergedId: duplicate.id, actorId: recruiter.id, reason: "Тот же телефон" });
    await tick();
    await unmergeCandidates({ mergeId: merge.id, actorId: recruiter.id });
    await tick();
    await setDoNotContact({ actorId: recruiter.id, candidateId: candidate.id, doNotContact: true, reason: "Попросил" });

    const events = await candidateTimeline(candidate.id);
    expect(events.map((e) => (e.kind === "audit" ? e.action : e.kind))).toEqual([
      "candidate.do-not-contact",
      "unmerge",
      "merge",
      "candidate.tag-add",
      "stage-change",
      "stage-change",
      "source-imported",
      "created",
    ]);
    for (let i = 1; i < events.length; i++) expect(events[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(events[i]!.at.getTime());
    expect(events[2]).toMatchObject({ kind: "merge", otherId: duplicate.id, actorName: "Ольга Рекрутер", reason: "Тот же телефон" });
    expect(events[4]).toMatchObject({ kind: "stage-change", fromStage: "SOURCED", toStage: "CONTACTED", vacancy: { title: "KAM, насосы" } });
    expect(events[6]).toMatchObject({ kind: "source-imported", source: "SUPERJOB", adapter: "superjob-file", importBatchId: batch.id });
    expect(events[7]).toMatchObject({ kind: "created", source: "HH" });
    expect((await candidateTimeline(duplicate.id)).map((e) => e.kind).slice(0, 2)).toEqual(["unmerged-from", "merged-into"]);

    const cookie = await sessionCookie(recruiter.id);
    const page = await (await respond(() => loader({ request: getRequest("/c", cookie), params: { id: candidate.id }, context: {} }))).json();
    expect(page.timeline).toHaveLength(8);
    // The personal-data panel keeps to its own entries; merges and tags are on the timeline.
    expect(page.auditTrail.map((e: { action: string }) => e.action)).toEqual(["candidate.do-not-contact"]);
  });

  it("keeps what happened but not why for an erased candidate", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование" } });
    const candidate = await createCandidate({ lastName: "Сидоров" });
    const application = await addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: admin.id });
    await moveApplication({ applicationId: application.id, to: "WITHDRAWN", actorId: admin.id, reason: "Сидоров передумал" });
    await eraseCandidate({ actorId: admin.id, candidateId: candidate.id, reason: "Запрос Сидорова" });
    const events = await candidateTimeline(candidate.id);
    expect(events.map((e) => e.kind)).toEqual(["audit", "stage-change", "stage-change", "created"]);
    expect(JSON.stringify(events)).not.toContain("Сидоров");
  });

  it("orders events at the same moment as they happen: created, imported, moved", async () => {
    const at = new Date("2026-01-01T10:00:00Z");
    const events: TimelineEvent[] = [
      { at, kind: "created", source: "HH" },
      { at, kind: "audit", action: "candidate.erase", actorName: null, reason: null },
      { at, kind: "source-imported", sourceRecordId: "s", source: "HH", adapter: "hh-api", importBatchId: null },
    ];
    expect(sortTimeline(events).map((e) => e.kind)).toEqual(["audit", "source-imported", "created"]);
    expect(await candidateTimeline("nope")).toEqual([]);
  });
});
