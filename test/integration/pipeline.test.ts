import { type Stage } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import {
  StageMoveError,
  addApplication,
  addToVacancy,
  moveApplication,
  moveToStage,
  recordStageEvent,
  stageHistory,
} from "~/pipeline/pipeline.server";
import { firstBadStep } from "~/pipeline/stages";
import { db } from "~/utils/db.server";

let recruiterId: string;
let vacancyId: string;
let counter = 0;

async function createCandidate() {
  counter += 1;
  return db().candidate.create({ data: { firstName: "Иван", lastName: `Петров${counter}`, source: "HH" } });
}

async function newApplication() {
  const candidate = await createCandidate();
  return addApplication({ candidateId: candidate.id, vacancyId, actorId: recruiterId, tier: "TARGET" });
}

async function historyOf(applicationId: string) {
  return stageHistory(db(), applicationId);
}

async function refusal(work: Promise<unknown>): Promise<StageMoveError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StageMoveError);
  return error as StageMoveError;
}

beforeAll(async () => {
  const recruiter = await db().user.create({
    data: { email: "r@test.local", name: "Рекрутер", passwordHash: "x", roles: ["RECRUITER"] },
  });
  recruiterId = recruiter.id;
  const vacancy = await db().vacancy.create({
    data: { title: "KAM", city: "Москва", industry: "Промышленное оборудование", recruiterId },
  });
  vacancyId = vacancy.id;
});

describe("addToVacancy", () => {
  it("creates the application at SOURCED with its first history row", async () => {
    const application = await newApplication();
    expect(application).toMatchObject({ stage: "SOURCED", tier: "TARGET", vacancyId });
    const history = await historyOf(application.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fromStage: null, toStage: "SOURCED", actorId: recruiterId });
    expect(history[0]!.createdAt).toEqual(application.stageChangedAt);
  });

  it("refuses the same candidate twice for one vacancy", async () => {
    const application = await newApplication();
    const error = await refusal(
      addApplication({ candidateId: application.candidateId, vacancyId, actorId: recruiterId }),
    );
    expect(error.problem).toBe("already-added");
    expect(await db().application.count({ where: { candidateId: application.candidateId } })).toBe(1);
  });

  it("joins the caller's transaction", async () => {
    const candidate = await createCandidate();
    await expect(
      db().$transaction(async (tx) => {
        await addToVacancy(tx, { candidateId: candidate.id, vacancyId, actorId: null, reason: "Отклик на вакансию" });
        throw new Error("the caller's next step failed");
      }),
    ).rejects.toThrow("next step failed");
    expect(await db().application.count({ where: { candidateId: candidate.id } })).toBe(0);
    expect(await db().stageChange.count({ where: { application: { candidateId: candidate.id } } })).toBe(0);
  });
});

describe("moveToStage", () => {
  it("updates the stage and appends who, when, from, to and why", async () => {
    const application = await newApplication();
    const moved = await moveApplication({ applicationId: application.id, to: "CONTACTED", actorId: recruiterId });
    expect(moved.stage).toBe("CONTACTED");
    expect(moved.stageChangedAt.getTime()).toBeGreaterThan(application.stageChangedAt.getTime());
    const rejected = await moveApplication({
      applicationId: application.id,
      to: "REJECTED",
      actorId: recruiterId,
      reason: "  Зарплатные ожидания выше вилки ",
    });
    expect(rejected.stage).toBe("REJECTED");

    const history = await historyOf(application.id);
    expect(history.map((h) => [h.fromStage, h.toStage, h.reason])).toEqual([
      [null, "SOURCED", null],
      ["SOURCED", "CONTACTED", null],
      ["CONTACTED", "REJECTED", "Зарплатные ожидания выше вилки"],
    ]);
    expect(history.every((h) => h.actor?.id === recruiterId)).toBe(true);
    expect(history.at(-1)!.createdAt).toEqual(rejected.stageChangedAt);
  });

  it("lets an internal candidate skip straight to the interview", async () => {
    const application = await newApplication();
    const moved = await moveApplication({ applicationId: application.id, to: "INTERVIEW_INVITED", actorId: null });
    expect(moved.stage).toBe("INTERVIEW_INVITED");
  });

  it("refuses an illegal move and writes nothing", async () => {
    const application = await newApplication();
    await moveApplication({ applicationId: application.id, to: "INTERVIEWED", actorId: recruiterId });

    const back2 = await refusal(
      moveApplication({ applicationId: application.id, to: "CONTACTED", actorId: recruiterId, reason: "?" }),
    );
    expect(back2).toMatchObject({ problem: "not-allowed", from: "INTERVIEWED", to: "CONTACTED" });
    const noReason = await refusal(
      moveApplication({ applicationId: application.id, to: "INTERVIEW_INVITED", actorId: recruiterId }),
    );
    expect(noReason.problem).toBe("reason-required");
    const same = await refusal(moveApplication({ applicationId: application.id, to: "INTERVIEWED", actorId: null }));
    expect(same.problem).toBe("same-stage");

    const after = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(after.stage).toBe("INTERVIEWED");
    expect(await historyOf(application.id)).toHaveLength(2);
  });

  it("rolls back the caller's other writes when the move is refused", async () => {
    const application = await newApplication();
    await expect(
      db().$transaction(async (tx) => {
        await tx.candidate.update({ where: { id: application.candidateId }, data: { city: "Тула" } });
        await moveToStage(tx, { applicationId: application.id, to: "SOURCED", actorId: null });
      }),
    ).rejects.toBeInstanceOf(StageMoveError);
    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: application.candidateId } });
    expect(candidate.city).toBeNull();
  });

  it("reports a missing application", async () => {
    const error = await refusal(moveApplication({ applicationId: "nope", to: "CONTACTED", actorId: null }));
    expect(error.problem).toBe("not-found");
  });

  it("reopens a withdrawal only to the stage before it, with a reason", async () => {
    const application = await newApplication();
    const id = application.id;
    await moveApplication({ applicationId: id, to: "QUESTIONNAIRE_SENT", actorId: recruiterId });
    await moveApplication({ applicationId: id, to: "WITHDRAWN", actorId: recruiterId, reason: "Оффер в другой компании" });

    expect((await refusal(moveApplication({ applicationId: id, to: "CONTACTED", actorId: recruiterId, reason: "x" }))).problem).toBe(
      "not-allowed",
    );
    expect((await refusal(moveApplication({ applicationId: id, to: "QUESTIONNAIRE_SENT", actorId: recruiterId }))).problem).toBe(
      "reason-required",
    );
    const reopened = await moveApplication({
      applicationId: id,
      to: "QUESTIONNAIRE_SENT",
      actorId: recruiterId,
      reason: "Оффер отозвали, кандидат вернулся",
    });
    expect(reopened.stage).toBe("QUESTIONNAIRE_SENT");
    expect(firstBadStep(await historyOf(id))).toBe(-1);
  });

  it("serialises concurrent moves of one application", async () => {
    for (let round = 0; round < 5; round++) {
      const application = await newApplication();
      const id = application.id;
      // Both try the same move: exactly one wins, the other then sees CONTACTED.
      const same = await Promise.allSettled([
        moveApplication({ applicationId: id, to: "CONTACTED", actorId: recruiterId }),
        moveApplication({ applicationId: id, to: "CONTACTED", actorId: recruiterId }),
      ]);
      expect(same.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const loser = same.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(loser.reason).toMatchObject({ problem: "same-stage", from: "CONTACTED" });

      // Two different legal moves: both apply, one after the other, and the history chains.
      const targets: Stage[] = ["QUESTIONNAIRE_SENT", "INTERVIEW_INVITED"];
      const both = await Promise.allSettled(
        targets.map((to) => moveApplication({ applicationId: id, to, actorId: recruiterId })),
      );
      const history = await historyOf(id);
      const final = await db().application.findUniqueOrThrow({ where: { id } });
      expect(firstBadStep(history)).toBe(-1);
      expect(history.at(-1)!.toStage).toBe(final.stage);
      expect(history.at(-1)!.createdAt).toEqual(final.stageChangedAt);
      const times = history.map((h) => h.createdAt.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      // INTERVIEW_INVITED → QUESTIONNAIRE_SENT is two steps back, so its order decides.
      const applied = both.filter((r) => r.status === "fulfilled").length;
      expect(history).toHaveLength(2 + applied);
      expect(applied).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("recordStageEvent", () => {
  it("records a step inside the stage without changing it, and skips applications that are out", async () => {
    const open = await newApplication();
    await moveApplication({ applicationId: open.id, to: "INTERVIEW_INVITED", actorId: recruiterId });
    const out = await newApplication();
    await moveApplication({ applicationId: out.id, to: "REJECTED", actorId: recruiterId, reason: "не подходит" });

    const recorded = await db().$transaction((tx) =>
      recordStageEvent(tx, [open.id, out.id], { event: "INTERVIEW_CONFIRMED", actorId: null }),
    );

    expect(recorded).toEqual([open.id]);
    const last = (await historyOf(open.id)).at(-1)!;
    expect(last).toMatchObject({ fromStage: "INTERVIEW_INVITED", toStage: "INTERVIEW_INVITED", event: "INTERVIEW_CONFIRMED" });
    expect((await db().application.findUniqueOrThrow({ where: { id: open.id } })).stage).toBe("INTERVIEW_INVITED");
    expect((await historyOf(out.id)).some((c) => c.event)).toBe(false);
  });
});

describe("StageChange is append-only", () => {
  it("refuses UPDATE and DELETE of history rows", async () => {
    const application = await newApplication();
    const [row] = await historyOf(application.id);
    await expect(
      db().stageChange.update({ where: { id: row!.id }, data: { reason: "переписать историю" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db().stageChange.delete({ where: { id: row!.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM "StageChange"`).rejects.toThrow(/append-only/);
    expect(await historyOf(application.id)).toHaveLength(1);
  });
});
